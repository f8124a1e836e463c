"""Keeping the site search in step: guides in force, open service points and published
gazette issues are documents; the rest leave the index (and are hidden at once by
``visible_ids`` until it catches up)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from django.urls import reverse

from gongkai.core.clockmath import CHINA
from gongkai.search.documents import SearchDocument
from gongkai.search.services import enqueue_delete, enqueue_upsert

GUIDE, POINT, ISSUE = "guides-guide:", "guides-point:", "guides-issue:"


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=CHINA)


def guide_document(guide) -> SearchDocument:
    body = "\n".join(
        [guide.code, guide.conditions, *(str(b) for b in guide.bases.all()),
         *(m.name for m in guide.materials.all()), guide.place]
    )  # fmt: skip
    return SearchDocument(
        id=f"{GUIDE}{guide.pk}", title=guide.name, body=body,
        url=reverse("guides:guide", args=[guide.pk]), organisation=guide.organisation.name,
        year=guide.changed_on.year, kind="guides_guide", published_at=_midnight(guide.changed_on),
    )  # fmt: skip


def point_document(point) -> SearchDocument:
    return SearchDocument(
        id=f"{POINT}{point.pk}", title=point.name,
        body="\n".join([point.get_kind_display(), point.address, point.hours, point.phone]),
        url=reverse("guides:point", args=[point.pk]), organisation=point.organisation.name,
        year=point.updated_on.year, kind="guides_point", published_at=_midnight(point.updated_on),
    )  # fmt: skip


def issue_document(issue) -> SearchDocument:
    titles = [str(e.document) for e in issue.entries.select_related("document")]
    return SearchDocument(
        id=f"{ISSUE}{issue.pk}",
        title=_issue_title(issue),
        body="\n".join(titles),
        url=reverse("guides:issue", args=[issue.pk]),
        organisation=issue.organisation.name,
        year=issue.year,
        kind="guides_gazette",
        published_at=issue.published_at,
    )


def _issue_title(issue) -> str:
    from gongkai.guides.selectors import issue_title

    return issue_title(issue)


def guide_index(guide) -> None:
    if guide.is_active:
        enqueue_upsert(guide_document(guide))
    else:
        enqueue_delete(f"{GUIDE}{guide.pk}")


def point_index(point) -> None:
    if point.is_active:
        enqueue_upsert(point_document(point))
    else:
        enqueue_delete(f"{POINT}{point.pk}")


def issue_index(issue) -> None:
    if issue.published_at is not None:
        enqueue_upsert(issue_document(issue))


def _guides():
    from gongkai.guides.models import Guide

    return Guide.objects.filter(is_active=True)


def _points():
    from gongkai.guides.models import ServicePoint

    return ServicePoint.objects.filter(is_active=True)


def _issues():
    from gongkai.guides.models import GazetteIssue

    return GazetteIssue.objects.filter(published_at__isnull=False)


def guides_source() -> Iterator[SearchDocument]:
    guides = _guides().select_related("organisation").prefetch_related("bases", "materials")
    for guide in guides.iterator(chunk_size=200):
        yield guide_document(guide)


def guides_count() -> int:
    return _guides().count()


def points_source() -> Iterator[SearchDocument]:
    for point in _points().select_related("organisation").iterator(chunk_size=200):
        yield point_document(point)


def points_count() -> int:
    return _points().count()


def issues_source() -> Iterator[SearchDocument]:
    for issue in _issues().select_related("organisation"):
        yield issue_document(issue)


def issues_count() -> int:
    return _issues().count()


def _ids(ids: list[str], prefix: str) -> set[int]:
    return {
        int(i[len(prefix) :]) for i in ids if i.startswith(prefix) and i[len(prefix) :].isdigit()
    }


def visible_ids(ids: list[str]) -> Iterable[str]:
    """Ids of other sources pass; ours must still be in force, open or published."""
    visible = set()
    for prefix, queryset in ((GUIDE, _guides()), (POINT, _points()), (ISSUE, _issues())):
        wanted = _ids(ids, prefix)
        if wanted:
            found = queryset.filter(pk__in=wanted).values_list("pk", flat=True)
            visible |= {f"{prefix}{pk}" for pk in found}
    ours = (GUIDE, POINT, ISSUE)
    return [i for i in ids if not i.startswith(ours) or i in visible]
