"""Reading disclosure requests: scoping, queues, time spent, flags for the handler."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from enum import StrEnum

from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core import holidays
from gongkai.core.clockmath import as_events, working_days_used
from gongkai.core.errors import NotFoundError, ServiceError
from gongkai.core.models import Organisation
from gongkai.core.types import AnyUser
from gongkai.foi import law
from gongkai.foi.models import BodySettings, IdentityView, Request, Status
from gongkai.foi.transitions import OPEN_STATUSES

# A request due within this many working days shows amber in a queue.
AMBER_WORKING_DAYS = 3


def requests_visible_to(user: AnyUser) -> QuerySet[Request]:
    """Whole body for the office, leaders and admins; own units and assignments otherwise."""
    return Request.objects.visible_to(user).select_related(
        "organisation", "unit", "handler", "reply_clock"
    )


def access_request(user: AnyUser, pk: int) -> Request:
    """The request if ``user`` may see it; the same 404 whether missing or out of scope."""
    request = requests_visible_to(user).filter(pk=pk).first()
    if request is None:
        raise NotFoundError("request_not_found", _("No such request."))
    return request


class Urgency(StrEnum):
    RED = "red"  # overdue: the last day to act has passed
    AMBER = "amber"  # due within AMBER_WORKING_DAYS working days
    GREEN = "green"  # due later
    PAUSED = "paused"  # the clock waits (supplement, consultation, fee): no due date


@dataclass(frozen=True)
class QueueItem:
    request: Request
    due_on: dt.date | None
    urgency: Urgency


def urgency(due_on: dt.date | None, today: dt.date) -> Urgency:
    if due_on is None:
        return Urgency.PAUSED
    if due_on < today:
        return Urgency.RED
    if due_on <= holidays.get_calendar().add(today, AMBER_WORKING_DAYS).value:
        return Urgency.AMBER
    return Urgency.GREEN


@dataclass(frozen=True)
class QueueFilters:
    """What the queue's search form narrows: words (code, applicant, information sought), an
    open status, and the day of receipt."""

    text: str = ""
    status: str = ""
    received_from: dt.date | None = None
    received_to: dt.date | None = None

    def apply(self, requests: QuerySet[Request]) -> QuerySet[Request]:
        text = self.text.strip()
        if text:
            requests = requests.filter(
                Q(code__icontains=text)
                | Q(applicant_name__icontains=text)
                | Q(description__icontains=text)
            )
        if self.status in OPEN_STATUSES:
            requests = requests.filter(status=self.status)
        if self.received_from:
            requests = requests.filter(received_on__gte=self.received_from)
        if self.received_to:
            requests = requests.filter(received_on__lte=self.received_to)
        return requests


def _open_in(
    unit: Organisation | None, filters: QueueFilters | None, user: AnyUser | None = None
) -> QuerySet[Request]:
    """Open requests of ``unit``, or of every unit ``user`` sees when ``unit`` is None."""
    if unit is not None:
        requests = Request.objects.filter(unit=unit)
    elif user is not None:
        requests = requests_visible_to(user).filter(unit__isnull=False)
    else:
        raise ValueError("A queue is of a unit or of the units a user sees.")
    requests = requests.filter(status__in=OPEN_STATUSES)
    return filters.apply(requests) if filters else requests


def unit_queue_count(
    unit: Organisation | None, filters: QueueFilters | None = None, *, user: AnyUser | None = None
) -> int:
    return _open_in(unit, filters, user).count()


def unit_queue(
    unit: Organisation | None,
    today: dt.date | None = None,
    *,
    offset: int = 0,
    limit: int | None = None,
    filters: QueueFilters | None = None,
    user: AnyUser | None = None,
) -> list[QueueItem]:
    """A unit's open requests (every unit's that ``user`` sees when ``unit`` is None),
    soonest due first, paused ones last, narrowed by ``filters``.

    ``offset``/``limit`` page in SQL: a busy unit has thousands of open requests
    and the page shows 50 (bench/foi_queue.py).
    """
    today = today or timezone.localdate()
    requests = (
        _open_in(unit, filters, user)
        .select_related("reply_clock", "handler", "unit")
        .order_by(F("reply_clock__due_on").asc(nulls_last=True), "id")
    )
    requests = requests[offset : offset + limit] if limit is not None else requests[offset:]
    items = []
    for request in requests:
        due_on = request.reply_clock.due_on if request.reply_clock else None
        items.append(QueueItem(request, due_on, urgency(due_on, today)))
    return items


def request_working_days_spent(request: Request, today: dt.date | None = None) -> int:
    """Working days counted against the reply period: after receipt (or after the supplement
    arrived, art. 30), excluding paused time (consultations art. 33, fee notices), up to the
    reply or today."""
    clock = request.reply_clock
    if clock is None:
        return 0
    return working_days_used(
        holidays.get_calendar(),
        clock.started_at,
        as_events(clock.events.all()),
        today or timezone.localdate(),
    )


@dataclass
class Flags:
    """Hints for the handler; the handler decides (条例 arts. 36(6), 39)."""

    repeats: list[Request] = field(default_factory=list)
    petition_words: list[str] = field(default_factory=list)

    @property
    def is_flagged(self) -> bool:
        return bool(self.repeats or self.petition_words)


def _normalise(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _similar(a: str, b: str) -> bool:
    ratio = difflib.SequenceMatcher(None, _normalise(a), _normalise(b)).ratio()
    return ratio >= law.REPEAT_SIMILARITY


def request_similar(request: Request) -> Flags:
    """Possible repeats (same applicant, similar wording, already answered) and 信访-like
    wording. Candidates only: a repeat is not_processed.repeated only if the handler says so."""
    answered = (
        Request.objects.filter(
            organisation=request.organisation,
            id_type=request.id_type,
            id_number=request.id_number,
            replied_on__isnull=False,
        )
        .exclude(pk=request.pk)
        .order_by("-replied_on", "-id")
    )
    repeats = [other for other in answered if _similar(other.description, request.description)]
    words = [word for word in law.PETITION_KEYWORDS if word in request.description]
    return Flags(repeats=repeats, petition_words=words)


def settings_of(organisation: Organisation) -> BodySettings | None:
    return BodySettings.objects.filter(organisation=organisation).first()


def supplement_minimum_days(organisation: Organisation) -> int:
    found = settings_of(organisation)
    return found.supplement_minimum_days if found else law.SUPPLEMENT_MINIMUM_DAYS


def require_remedy_settings(organisation: Organisation) -> BodySettings:
    """Every reply names the 复议机关 and the court (行政复议法 (2023) art. 23 para. 2 asks the
    body to tell the applicant where to go): no reply before the office has set them."""
    found = settings_of(organisation)
    if found is None or not found.review_authority.strip() or not found.court.strip():
        raise ServiceError(
            "remedy_settings_missing",
            _(
                "Before the first reply, the openness office must set the administrative "
                "review authority and the people's court that replies name (letter settings)."
            ),
        )
    return found


def request_remedy_statement(
    request: Request, outcome: str | None = None, *, found: BodySettings | None = None
) -> str:
    """The remedies a reply of ``outcome`` (the request's own by default) states; empty
    while the body has not named its 复议机关 and court (``found``: settings already read)."""
    found = found or settings_of(request.organisation)
    if found is None:
        return ""
    return law.remedy_statement(
        request.outcome or "" if outcome is None else outcome,
        authority=found.review_authority,
        court=found.court,
        decided_on=request.replied_on,
    )


def confirmation_due(request: Request) -> dt.date:
    """The last day for staff to confirm an online application (``law.confirmation_working_days``
    working days after the day it was submitted; 条例 art. 31(3) sets no limit of its own)."""
    submitted = timezone.localdate(request.submitted_at)
    return holidays.get_calendar().add(submitted, law.confirmation_working_days()).value


def unconfirmed_overdue(requests: QuerySet[Request], today: dt.date) -> list[Request]:
    """Applications still awaiting confirmation after their confirmation deadline."""
    waiting = requests.filter(status=Status.SUBMITTED)
    return [r for r in waiting.order_by("submitted_at", "id") if confirmation_due(r) < today]


def identity_views(
    *,
    organisation_ids: list[int] | None,
    code: str = "",
    viewer_id: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> QuerySet[IdentityView]:
    """Recorded views of applicants' identity data of these bodies (None: all), newest first."""
    views = IdentityView.objects.select_related("request", "viewer__staff_profile")
    if organisation_ids is not None:
        views = views.filter(request__organisation_id__in=organisation_ids)
    if code:
        views = views.filter(request__code=code.strip().upper())
    if viewer_id:
        views = views.filter(viewer_id=viewer_id)
    if start:
        views = views.filter(viewed_at__date__gte=start)
    if end:
        views = views.filter(viewed_at__date__lte=end)
    return views.order_by("-viewed_at", "-id")
