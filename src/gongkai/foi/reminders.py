"""Which reply due dates need a reminder today, to whom, and what it says.

Reminders at 5, 3 and 1 working days before a request's reply due date (official calendar,
``gongkai.core.holidays``), then once when it is overdue. Local practice, not national law:
the thresholds are a configurable default (``GONGKAI_FOI_REMINDER_WORKING_DAYS``). The
handler gets every reminder; the openness office also gets the last one and the overdue
one, and every reminder when no handler is assigned. Sending is
``gongkai.foi.services.reminders``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gongkai.core import holidays
from gongkai.core.models import Clock, Role
from gongkai.foi.models import Request
from gongkai.foi.selectors import confirmation_due, unconfirmed_overdue
from gongkai.foi.transitions import OPEN_STATUSES

DEFAULT_THRESHOLDS = (5, 3, 1)
OVERDUE = 0  # the threshold recorded for the overdue reminder


def thresholds() -> tuple[int, ...]:
    days = getattr(settings, "GONGKAI_FOI_REMINDER_WORKING_DAYS", DEFAULT_THRESHOLDS)
    return tuple(sorted({int(d) for d in days if int(d) > 0}, reverse=True))


def threshold_for(today: dt.date, due_on: dt.date) -> int | None:
    """The reminder due today: the smallest threshold at or above the working days left
    (a missed sweep sends the current one, not the ones it skipped); OVERDUE after the
    last day; None when it is too early."""
    if due_on < today:
        return OVERDUE
    left = holidays.get_calendar().between(today, due_on).value
    reached = [t for t in thresholds() if left <= t]
    return min(reached) if reached else None


def working_days_left(today: dt.date, due_on: dt.date) -> int:
    return holidays.get_calendar().between(today, due_on).value


def open_reply_requests() -> QuerySet[Request]:
    """Open requests whose reply period is running (paused ones have no due date)."""
    return (
        Request.objects.filter(
            status__in=OPEN_STATUSES,
            reply_clock__state=Clock.State.RUNNING,
            reply_clock__due_on__isnull=False,
        )
        .select_related("reply_clock", "unit", "organisation", "handler__staff_profile")
        .order_by("reply_clock__due_on", "id")
    )


def reply_due_on(request: Request) -> dt.date:
    """The reply due date of a request whose reply period runs (``open_reply_requests`` and
    the overdue list select only those)."""
    clock = request.reply_clock
    if clock is None or clock.due_on is None:
        raise ValueError(f"Request {request.code} has no reply due date.")
    return clock.due_on


def office_staff(organisation_id: int) -> list[User]:
    """The active openness-office staff of a body, in a stable order."""
    return list(
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__name=Role.OFFICE.value,
            staff_profile__organisation_id=organisation_id,
        )
        .select_related("staff_profile")
        .order_by("id")
        .distinct()
    )


def recipients(request: Request, threshold: int, office: list[User]) -> list[User]:
    handler = request.handler if request.handler and request.handler.is_active else None
    if handler is None:
        return office
    if threshold in (OVERDUE, min(thresholds(), default=1)):
        return [handler, *(user for user in office if user.pk != handler.pk)]
    return [handler]


@dataclass(frozen=True)
class Text:
    subject: str
    message: str


def _day(value: dt.date) -> str:
    return date_format(value, "DATE_FORMAT")


def reminder_text(request: Request, threshold: int, today: dt.date) -> Text:
    due_on = reply_due_on(request)
    names = {
        "code": request.code,
        "unit": request.unit.name if request.unit else _("no unit assigned"),
        "due": _day(due_on),
    }
    if threshold == OVERDUE:
        subject = _("Overdue: request %(code)s") % names
        message = _("Request %(code)s (%(unit)s) is overdue: the reply was due on %(due)s.")
        return Text(subject, message % names)
    subject = _("Reply due: request %(code)s") % names
    left = working_days_left(today, due_on)
    if left == 0:
        message = _("Request %(code)s (%(unit)s) must be replied to today, %(due)s.") % names
        return Text(subject, message)
    message = ngettext(
        "Request %(code)s (%(unit)s) must be replied to by %(due)s: %(days)d working day left.",
        "Request %(code)s (%(unit)s) must be replied to by %(due)s: %(days)d working days left.",
        left,
    ) % {**names, "days": left}
    return Text(subject, message)


def overdue_text(requests: list[Request], today: dt.date) -> Text:
    count = len(requests)
    subject = ngettext(
        "%(count)d request overdue on %(day)s",
        "%(count)d requests overdue on %(day)s",
        count,
    ) % {"count": count, "day": _day(today)}
    lines = [_overdue_line(request) for request in requests]
    return Text(subject, "\n".join([subject, *lines]))


def _overdue_line(request: Request) -> str:
    if request.reply_clock_id is None:
        # 条例 art. 31(3): an online application nobody has confirmed yet.
        return _("%(code)s, receipt to be confirmed by %(due)s (online application)") % {
            "code": request.code,
            "due": _day(confirmation_due(request)),
        }
    return _("%(code)s, due %(due)s, %(unit)s") % {
        "code": request.code,
        "due": _day(reply_due_on(request)),
        "unit": request.unit.name if request.unit else _("no unit assigned"),
    }


def overdue_by_body(today: dt.date) -> dict[int, list[Request]]:
    """Open requests past their reply due date, and online applications past their
    confirmation deadline, grouped by body (soonest due first)."""
    grouped: dict[int, list[Request]] = {}
    for request in unconfirmed_overdue(Request.objects.select_related("organisation"), today):
        grouped.setdefault(request.organisation_id, []).append(request)
    for request in open_reply_requests().filter(reply_clock__due_on__lt=today):
        grouped.setdefault(request.organisation_id, []).append(request)
    return grouped
