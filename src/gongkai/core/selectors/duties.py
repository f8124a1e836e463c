"""Everything waiting for one staff member, by urgency: the workbench home page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone

from gongkai.core import holidays
from gongkai.core.clockmath import end_of_day, local_date
from gongkai.core.duties import Duty, case_url, duty_sources
from gongkai.core.law import LimitUnit
from gongkai.core.models import Clock
from gongkai.core.selectors.clocks import clocks_visible_to
from gongkai.core.types import AnyUser

# Rows per section; a section that holds more says so and points to the queues.
SECTION_LIMIT = 50
SOON_WORKING_DAYS = 5


@dataclass
class DutyBoard:
    overdue: list[Duty] = field(default_factory=list)
    today: list[Duty] = field(default_factory=list)
    soon: list[Duty] = field(default_factory=list)
    later: list[Duty] = field(default_factory=list)
    waiting: list[Duty] = field(default_factory=list)  # no deadline: a decision to take
    more: bool = False  # some section was cut at SECTION_LIMIT

    @property
    def count(self) -> int:
        return sum(
            len(rows) for rows in (self.overdue, self.today, self.soon, self.later, self.waiting)
        )


def clock_duty(clock: Clock) -> Duty:
    """A running clock as a row: it links to its case when the case's app named its page."""
    url = ""
    if clock.subject_type_id and clock.subject_id:
        subject_type = clock.subject_type
        assert subject_type is not None
        url = case_url(f"{subject_type.app_label}.{subject_type.model}", clock.subject_id)
    return Duty(
        kind=clock.get_rule_display(),
        title=clock.label,
        url=url or reverse("core:clock", args=[clock.pk]),
        due_on=clock.due_on,
        due_at=clock.due_at,
        provisional=clock.is_provisional,
        hour_limit=clock.rule_definition.unit == LimitUnit.HOURS,
    )


def _clock_duties(user: AnyUser, last_soon: dt.date) -> tuple[list[Duty], bool]:
    running = (
        clocks_visible_to(user)
        .filter(state=Clock.State.RUNNING, due_at__isnull=False)
        .select_related("subject_type")
        .order_by("due_at", "id")
    )
    near = list(running.filter(due_on__lte=last_soon)[: SECTION_LIMIT * 3 + 1])
    later = list(running.filter(due_on__gt=last_soon)[: SECTION_LIMIT + 1])
    cut = len(near) > SECTION_LIMIT * 3 or len(later) > SECTION_LIMIT
    return [clock_duty(c) for c in near[: SECTION_LIMIT * 3] + later[:SECTION_LIMIT]], cut


def _deadline(duty: Duty) -> dt.datetime:
    if duty.due_at is not None:
        return duty.due_at
    assert duty.due_on is not None  # a duty has a day when it has no moment
    return end_of_day(duty.due_on)


def duties_for(user: AnyUser, *, now: dt.datetime | None = None) -> DutyBoard:
    """What waits for ``user``: running clocks in their scope and every app's registered
    sources, sorted into overdue, due today, due within five working days, later, and
    decisions without a deadline."""
    now = now or timezone.now()
    today = local_date(now)
    last_soon = holidays.get_calendar().add(today, SOON_WORKING_DAYS).value
    duties, cut = _clock_duties(user, last_soon)
    for source in duty_sources():
        duties.extend(source(user, today))
    board = DutyBoard(more=cut)
    for duty in duties:
        if duty.due_on is None and duty.due_at is None:
            board.waiting.append(duty)
        elif _deadline(duty) < now:
            board.overdue.append(duty)
        elif local_date(_deadline(duty)) == today:
            board.today.append(duty)
        elif local_date(_deadline(duty)) <= last_soon:
            board.soon.append(duty)
        else:
            board.later.append(duty)
    for name in ("overdue", "today", "soon", "later"):
        rows = sorted(getattr(board, name), key=_deadline)
        board.more = board.more or len(rows) > SECTION_LIMIT
        setattr(board, name, rows[:SECTION_LIMIT])
    board.more = board.more or len(board.waiting) > SECTION_LIMIT
    board.waiting = board.waiting[:SECTION_LIMIT]
    return board
