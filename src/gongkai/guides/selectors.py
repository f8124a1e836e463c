"""Reads of the guides, the map and the gazette for the portal, the API and exports."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, TypeVar

from django.db.models import Count, Model, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.models import Clock
from gongkai.core.selectors.organisation import site_organisation
from gongkai.core.sitescope import scoped
from gongkai.guides.law import AT_MOST_ONE_VISIT
from gongkai.guides.models import (
    GazetteEntry,
    GazetteIssue,
    Guide,
    GuideFile,
    GuideVersion,
    MapSettings,
    ServicePoint,
)

MAX_QUERY = 60

M = TypeVar("M", bound=Model)


def _site(found: QuerySet[M]) -> QuerySet[M]:
    # On a body's site (gongkai.sites) only that body's (and its group's) records.
    return scoped(found, pk_field=None)


def guides_public(*, query: str = "", one_visit: bool = False) -> QuerySet[Guide]:
    """Guides in force by code; ``query`` a substring of name or code (户籍 finds 户籍迁移);
    ``one_visit``: the 一次办 / 最多跑一次 list (到现场次数 ≤ 1, seed 001)."""
    guides = _site(Guide.objects.filter(is_active=True)).select_related("organisation")
    if one_visit:
        guides = guides.filter(visits__lte=AT_MOST_ONE_VISIT)
    for term in (query or "")[:MAX_QUERY].split():
        guides = guides.filter(Q(name__icontains=term) | Q(code__icontains=term))
    return guides.order_by("code")


def guides_export(**filters: Any) -> QuerySet[Guide]:
    return (
        guides_public(**filters)
        .select_related("power")
        .prefetch_related("bases", "materials", "steps")
    )


def guide_public(pk: int) -> Guide:
    """One guide with everything its page shows, withdrawn ones too (their page says when
    and why)."""
    found = (
        _site(Guide.objects.all())
        .select_related("organisation", "power")
        .prefetch_related(
            "bases",
            "steps",
            "materials__files",
            Prefetch(
                "versions",
                queryset=GuideVersion.objects.select_related("clock").order_by("-number"),
            ),
            Prefetch("points", queryset=ServicePoint.objects.filter(is_active=True)),
            "files",
        )  # fmt: skip
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def guide_file(guide_pk: int, file_pk: int) -> GuideFile:
    found = GuideFile.objects.filter(pk=file_pk, guide_id=guide_pk, guide__is_active=True).first()
    if found is None:
        raise Http404
    return found


def changes_recent(limit: int = 10) -> QuerySet[GuideVersion]:
    return GuideVersion.objects.select_related("guide", "clock").order_by("-published_at", "-pk")[
        :limit
    ]


def on_time(version: GuideVersion) -> bool | None:
    """Whether the change was public within its working day (None: no clock)."""
    clock = version.clock
    if clock is None or clock.due_at is None:
        return None
    return version.published_at <= clock.due_at


@dataclasses.dataclass
class PublicationClock:
    """The one-working-day clock of one version as staff see it on the guide's page."""

    version: GuideVersion
    due_at: dt.datetime | None
    running: bool  # approved, not yet public: the clock still runs
    late: bool  # overdue while running, or published after the due time
    hours_left: float | None = None  # running only; negative when overdue
    days_left: int | None = None  # running only: whole days until the due time

    @property
    def hours_late(self) -> float | None:
        return -self.hours_left if self.hours_left is not None and self.hours_left < 0 else None


def publication_clocks(
    guide: Guide, *, now: dt.datetime | None = None, limit: int = 5
) -> list[PublicationClock]:
    """The latest versions' clocks (approval → publication, 1 working day), newest first:
    a running one with the time left (hours, or days when more than two remain), red when
    overdue; a stopped one on time or late."""
    now = now or timezone.now()
    rows = []
    for version in guide.versions.select_related("clock").order_by("-number")[:limit]:
        clock = version.clock
        due = clock.due_at if clock else None
        if clock is not None and clock.state == Clock.State.RUNNING and due is not None:
            hours = (due - now).total_seconds() / 3600
            rows.append(
                PublicationClock(
                    version=version,
                    due_at=due,
                    running=True,
                    late=hours < 0,
                    hours_left=hours,
                    days_left=int(hours // 24) if hours >= 48 else None,
                )
            )
        else:
            late = on_time(version) is False
            rows.append(PublicationClock(version=version, due_at=due, running=False, late=late))
    return rows


def guides_for_power(power_id: int) -> QuerySet[Guide]:
    return Guide.objects.filter(power_id=power_id, is_active=True).order_by("code")


# --- 便民网上地图 ---------------------------------------------------------------------------


def points_public(*, kind: str = "", guide: int | None = None) -> QuerySet[ServicePoint]:
    points = _site(ServicePoint.objects.filter(is_active=True)).select_related("organisation")
    if kind:
        points = points.filter(kind=kind)
    if guide:
        points = points.filter(guides=guide)
    return points.prefetch_related(
        Prefetch("guides", queryset=Guide.objects.filter(is_active=True).order_by("code"))
    ).order_by("kind", "name")


def point_counts() -> dict[str, int]:
    return dict(
        _site(ServicePoint.objects.filter(is_active=True))
        .values_list("kind")
        .annotate(n=Count("id"))
        .values_list("kind", "n")
    )


def point_public(pk: int) -> ServicePoint:
    found = points_public().filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def map_settings() -> MapSettings | None:
    """The site's body's tile server settings (None: not configured)."""
    body = site_organisation()
    if body is None:
        return None
    return MapSettings.objects.filter(organisation=body).first()


# --- 政府公报 -------------------------------------------------------------------------------


def issue_title(issue: GazetteIssue) -> str:
    return _("%(body)s Gazette %(year)d, No. %(number)d") % {
        "body": issue.organisation.name,
        "year": issue.year,
        "number": issue.number,
    }


def issues_published(year: int | None = None) -> QuerySet[GazetteIssue]:
    issues = (
        _site(GazetteIssue.objects.filter(published_at__isnull=False))
        .select_related("organisation")
        .annotate(documents=Count("entries"))
    )
    if year:
        issues = issues.filter(year=year)
    return issues.order_by("-year", "-number")


def issue_years() -> list[int]:
    return list(
        _site(GazetteIssue.objects.filter(published_at__isnull=False))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )


def issue_public(pk: int) -> GazetteIssue:
    found = (
        _site(GazetteIssue.objects.filter(pk=pk, published_at__isnull=False))
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=GazetteEntry.objects.select_related("document", "document__item"),
            )
        )
        .first()
    )
    if found is None:
        raise Http404
    return found
