"""Reading consultations: portal lists, staff scope, comment pages, the adoption report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypedDict

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django_stubs_ext import WithAnnotations

from gongkai.core.errors import NotFoundError
from gongkai.core.sitescope import scoped
from gongkai.core.types import AnyUser
from gongkai.participation.models import Comment, Consultation, Provision

COMMENTS_PER_PAGE = 50
PUBLIC_STATUSES = (
    Consultation.Status.OPEN,
    Consultation.Status.CLOSED,
    Consultation.Status.REPORTED,
)


def consultations_public() -> QuerySet[Consultation]:
    """Consultations the public sees: on a body's site (gongkai.sites) its bodies' only."""
    found = Consultation.objects.filter(status__in=PUBLIC_STATUSES)
    return scoped(found, pk_field=None).select_related("organisation")


def consultation_accepting(consultation: Consultation, day: dt.date | None = None) -> bool:
    """Open for comments today: opened by staff and inside its period (both ends count)."""
    day = day or timezone.localdate()
    return (
        consultation.status == Consultation.Status.OPEN
        and consultation.opens_on <= day <= consultation.closes_on
    )


def consultation_public(pk: int) -> Consultation:
    consultation = consultations_public().filter(pk=pk).first()
    if consultation is None:
        raise NotFoundError("consultation_not_found", _("No such consultation."))
    return consultation


def consultations_visible_to(user: AnyUser) -> QuerySet[Consultation]:
    return Consultation.objects.visible_to(user).select_related("organisation", "unit")


def access_consultation(user: AnyUser, pk: int) -> Consultation:
    """The same 404 whether missing or out of the user's scope."""
    consultation = consultations_visible_to(user).filter(pk=pk).first()
    if consultation is None:
        raise NotFoundError("consultation_not_found", _("No such consultation."))
    return consultation


def access_comment(user: AnyUser, pk: int) -> Comment:
    comment = (
        Comment.objects.select_related("consultation__organisation")
        .filter(pk=pk, consultation__in=consultations_visible_to(user))
        .first()
    )
    if comment is None:
        raise NotFoundError("comment_not_found", _("No such comment."))
    return comment


class PublishedComments(TypedDict):
    published_comments: int


def provisions_with_counts(
    consultation: Consultation,
) -> list[WithAnnotations[Provision, PublishedComments]]:
    """The draft's provisions, each with its number of published comments (one query)."""
    return list(
        consultation.provisions.annotate(
            published_comments=Count(
                "comments", filter=Q(comments__status=Comment.Status.PUBLISHED)
            )
        ).order_by("position")
    )


def comments_published(
    consultation: Consultation, provision_id: int | None = None
) -> QuerySet[Comment]:
    comments = consultation.comments.filter(status=Comment.Status.PUBLISHED).select_related(
        "provision"
    )
    if provision_id is not None:
        comments = comments.filter(provision_id=provision_id)
    return comments.order_by("-id")


def comments_for_staff(
    consultation: Consultation, *, status: str = "", decision: str = ""
) -> QuerySet[Comment]:
    comments = consultation.comments.select_related("provision", "decided_by__staff_profile")
    if status:
        comments = comments.filter(status=status)
    if decision:
        comments = comments.filter(decision=decision)
    return comments.order_by("id")


@dataclass(frozen=True)
class AdoptionReport:
    received: int
    published: int
    held: int
    rejected: int
    adopted: int
    partly: int
    not_adopted: int
    pending: int
    by_provision: list[dict[str, Any]]
    reasons: list[dict[str, Any]]


def _decision_counts() -> dict[str, Count]:
    published = Q(status=Comment.Status.PUBLISHED)
    return {
        name: Count("pk", filter=published & Q(decision=value))
        for name, value in (
            ("adopted", Comment.Decision.ADOPTED),
            ("partly", Comment.Decision.PARTLY),
            ("not_adopted", Comment.Decision.NOT_ADOPTED),
            ("pending", Comment.Decision.PENDING),
        )
    }


def adoption_report(consultation: Consultation) -> AdoptionReport:
    """The 意见收集和采纳情况, aggregated in SQL (three queries whatever the volume)."""
    comments = Comment.objects.filter(consultation=consultation)
    totals = comments.aggregate(
        received=Count("pk"),
        published=Count("pk", filter=Q(status=Comment.Status.PUBLISHED)),
        held=Count("pk", filter=Q(status=Comment.Status.HELD)),
        rejected=Count("pk", filter=Q(status=Comment.Status.REJECTED)),
        **_decision_counts(),
    )
    by_provision = list(
        comments.filter(status=Comment.Status.PUBLISHED)
        .values("provision__position", "provision__label")
        .annotate(total=Count("pk"), **_decision_counts())
        .order_by("provision__position")
    )
    reasons = list(
        comments.filter(status=Comment.Status.PUBLISHED, decision=Comment.Decision.NOT_ADOPTED)
        .values("decision_reason")
        .annotate(total=Count("pk"))
        .order_by("-total", "decision_reason")[:50]
    )
    return AdoptionReport(**totals, by_provision=by_provision, reasons=reasons)
