"""The search page: one box, ranked results with highlighted snippets, filters, paging."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from gongkai.core.bounds import parse_year
from gongkai.core.errors import ServiceError
from gongkai.portal.selectors import catalog_choices
from gongkai.portal.views.common import (
    MAX_PAGE,
    PAGE_SIZE,
    error_json,
    json_response,
    page_number,
    pager,
    render_portal,
    wants_json,
)
from gongkai.proactive.law import Section
from gongkai.search.documents import SORT_DATE, SORT_RELEVANCE
from gongkai.search.selectors import search

MAX_QUERY = 100
# Document kinds the index holds, by the kind their source gives them.
KINDS = {
    "proactive_item": gettext_lazy("Government information"),
    "listings_power": gettext_lazy("Powers and responsibilities list"),
    "enforcement_decision": gettext_lazy("Administrative enforcement decisions"),
}
SORTS = {SORT_RELEVANCE: gettext_lazy("Relevance"), SORT_DATE: gettext_lazy("Publication date")}


@dataclass(frozen=True)
class SearchInput:
    query: str
    organisation: str
    section: str
    year: int | None
    kind: str
    sort: str
    page: int

    def filters(self) -> dict:
        return {
            "organisation": self.organisation,
            "section": self.section,
            "year": self.year,
            "kind": self.kind,
        }


def _invalid() -> ServiceError:
    return ServiceError("invalid_search", _("The search options are not valid."))


def parse_search(data) -> SearchInput:
    """Read the query string; a ServiceError for anything out of range."""
    query = " ".join((data.get("q") or "").split())
    if len(query) > MAX_QUERY:
        raise ServiceError(
            "query_too_long",
            _("Search words may be at most %(n)d characters long.") % {"n": MAX_QUERY},
        )
    if "\x00" in query:  # not text; PostgreSQL refuses it in a query
        raise _invalid()
    year_raw = (data.get("year") or "").strip()
    year = parse_year(year_raw) if year_raw else None
    if year_raw and year is None:
        raise _invalid()
    section = (data.get("section") or "").strip()
    kind = (data.get("kind") or "").strip()
    sort = (data.get("sort") or SORT_RELEVANCE).strip()
    page = page_number(data)
    if (section and section not in Section.values) or (kind and kind not in KINDS):
        raise _invalid()
    if sort not in SORTS or page is None:
        raise _invalid()
    organisation = (data.get("organisation") or "").strip()[:100]
    if "\x00" in organisation:
        raise _invalid()
    return SearchInput(query, organisation, section, year, kind, sort, page)


def _hits_json(results) -> list[dict]:
    return [
        {
            "title": h.title,
            "url": h.url,
            "snippet": h.snippet,
            "published_at": h.published_at.isoformat() if h.published_at else None,
        }
        for h in results.hits
    ]


@require_GET
def search_page(request):
    as_json = wants_json(request)
    try:
        form = parse_search(request.GET)
    except ServiceError as error:
        if as_json:
            return error_json(error.code, error.message)
        context = {"error": error.message, "choices": catalog_choices(), "form": None}
        return render_portal(request, "portal/search.html", context, status=400)
    results = None
    if form.query:
        offset = (form.page - 1) * PAGE_SIZE
        results = search(
            form.query, filters=form.filters(), sort=form.sort, offset=offset, limit=PAGE_SIZE
        )
    if as_json:
        if results is None:
            return error_json("empty_query", _("Enter the words to search for."))
        return json_response(
            {
                "query": form.query,
                "total": results.total,
                "total_is_estimate": results.total_is_estimate,
                # While the index is rebuilt: a bounded database scan, newest first.
                "from_database": results.from_database,
                "page": form.page,
                "hits": _hits_json(results),
            }
        )
    context = {
        "form": form,
        "choices": catalog_choices(),
        "kinds": list(KINDS.items()),
        "sorts": list(SORTS.items()),
        "results": results,
        # The engine escapes the text and adds only <mark> (gongkai.search.analysis).
        "hits": [
            {"hit": h, "snippet": mark_safe(h.snippet)}  # noqa: S308
            for h in (results.hits if results else [])
        ],
        "pager": pager(form.page, min(results.total, MAX_PAGE * PAGE_SIZE)) if results else None,
    }
    return render_portal(request, "portal/search.html", context)
