"""The year's scores: automatic deductions computed from the platform's data, and the
office's deductions by hand, per assessed unit and subordinate body.

Nothing automatic is stored: each deduction is computed when the scores are read, so a clock
missed an hour ago already costs its points, and a deduction disappears if the case it
rests on is corrected. Every deduction links to its evidence (the clock, the letter, the
report, the task, the notice).

Who is assessed: the body itself (its own cases), each internal unit (the cases assigned
to it) and each subordinate body (its own cases and those of its units).

The site monitor: an indicator of kind ``site_monitor`` reads
``gongkai.monitor.selectors.body_year_summary(organisation, year)``:
``{"problems": int, "url": str}`` (the page listing the problems); each problem costs the
indicator's points per case. A year the monitor did not check is scored by hand (the
indicator says so and deducts nothing).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.assessment.law import CLOCK_INDICATORS, YEARLY_REPORT_DUE, IndicatorKind
from gongkai.assessment.models import Deduction, Indicator, Notice, Rubric, Task, TaskUnit
from gongkai.assessment.periods import PERIOD_MONTHS, State, task_period_reports
from gongkai.core.access import body_and_descendants
from gongkai.core.clockmath import local_date
from gongkai.core.duties import case_url
from gongkai.core.models import Clock, Organisation


@dataclass
class Evidence:
    """One deduction: how many points, why, and where to see it."""

    points: Decimal
    reason: str
    url: str = ""
    automatic: bool = True
    deduction_id: int | None = None


@dataclass
class IndicatorScore:
    indicator: Indicator
    evidence: list[Evidence] = field(default_factory=list)
    note: str = ""  # e.g. the site monitor is not connected yet

    @property
    def deducted(self) -> Decimal:
        return min(self.indicator.points, sum((e.points for e in self.evidence), Decimal(0)))

    @property
    def score(self) -> Decimal:
        return self.indicator.points - self.deducted


@dataclass
class SubjectScore:
    organisation: Organisation
    indicators: list[IndicatorScore]
    rank: int = 0

    @property
    def total(self) -> Decimal:
        return sum((i.score for i in self.indicators), Decimal(0))

    @property
    def deducted(self) -> Decimal:
        return sum((i.deducted for i in self.indicators), Decimal(0))

    @property
    def is_unit(self) -> bool:
        return self.organisation.kind == Organisation.Kind.UNIT


def subjects_of(body: Organisation) -> list[Organisation]:
    children = Organisation.objects.filter(parent=body, is_active=True).order_by("kind", "id")
    return [body, *children]


class _Attribution:
    """Which assessed subject a case belongs to, from its organisation and unit."""

    def __init__(self, body: Organisation, subjects: list[Organisation]):
        self.body = body
        self.unit_ids = {s.pk for s in subjects if s.kind == Organisation.Kind.UNIT}
        self.owner: dict[int, int] = {body.pk: body.pk}
        for subject in subjects:
            if subject.kind == Organisation.Kind.BODY and subject.pk != body.pk:
                for pk in body_and_descendants(subject):
                    self.owner[pk] = subject.pk

    def tree(self) -> list[int]:
        return list(self.owner)

    def subjects(self, organisation_id: int, unit_id: int | None) -> list[int]:
        """The unit (when it is assessed) and the body the case counts for."""
        found = []
        if unit_id in self.unit_ids:
            found.append(unit_id)
        owner = self.owner.get(organisation_id)
        if owner is not None:
            found.append(owner)
        return found


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _clock_evidence(rule: str, attribution, year: int, now) -> dict[int, list[tuple]]:
    start, end = _year_bounds(year)
    missed = (
        Clock.objects.filter(
            rule=rule,
            organisation_id__in=attribution.tree(),
            due_on__gte=start,
            due_on__lte=end,
            due_at__isnull=False,
        )
        .filter(
            Q(stopped_at__gt=F("due_at"))
            | Q(state=Clock.State.RUNNING, due_at__lt=now)
            | Q(state=Clock.State.PAUSED, due_at__lt=now)
        )
        .select_related("subject_type")
        .order_by("due_at", "id")
    )
    found: dict[int, list[tuple]] = defaultdict(list)
    for clock in missed:
        url = ""
        if clock.subject_type is not None and clock.subject_id:
            label = f"{clock.subject_type.app_label}.{clock.subject_type.model}"
            url = case_url(label, clock.subject_id)
        url = url or reverse("core:clock", args=[clock.pk])
        # Every clock with a due time (the filter above) has its due day.
        assert clock.due_on is not None
        if clock.stopped_at:
            reason = _("%(label)s: due %(due)s, done %(done)s.") % {
                "label": clock.label,
                "due": clock.due_on.isoformat(),
                "done": local_date(clock.stopped_at).isoformat(),
            }
        else:
            reason = _("%(label)s: due %(due)s, still open.") % {
                "label": clock.label,
                "due": clock.due_on.isoformat(),
            }
        for subject in attribution.subjects(clock.organisation_id, clock.unit_id):
            found[subject].append((reason, url))
    return found


def _letter_evidence(attribution, year: int, today: dt.date) -> dict[int, list[tuple]]:
    from gongkai.participation.models import Letter

    start, end = _year_bounds(year)
    letters = (
        Letter.objects.filter(
            organisation_id__in=attribution.tree(), due_on__gte=start, due_on__lte=end
        )
        .exclude(status=Letter.Status.INVALID)
        .filter(Q(answered_at__isnull=True, due_on__lt=today) | Q(answered_at__isnull=False))
        .order_by("due_on", "id")
    )
    found: dict[int, list[tuple]] = defaultdict(list)
    for letter in letters:
        answered = local_date(letter.answered_at) if letter.answered_at else None
        if answered is not None and answered <= letter.due_on:
            continue
        if answered:
            reason = _("Letter %(code)s: due %(due)s, answered %(done)s.") % {
                "code": letter.code, "due": letter.due_on, "done": answered
            }  # fmt: skip
        else:
            reason = _("Letter %(code)s: due %(due)s, not answered.") % {
                "code": letter.code, "due": letter.due_on
            }  # fmt: skip
        url = reverse("participation:wb_letter", args=[letter.pk])
        for subject in attribution.subjects(letter.organisation_id, letter.unit_id):
            found[subject].append((reason, url))
    return found


def _report_evidence(subjects, year: int, today: dt.date) -> dict[int, list[tuple]]:
    """The report on ``year - 1`` is due by 31 January of ``year`` (条例第四十九条)."""
    from gongkai.reports.models import YearlyReport

    due = dt.date(year, *YEARLY_REPORT_DUE)
    bodies = [s.pk for s in subjects if s.kind == Organisation.Kind.BODY]
    reports = {
        r.organisation_id: r
        for r in YearlyReport.objects.filter(organisation_id__in=bodies, year=year - 1)
    }
    found: dict[int, list[tuple]] = defaultdict(list)
    for pk in bodies:
        report = reports.get(pk)
        published = local_date(report.published_at) if report and report.published_at else None
        if published and published <= due:
            continue
        if published is None and today <= due:
            continue
        url = (
            reverse("reports:detail", args=[report.pk]) if report else reverse("reports:workbench")
        )
        if published:
            reason = _("The %(year)d report was published on %(on)s, after %(due)s.") % {
                "year": year - 1, "on": published, "due": due
            }  # fmt: skip
        else:
            reason = _("The %(year)d report is not published; it was due by %(due)s.") % {
                "year": year - 1, "due": due
            }  # fmt: skip
        found[pk].append((reason, url))
    return found


def _task_evidence(body, year: int, today: dt.date) -> dict[int, list[tuple]]:
    """One-off tasks due in ``year`` and overdue (open past the date, or completed late);
    yearly tasks with no completed report from the unit that year once the year is over;
    quarterly (half-yearly, monthly) tasks: each period without the unit's report by its
    due day on the official calendar, one case each (``periods``)."""
    start, end = _year_bounds(year)
    tasks = (
        Task.objects.filter(plan__organisation=body)
        .filter(Q(due_on__gte=start, due_on__lte=end, recurrence="") | ~Q(recurrence=""))
        .prefetch_related("assignments__organisation", "progress")
        .order_by("plan_id", "number")
    )
    found: dict[int, list[tuple]] = defaultdict(list)
    for task in tasks:
        url = reverse("assessment:task", args=[task.pk])
        if task.recurrence in PERIOD_MONTHS:
            for report in task_period_reports(task, year, today):
                if report.state != State.MISSING:
                    continue
                reason = _("Task %(number)d (%(every)s): no report for %(period)s, due %(due)s.") % {
                    "number": task.number,
                    "every": task.recurrence_label,
                    "period": report.period.label,
                    "due": report.period.due_on,
                }  # fmt: skip
                found[report.organisation.pk].append((reason, f"{url}?year={year}"))
            continue
        if task.recurrence == "yearly":
            if today <= end or (task.starts_year and task.starts_year > year):
                continue
            for assignment in task.assignments.all():
                reported = any(
                    p.completes and p.organisation_id == assignment.organisation_id
                    and local_date(p.reported_at).year == year
                    for p in task.progress.all()
                )  # fmt: skip
                if not reported:
                    reason = _("Task %(number)d (every year): nothing completed in %(year)d.") % {
                        "number": task.number, "year": year
                    }  # fmt: skip
                    found[assignment.organisation_id].append((reason, url))
            continue
        if task.recurrence or task.due_on is None:
            continue
        late = (task.status == Task.Status.OPEN and task.due_on < today) or (
            task.completed_on is not None and task.completed_on > task.due_on
        )
        if not late:
            continue
        reason = _("Task %(number)d: due %(due)s, %(state)s.") % {
            "number": task.number,
            "due": task.due_on,
            "state": _("completed %(on)s") % {"on": task.completed_on}
            if task.completed_on
            else _("not completed"),
        }
        for assignment in task.assignments.all():
            if (
                assignment.role == TaskUnit.Role.LEAD
                or assignment.organisation.kind == Organisation.Kind.BODY
            ):
                found[assignment.organisation_id].append((reason, url))
    return found


def _notice_evidence(body, year: int) -> dict[int, list[tuple]]:
    found: dict[int, list[tuple]] = defaultdict(list)
    notices = Notice.objects.filter(organisation=body, year=year, published_at__isnull=False)
    for notice in notices.order_by("published_at"):
        url = reverse("assessment:notice", args=[notice.pk])
        for entry in notice.entries:
            reason = _("Named in the notice “%(title)s”: %(what)s") % {
                "title": notice.title, "what": entry.get("what", "")
            }  # fmt: skip
            found[int(entry["organisation"])].append((reason, url))
    return found


def site_monitor_summary(organisation: Organisation, year: int) -> dict | None:
    """The monitor's per-body summary, or None for a year it did not check."""
    from gongkai.monitor.selectors import body_year_summary

    return body_year_summary(organisation, year)


def rubric_scores(rubric: Rubric, *, now: dt.datetime | None = None) -> list[SubjectScore]:
    """Every assessed subject's score under ``rubric``, ranked (ties share a rank)."""
    now = now or timezone.now()
    today = local_date(now)
    body = rubric.organisation
    subjects = subjects_of(body)
    attribution = _Attribution(body, subjects)
    indicators = list(rubric.indicators.all())
    kinds = {i.kind for i in indicators}
    evidence: dict[str, dict[int, list[tuple]]] = {}
    for kind, rule in CLOCK_INDICATORS.items():
        if kind in kinds:
            evidence[kind] = _clock_evidence(rule, attribution, rubric.year, now)
    if IndicatorKind.LETTERS_UNANSWERED in kinds:
        evidence[IndicatorKind.LETTERS_UNANSWERED] = _letter_evidence(
            attribution, rubric.year, today
        )
    if IndicatorKind.YEARLY_REPORT_LATE in kinds:
        evidence[IndicatorKind.YEARLY_REPORT_LATE] = _report_evidence(subjects, rubric.year, today)
    if IndicatorKind.TASKS_OVERDUE in kinds:
        evidence[IndicatorKind.TASKS_OVERDUE] = _task_evidence(body, rubric.year, today)
    if IndicatorKind.NOTICES in kinds:
        evidence[IndicatorKind.NOTICES] = _notice_evidence(body, rubric.year)
    manual: dict[tuple[int, int], list[Deduction]] = defaultdict(list)
    for deduction in Deduction.objects.filter(indicator__rubric=rubric).order_by("id"):
        manual[(deduction.indicator_id, deduction.organisation_id)].append(deduction)

    scores = []
    for subject in subjects:
        rows = []
        for indicator in indicators:
            row = IndicatorScore(indicator)
            for reason, url in evidence.get(indicator.kind, {}).get(subject.pk, []):
                row.evidence.append(Evidence(indicator.per_case, reason, url))
            if indicator.kind == IndicatorKind.SITE_MONITOR:
                _site_monitor(row, subject, rubric.year)
            for deduction in manual[(indicator.pk, subject.pk)]:
                row.evidence.append(
                    Evidence(
                        deduction.points,
                        deduction.reason,
                        deduction.evidence_url,
                        automatic=False,
                        deduction_id=deduction.pk,
                    )
                )
            rows.append(row)
        scores.append(SubjectScore(subject, rows))
    return ranked(scores)


def _site_monitor(row: IndicatorScore, subject: Organisation, year: int) -> None:
    if subject.kind != Organisation.Kind.BODY:
        return
    summary = site_monitor_summary(subject, year)
    if summary is None:
        row.note = _("The site monitor's summary is not available yet: score this by hand.")
        return
    problems = int(summary.get("problems", 0))
    if problems:
        reason = _("The site monitor found %(count)d problems in %(year)d.") % {
            "count": problems, "year": year
        }  # fmt: skip
        row.evidence.append(
            Evidence(row.indicator.per_case * problems, reason, summary.get("url", ""))
        )


def ranked(scores: list[SubjectScore]) -> list[SubjectScore]:
    ordered = sorted(scores, key=lambda s: (-s.total, s.organisation.pk))
    previous, rank = None, 0
    for position, score in enumerate(ordered, start=1):
        if score.total != previous:
            rank, previous = position, score.total
        score.rank = rank
    return ordered


def subject_score(rubric: Rubric, organisation: Organisation) -> SubjectScore | None:
    return next((s for s in year_scores(rubric) if s.organisation.pk == organisation.pk), None)


# --- the year's final scores (定稿) ----------------------------------------------------


def snapshot_in_force(rubric: Rubric):
    """The year's final scores while they are in force (frozen, not reopened), else None."""
    from gongkai.assessment.models import ScoreSnapshot

    return (
        ScoreSnapshot.objects.filter(rubric=rubric, reopened_at__isnull=True)
        .select_related("frozen_by__staff_profile")
        .first()
    )


def snapshot_data(scores: list[SubjectScore]) -> list[dict]:
    """The scores as they stand, JSON-ready: what a freeze keeps."""
    return [
        {
            "organisation": s.organisation.pk,
            "name": s.organisation.name,
            "kind": s.organisation.kind,
            "rank": s.rank,
            "total": str(s.total),
            "deducted": str(s.deducted),
            "indicators": [
                {
                    "id": row.indicator.pk,
                    "position": row.indicator.position,
                    "name": row.indicator.name,
                    "kind": row.indicator.kind,
                    "points": str(row.indicator.points),
                    "per_case": str(row.indicator.per_case),
                    "rule": row.indicator.rule,
                    "note": row.note,
                    "evidence": [
                        {
                            "points": str(e.points),
                            "reason": e.reason,
                            "url": e.url,
                            "automatic": e.automatic,
                        }
                        for e in row.evidence
                    ],
                }
                for row in s.indicators
            ],
        }
        for s in scores
    ]


def snapshot_scores(snapshot) -> list[SubjectScore]:
    """The frozen scores read back as the same objects the pages show (ranked as frozen)."""
    rubric = snapshot.rubric
    organisations = Organisation.objects.in_bulk([s["organisation"] for s in snapshot.scores])
    found = []
    for subject in snapshot.scores:
        organisation = organisations.get(subject["organisation"]) or Organisation(
            pk=subject["organisation"], name=subject["name"], kind=subject["kind"]
        )
        rows = []
        for data in subject["indicators"]:
            indicator = Indicator(
                pk=data["id"], rubric=rubric, position=data["position"], name=data["name"],
                kind=data["kind"], points=Decimal(data["points"]),
                per_case=Decimal(data["per_case"]), rule=data["rule"],
            )  # fmt: skip
            evidence = [
                Evidence(Decimal(e["points"]), e["reason"], e["url"], automatic=e["automatic"])
                for e in data["evidence"]
            ]
            rows.append(IndicatorScore(indicator, evidence, data["note"]))
        found.append(SubjectScore(organisation, rows, rank=subject["rank"]))
    return found


def year_scores(rubric: Rubric, *, now: dt.datetime | None = None) -> list[SubjectScore]:
    """The scores the pages show: the frozen ones while the year is frozen, else computed
    from the data now."""
    snapshot = snapshot_in_force(rubric)
    if snapshot is not None:
        return snapshot_scores(snapshot)
    return rubric_scores(rubric, now=now)


def frozen_indicators(rubric: Rubric, snapshot) -> list[Indicator]:
    """The rubric's indicators as they were frozen (the first subject lists them all)."""
    if not snapshot.scores:
        return list(rubric.indicators.all())
    return [row.indicator for row in snapshot_scores(snapshot)[0].indicators]
