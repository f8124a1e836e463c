"""Parse the State Council's yearly holiday notice into an arrangement.

The notice 《国务院办公厅关于YYYY年部分节假日安排的通知》 lists one holiday per
numbered line, in a small set of standard phrasings (see docs/rules.md):

    一、元旦：1月1日（周三）放假1天，不调休。
    二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。
        1月26日（周日）、2月8日（周六）上班。
    五、端午节：6月10日放假，与周末连休。
    六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。

Only sentences that say 放假 give holidays and only sentences that say 上班 give
adjusted working days; other sentences (鼓励…在除夕（2月9日）休息) are ignored.
A line that names a holiday but cannot be read raises ``NoticeError`` naming it,
so nothing half-parsed is ever stored.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

_NUMERALS = "一二三四五六七八九十"
_ITEM = re.compile(rf"^\s*[{_NUMERALS}]+\s*[、.．]\s*(?P<name>[^：:]+)[：:](?P<rest>.+)$")
_YEAR_IN_TITLE = re.compile(r"关于\s*(\d{4})\s*年.{0,6}节假日安排")
# 2022年12月31日 / 1月28日 / 8日, each optionally followed by a bracketed note.
_DATE_TEXT = r"(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日"
_DATE = re.compile(r"(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日")
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
_RANGE = re.compile(rf"(?P<a>{_DATE_TEXT})\s*(?:至|-|—|－|~)\s*(?P<b>{_DATE_TEXT})")
_TOTAL = re.compile(r"共\s*(\d+)\s*天")
_ONE_DAY = re.compile(r"放假\s*(\d+)\s*天")


class NoticeError(ValueError):
    """A line of the notice that cannot be read; ``line_number`` is 1-based."""

    def __init__(self, line_number: int, line: str, reason: str) -> None:
        super().__init__(f"{line_number}: {reason}: {line}")
        self.line_number = line_number
        self.line = line
        self.reason = reason


@dataclass
class HolidayLine:
    name: str
    holidays: list[dt.date]
    workdays: list[dt.date]
    line_number: int

    @property
    def ranges(self) -> list[tuple[dt.date, dt.date]]:
        """The holidays as contiguous runs (one line may hold two, e.g. 中秋 and 国庆)."""
        runs: list[tuple[dt.date, dt.date]] = []
        for day in sorted(self.holidays):
            if runs and (day - runs[-1][1]).days == 1:
                runs[-1] = (runs[-1][0], day)
            else:
                runs.append((day, day))
        return runs


@dataclass
class Arrangement:
    year: int
    lines: list[HolidayLine] = field(default_factory=list)

    @property
    def holidays(self) -> dict[dt.date, str]:
        return {d: line.name for line in self.lines for d in line.holidays}

    @property
    def workdays(self) -> dict[dt.date, str]:
        return {d: line.name for line in self.lines for d in line.workdays}

    def as_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "holidays": sorted(d.isoformat() for d in self.holidays),
            "workdays": sorted(d.isoformat() for d in self.workdays),
        }


# Reasons are codes, so the Django layer can show them translated.
REASON_NO_YEAR = "no-year"
REASON_NO_ITEMS = "no-items"
REASON_NO_DATES = "no-dates"
REASON_BAD_DATE = "bad-date"
REASON_TOTAL_MISMATCH = "total-mismatch"
REASON_WORKDAY_NOT_WEEKEND = "workday-not-weekend"
REASON_DUPLICATE = "duplicate"


def parse_notice(text: str, year: int | None = None) -> Arrangement:
    """Read a notice; ``year`` is needed only when the title is missing."""
    text = text.replace("\r\n", "\n").replace("\u3000", " ")
    if year is None:
        match = _YEAR_IN_TITLE.search(text)
        if not match:
            raise NoticeError(1, text.strip().split("\n")[0][:80], REASON_NO_YEAR)
        year = int(match.group(1))
    arrangement = Arrangement(year=year)
    seen: dict[dt.date, int] = {}
    for number, raw in enumerate(text.split("\n"), start=1):
        match = _ITEM.match(raw.strip())
        if not match or not _mentions_dates(match.group("rest")):
            continue
        line = _parse_item(match.group("name").strip(), match.group("rest"), year, number, raw)
        for day in line.holidays + line.workdays:
            if day in seen:
                raise NoticeError(number, raw.strip(), REASON_DUPLICATE)
            seen[day] = number
        arrangement.lines.append(line)
    if not arrangement.lines:
        raise NoticeError(1, text.strip().split("\n")[0][:80], REASON_NO_ITEMS)
    return arrangement


def _mentions_dates(rest: str) -> bool:
    return bool(_DATE.search(rest)) and ("放假" in rest or "上班" in rest)


def _parse_item(name: str, rest: str, year: int, number: int, raw: str) -> HolidayLine:
    line = HolidayLine(name=name, holidays=[], workdays=[], line_number=number)
    for sentence in re.split(r"[。；;]", rest):
        plain = _BRACKETS.sub("", sentence)
        try:
            if "放假" in plain:
                line.holidays.extend(_holiday_dates(plain, year))
            elif "上班" in plain:
                line.workdays.extend(_workday_dates(plain, year))
        except ValueError as error:
            raise NoticeError(number, raw.strip(), str(error)) from None
    if not line.holidays:
        raise NoticeError(number, raw.strip(), REASON_NO_DATES)
    return line


def _holiday_dates(sentence: str, year: int) -> list[dt.date]:
    span = _RANGE.search(sentence)
    if span:
        start = _to_date(_DATE.match(span.group("a")), year, None)
        end = _to_date(_DATE.match(span.group("b")), year, start)
        if end < start:
            end = end.replace(year=end.year + 1)
        days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    else:
        first = _DATE.search(sentence.split("放假")[0])
        if not first:
            raise ValueError(REASON_NO_DATES)
        start = _to_date(first, year, None)
        count = _ONE_DAY.search(sentence)
        length = int(count.group(1)) if count else 1
        days = [start + dt.timedelta(days=i) for i in range(length)]
    total = _TOTAL.search(sentence)
    if total and int(total.group(1)) != len(days):
        raise ValueError(REASON_TOTAL_MISMATCH)
    return days


def _workday_dates(sentence: str, year: int) -> list[dt.date]:
    days = []
    previous = None
    for match in _DATE.finditer(sentence.split("上班")[0]):
        day = _to_date(match, year, previous)
        if day.weekday() < 5:
            raise ValueError(REASON_WORKDAY_NOT_WEEKEND)
        days.append(day)
        previous = day
    if not days:
        raise ValueError(REASON_NO_DATES)
    return days


def _to_date(match: re.Match[str] | None, year: int, previous: dt.date | None) -> dt.date:
    if match is None:
        raise ValueError(REASON_BAD_DATE)
    y = int(match.group("y")) if match.group("y") else year
    if match.group("m"):
        m = int(match.group("m"))
    elif previous is not None:
        m = previous.month
        y = previous.year if not match.group("y") else y
    else:
        raise ValueError(REASON_BAD_DATE)
    try:
        return dt.date(y, m, int(match.group("d")))
    except ValueError:
        raise ValueError(REASON_BAD_DATE) from None
