"""The office's workbench pages: columns, the 公开指南 and the website's identification."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.core.errors import ServiceError
from gongkai.core.formflow import service_errors, service_message
from gongkai.core.models import Role
from gongkai.core.selectors import site_organisation
from gongkai.core.sitescope import current_site_scope
from gongkai.core.views import role_required
from gongkai.portal.forms import ColumnForm, GuideForm, SiteIdentityForm
from gongkai.portal.selectors import (
    column_for_office,
    columns_for_office,
    guide_for,
    site_identity_for,
)
from gongkai.portal.services import (
    column_create,
    column_delete,
    column_update,
    columns_copy,
    guide_save,
    site_identity_save,
)

OFFICE = (Role.OFFICE, Role.ADMIN)


def _site_id() -> int | None:
    """The site whose columns the office edits: the request's (gongkai.sites)."""
    scope = current_site_scope()
    return scope.site_id if scope is not None else None


@role_required(*OFFICE)
def columns(request):
    rows = columns_for_office(request.user).order_by("parent_id", "order", "id")
    context = {"columns": rows, "on_site": _site_id() is not None}
    return render(request, "portal/workbench/columns.html", context)


@role_required(*OFFICE)
@require_POST
def columns_own(request):
    """A site of a shared platform takes a copy of the template's columns as its own."""
    scope = current_site_scope()
    if scope is None:
        return redirect("portal:workbench-columns")
    try:  # no form here: the refusal is a message on the list page
        count = columns_copy(
            actor=request.user,
            site_id=scope.site_id,
            organisation=scope.organisation,
            source_site_id=scope.extra.get("template_site_id"),
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(count)d columns copied to this site.") % {"count": count})
    return redirect("portal:workbench-columns")


@role_required(*OFFICE)
@require_http_methods(["GET", "POST"])
def column_edit(request, pk: int | None = None):
    column = column_for_office(request.user, pk) if pk is not None else None
    initial = ColumnForm.initial_for(column) if column else None
    tree = columns_for_office(request.user)
    form = ColumnForm(request.POST or None, initial=initial, exclude_pk=pk, tree=tree)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            if column is None:
                column = column_create(
                    actor=request.user, fields=form.to_fields(), site_id=_site_id()
                )
            else:
                column = column_update(column=column, actor=request.user, fields=form.to_fields())
            messages.success(
                request, _("The column “%(title)s” was saved.") % {"title": column.title}
            )
            return redirect("portal:workbench-columns")
    context = {"form": form, "column": column}
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/workbench/column_form.html", context, status=status)


@role_required(*OFFICE)
@require_POST
def column_remove(request, pk: int):
    column = column_for_office(request.user, pk)
    service_message(
        request,
        lambda: column_delete(column=column, actor=request.user),
        _("The column “%(title)s” was deleted.") % {"title": column.title},
    )
    return redirect("portal:workbench-columns")


@role_required(*OFFICE)
@require_http_methods(["GET", "POST"])
def guide_edit(request):
    organisation = site_organisation()
    guide = guide_for(organisation)
    form = GuideForm(request.POST or None, instance=guide)
    if request.method == "POST" and organisation is not None:
        # Validation of content is the service's (条例 art. 12); the form only parses.
        with service_errors(form):
            guide_save(organisation=organisation, actor=request.user, values=request.POST)
            messages.success(request, _("The openness guide was saved."))
            return redirect("portal:workbench-guide")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "organisation": organisation}
    return render(request, "portal/workbench/guide_form.html", context, status=status)


@role_required(*OFFICE)
@require_http_methods(["GET", "POST"])
def identity_edit(request):
    """主办单位, 网站标识码 and the ICP and 公安 filing numbers every page's footer states."""
    organisation = site_organisation()
    form = SiteIdentityForm(request.POST or None, instance=site_identity_for(organisation))
    if request.method == "POST" and organisation is not None:
        with service_errors(form):
            site_identity_save(organisation=organisation, actor=request.user, values=request.POST)
            messages.success(request, _("The website identification was saved."))
            return redirect("portal:workbench-identity")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "organisation": organisation}
    return render(request, "portal/workbench/identity_form.html", context, status=status)
