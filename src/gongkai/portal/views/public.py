"""Public pages: home, 政府信息公开, 公开指南, 主动公开目录, columns, elder-friendly mode."""

from __future__ import annotations

from django.http import Http404, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from gongkai.core.errors import ServiceError
from gongkai.core.selectors.organisation import site_organisation_for_pages
from gongkai.core.sitescope import current_site_scope
from gongkai.portal.cache import ELDER_COOKIE, public_page
from gongkai.portal.models import ColumnKind
from gongkai.portal.selectors import (
    CatalogFilters,
    catalog_page,
    column_entries,
    column_public,
    column_url,
    columns_home,
    guide_for,
    items_latest,
    section_counts,
)
from gongkai.portal.selectors.openness import column_in_openness
from gongkai.portal.sources import safe_reverse
from gongkai.portal.views.common import (
    PAGE_SIZE,
    error_json,
    json_response,
    page_number,
    pager,
    render_portal,
    wants_json,
)
from gongkai.proactive.law import Section

HOME_ENTRIES = 6
POLICY_SECTIONS = (Section.POLICY, Section.INTERPRETATION)


def _home_blocks() -> list[dict]:
    blocks = []
    for column in columns_home():
        entries = (
            column_entries(column, limit=HOME_ENTRIES).entries if column.kind == "list" else []
        )
        blocks.append({"column": column, "url": column_url(column), "entries": entries})
    return blocks


def _quick_links() -> list[dict]:
    links = [
        (_("Apply for information"), safe_reverse("foi:apply")),
        (_("Track an application"), safe_reverse("foi:track")),
        (_("Proactive disclosure catalog"), safe_reverse("proactive:catalog")),
        (_("Openness guide"), safe_reverse("portal:guide")),
        (_("Search"), safe_reverse("portal:search")),
    ]
    scope = current_site_scope()
    if scope is not None and scope.organisation_ids is None:  # the region's platform site
        links.append((_("The region at a glance"), safe_reverse("sites:region")))
    return [{"label": label, "url": url} for label, url in links if url]


@require_GET
@public_page
def home(request):
    latest = items_latest(HOME_ENTRIES)
    policies = items_latest(HOME_ENTRIES, POLICY_SECTIONS)
    blocks = _home_blocks()
    if wants_json(request):
        return json_response(
            {
                "latest": [e.as_json() for e in latest],
                "policies": [e.as_json() for e in policies],
                "columns": [
                    {
                        "title": b["column"].title,
                        "url": b["url"],
                        "entries": [e.as_json() for e in b["entries"]],
                    }
                    for b in blocks
                ],
            }
        )
    context = {
        "latest": latest,
        "policies": policies,
        "blocks": blocks,
        "quick_links": _quick_links(),
        "organisation": site_organisation_for_pages(),
    }
    return render_portal(request, "portal/home.html", context)


@require_GET
@public_page
def openness(request):
    """政府信息公开: guide, rules, mandatory content by catalog section, catalog, requests."""
    sections = section_counts()
    if wants_json(request):
        return json_response({"sections": sections})
    context = {
        "sections": sections,
        "links": {
            "guide": safe_reverse("portal:guide"),
            "catalog": safe_reverse("proactive:catalog"),
            "apply": safe_reverse("foi:apply"),
            "track": safe_reverse("foi:track"),
            "reports": safe_reverse("reports:public_list"),
        },
    }
    return render_portal(request, "portal/openness.html", context)


@require_GET
@public_page
def guide(request):
    scope = current_site_scope()  # a site of the platform may point to its guide elsewhere
    if scope is not None and scope.extra.get("guide_url"):
        return HttpResponseRedirect(scope.extra["guide_url"])
    organisation = site_organisation_for_pages()
    context = {"guide": guide_for(organisation), "organisation": organisation}
    return render_portal(request, "portal/guide.html", context)


@require_GET
@public_page
def catalog_json(request):
    """The 主动公开目录 as JSON: the data of proactive's catalog page, same filters."""
    page = page_number(request.GET)
    try:
        if page is None:
            raise ServiceError("invalid_page", _("The page number is not valid."))
        filters = CatalogFilters.parse(request.GET)
    except ServiceError as error:
        return error_json(error.code, error.message)
    results = catalog_page(filters, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    return json_response(
        {
            "filters": filters.as_query(),
            "total": results.total,
            "page": page,
            "entries": [e.as_json() for e in results.entries],
        }
    )


@require_GET
@public_page
def column(request, slug: str, as_json: bool = False):
    col = column_public(slug)
    if col.kind == ColumnKind.LINK:
        target = column_url(col)
        if not target:
            raise Http404
        return HttpResponseRedirect(target)
    page = page_number(request.GET)
    if page is None:
        if wants_json(request, as_json):
            return error_json("invalid_page", _("The page number is not valid."))
        raise Http404
    results = column_entries(col, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    children = [c for c in col.children.all() if c.is_active]
    if wants_json(request, as_json):
        return json_response(
            {
                "title": col.title,
                "kind": col.kind,
                "total": results.total,
                "page": page,
                "entries": [e.as_json() for e in results.entries],
                "children": [{"title": c.title, "url": column_url(c)} for c in children],
            }
        )
    context = {
        "column": col,
        "in_openness": column_in_openness(col),
        "children": [{"column": c, "url": column_url(c)} for c in children],
        "results": results,
        "pager": pager(page, results.total),
        "paragraphs": [p for p in col.body.split("\n\n") if p.strip()],
    }
    return render_portal(request, "portal/column.html", context)


@require_GET
def column_print(request, slug: str):
    """A print view of a column: its text or its first page of entries, with a QR code."""
    col = column_public(slug)
    if col.kind == ColumnKind.LINK:
        raise Http404
    context = {
        "column": col,
        "results": column_entries(col, limit=50),
        "paragraphs": [p for p in col.body.split("\n\n") if p.strip()],
    }
    return render_portal(request, "portal/column_print.html", context)


@require_GET
def elder_mode(request, state: str):
    """Turn the elder-friendly mode (larger type, high contrast) on or off: a cookie."""
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if state == "on":
        response.set_cookie(
            ELDER_COOKIE, "1", max_age=365 * 24 * 3600, samesite="Lax", httponly=True
        )
    else:
        response.delete_cookie(ELDER_COOKIE, samesite="Lax")
    return response
