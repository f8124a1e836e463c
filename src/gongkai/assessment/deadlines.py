"""Deadline phrases of plan documents (完成时间) turned into dates or recurrences.

Pure functions over the phrase and the plan's year; the working-day calendar is consulted
only to say when the last working day before a date falls (a 年底前 deadline on a Sunday
means the work is due on the Friday before). Each result carries the reasons it was read
that way, shown in the import preview.

The forms, as the plans write them (seed 000's 重点任务分解表, seed 001's 工作要点):

- ``2017年6月底前完成``, ``2017年底前``, ``2019年年底前完成``: the last day of that month/year;
- ``2017年6月30日前``: that day;
- ``2018年3月前``: before March begins, i.e. the last day of February;
- ``2017年上半年``/``年中`` → 30 June, ``第三季度`` → 30 September, ``年内`` → 31 December;
- ``从2017年起每年实施``, ``每年``: every year, due 31 December, from that year;
- ``每季度``/``每月``/``每半年``: recurring at each quarter's/month's/half-year's end;
- ``长期坚持``, ``持续推进``: ongoing, no date;
- ``…前实现…率达100%``, ``年底前70%的行政许可事项实现网上办理``, ``…率达到70%``, ``…率不低于
  90%``: a date and a measurable target (``target_find``);
- ``2017年6月底前完成基础性制度梳理,2020年年底前全面完善``: milestones; the task is due at
  the last one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TypeGuard

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Recurrence:
    NONE = ""
    YEARLY = "yearly"
    HALF_YEARLY = "half_yearly"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    ONGOING = "ongoing"


@dataclass
class Milestone:
    due_on: dt.date
    what: str  # the words after the date (完成基础性制度梳理), may be empty


@dataclass
class Deadline:
    phrase: str
    due_on: dt.date | None = None
    recurrence: str = Recurrence.NONE
    starts_year: int | None = None
    target: str = ""  # a measurable target (…率达100%)
    milestones: list[Milestone] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    understood: bool = True

    @property
    def recurrence_label(self) -> str:
        return str(RECURRENCE_LABELS.get(self.recurrence, ""))

    def due_in(self, year: int) -> dt.date | None:
        """The date the task is due in ``year``: a one-off date, or a recurrence's last
        occurrence of that year (31 December for yearly, quarterly and monthly work)."""
        if self.recurrence in (
            Recurrence.YEARLY,
            Recurrence.HALF_YEARLY,
            Recurrence.QUARTERLY,
            Recurrence.MONTHLY,
        ):
            if self.starts_year and year < self.starts_year:
                return None
            return dt.date(year, 12, 31)
        return self.due_on

    def next_due(self, today: dt.date) -> dt.date | None:
        """The next occurrence on or after ``today`` (the one-off date whatever ``today``)."""
        if self.recurrence == Recurrence.YEARLY:
            year = max(today.year, self.starts_year or today.year)
            return dt.date(year, 12, 31)
        if self.recurrence == Recurrence.HALF_YEARLY:
            return _period_end(today, 6)
        if self.recurrence == Recurrence.QUARTERLY:
            return _period_end(today, 3)
        if self.recurrence == Recurrence.MONTHLY:
            return _period_end(today, 1)
        return self.due_on


def _period_end(today: dt.date, months: int) -> dt.date:
    month = ((today.month - 1) // months + 1) * months
    return month_end(today.year, month)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


NUMERAL = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def _number(text: str) -> int:
    """12, 十二, 二〇一七 → int."""
    if text.isdigit():
        return int(text)
    if "十" in text:  # 十, 十一, 二十
        tens, _sep, ones = text.partition("十")
        return (NUMERAL.get(tens, 1) if tens else 1) * 10 + (NUMERAL.get(ones, 0) if ones else 0)
    return int("".join(str(NUMERAL[c]) for c in text))


N = r"[0-9〇零一二三四五六七八九十]"
YEAR = r"(?P<year>(?:19|20)[0-9]{2}|二[〇零][一二三四五六七八九〇零]{2})年"
# One dated phrase: the year (or none: the plan's year), then a month/day/season/end of year.
DATED = re.compile(
    rf"(?:{YEAR})?\s*"
    r"(?:"
    rf"(?P<month>{N}{{1,2}})月(?:(?P<day>{N}{{1,3}})日|(?P<month_end>底|末))?"
    r"|(?P<quarter>第?[一二三四1-4]季度)(?:末|底)?"
    r"|(?P<half>上半年|下半年|年中)"
    r"|(?P<year_end>年?(?:年底|年末|底|末|内))"
    r")\s*(?P<before>前|之前|以前)?"
)
QUARTERS = {"一": 3, "1": 3, "二": 6, "2": 6, "三": 9, "3": 9, "四": 12, "4": 12}
RECURRING = (
    (re.compile(r"每半年"), Recurrence.HALF_YEARLY),
    (re.compile(r"每季度?"), Recurrence.QUARTERLY),
    (re.compile(r"每月"), Recurrence.MONTHLY),
    (re.compile(r"每年|年度"), Recurrence.YEARLY),
)
RECURRENCE_LABELS = {
    Recurrence.YEARLY: gettext_lazy("Every year"),
    Recurrence.HALF_YEARLY: gettext_lazy("Every half year"),
    Recurrence.QUARTERLY: gettext_lazy("Every quarter"),
    Recurrence.MONTHLY: gettext_lazy("Every month"),
    Recurrence.ONGOING: gettext_lazy("Ongoing"),
}
RECURRENCE_REASONS = {
    Recurrence.YEARLY: gettext_lazy("Every year (%(phrase)s) from %(year)d, due on 31 December."),
    Recurrence.HALF_YEARLY: gettext_lazy(
        "Every half year (%(phrase)s) from %(year)d, due on 30 June and 31 December."
    ),
    Recurrence.QUARTERLY: gettext_lazy(
        "Every quarter (%(phrase)s) from %(year)d, due on the quarter's last day."
    ),
    Recurrence.MONTHLY: gettext_lazy(
        "Every month (%(phrase)s) from %(year)d, due on the month's last day."
    ),
}
ONGOING = re.compile(r"长期坚持|长期|持续推进|持续|常态化|经常性")
FROM_YEAR = re.compile(rf"(?:从|自)\s*{YEAR}(?:起|开始)")
# A measurable target: a percentage (70%, 百分之九十), or a rate with a figure (…率达100%,
# …率不低于90%, …率达到70%). A bare "不少于7个工作日" is a rule of the work, not a target.
MEASURE = re.compile(
    r"[0-9０-９]+(?:\.[0-9]+)?\s*[%％]"
    r"|百分之[零〇一二三四五六七八九十百]+"
    r"|率\s*(?:要|应|须|均)?\s*(?:达到|达|不低于|不少于|不小于|高于|超过|保持在?|提高到|提升到|提升至|为)"
    r"\s*[0-9０-９]"
)
# What 实现 leads to when it names the target itself (实现…率达100%, 实现零次跑动).
ACHIEVED = re.compile(r"率|[%％]|次")
TARGET_LEAD = re.compile(r"^(?:前|之前|以前)?(?:要|力争|确保|务必|完成)*")
SEPARATOR = re.compile(r"[,，;；。]")


def target_find(text: str) -> str:
    """The measurable target a clause states, "" when none.

    ``实现规范性文件…发布率达100%`` → the words after 实现 (the target is what is achieved);
    ``70%的行政许可事项实现网上办理``, ``依申请公开按期答复率不低于90%``, ``覆盖率达到70%`` →
    the clause itself, the measure being before or without 实现."""
    text = TARGET_LEAD.sub("", (text or "").strip(" ，,。；;"))
    head, achieve, tail = text.partition("实现")
    if achieve and not MEASURE.search(head) and ACHIEVED.search(tail):
        return tail
    return text if MEASURE.search(text) else ""


def _dated(match: re.Match, plan_year: int, reasons: list[str]) -> dt.date | None:
    year = _number(match["year"]) if match["year"] else plan_year
    if not match["year"]:
        reasons.append(_("No year written: the plan's year %(year)d.") % {"year": year})
    if match["month"]:
        month = _number(match["month"])
        if not 1 <= month <= 12:
            return None
        if match["day"]:
            day = _number(match["day"])
            try:
                found = dt.date(year, month, day)
            except ValueError:
                return None
            reasons.append(_("A day written in full."))
            return found
        if match["month_end"] or not match["before"]:
            reasons.append(_("“end of month”: the last day of the month."))
            return month_end(year, month)
        # "3月前": before March begins.
        reasons.append(_("“before month M”: the last day of the month before it."))
        return dt.date(year, month, 1) - dt.timedelta(days=1)
    if match["quarter"]:
        digit = match["quarter"].lstrip("第")[0]
        reasons.append(_("A quarter: its last day."))
        return month_end(year, QUARTERS[digit])
    if match["half"]:
        reasons.append(_("The first half of the year: 30 June."))
        return dt.date(year, 6, 30) if match["half"] != "下半年" else dt.date(year, 12, 31)
    reasons.append(_("“end of year”: 31 December."))
    return dt.date(year, 12, 31)


def _names_a_time(match: re.Match[str] | None) -> TypeGuard[re.Match[str]]:
    if match is None:
        return False
    if match["year_end"] and len(match["year_end"]) == 1 and not match["year"]:
        return False  # a bare 底/末/内 is not a time without a year before it
    return bool(match["month"] or match["quarter"] or match["half"] or match["year_end"])


def deadline_parse(phrase: str, *, plan_year: int) -> Deadline:
    """Read one 完成时间 cell. ``understood`` is False when nothing in it names a time."""
    text = re.sub(r"\s+", "", phrase or "")
    result = Deadline(phrase=text)
    start = FROM_YEAR.search(text)
    for pattern, recurrence in RECURRING:
        found = pattern.search(text)
        if found and (recurrence != Recurrence.YEARLY or "每年" in text or start):
            result.recurrence = recurrence
            result.starts_year = _number(start["year"]) if start else plan_year
            result.reasons.append(
                RECURRENCE_REASONS[recurrence] % {"phrase": found[0], "year": result.starts_year}
            )
            return result
    for part in [p for p in SEPARATOR.split(text) if p]:
        match = DATED.search(part)
        if not _names_a_time(match):
            # A clause of its own states a target, or the target goes on: "…率达50%以上,
            # 网上办结率达40%以上".
            target = target_find(part)
            if target:
                result.target = "；".join(filter(None, [result.target, target]))
            continue
        due = _dated(match, plan_year, result.reasons)
        if due is None:
            continue
        rest = part[match.end() :]
        target = target_find(rest)
        if target:
            result.target = "；".join(filter(None, [result.target, target]))
        result.milestones.append(Milestone(due, rest.removeprefix("完成").strip()))
    if result.milestones:
        result.due_on = max(m.due_on for m in result.milestones)
        if len({m.due_on for m in result.milestones}) > 1:
            result.reasons.append(
                _("%(count)d milestones; the task is due at the last one.")
                % {"count": len(result.milestones)}
            )
        if result.target:
            result.reasons.append(_("A measurable target: %(target)s") % {"target": result.target})
        return result
    if ONGOING.search(text):
        result.recurrence = Recurrence.ONGOING
        result.reasons.append(_("Ongoing work: no date."))
        if result.target:
            result.reasons.append(_("A measurable target: %(target)s") % {"target": result.target})
        return result
    result.understood = False
    result.reasons.append(_("No date or period could be read: enter it by hand."))
    return result


def last_working_day(due_on: dt.date) -> tuple[dt.date | None, str]:
    """The last working day on or before ``due_on`` on the official calendar, and the name of
    the rest day when ``due_on`` is one (("", "") when the calendar lacks that year)."""
    from gongkai.core import holidays
    from gongkai.core.workdays import OutOfRange

    calendar_ = holidays.get_calendar()
    day = due_on
    try:
        for _i in range(30):
            if calendar_.is_workday(day):
                return day, "" if day == due_on else (calendar_.holiday_name(due_on) or "")
            day -= dt.timedelta(days=1)
    except OutOfRange:
        return None, ""
    return None, ""
