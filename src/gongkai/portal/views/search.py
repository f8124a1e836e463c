"""The search page: one box, ranked results with highlighted snippets, filters, paging."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from gongkai.core.bounds import parse_year
from gongkai.core.errors import ServiceError
from gongkai.core.sitescope import current_site_scope
from gongkai.portal.cache import public_page
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
from gongkai.search.documents import SORT_DATE, SORT_RELEVANCE, kind_label, kind_labels
from gongkai.search.selectors import search

MAX_QUERY = 100
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
        scope = current_site_scope()
        return {
            "organisation": self.organisation,
            "section": self.section,
            "year": self.year,
            "kind": self.kind,
            # On a body's site (gongkai.sites): its bodies only; the platform site: all.
            "organisations": scope.organisation_names if scope else (),
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
    # Document kinds: whatever the registered search sources declare.
    if (section and section not in Section.values) or (kind and kind not in kind_labels()):
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
            "kind": h.kind,
            "kind_label": str(kind_label(h.kind)),
            "published_at": h.published_at.isoformat() if h.published_at else None,
        }
        for h in results.hits
    ]


def _day(moment: datetime | None) -> str:
    """As the template's ``|date:"Y-m-d"``: the local day of an aware moment."""
    if moment is None:
        return ""
    return (timezone.localtime(moment) if timezone.is_aware(moment) else moment).strftime(
        "%Y-%m-%d"
    )


def _hit_rows(hits) -> list[dict]:
    """What the template shows of each hit, as plain strings: the template's date filter
    and lazy labels cost about a tenth of a millisecond a hit."""
    labels = {kind: str(label) for kind, label in kind_labels().items()}
    return [
        {
            "hit": h,
            # The engine escapes the text and adds only <mark> (gongkai.search.analysis).
            "snippet": mark_safe(h.snippet),  # noqa: S308
            "kind": labels.get(h.kind, ""),
            "day": _day(h.published_at),
        }
        for h in hits
    ]


@require_GET
@public_page  # results show only public data; publishing or withdrawing clears them
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
        response = json_response(
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
        if results.from_database:
            response["Cache-Control"] = "no-store"
        return response
    context = {
        "form": form,
        "choices": catalog_choices(),
        "kinds": list(kind_labels().items()),
        "sorts": list(SORTS.items()),
        "results": results,
        "hits": _hit_rows(results.hits if results else []),
        "pager": pager(form.page, min(results.total, MAX_PAGE * PAGE_SIZE)) if results else None,
    }
    response = render_portal(request, "portal/search.html", context)
    if results is not None and results.from_database:
        response["Cache-Control"] = "no-store"  # not the page cache: the index is back soon
    return response
