"""Reads for the monitor's workbench."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.timezone import localtime

from gongkai.monitor.models import Finding, Kind, Run


@dataclass
class Group:
    kind: str
    label: str
    is_veto: bool
    findings: list[Finding]


def run_latest() -> Run | None:
    return Run.objects.order_by("-created_at", "-id").first()


def run_latest_finished() -> Run | None:
    return Run.objects.filter(status=Run.Status.DONE).order_by("-finished_at", "-id").first()


def findings_grouped(run: Run) -> list[Group]:
    """The run's findings by kind, single-veto kinds first."""
    groups: dict[tuple[bool, str], Group] = {}
    for finding in run.findings.order_by("id"):
        key = (finding.is_veto, finding.kind)
        if key not in groups:
            groups[key] = Group(finding.kind, Kind(finding.kind).label, finding.is_veto, [])
        groups[key].findings.append(finding)
    order = list(Kind.values)
    return sorted(groups.values(), key=lambda g: (not g.is_veto, order.index(g.kind)))


def trend(limit: int = 30) -> list[dict]:
    """Findings and single-veto findings of the last finished runs, oldest first."""
    runs = Run.objects.filter(status=Run.Status.DONE).order_by("-finished_at", "-id")[:limit]
    return [
        {
            "day": localtime(run.finished_at).strftime("%m-%d %H:%M"),
            "findings": run.findings_count,
            "vetoes": run.veto_count,
        }
        for run in reversed(list(runs))
    ]
