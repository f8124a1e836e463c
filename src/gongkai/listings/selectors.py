"""Reads of the powers list for the portal, the API and exports."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django_stubs_ext import StrOrPromise

from gongkai.core.sitescope import scoped
from gongkai.listings.law import PowerKind
from gongkai.listings.models import Power, PowerVersion

MAX_QUERY = 60


def _in_force() -> QuerySet[Power]:
    # On a body's site (gongkai.sites) the list is that body's (and its group's).
    return scoped(Power.objects.filter(is_active=True), pk_field=None)


def powers_public(
    *, kind: str = "", query: str = "", organisation: int | None = None
) -> QuerySet[Power]:
    """Powers in force, by code; ``query`` matches the name, code or exercising body as a
    substring (Chinese has no spaces: 户籍 must find 户籍迁移审批)."""
    powers = _in_force().select_related("organisation")
    if kind in PowerKind.values:
        powers = powers.filter(kind=kind)
    if organisation:
        powers = powers.filter(organisation_id=organisation)
    for term in (query or "")[:MAX_QUERY].split():
        powers = powers.filter(
            Q(name__icontains=term) | Q(code__icontains=term) | Q(exercised_by__icontains=term)
        )
    return powers.order_by("code")


def powers_export(
    *, kind: str = "", query: str = "", organisation: int | None = None
) -> QuerySet[Power]:
    return powers_public(kind=kind, query=query, organisation=organisation).prefetch_related(
        "bases"
    )


def kind_counts() -> list[tuple[str, StrOrPromise, int]]:
    """(kind, label, number in force) for each of the ten kinds, in the law's order."""
    counts = dict(_in_force().values_list("kind").annotate(n=Count("id")).values_list("kind", "n"))
    return [(kind.value, kind.label, counts.get(kind.value, 0)) for kind in PowerKind]


def power_public(pk: int) -> Power:
    """One power with its bases and its whole public history (removed ones too: their page
    says when and why they left the list)."""
    found = (
        scoped(Power.objects.all(), pk_field=None)
        .select_related("organisation")
        .prefetch_related(
            "bases", Prefetch("versions", queryset=PowerVersion.objects.order_by("-number"))
        )
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def adjustments_recent(limit: int = 10) -> QuerySet[PowerVersion]:
    """The latest adjustments of the list (动态调整), newest first."""
    versions = scoped(PowerVersion.objects.all(), "power__organisation_id", None)
    return versions.select_related("power").order_by("-changed_on", "-recorded_at", "-pk")[:limit]
