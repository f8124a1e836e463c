"""Loading a year's holiday arrangement from the State Council notice."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gongkai.core import holidays
from gongkai.core.errors import ServiceError
from gongkai.core.law import NATIONAL_FESTIVALS
from gongkai.core.models import CalendarDay, CalendarYear
from gongkai.core.notice import (
    REASON_BAD_DATE,
    REASON_DUPLICATE,
    REASON_NO_DATES,
    REASON_NO_ITEMS,
    REASON_NO_YEAR,
    REASON_TOTAL_MISMATCH,
    REASON_WORKDAY_NOT_WEEKEND,
    Arrangement,
    NoticeError,
    parse_notice,
)
from gongkai.core.services.clocks import clocks_recompute_open
from gongkai.core.services.ledger import ledger_append
from gongkai.core.types import Actor


def notice_reason_text(reason: str) -> str:
    reasons = {
        REASON_NO_YEAR: _(
            "The notice's title, which names the year, is missing; give the year explicitly."
        ),
        REASON_NO_ITEMS: _("No holiday lines such as “一、元旦：1月1日放假” were found."),
        REASON_NO_DATES: _("No holiday dates could be read in this line."),
        REASON_BAD_DATE: _("A date in this line does not exist."),
        REASON_TOTAL_MISMATCH: _("The number of days stated (共N天) does not match the dates."),
        REASON_WORKDAY_NOT_WEEKEND: _(
            "A day named as an adjusted working day (上班) is not a Saturday or Sunday."
        ),
        REASON_DUPLICATE: _("A date in this line appears in an earlier line too."),
    }
    return reasons.get(reason, reason)


def notice_error_message(error: NoticeError) -> str:
    return _("Line %(number)d: %(reason)s (%(line)s)") % {
        "number": error.line_number,
        "reason": notice_reason_text(error.reason),
        "line": error.line[:80],
    }


def notice_parse(*, text: str, year: int | None = None) -> Arrangement:
    """Parse for preview; raises ServiceError with the line named."""
    if not text.strip():
        raise ServiceError("notice_empty", _("The notice is empty."))
    try:
        return parse_notice(text, year)
    except NoticeError as error:
        raise ServiceError("notice_unreadable", notice_error_message(error)) from None


def notice_missing_festivals(arrangement: Arrangement) -> list[str]:
    """The national festivals (《全国年节及纪念日放假办法》 art. 2) no line of the notice
    arranges: a pasted excerpt must not silently stand for a whole year."""
    names = "、".join(line.name for line in arrangement.lines)
    return [festival for festival, word in NATIONAL_FESTIVALS if word not in names]


@dataclass(frozen=True)
class NoticeLoaded:
    calendar_year: CalendarYear
    deadlines_moved: int  # open time limits whose due date changed

    @property
    def year(self) -> int:
        return self.calendar_year.year

    @property
    def message(self) -> str:
        return ngettext(
            "The %(year)d arrangement was stored; %(moved)d open deadline moved.",
            "The %(year)d arrangement was stored; %(moved)d open deadlines moved.",
            self.deadlines_moved,
        ) % {"year": self.year, "moved": self.deadlines_moved}


def calendar_load_notice(
    *, actor: Actor, text: str, year: int | None = None, accept_missing: bool = False
) -> NoticeLoaded:
    """Store a year's arrangement, log it, and recompute every open clock.

    A notice that leaves out national festivals is refused, naming them, unless the office
    confirms it (``accept_missing``) after reading the list."""
    arrangement = notice_parse(text=text, year=year)
    missing = notice_missing_festivals(arrangement)
    if missing and not accept_missing:
        raise ServiceError(
            "notice_incomplete",
            _(
                "The notice arranges no days for %(festivals)s. Paste the whole notice, or "
                "confirm that the year really has only these holidays."
            )
            % {"festivals": "、".join(missing)},
        )
    with transaction.atomic():
        calendar_year, created = CalendarYear.objects.update_or_create(
            year=arrangement.year, defaults={"source_text": text, "loaded_by": actor}
        )
        calendar_year.days.all().delete()
        CalendarDay.objects.bulk_create(
            [
                CalendarDay(calendar_year=calendar_year, date=d, kind="holiday", name=n)
                for d, n in sorted(arrangement.holidays.items())
            ]
            + [
                CalendarDay(calendar_year=calendar_year, date=d, kind="workday", name=n)
                for d, n in sorted(arrangement.workdays.items())
            ]
        )
        ledger_append(
            actor=actor,
            action="calendar.load" if created else "calendar.correct",
            obj=calendar_year,
            summary={**arrangement.as_json(), "missing": missing},
        )
        holidays.invalidate()
        transaction.on_commit(holidays.invalidate)
        moved = clocks_recompute_open(
            actor=actor,
            reason=_("The %(year)d holiday arrangement was loaded.") % {"year": arrangement.year},
        )
    return NoticeLoaded(calendar_year, moved)
