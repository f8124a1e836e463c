"""The official working-day calendar as a pure, fast lookup structure.

Working days are Monday to Friday, minus the holidays, plus the weekend days the
State Council declares working days (调休 "…上班") in its yearly notice
《国务院办公厅关于YYYY年部分节假日安排的通知》.

Counting convention (民法典 art. 201, applied to working days): the N-th working
day after D is counted from the day after D; D itself never counts, whether or
not it is a working day.

Years with no known arrangement are answered on plain weekdays, and every answer
that rests on such a year is marked provisional.

The structure keeps one sorted list of the ordinals of every working day in the
supported span, so ``add`` and ``between`` are two bisections: a few
microseconds, whatever N is.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

FIRST_YEAR = 1990
LAST_YEAR = 2100


class DayKind(StrEnum):
    WORKDAY = "workday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    ADJUSTED_WORKDAY = "adjusted-workday"


T = TypeVar("T", dt.date, int)


class OutOfRange(ValueError):
    """A date outside the span the calendar supports."""


@dataclass(frozen=True)
class Answer(Generic[T]):
    """A computed date or count, and whether it rests on a year with no arrangement."""

    value: T
    provisional: bool


class WorkdayCalendar:
    """Working days from holiday and adjusted-workday tables.

    ``holidays`` maps a date to its holiday name; ``adjusted_workdays`` maps a
    weekend date declared a working day to the holiday it belongs to;
    ``known_years`` are the years whose arrangement is known (the rest are
    provisional, counted on plain weekdays).
    """

    def __init__(
        self,
        holidays: Mapping[dt.date, str],
        adjusted_workdays: Mapping[dt.date, str],
        known_years: set[int],
    ) -> None:
        self.holidays = dict(holidays)
        self.adjusted_workdays = dict(adjusted_workdays)
        self.known_years = frozenset(known_years)
        self._first = dt.date(FIRST_YEAR, 1, 1).toordinal()
        self._last = dt.date(LAST_YEAR, 12, 31).toordinal()
        self._ordinals = self._build_ordinals()
        self._next_unknown = self._build_next_unknown()

    def _build_ordinals(self) -> list[int]:
        holidays = {d.toordinal() for d in self.holidays}
        adjusted = {d.toordinal() for d in self.adjusted_workdays}
        ordinals = []
        # date.weekday() of ordinal o is (o + 6) % 7; Monday is 0.
        for o in range(self._first, self._last + 1):
            if o in adjusted or ((o + 6) % 7 < 5 and o not in holidays):
                ordinals.append(o)
        return ordinals

    def _build_next_unknown(self) -> dict[int, int]:
        # For every year, the first year at or after it without an arrangement:
        # an answer spanning years y..z is provisional when next_unknown[y] <= z.
        result = {}
        upcoming = LAST_YEAR + 1
        for year in range(LAST_YEAR, FIRST_YEAR - 1, -1):
            if year not in self.known_years:
                upcoming = year
            result[year] = upcoming
        return result

    def _check(self, day: dt.date) -> int:
        o = day.toordinal()
        if not self._first <= o <= self._last:
            raise OutOfRange(day)
        return o

    def kind(self, day: dt.date) -> DayKind:
        self._check(day)
        if day in self.adjusted_workdays:
            return DayKind.ADJUSTED_WORKDAY
        if day in self.holidays:
            return DayKind.HOLIDAY
        if day.weekday() >= 5:
            return DayKind.WEEKEND
        return DayKind.WORKDAY

    def holiday_name(self, day: dt.date) -> str:
        return self.holidays.get(day) or self.adjusted_workdays.get(day) or ""

    def is_workday(self, day: dt.date) -> bool:
        return self.kind(day) in (DayKind.WORKDAY, DayKind.ADJUSTED_WORKDAY)

    def is_known(self, year: int) -> bool:
        return year in self.known_years

    def add(self, day: dt.date, n: int) -> Answer[dt.date]:
        """The n-th working day after ``day`` (n = 0 gives ``day`` itself)."""
        if n < 0:
            raise ValueError("n must be zero or positive")
        o = self._check(day)
        if n == 0:
            return Answer(day, False)
        index = bisect_right(self._ordinals, o) + n - 1
        if index >= len(self._ordinals):
            raise OutOfRange(day)
        result = dt.date.fromordinal(self._ordinals[index])
        first_counted_year = dt.date.fromordinal(o + 1).year
        return Answer(result, self._next_unknown[first_counted_year] <= result.year)

    def between(self, start: dt.date, end: dt.date) -> Answer[int]:
        """How many working days lie after ``start`` up to and including ``end``.

        Negative when ``end`` is before ``start`` (the same count, signed).
        """
        a, b = self._check(start), self._check(end)
        if b < a:
            count = self.between(end, start)
            return Answer(-count.value, count.provisional)
        days = bisect_right(self._ordinals, b) - bisect_right(self._ordinals, a)
        provisional = b > a and self._next_unknown[dt.date.fromordinal(a + 1).year] <= end.year
        return Answer(days, provisional)

    def next_workday_on_or_after(self, day: dt.date) -> dt.date:
        index = bisect_left(self._ordinals, self._check(day))
        return dt.date.fromordinal(self._ordinals[index])

    def unknown_years_between(self, start: dt.date, end: dt.date) -> list[int]:
        return [y for y in range(start.year, end.year + 1) if y not in self.known_years]


def package_tables() -> tuple[dict[dt.date, str], dict[dt.date, str], set[int]]:
    """The arrangements shipped by the ``chinese-calendar`` package."""
    from chinese_calendar import constants

    holidays = {d: _holiday_label(name) for d, name in constants.holidays.items()}
    workdays = {d: _holiday_label(name) for d, name in constants.workdays.items()}
    years = {d.year for d in holidays}
    return holidays, workdays, years


# chinese-calendar names holidays in English; the office reads the official names.
_HOLIDAY_LABELS = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def _holiday_label(name: str) -> str:
    return _HOLIDAY_LABELS.get(name, name)
