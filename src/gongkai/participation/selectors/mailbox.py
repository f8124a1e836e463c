"""Reading letters: staff scope, following by code and secret, public Q&A, statistics."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from django.db.models import Avg, Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.clockmath import CHINA
from gongkai.core.errors import NotFoundError
from gongkai.core.models import Organisation
from gongkai.core.sitescope import scoped
from gongkai.core.types import AnyUser
from gongkai.participation import law
from gongkai.participation.models import Letter, LetterCategory
from gongkai.participation.services.common import add_months
from gongkai.participation.services.mailbox import letter_secret_matches

OPEN_LETTER_STATUSES = (Letter.Status.RECEIVED, Letter.Status.ASSIGNED)


def letters_visible_to(user: AnyUser) -> QuerySet[Letter]:
    return Letter.objects.visible_to(user).select_related("organisation", "unit", "category")


def access_letter(user: AnyUser, pk: int) -> Letter:
    letter = letters_visible_to(user).filter(pk=pk).first()
    if letter is None:
        raise NotFoundError("letter_not_found", _("No such mailbox letter."))
    return letter


def letter_follow(code: str, secret: str) -> Letter:
    """The writer's view: the same answer for a wrong code and a wrong secret."""
    letter = (
        Letter.objects.select_related("category", "unit").filter(code=code.strip().upper()).first()
    )
    if letter is None or not letter_secret_matches(letter, secret):
        raise NotFoundError("letter_not_found", _("The code or the secret is wrong."))
    return letter


def letters_public() -> QuerySet[Letter]:
    """Letters published with their answers: on a body's site its bodies' only."""
    return (
        scoped(Letter.objects.filter(is_public=True), pk_field=None)
        .select_related("category")
        .order_by("-published_at", "-id")
    )


def letter_public(pk: int) -> Letter:
    letter = letters_public().filter(pk=pk).first()
    if letter is None:
        raise NotFoundError("letter_not_found", _("No such mailbox letter."))
    return letter


def categories_of(organisation: Organisation) -> QuerySet[LetterCategory]:
    return LetterCategory.objects.filter(organisation=organisation).order_by("id")


@dataclass(frozen=True)
class LetterStatistics:
    received: int
    valid: int
    answered: int
    on_time: int
    open: int
    overdue: int
    median_days: float | None
    average_rating: float | None
    rated: int


def letter_statistics(
    letters: QuerySet[Letter], *, today: dt.date | None = None
) -> LetterStatistics:
    """Counts in SQL; the median reply time (in days) over the answered letters."""
    today = today or timezone.localdate()
    valid = letters.exclude(status=Letter.Status.INVALID)
    answered = valid.filter(status=Letter.Status.ANSWERED)
    counts = valid.aggregate(
        valid=Count("pk"),
        answered=Count("pk", filter=Q(status=Letter.Status.ANSWERED)),
        open=Count("pk", filter=Q(status__in=OPEN_LETTER_STATUSES)),
        overdue=Count("pk", filter=Q(status__in=OPEN_LETTER_STATUSES, due_on__lt=today)),
        rated=Count("rating"),
        average_rating=Avg("rating"),
    )
    durations = [
        (answered_at - received_at).total_seconds() / 86400
        for received_at, answered_at in answered.values_list("received_at", "answered_at")
        if answered_at is not None  # an answered letter always has it (letter_answer)
    ]
    on_time = len(
        [
            due_on
            for answered_at, due_on in answered.values_list("answered_at", "due_on")
            if answered_at is not None and answered_at.astimezone(CHINA).date() <= due_on
        ]
    )
    average = counts.pop("average_rating")
    return LetterStatistics(
        received=letters.count(),
        on_time=on_time,
        median_days=round(statistics.median(durations), 1) if durations else None,
        average_rating=round(average, 2) if average is not None else None,
        **counts,
    )


@dataclass(frozen=True)
class SiteCheck:
    passed: bool
    unanswered: list[Letter]
    answered_late: list[Letter]
    since: dt.date
    threshold: dt.date
    source: str


def site_check(letters: QuerySet[Letter], *, today: dt.date | None = None) -> SiteCheck:
    """国办秘函〔2019〕19号: within the past year, no valid message unanswered for over
    3 months (still open, or answered more than 3 months after it arrived)."""
    today = today or timezone.localdate()
    since = today - dt.timedelta(days=law.SITE_CHECK_LOOKBACK_DAYS)
    threshold = add_months(today, -law.SITE_CHECK_UNANSWERED_MONTHS)
    start = dt.datetime.combine(since, dt.time.min, tzinfo=CHINA)
    limit = dt.datetime.combine(threshold, dt.time.min, tzinfo=CHINA)
    recent = letters.exclude(status=Letter.Status.INVALID).filter(received_at__gte=start)
    unanswered = list(recent.filter(status__in=OPEN_LETTER_STATUSES, received_at__lt=limit)[:50])
    late = [
        letter
        for letter in recent.filter(status=Letter.Status.ANSWERED).filter(
            answered_at__gt=F("received_at") + dt.timedelta(days=88)
        )
        if letter.answered_at is not None  # filtered on above; said for the types
        and add_months(letter.received_at.astimezone(CHINA).date(), 3)
        < letter.answered_at.astimezone(CHINA).date()
    ][:50]
    return SiteCheck(
        passed=not unanswered and not late,
        unanswered=unanswered,
        answered_late=late,
        since=since,
        threshold=threshold,
        source=law.SITE_CHECK_SOURCE,
    )
