"""Published information items (gongkai.proactive) as the portal lists them.

Only what the public may read: ``PUBLIC`` (published, not withdrawn) and the published
title. The item page itself is proactive's ("proactive:item").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from typing import Any, TypedDict

from django.core.cache import caches
from django.db.models import Count, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _

from gongkai.core.bounds import parse_id, parse_year
from gongkai.core.cache import PAGE_SECONDS, PAGES, generation
from gongkai.core.clockmath import CHINA
from gongkai.core.errors import ServiceError
from gongkai.core.models import Organisation
from gongkai.core.sitescope import current_site_scope, scoped
from gongkai.portal.sources import Entry, Page, safe_reverse
from gongkai.proactive.law import Section
from gongkai.proactive.models import Genre, Item, Topic
from gongkai.proactive.selectors import ItemFilters, items_published

STREAM_CHUNK = 2_000
ROW_FIELDS = ("pk", "public_title", "published_at", "summary", "index_number", "organisation__name")


def _public(filters: ItemFilters | None = None) -> QuerySet[Item]:
    # proactive's selector: published, not withdrawn, newest first.
    return items_published(filters).select_related(None)


def _entry(row: dict[str, Any]) -> Entry:
    return Entry(
        title=row["public_title"],
        url=safe_reverse("proactive:item", row["pk"]),
        published_at=row["published_at"],
        summary=row["summary"],
        organisation=row["organisation__name"],
        index_number=row["index_number"],
        key=f"proactive-item:{row['pk']}",
    )


def _entries(queryset: QuerySet[Item]) -> list[Entry]:
    return [_entry(row) for row in queryset.values(*ROW_FIELDS)]


def items_section(section: str, offset: int = 0, limit: int = 20) -> Page:
    """The 'proactive_section' source: items of one catalog section ('' for all)."""
    queryset = _public(ItemFilters(section=section))
    return Page(total=queryset.count(), entries=_entries(queryset[offset : offset + limit]))


def items_section_all(section: str, limit: int) -> Iterator[Entry]:
    """The same entries as ``items_section``, at most ``limit``, read in chunks of
    ``STREAM_CHUNK`` rows without counting: memory stays flat and each row is read once."""
    rows = _public(ItemFilters(section=section))[:limit].values(*ROW_FIELDS)
    for row in rows.iterator(chunk_size=STREAM_CHUNK):
        yield _entry(row)


def items_latest(limit: int = 8, sections: tuple[str, ...] = ()) -> list[Entry]:
    queryset = _public().filter(section__in=sections) if sections else _public()
    return _entries(queryset[:limit])


def section_counts() -> list[dict[str, Any]]:
    """法定主动公开内容 by catalog section: every section, with its count of public items."""
    counts = dict(_public().values_list("section").annotate(n=Count("pk")).order_by())
    return [
        {"section": value, "label": str(label), "count": counts.get(value, 0)}
        for value, label in Section.choices
    ]


@dataclass(frozen=True)
class CatalogFilters:
    """主动公开目录 filters: topic, genre, organisation, year and catalog section."""

    topic: int | None = None
    genre: int | None = None
    organisation: int | None = None
    year: int | None = None
    section: str = ""

    @classmethod
    def parse(cls, data: QueryDict | Mapping[str, str]) -> CatalogFilters:
        """Read filters from a query string; bad values raise ServiceError('invalid_filter')."""
        values: dict[str, int] = {}
        for name in ("topic", "genre", "organisation", "year"):
            raw = (data.get(name) or "").strip()
            if raw:
                value = parse_year(raw) if name == "year" else parse_id(raw)
                if value is None:
                    raise ServiceError("invalid_filter", _("The filters are not valid."))
                values[name] = value
        section = (data.get("section") or "").strip()
        if section and section not in Section.values:
            raise ServiceError("invalid_filter", _("The filters are not valid."))
        return cls(section=section, **values)

    def as_query(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


def catalog_page(filters: CatalogFilters, offset: int = 0, limit: int = 20) -> Page:
    queryset = _public(ItemFilters(**filters.as_query()))
    return Page(total=queryset.count(), entries=_entries(queryset[offset : offset + limit]))


def publication_year_range() -> list[int]:
    """Years from the first publication to this year, newest first.

    Not proactive's publication_years(): on SQLite its DISTINCT over truncated dates runs
    a Python function per row (about 3.5 ms per 100 items). This is one indexed lookup.
    """
    this_year = dt.datetime.now(tz=CHINA).year
    first = _public().order_by("published_at").values_list("published_at", flat=True).first()
    first_year = first.astimezone(CHINA).year if first else this_year
    return list(range(this_year, min(first_year, this_year) - 1, -1))


class CatalogChoices(TypedDict):
    topics: list[tuple[int, str]]
    genres: list[tuple[int, str]]
    organisations: list[tuple[int, str]]
    years: list[int]
    sections: list[tuple[str, str]]


def catalog_choices() -> CatalogChoices:
    """The filter vocabularies: topics, genres, bodies, years, sections. Kept in the
    process's page cache under the public generation, as the column menu is: every search
    page shows them, and a query on the shared cache per page cost more than they do."""
    scope = current_site_scope()
    site = scope.site_id if scope else 0  # a site's own bodies
    key, pages = f"portal:catalog-choices:{generation()}:{site}", caches[PAGES]
    choices: CatalogChoices | None = pages.get(key)
    if choices is None:
        choices = _catalog_choices()
        pages.set(key, choices, PAGE_SECONDS)
    return choices


def _catalog_choices() -> CatalogChoices:
    return {
        "topics": list(Topic.objects.values_list("pk", "name")),
        "genres": list(Genre.objects.values_list("pk", "name")),
        "organisations": list(
            scoped(
                Organisation.objects.filter(kind=Organisation.Kind.BODY, is_active=True),
                organisation_field="pk",
                pk_field=None,
            )
            .order_by("id")
            .values_list("pk", "name")
        ),
        "years": publication_year_range(),
        "sections": [(value, str(label)) for value, label in Section.choices],
    }
