"""Due moments as a pure function of rule and events.

Rules: reply within 20 working days (条例 art. 33); time for third-party
consultation not counted (art. 33 para. 3); reply period counted again from the
day a supplement arrives (art. 30); one extension of up to 20 working days
(art. 33). Incidents: hours (国办发〔2016〕61号).
"""

import datetime as dt

import pytest

from gongkai.core.clockmath import (
    CHINA,
    Event,
    EventKind,
    compute_days,
    compute_hours,
    compute_working_days,
    explain_working_days,
    working_days_used,
)
from gongkai.core.workdays import WorkdayCalendar, package_tables


@pytest.fixture(scope="module")
def calendar():
    return WorkdayCalendar(*package_tables())


def at(text: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(text), dt.time(hour), tzinfo=CHINA)


P, R, X, S, T = (
    EventKind.PAUSE,
    EventKind.RESUME,
    EventKind.EXTEND,
    EventKind.RESTART,
    EventKind.STOP,
)


@pytest.mark.parametrize(
    ("start", "events", "due", "used"),
    [
        # Plain 20 working days across National Day 2026 (Saturday 10-10 is worked).
        ("2026-09-25", [], "2026-10-29", 0),
        # Received before Spring Festival 2026: Saturdays 2-14 and 2-28 are worked.
        ("2026-02-06", [], "2026-03-12", 0),
        # Paused on 9-29 (9-28 and 9-29 spent), resumed 10-12: 18 left from 10-13.
        ("2026-09-25", [(P, "2026-09-29", 0), (R, "2026-10-12", 0)], "2026-11-05", 2),
        # One extension of 20 working days.
        ("2026-09-25", [(X, "2026-10-20", 20)], "2026-11-26", 0),
        # Supplement requested (pause), received 10-09 (restart): 20 days from 10-10.
        ("2026-09-25", [(P, "2026-09-28", 0), (S, "2026-10-09", 0)], "2026-11-05", 0),
        # Stopped: the due date stays what it was.
        ("2026-09-25", [(T, "2026-10-09", 0)], "2026-10-29", 0),
    ],
)
def test_working_day_clock(calendar, start, events, due, used):
    result = compute_working_days(
        calendar, 20, at(start), [Event(k, at(d), n) for k, d, n in events]
    )
    assert result.due_on == dt.date.fromisoformat(due)
    assert result.due_at == dt.datetime(*result.due_on.timetuple()[:3], 23, 59, 59, tzinfo=CHINA)
    assert result.used == used


def test_paused_clock_has_no_due_date_and_counts_what_was_used(calendar):
    result = compute_working_days(calendar, 20, at("2026-09-25"), [Event(P, at("2026-10-09"))])
    # 9-28, 9-29, 9-30, 10-8, 10-9 were spent.
    assert (result.due_on, result.paused, result.used) == (None, True, 5)


def test_expired_before_pause_keeps_the_original_due(calendar):
    result = compute_working_days(calendar, 3, at("2026-11-02"), [Event(P, at("2026-11-20"))])
    assert result.due_on == dt.date(2026, 11, 5)


def test_provisional_when_reaching_into_2027(calendar):
    result = compute_working_days(calendar, 20, at("2026-12-10"), [])
    assert result.provisional is True
    assert result.due_on == dt.date(2027, 1, 7)  # plain weekdays in 2027


@pytest.mark.parametrize(
    ("hours", "events", "due"),
    [
        (5, [], "2026-10-01T15:00"),
        (24, [], "2026-10-02T10:00"),
        (48, [(P, "2026-10-01T12:00"), (R, "2026-10-01T20:00")], "2026-10-03T18:00"),
        (48, [(X, "2026-10-01T12:00")], "2026-10-03T12:00"),
    ],
)
def test_hour_clock(hours, events, due):
    def moment(text):
        return dt.datetime.fromisoformat(text).replace(tzinfo=CHINA)

    extra = [Event(k, moment(d), 2 if k == X else 0) for k, d in events]
    result = compute_hours(hours, at("2026-10-01"), extra)
    assert result.due_at == moment(due)


def test_day_clock_stops_and_counts_calendar_days():
    # The yearly report: by 31 January (条例 art. 49), a 31-day limit from 1 January.
    start = at("2027-01-01", 0)
    assert compute_days(31, start, []).due_at == at("2027-02-01", 0)
    stopped = compute_days(31, start, [Event(T, at("2027-01-20"))])
    assert (stopped.stopped_at, stopped.due_on) == (at("2027-01-20"), dt.date(2027, 2, 1))


def test_explanation_names_every_day_that_matters(calendar):
    steps = explain_working_days(calendar, 3, at("2026-09-30"), [])
    codes = [(s.code, s.day.isoformat() if s.day else None, s.number) for s in steps]
    assert codes == [
        ("start", "2026-09-30", 3),
        *[("skipped-holiday", f"2026-10-0{d}", 0) for d in range(1, 8)],
        ("counted", "2026-10-08", 1),
        ("counted", "2026-10-09", 2),
        ("counted-adjusted", "2026-10-10", 3),
        ("due", "2026-10-10", 3),
    ]
    assert steps[1].name == "国庆节"


def test_working_days_used_excludes_pauses_and_stops_at_the_stop(calendar):
    # 9-28, 9-29 spent; paused until 10-12; 10-13..10-16 spent; stopped 10-16.
    events = [Event(P, at("2026-09-29")), Event(R, at("2026-10-12")), Event(T, at("2026-10-16"))]
    assert working_days_used(calendar, at("2026-09-25"), events, dt.date(2026, 11, 30)) == 6
    # Still paused: nothing after the pause counts, whatever the day.
    paused = events[:1]
    assert working_days_used(calendar, at("2026-09-25"), paused, dt.date(2026, 11, 30)) == 2
