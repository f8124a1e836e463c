"""Public pages of the guides, the map and the gazette (inside the 政府信息公开 frame).

Views parse input and call selectors; they never write models.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.guides import selectors
from gongkai.guides.formats import (
    GUIDE_COLUMNS,
    ISSUE_COLUMNS,
    POINT_COLUMNS,
    guide_json,
    point_json,
    to_csv,
    to_json,
    to_xlsx,
)
from gongkai.guides.law import DATUM, GUIDE_CHANGE_SOURCE, OnlineDepth, PointKind
from gongkai.guides.pdf import issue_pdf
from gongkai.guides.svg import KIND_COLOURS, flowchart, overview_map

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIELD_LABELS = {
    "name": gettext_lazy("Service name"),
    "conditions": gettext_lazy("Conditions for acceptance"),
    "legal_days": gettext_lazy("Statutory time limit (working days)"),
    "promised_days": gettext_lazy("Promised time limit (working days)"),
    "charges_fee": gettext_lazy("Charges a fee"),
    "fee_standard": gettext_lazy("Fee standard"),
    "fee_basis": gettext_lazy("Basis of the fee"),
    "place": gettext_lazy("Where to apply"),
    "hours": gettext_lazy("Office hours"),
    "enquiry_phone": gettext_lazy("Enquiry phone"),
    "complaint_phone": gettext_lazy("Supervision phone"),
    "visits": gettext_lazy("Visits in person"),
    "online_depth": gettext_lazy("Online service depth"),
    "online_url": gettext_lazy("Online service address"),
    "power_id": gettext_lazy("Power"),
    "bases": gettext_lazy("Legal bases"),
    "materials": gettext_lazy("Application materials"),
    "steps": gettext_lazy("Steps"),
}


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _export(fmt: str, objects, columns, *, name: str, as_json) -> HttpResponse | None:
    if fmt == "xlsx":
        return _download(to_xlsx(objects, columns, sheet=name), XLSX, f"{name}.xlsx")
    if fmt == "csv":
        return _download(to_csv(objects, columns), "text/csv; charset=utf-8", f"{name}.csv")
    if fmt == "json":
        content = to_json([as_json(o) for o in objects])
        return _download(content, "application/json; charset=utf-8", f"{name}.json")
    return None


def _guide_list(request, *, one_visit: bool):
    query = (request.GET.get("q") or "").strip()[:60]
    guides = selectors.guides_public(query=query, one_visit=one_visit)
    name = "one-visit-guides" if one_visit else "guides"
    exported = _export(
        request.GET.get("format", ""), selectors.guides_export(query=query, one_visit=one_visit),
        GUIDE_COLUMNS, name=name, as_json=guide_json,
    )  # fmt: skip
    if exported is not None:
        return exported
    page = Paginator(guides, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "q": query,
        "one_visit": one_visit,
        "changes": [] if one_visit else selectors.changes_recent(),
        "depths": dict(OnlineDepth.choices),
    }
    return render(request, "guides/guides.html", context)


def guides(request):
    """政务服务事项 in force, searched; ?format=xlsx|csv|json exports them."""
    return _guide_list(request, one_visit=False)


def one_visit(request):
    """一次办 / 最多跑一次: the guides needing at most one visit in person (seed 001)."""
    return _guide_list(request, one_visit=True)


def _history(guide) -> list[dict]:
    depths = dict(OnlineDepth.choices)
    rows = []
    for version in guide.versions.all():
        changes = []
        for change in version.fields_changed:
            old, new = change["old"], change["new"]
            if change["field"] == "online_depth":
                old, new = depths.get(old, old), depths.get(new, new)
            elif change["field"] == "charges_fee":
                old, new = (_("Yes") if old else _("No")), (_("Yes") if new else _("No"))
            label = FIELD_LABELS.get(change["field"], change["field"])
            changes.append({"label": label, "old": old, "new": new})
        rows.append({"version": version, "changes": changes, "on_time": selectors.on_time(version)})
    return rows


def _flowchart(found):
    """The guide's steps drawn as a flowchart (on its page and as an SVG file alone)."""
    return flowchart(
        [(s.name, s.description) for s in found.steps.all()],
        title=_("Flowchart: %(name)s") % {"name": found.name},
        start=_("Start"),
        end=_("End"),
    )


def guide(request, pk: int):
    found = selectors.guide_public(pk)
    chart = _flowchart(found)
    context = {
        "guide": found,
        "flowchart": chart,
        "history": _history(found),
        "rule_source": GUIDE_CHANGE_SOURCE,
    }
    return render(request, "guides/guide.html", context)


def guide_flowchart(request, pk: int):
    """The flowchart alone, as an SVG file (for printing or the service hall's screen)."""
    found = selectors.guide_public(pk)
    chart = _flowchart(found)
    return HttpResponse(str(chart), content_type="image/svg+xml; charset=utf-8")


def guide_file(request, pk: int, file_pk: int):
    found = selectors.guide_file(pk, file_pk)
    return _download(bytes(found.content), found.content_type, found.file_name)


# --- 便民网上地图 ---------------------------------------------------------------------------


def _tile_origin(url: str) -> str:
    parts = urlsplit(url.replace("{s}", "a"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme == "https" else ""


def service_map(request):
    """Service points on a map (bundled Leaflet, the office's tile server) and always as a
    list with a drawn overview, which is all a visitor sees without tiles or script."""
    kind = request.GET.get("kind", "")
    kind = kind if kind in PointKind.values else ""
    points = list(selectors.points_public(kind=kind))
    exported = _export(
        request.GET.get("format", ""), points, POINT_COLUMNS, name="service-points",
        as_json=point_json,
    )  # fmt: skip
    if exported is not None:
        return exported
    settings = selectors.map_settings()
    tile_url = settings.tile_url if settings else ""
    counts = selectors.point_counts()
    context = {
        "points": points,
        "kind": kind,
        "kinds": [(v, label, counts.get(v, 0), KIND_COLOURS[v]) for v, label in PointKind.choices],
        "overview": overview_map(points, title=_("Overview of the service points")),
        "tiles": {
            "url": tile_url,
            "attribution": settings.attribution if settings else "",
            "points": [
                {"n": n, "name": p.name, "lat": float(p.latitude), "lon": float(p.longitude),
                 "url": reverse("guides:point", args=[p.pk])}
                for n, p in enumerate(points, start=1)
            ],
        } if tile_url else None,
        "datum": DATUM,
    }  # fmt: skip
    response = render(request, "guides/map.html", context)
    origin = _tile_origin(tile_url)
    if origin:
        # The page's CSP lets the tiles in from the office's server only.
        response._csp_update = {"img-src": [origin]}
    return response


def point(request, pk: int):
    found = selectors.point_public(pk)
    return render(request, "guides/point.html", {"point": found, "datum": DATUM})


# --- 政府公报 -------------------------------------------------------------------------------


def issues(request):
    """The gazette's issues by year; ?format=xlsx|csv|json exports the list."""
    years = selectors.issue_years()
    year = request.GET.get("year", "")
    year = int(year) if year.isdigit() and int(year) in years else None
    found = selectors.issues_published(year)
    exported = _export(
        request.GET.get("format", ""), found, ISSUE_COLUMNS, name="gazette",
        as_json=lambda i: {"id": i.pk, "title": selectors.issue_title(i), "year": i.year,
                           "number": i.number, "documents": i.documents,
                           "period_start": i.period_start, "period_end": i.period_end,
                           "published_at": i.published_at},
    )  # fmt: skip
    if exported is not None:
        return exported
    by_year: dict[int, list] = {}
    for issue in found:
        issue.title = selectors.issue_title(issue)
        by_year.setdefault(issue.year, []).append(issue)
    context = {"by_year": sorted(by_year.items(), reverse=True), "years": years, "year": year}
    return render(request, "guides/issues.html", context)


def issue(request, pk: int):
    found = selectors.issue_public(pk)
    context = {"issue": found, "title": selectors.issue_title(found)}
    return render(request, "guides/issue.html", context)


def issue_download(request, pk: int):
    found = selectors.issue_public(pk)
    name = f"gazette-{found.year}-{found.number:02d}.pdf"
    response = HttpResponse(issue_pdf(found), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
