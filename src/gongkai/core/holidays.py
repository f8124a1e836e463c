"""The process-wide official calendar: the package's arrangements plus the years
the office loaded, cached and rebuilt when a year is loaded.

Other processes notice a newly loaded year within
``GONGKAI_CALENDAR_CACHE_SECONDS`` (they compare the newest load time), so
app servers need no restart after the office loads a notice.
"""

from __future__ import annotations

import datetime as dt
import threading
import time

from django.conf import settings
from django.db import DatabaseError

from gongkai.core.workdays import WorkdayCalendar, package_tables

_lock = threading.Lock()
_cached: WorkdayCalendar | None = None
_cached_stamp: object = None
_checked_at = 0.0


def _stored_stamp() -> tuple[int, dt.datetime | None] | None:
    from gongkai.core.models import CalendarYear

    try:
        newest = CalendarYear.objects.order_by("-loaded_at").values_list("loaded_at", flat=True)
        return (CalendarYear.objects.count(), newest.first())
    except DatabaseError:
        # Before the first migrate (e.g. a CLI call on a fresh clone): package data only.
        return None


def _stored_tables() -> tuple[set[int], list[tuple[dt.date, str, str]]]:
    from gongkai.core.models import CalendarDay, CalendarYear

    try:
        years = set(CalendarYear.objects.values_list("year", flat=True))
        days = list(CalendarDay.objects.values_list("date", "kind", "name"))
    except DatabaseError:
        return set(), []
    return years, days


def build_calendar() -> WorkdayCalendar:
    holidays, workdays, known = package_tables()
    years, days = _stored_tables()
    # A loaded year replaces the package's arrangement for that year entirely.
    holidays = {d: n for d, n in holidays.items() if d.year not in years}
    workdays = {d: n for d, n in workdays.items() if d.year not in years}
    for date, kind, name in days:
        (holidays if kind == "holiday" else workdays)[date] = name
    return WorkdayCalendar(holidays, workdays, known | years)


def get_calendar() -> WorkdayCalendar:
    global _cached, _cached_stamp, _checked_at
    now = time.monotonic()
    if _cached is not None and now - _checked_at < settings.GONGKAI_CALENDAR_CACHE_SECONDS:
        return _cached
    with _lock:
        stamp = _stored_stamp()
        if _cached is None or stamp != _cached_stamp:
            _cached = build_calendar()
            _cached_stamp = stamp
        _checked_at = now
        return _cached


def invalidate() -> None:
    global _cached
    with _lock:
        _cached = None
