"""Reads of the enforcement register for the portal, the API, exports and the yearly report."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from django.db.models import Count, Model, Q, QuerySet
from django.http import Http404
from django_stubs_ext import StrOrPromise

from gongkai.core import holidays
from gongkai.core.clockmath import CHINA, compute_working_days
from gongkai.core.models import Organisation
from gongkai.core.sitescope import scoped
from gongkai.enforcement.law import PUBLICITY_LIMITS, DecisionKind
from gongkai.enforcement.models import (
    ChangeRecord,
    Decision,
    DiscretionStandard,
    Draw,
    EnforcementBody,
    InspectionTarget,
    Matter,
    Officer,
)
from gongkai.enforcement.transitions import PUBLIC_STATUSES

MAX_QUERY = 60

M = TypeVar("M", bound=Model)


def _site(found: QuerySet[M]) -> QuerySet[M]:
    # On a body's site (gongkai.sites) only that body's (and its group's) records.
    return scoped(found, pk_field=None)


def bodies_public() -> QuerySet[EnforcementBody]:
    """Active bodies with their active officers and matters (事前公开)."""
    from django.db.models import Prefetch

    return (
        _site(EnforcementBody.objects.filter(is_active=True))
        .select_related("organisation")
        .prefetch_related(
            Prefetch("officers", queryset=Officer.objects.filter(is_active=True)),
            Prefetch("matters", queryset=Matter.objects.filter(is_active=True)),
        )
    )


def standards_public() -> QuerySet[DiscretionStandard]:
    return _site(DiscretionStandard.objects.filter(is_active=True)).defer("content")


def standard_file(pk: int) -> DiscretionStandard:
    found = (
        _site(DiscretionStandard.objects.filter(pk=pk, is_active=True))
        .exclude(file_name="")
        .first()
    )
    if found is None:
        raise Http404
    return found


def matter_public(pk: int) -> Matter:
    matters = Matter.objects.filter(pk=pk, is_active=True)
    found = scoped(matters, "body__organisation_id", None).select_related("body").first()
    if found is None:
        raise Http404
    return found


def decisions_public(
    *, kind: str = "", query: str = "", year: int | None = None
) -> QuerySet[Decision]:
    """Published and withdrawn decisions (a withdrawn one shows only its withdrawal), newest
    first; ``query`` matches number, matter, party as published and agency as substrings."""
    found = _site(Decision.objects.filter(status__in=PUBLIC_STATUSES)).select_related(
        "body", "organisation"
    )
    if kind in DecisionKind.values:
        found = found.filter(kind=kind)
    if year:
        found = found.filter(decided_on__year=year)
    for term in (query or "")[:MAX_QUERY].split():
        found = found.filter(
            Q(number__icontains=term)
            | Q(title__icontains=term)
            | Q(party_public__icontains=term)
            | Q(body__name__icontains=term)
        )
    return found.order_by("-decided_on", "-id")


def kind_counts() -> list[tuple[str, StrOrPromise, int]]:
    counts = dict(
        _site(Decision.objects.filter(status__in=PUBLIC_STATUSES))
        .values_list("kind")
        .annotate(n=Count("id"))
        .values_list("kind", "n")
    )
    return [(k.value, k.label, counts.get(k.value, 0)) for k in DecisionKind]


def decision_public(pk: int) -> Decision:
    found = (
        _site(Decision.objects.filter(pk=pk, status__in=PUBLIC_STATUSES))
        .select_related("body", "organisation", "replaced_by")
        .first()
    )
    if found is None:
        raise Http404
    return found


def history(subject: str, subject_id: int) -> QuerySet[ChangeRecord]:
    """One object's public history in the order it was recorded (a withdrawal recorded
    after publication may carry an earlier legal date)."""
    return ChangeRecord.objects.filter(subject=subject, subject_id=subject_id).order_by(
        "recorded_at", "pk"
    )


def changes_recent(limit: int = 20) -> QuerySet[ChangeRecord]:
    return _site(ChangeRecord.objects.select_related("organisation"))[:limit]


def publicity_due(decision: Decision) -> dt.date | None:
    """The last day to publish: the statutory working days after the decision day
    (国办发〔2018〕118号), on the official calendar."""
    limit = PUBLICITY_LIMITS[decision.kind]
    start = dt.datetime.combine(decision.decided_on, dt.time(9), tzinfo=CHINA)
    return compute_working_days(holidays.get_calendar(), limit.working_days, start, []).due_on


def published_on_time(decision: Decision) -> bool | None:
    due = publicity_due(decision)
    if decision.published_at is None or due is None:
        return None
    return decision.published_at.astimezone(CHINA).date() <= due


def targets_public() -> QuerySet[InspectionTarget]:
    return _site(InspectionTarget.objects.filter(is_active=True)).order_by("category", "code")


def draws_public() -> QuerySet[Draw]:
    return _site(Draw.objects.select_related("organisation")).prefetch_related("results")


def draw_public(pk: int) -> Draw:
    found = draws_public().filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


# --- the yearly report (section 二, 第二十条第（五）（六）项) --------------------------------------


def _uses_register(organisation: Organisation, year: int) -> bool:
    """A body uses the register for a year when it recorded any decision of that year in it
    (a draft too); otherwise that year's report figures stay entered by hand."""
    return Decision.objects.filter(organisation=organisation, decided_on__year=year).exists()


def decision_counts(organisation: Organisation, year: int) -> dict[str, int] | None:
    """Decisions made in ``year`` by kind: every one recorded and published (withdrawn ones
    too: they were decisions of that year), drafts not counted. None when the body did
    not use the register that year."""
    if not _uses_register(organisation, year):
        return None
    counts = dict(
        Decision.objects.filter(
            organisation=organisation, decided_on__year=year, status__in=PUBLIC_STATUSES
        )
        .values_list("kind")
        .annotate(n=Count("id"))
        .values_list("kind", "n")
    )
    return {kind.value: counts.get(kind.value, 0) for kind in DecisionKind}


def licence_decision_counts(
    organisation: Organisation, year: int
) -> dict[str, dict[str, int]] | None:
    """Provider of the report's 第二十条第（五）项: 行政许可 本年处理决定数量."""
    counts = decision_counts(organisation, year)
    if counts is None:
        return None
    return {"licence": {"decisions": counts[DecisionKind.LICENSING]}}


def penalty_decision_counts(
    organisation: Organisation, year: int
) -> dict[str, dict[str, int]] | None:
    """Provider of the report's 第二十条第（六）项: 行政处罚, 行政强制 本年处理决定数量."""
    counts = decision_counts(organisation, year)
    if counts is None:
        return None
    return {
        "penalty": {"decisions": counts[DecisionKind.PENALTY]},
        "coercion": {"decisions": counts[DecisionKind.COERCION]},
    }
