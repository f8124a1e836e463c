"""Site pages: the theme, the region's view, and the administrators' and offices' pages."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.core.access import has_role, organisation_ids_visible_to
from gongkai.core.clockmath import CHINA
from gongkai.core.errors import ServiceError
from gongkai.core.formflow import service_errors
from gongkai.core.models import Role
from gongkai.proactive.models import Item
from gongkai.sites import services
from gongkai.sites.forms import NewBodySiteForm, ReprintForm
from gongkai.sites.models import Reprint, Site
from gongkai.sites.selectors import region_bodies, region_rows, reprints_of, sites_all

REGION_PAGE = 50


@require_GET
def theme(request, pk: int):
    """The site's colours as CSS custom properties (a file: the CSP allows no inline style)."""
    site = get_object_or_404(Site, pk=pk, is_active=True)
    css = f":root {{ --brand: {site.brand_colour}; --link: {site.link_colour}; }}\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"  # the address changes with the colours
    return response


def _year(request) -> int:
    raw = request.GET.get("year", "")
    this_year = dt.datetime.now(tz=CHINA).year
    if raw.isascii() and raw.isdigit() and 2008 <= int(raw) <= this_year:
        return int(raw)
    return this_year


@require_GET
def region(request):
    """The region's view on the platform site: every body's report, on-time rate and score."""
    site = getattr(request, "site", None)
    if site is None or not site.is_platform:
        raise Http404
    year = _year(request)
    raw = request.GET.get("page", "1")
    page = int(raw) if raw.isascii() and raw.isdigit() and int(raw) >= 1 else 1
    total = region_bodies().count()
    rows = region_rows(year, offset=(page - 1) * REGION_PAGE, limit=REGION_PAGE)
    pages = max(1, -(-total // REGION_PAGE))
    context = {
        "rows": rows,
        "year": year,
        "total": total,
        "page": page,
        "previous": page - 1 if page > 1 else None,
        "next": page + 1 if page < pages else None,
        "pages": pages,
    }
    return render(request, "sites/region.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def site_list(request):
    """Administrators: every site of the platform, and a new body's site in one form."""
    if not has_role(request.user, Role.ADMIN):
        raise PermissionDenied
    form = NewBodySiteForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            created = services.site_for_new_body(actor=request.user, **form.service_arguments())
            messages.success(request, _("The site %(name)s was created.") % {"name": created.site})
            form = NewBodySiteForm()
    context = {"sites": sites_all(), "form": form, "created": created}
    return render(request, "sites/workbench_sites.html", context)


def _own_site(request) -> Site:
    if not has_role(request.user, Role.OFFICE, Role.ADMIN):
        raise PermissionDenied
    visible = organisation_ids_visible_to(request.user)
    sites = Site.objects.filter(is_platform=False)
    if visible is not None:
        sites = sites.filter(organisation_id__in=visible)
    site = sites.order_by("id").first()
    if site is None:
        raise Http404
    return site


@login_required
@require_http_methods(["GET", "POST"])
def reprints(request):
    """The office's 转载 list: other bodies' published items shown on its own site."""
    site = _own_site(request)
    form = ReprintForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = Item.objects.filter(pk=form.cleaned_data["item"]).first()
        with service_errors(form, "item"):
            if item is None:
                raise ServiceError("not_published", _("No published information has that number."))
            services.reprint_add(actor=request.user, site=site, item=item)
            messages.success(request, _("Reprinted on %(site)s.") % {"site": site.name})
            return redirect("sites:reprints")
    context = {"site": site, "reprints": reprints_of(site), "form": form}
    return render(request, "sites/workbench_reprints.html", context)


@login_required
@require_POST
def reprint_remove(request, pk: int):
    site = _own_site(request)
    reprint = get_object_or_404(Reprint, pk=pk, site=site)
    services.reprint_remove(actor=request.user, reprint=reprint)
    messages.success(request, _("The reprint was removed."))
    return redirect("sites:reprints")
