"""The due moment of a statutory clock, as a pure function of its rule and events.

A clock starts at a moment; events may pause it (a supplement requested, a third
party consulted), resume it, extend its limit, restart it (a supplement arrived:
the period counts again from that day, 条例 art. 30) or stop it (answered).

Working-day clocks count whole days on the official calendar: the days after a
segment's start up to and including its end (the day a pause begins was spent;
the day it ends was not, as for the start: 民法典 art. 201). Hour clocks count
elapsed time. Nothing is ever stored that cannot be recomputed from these inputs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from gongkai.core.workdays import DayKind, WorkdayCalendar

CHINA = ZoneInfo("Asia/Shanghai")


class EventKind(StrEnum):
    PAUSE = "pause"
    RESUME = "resume"
    EXTEND = "extend"
    # 条例 art. 35: a later reasonable reply time, set after the applicant's reasons.
    POSTPONE = "postpone"
    RESTART = "restart"
    STOP = "stop"


@dataclass(frozen=True)
class Event:
    kind: EventKind
    at: dt.datetime
    days: int = 0


@dataclass
class Step:
    """One line of a due date's explanation: a code and its parameters."""

    code: str
    day: dt.date | None = None
    at: dt.datetime | None = None
    number: int = 0
    name: str = ""


@dataclass
class Due:
    due_on: dt.date | None
    due_at: dt.datetime | None
    limit: int
    used: int
    paused: bool
    stopped_at: dt.datetime | None
    provisional: bool
    steps: list[Step] = field(default_factory=list)


def end_of_day(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=CHINA)


def local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(CHINA).date()


def as_events(rows: Iterable[Any]) -> list[Event]:
    """Recorded clock events (anything with kind, at, days) as the pure ``Event``."""
    return [Event(EventKind(row.kind), row.at, row.days) for row in rows]


def _segments(
    start: dt.datetime, events: list[Event]
) -> tuple[list[list[Any]], int, dt.datetime | None]:
    """Running segments after the last restart, the total limit bonus, the stop."""
    # [begin, end] pairs; end is None while the segment runs.
    segments: list[list[Any]] = [[start, None]]
    bonus = 0
    stopped = None
    for event in sorted(events, key=lambda e: e.at):
        if stopped is not None:
            break
        open_segment = segments[-1][1] is None
        if event.kind == EventKind.PAUSE and open_segment:
            segments[-1][1] = event.at
        elif event.kind == EventKind.RESUME and not open_segment:
            segments.append([event.at, None])
        elif event.kind == EventKind.RESTART:
            segments = [[event.at, None]]
        elif event.kind in (EventKind.EXTEND, EventKind.POSTPONE):
            bonus += event.days
        elif event.kind == EventKind.STOP:
            stopped = event.at
    return segments, bonus, stopped


def compute_working_days(
    calendar: WorkdayCalendar, limit: int, start: dt.datetime, events: list[Event]
) -> Due:
    segments, bonus, stopped = _segments(start, events)
    total = limit + bonus
    used = 0
    provisional = False
    for begin, end in segments:
        first = local_date(begin)
        if end is None:
            answer = calendar.add(first, total - used)
            return _working_due(answer.value, total, used, False, stopped, answer.provisional)
        last = local_date(end)
        counted = calendar.between(first, last)
        provisional = provisional or counted.provisional
        if used + counted.value >= total:
            answer = calendar.add(first, total - used)
            return _working_due(answer.value, total, total, False, stopped, answer.provisional)
        used += counted.value
    return Due(None, None, total, used, True, stopped, provisional)


def _working_due(
    day: dt.date,
    total: int,
    used: int,
    paused: bool,
    stopped: dt.datetime | None,
    provisional: bool,
) -> Due:
    return Due(day, end_of_day(day), total, used, paused, stopped, provisional)


def working_days_used(
    calendar: WorkdayCalendar, start: dt.datetime, events: list[Event], until: dt.date
) -> int:
    """Working days actually spent: from the start (or the last restart) up to the stop or
    ``until``, paused spans excluded (the same segments the due date is computed from)."""
    segments, _bonus, stopped = _segments(start, events)
    last = local_date(stopped) if stopped else until
    return sum(
        calendar.between(local_date(begin), local_date(end) if end else last).value
        for begin, end in segments
    )


def compute_hours(limit: int, start: dt.datetime, events: list[Event]) -> Due:
    segments, bonus, stopped = _segments(start, events)
    remaining = dt.timedelta(hours=limit + bonus)
    for begin, end in segments:
        if end is None or end - begin >= remaining:
            due_at = begin + remaining
            return Due(local_date(due_at), due_at, limit + bonus, 0, False, stopped, False)
        remaining -= end - begin
    return Due(None, None, limit + bonus, 0, True, stopped, False)


def compute_days(limit: int, start: dt.datetime, events: list[Event]) -> Due:
    """Calendar-day limits (e.g. the yearly report by 31 January): elapsed time in days."""
    hourly = [Event(e.kind, e.at, e.days * 24) for e in events]
    due = compute_hours(limit * 24, start, hourly)
    due.limit = limit + sum(
        e.days for e in events if e.kind in (EventKind.EXTEND, EventKind.POSTPONE)
    )
    return due


def explain_working_days(
    calendar: WorkdayCalendar, limit: int, start: dt.datetime, events: list[Event]
) -> list[Step]:
    """Why the due date is what it is: start, every day that matters, each event."""
    due = compute_working_days(calendar, limit, start, events)
    steps = [Step("start", day=local_date(start), at=start, number=limit)]
    for event in sorted(events, key=lambda e: e.at):
        steps.append(
            Step(f"event-{event.kind}", day=local_date(event.at), at=event.at, number=event.days)
        )
    segments, _bonus, _stopped = _segments(start, events)
    counted = 0
    for begin, end in segments:
        day = local_date(begin) + dt.timedelta(days=1)
        last = local_date(end) if end else due.due_on
        while last is not None and day <= last and counted < due.limit:
            counted = _explain_day(calendar, day, counted, steps)
            day += dt.timedelta(days=1)
    steps.sort(key=lambda s: (s.day or dt.date.min, 0 if s.code.startswith("event") else 1))
    if due.due_on:
        steps.append(Step("due", day=due.due_on, number=due.limit))
    elif due.paused:
        steps.append(Step("paused", number=due.limit - due.used))
    if due.provisional:
        steps.append(Step("provisional"))
    return steps


def _explain_day(calendar: WorkdayCalendar, day: dt.date, counted: int, steps: list[Step]) -> int:
    kind = calendar.kind(day)
    if kind in (DayKind.WORKDAY, DayKind.ADJUSTED_WORKDAY):
        counted += 1
        code = "counted-adjusted" if kind == DayKind.ADJUSTED_WORKDAY else "counted"
        steps.append(Step(code, day=day, number=counted, name=calendar.holiday_name(day)))
    else:
        steps.append(Step(f"skipped-{kind}", day=day, name=calendar.holiday_name(day)))
    return counted
