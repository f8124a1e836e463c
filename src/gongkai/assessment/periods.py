"""Recurring plan work (每季度, 每半年, 每月) reported and scored per period.

A task a plan gives "每季度" is due once a quarter, not once a year: each responsible unit
reports in each quarter, by the quarter's last day. When that day is a rest day on the
official calendar (a weekend, a holiday of the State Council's yearly arrangement) the
report is due on the next working day — 民法典第二百零三条: "期间的最后一日是法定休假日的，
以法定休假日结束的次日为期间的最后一日" (the 2023 third quarter ends on Saturday 30 September,
inside the National Day holiday of 29 September–6 October: the report is due on Saturday
7 October, a 调休 working day). A year the calendar does not know keeps the period's last
day (provisional).

A period is reported on time when the unit reported progress between the period's first
day and its due day; each report counts for one period only (the earliest it can), so a
report on 7 October does not answer both the third and the fourth quarter. A period past
its due day without a report is **missing**: one deduction of its own under the rubric's
重点任务 indicator (``scoring``). Periods not yet due are **pending**.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from gongkai.assessment.deadlines import Recurrence, month_end
from gongkai.core.clockmath import local_date
from gongkai.core.models import Organisation

PERIOD_MONTHS = {Recurrence.QUARTERLY: 3, Recurrence.HALF_YEARLY: 6, Recurrence.MONTHLY: 1}


class State:
    ON_TIME = "on_time"
    MISSING = "missing"
    PENDING = "pending"


@dataclass(frozen=True)
class Period:
    label: str  # 2023年第3季度
    start: dt.date
    end: dt.date  # the period's last day
    due_on: dt.date  # the report's last day on the official calendar
    moved: str = ""  # why due_on is after end (the rest day's name), "" when it is not


@dataclass
class PeriodReport:
    period: Period
    organisation: Organisation
    state: str
    reported_on: dt.date | None = None


def _label(recurrence: str, year: int, index: int) -> str:
    if recurrence == Recurrence.QUARTERLY:
        return _("Quarter %(quarter)d of %(year)d") % {"quarter": index, "year": year}
    if recurrence == Recurrence.HALF_YEARLY:
        if index == 1:
            return _("First half of %(year)d") % {"year": year}
        return _("Second half of %(year)d") % {"year": year}
    return _("%(month)d/%(year)d") % {"month": index, "year": year}


def report_due(end: dt.date) -> tuple[dt.date, str]:
    """The period's last day, or the next working day when it is a rest day (民法典第二百零三条),
    with the rest day's name; the last day itself for a year the calendar does not know."""
    from gongkai.core import holidays
    from gongkai.core.workdays import OutOfRange

    calendar = holidays.get_calendar()
    try:
        if not calendar.is_known(end.year) or calendar.is_workday(end):
            return end, ""
        due = calendar.next_workday_on_or_after(end)
    except (OutOfRange, IndexError):
        return end, ""
    name = calendar.holiday_name(end) or _("weekend")
    return due, name


def periods_of(recurrence: str, year: int, starts_year: int | None = None) -> list[Period]:
    """The periods of ``year`` for recurring work; [] for other work or before it starts."""
    months = PERIOD_MONTHS.get(recurrence)
    if months is None or (starts_year and year < starts_year):
        return []
    found = []
    for index, first_month in enumerate(range(1, 13, months), start=1):
        end = month_end(year, first_month + months - 1)
        due, moved = report_due(end)
        found.append(
            Period(
                label=_label(recurrence, year, index),
                start=dt.date(year, first_month, 1),
                end=end,
                due_on=due,
                moved=moved,
            )
        )
    return found


def task_period_reports(task, year: int, today: dt.date) -> list[PeriodReport]:
    """Each responsible unit's report for each period of ``year``, in period order then
    leads before co-responsible units. Reads ``task.assignments`` and ``task.progress`` (prefetch)."""
    periods = periods_of(task.recurrence, year, task.starts_year)
    if not periods:
        return []
    found: list[PeriodReport] = []
    progress = sorted(task.progress.all(), key=lambda p: (p.reported_at, p.pk))
    per_unit: dict[int, list[dt.date]] = {}
    for report in progress:
        per_unit.setdefault(report.organisation_id, []).append(local_date(report.reported_at))
    # Lead units first, then the co-responsible, each in the order the plan names them.
    assignments = sorted(task.assignments.all(), key=lambda a: (a.role != "lead", a.pk))
    used: dict[int, set[int]] = {a.organisation_id: set() for a in assignments}
    for period in periods:
        for assignment in assignments:
            days = per_unit.get(assignment.organisation_id, [])
            taken = used[assignment.organisation_id]
            index = next(
                (
                    i
                    for i, day in enumerate(days)
                    if i not in taken and period.start <= day <= period.due_on
                ),
                None,
            )
            if index is not None:
                taken.add(index)
                state, reported = State.ON_TIME, days[index]
            else:
                state = State.MISSING if today > period.due_on else State.PENDING
                reported = None
            found.append(PeriodReport(period, assignment.organisation, state, reported))
    return found
