"""Calendar months for statistics and retention: one copy of the month arithmetic."""

from __future__ import annotations

import calendar
import datetime as dt

from gongkai.core.clockmath import CHINA


def months(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first day of every month from start's to end's."""
    first, found = start.replace(day=1), []
    while first <= end:
        found.append(first)
        first = (first + dt.timedelta(days=32)).replace(day=1)
    return found


def month_key(value: dt.date | dt.datetime) -> dt.date:
    """The first day of the month ``value`` falls in, in Beijing time for a moment."""
    if isinstance(value, dt.datetime):
        value = value.astimezone(CHINA).date() if value.tzinfo else value.date()
    return value.replace(day=1)


def months_before(day: dt.date, count: int) -> dt.date:
    """The same day ``count`` calendar months earlier (the month's last day if shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - count, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))
