"""Reads for the monitor's workbench."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.timezone import localtime
from django_stubs_ext import StrOrPromise

from gongkai.core.models import Organisation
from gongkai.monitor import law
from gongkai.monitor.models import Alert, Finding, Kind, Probe, Run


@dataclass
class Group:
    kind: str
    label: StrOrPromise
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


def trend(limit: int = 30) -> list[dict[str, Any]]:
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


# --- availability -----------------------------------------------------------------------


@dataclass(frozen=True)
class DayAvailability:
    day: dt.date
    samples: int
    failed: int

    @property
    def share(self) -> float:
        return 100 * self.failed / self.samples if self.samples else 0.0

    @property
    def is_veto(self) -> bool:
        """Failed in ≥ 5 % of the day's samples (law.UNREACHABLE_SHARE_PERCENT)."""
        return self.samples > 0 and self.share >= law.UNREACHABLE_SHARE_PERCENT.value

    @property
    def has_enough_samples(self) -> bool:
        return self.samples >= law.SAMPLES_PER_DAY_MIN.value


def availability_days(*, end: dt.date, days: int) -> list[DayAvailability]:
    """Samples and failed samples of each of the ``days`` days up to ``end``, oldest
    first; one query."""
    start = end - dt.timedelta(days=days - 1)
    zone = timezone.get_current_timezone()
    since = dt.datetime.combine(start, dt.time.min, tzinfo=zone)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    counts: dict[dt.date, list[int]] = {start + dt.timedelta(days=i): [0, 0] for i in range(days)}
    for slot, is_ok in Probe.objects.filter(slot__gte=since, slot__lt=until).values_list(
        "slot", "is_ok"
    ):
        row = counts[timezone.localdate(slot)]
        row[0] += 1
        row[1] += not is_ok
    return [DayAvailability(day, samples, failed) for day, (samples, failed) in counts.items()]


def probes_on(day: dt.date) -> list[Probe]:
    zone = timezone.get_current_timezone()
    since = dt.datetime.combine(day, dt.time.min, tzinfo=zone)
    return list(
        Probe.objects.filter(slot__gte=since, slot__lt=since + dt.timedelta(days=1)).order_by(
            "slot", "url"
        )
    )


# --- alerts and the daily report ----------------------------------------------------------


def alerts_open() -> list[Alert]:
    return list(Alert.objects.filter(closed_at__isnull=True).order_by("-raised_at", "-id"))


@dataclass
class DayReport:
    day: dt.date
    runs: list[Run]
    run: Run | None  # the day's last finished run
    groups: list[Group]
    availability: DayAvailability
    probes: list[Probe]
    alerts: list[Alert]


def day_report(day: dt.date) -> DayReport:
    zone = timezone.get_current_timezone()
    since = dt.datetime.combine(day, dt.time.min, tzinfo=zone)
    until = since + dt.timedelta(days=1)
    runs = list(
        Run.objects.filter(finished_at__gte=since, finished_at__lt=until).order_by("finished_at")
    )
    done = [r for r in runs if r.status == Run.Status.DONE]
    run = done[-1] if done else None
    return DayReport(
        day=day,
        runs=runs,
        run=run,
        groups=findings_grouped(run) if run else [],
        availability=availability_days(end=day, days=1)[0],
        probes=probes_on(day),
        alerts=list(Alert.objects.filter(raised_at__gte=since, raised_at__lt=until)),
    )


# --- what the assessment reads --------------------------------------------------------------


def assessment_figures(*, organisation_id: int | None, year: int) -> dict[str, Any]:
    """The monitor's figures for one year, in the shape docs/monitor.md documents for the
    assessment app. The portal is one site for every body on it: ``organisation_id`` is
    accepted for the assessment's per-body calls and gives the same figures."""
    zone = timezone.get_current_timezone()
    since = dt.datetime(year, 1, 1, tzinfo=zone)
    until = dt.datetime(year + 1, 1, 1, tzinfo=zone)
    runs = Run.objects.filter(status=Run.Status.DONE, finished_at__gte=since, finished_at__lt=until)
    findings = Finding.objects.filter(run__in=runs)
    by_kind = dict(findings.values_list("kind").annotate(n=Count("id")).values_list("kind", "n"))
    veto_kinds = sorted(set(findings.filter(is_veto=True).values_list("kind", flat=True)))
    samples = Probe.objects.filter(slot__gte=since, slot__lt=until)
    total = samples.count()
    failed = samples.filter(is_ok=False).count()
    last = runs.order_by("-finished_at", "-id").first()
    last_counts = {}
    if last is not None:
        last_counts = dict(
            last.findings.values_list("kind").annotate(n=Count("id")).values_list("kind", "n")
        )
    return {
        "organisation_id": organisation_id,
        "year": year,
        "runs": runs.count(),
        "runs_with_veto": runs.filter(veto_count__gt=0).count(),
        "failed_indicators": [
            code
            for code, (_label, kinds) in law.VETO_INDICATORS.items()
            if set(kinds) & set(veto_kinds)
        ],
        "findings_by_kind": {kind: by_kind.get(kind, 0) for kind in Kind.values},
        "last_run": {
            "finished_at": last.finished_at.isoformat() if last and last.finished_at else None,
            "vetoes": last.veto_count if last else 0,
            "stale_columns": last_counts.get(Kind.COLUMN_STALE, 0),
            "empty_columns": last_counts.get(Kind.COLUMN_EMPTY, 0),
            "broken_links": last_counts.get(Kind.BROKEN_LINK, 0)
            + last_counts.get(Kind.BROKEN_IMAGE, 0)
            + last_counts.get(Kind.EXTERNAL_BROKEN, 0),
        },
        "availability": {
            "samples": total,
            "failed": failed,
            "share_failed": round(100 * failed / total, 2) if total else None,
            "days_failed": sum(
                1
                for d in availability_days(end=dt.date(year, 12, 31), days=_days(year))
                if d.is_veto
            ),
        },
    }


def _days(year: int) -> int:
    return (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days


def body_year_summary(organisation: Organisation, year: int) -> dict[str, Any] | None:
    """What the assessment's "site monitor" indicator deducts for (assessment/scoring.py):
    ``{"problems": n, "url": …}``, or None when the monitor ran no check that year.

    Problems: each 单项否决 indicator failed in the year, plus the stale and empty columns
    and broken links of the year's last run. The portal is one site for every body on it
    (until sites per body exist), so every body gets the same figures.
    """
    figures = assessment_figures(organisation_id=organisation.pk, year=year)
    if not figures["runs"] and not figures["availability"]["samples"]:
        return None
    last = figures["last_run"]
    problems = (
        len(figures["failed_indicators"])
        + last["stale_columns"]
        + last["empty_columns"]
        + last["broken_links"]
    )
    return {"problems": problems, "url": reverse("monitor:year", args=[year])}
