"""The office's pages: guides (publish, change, withdraw, attach forms), the map's points and
tile server, and the gazette's issues. Views parse input and call services."""

from __future__ import annotations

import base64
import dataclasses

from django.contrib import messages
from django.core import signing
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.formflow import service_errors, service_message
from gongkai.core.views import role_required
from gongkai.guides import gazette, places, selectors, services
from gongkai.guides.forms import (
    FileForm,
    GuideForm,
    ImportApplyForm,
    ImportUploadForm,
    IssueForm,
    MapSettingsForm,
    PointForm,
    StatusForm,
)
from gongkai.guides.law import MATERIAL_FORM_NAMES
from gongkai.guides.models import GazetteIssue, Guide, GuideVersion, MapSettings, ServicePoint
from gongkai.guides.permissions import EDITING_ROLES
from gongkai.listings.models import Power

office_required = role_required(*EDITING_ROLES)


def _body(request):
    return request.user.staff_profile.organisation.body


@office_required
def manage(request):
    guides = Guide.objects.filter(organisation=_body(request)).order_by("-is_active", "code")
    return render(request, "guides/workbench/manage.html", {"guides": guides})


IMPORT_SALT = "guides.import"
IMPORT_MAX_AGE = 3600  # seconds between the preview and its confirmation


@office_required
def guide_import(request):
    """Upload an .xlsx, see every row as understood with its errors, then confirm: the
    checked file comes back signed in the confirmation form, and is checked again."""
    body = _body(request)
    action = request.POST.get("action", "")
    upload_form = ImportUploadForm(
        request.POST if action == "preview" else None,
        request.FILES if action == "preview" else None,
    )
    apply_form = ImportApplyForm(request.POST if action == "apply" else None, prefix="apply")
    rows = None
    with service_errors(apply_form if action == "apply" else upload_form):
        if action == "preview" and upload_form.is_valid():
            content = upload_form.cleaned_data["file"].read()
            rows = services.guide_import_preview(organisation=body, content=content)
            token = signing.dumps(base64.b64encode(content).decode(), salt=IMPORT_SALT)
            apply_form = ImportApplyForm(initial={"token": token}, prefix="apply")
        elif action == "apply" and apply_form.is_valid():
            data = apply_form.cleaned_data
            try:
                encoded = signing.loads(data["token"], salt=IMPORT_SALT, max_age=IMPORT_MAX_AGE)
            except signing.BadSignature:
                raise ServiceError(
                    "import_expired", _("The preview has expired; upload the file again.")
                ) from None
            added = services.guide_import_apply(
                actor=request.user, organisation=body, content=base64.b64decode(encoded),
                approved_on=data["approved_on"], reason=data["reason"],
            )  # fmt: skip
            messages.success(
                request, _("Imported and published: %(count)d guides.") % {"count": added}
            )
            return redirect("guides:manage")
    context = {
        "upload_form": upload_form, "apply_form": apply_form, "rows": rows,
        "errors": sum(1 for r in rows or () if r.errors),
        "new": sum(1 for r in rows or () if not r.errors and not r.exists),
    }  # fmt: skip
    return render(request, "guides/workbench/import.html", context)


def _fields(data: dict, code: str) -> services.GuideFields:
    names = {f.name for f in dataclasses.fields(services.GuideFields)} - {"code", "power_id"}
    values = {name: data[name] for name in names}
    return services.GuideFields(code=code, power_id=data.get("power"), **values)


def _powers(body):
    return Power.objects.filter(organisation=body, is_active=True).order_by("code")


@office_required
def guide_new(request):
    body = _body(request)
    form = GuideForm(request.POST or None, powers=_powers(body))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with service_errors(form):
            created = services.guide_create(
                actor=request.user, organisation=body, fields=_fields(data, data["code"]),
                approved_on=data["approved_on"], effective_on=data["effective_on"],
                reason=data["reason"],
            )  # fmt: skip
            messages.success(request, _("The guide was published."))
            return redirect("guides:guide_edit", pk=created.pk)
    return render(request, "guides/workbench/guide.html", {"form": form, "guide": None})


def _initial(guide: Guide) -> dict:
    values = services.guide_values(guide)
    forms = MATERIAL_FORM_NAMES
    values["materials"] = "\n".join(
        " | ".join([m.name, str(m.copies), forms[m.form], m.note]).rstrip(" |")
        for m in guide.materials.all()
    )
    values["steps"] = "\n".join(
        f"{s.name} | {s.description}" if s.description else s.name for s in guide.steps.all()
    )
    values["power"] = values.pop("power_id")
    values["code"] = guide.code
    return values


@office_required
def guide_edit(request, pk: int):
    body = _body(request)
    guide = Guide.objects.filter(pk=pk, organisation=body).first()
    if guide is None:
        raise Http404
    action = request.POST.get("action", "")
    form = GuideForm(
        request.POST if action == "update" else None, initial=_initial(guide),
        powers=_powers(body), editing=True,
    )  # fmt: skip
    status_form = StatusForm(request.POST if action == "status" else None, prefix="status")
    file_form = FileForm(
        request.POST if action == "file" else None, request.FILES if action == "file" else None,
        materials=guide.materials.all(), prefix="file",
    )  # fmt: skip
    target = {"update": form, "status": status_form, "file": file_form}.get(action, form)
    with service_errors(target):
        if action == "update" and form.is_valid():
            data = form.cleaned_data
            services.guide_update(
                actor=request.user, guide=guide, fields=_fields(data, guide.code),
                approved_on=data["approved_on"], effective_on=data["effective_on"],
                reason=data["reason"],
            )  # fmt: skip
        elif action == "status" and status_form.is_valid():
            services.guide_set_active(
                actor=request.user, guide=guide, active=not guide.is_active,
                **status_form.cleaned_data,
            )  # fmt: skip
        elif action == "file" and file_form.is_valid():
            data = file_form.cleaned_data
            services.guide_file_add(
                actor=request.user, guide=guide, kind=data["kind"], title=data["title"],
                file_name=data["file"].name, content=data["file"].read(),
                material=guide.materials.filter(pk=data["material"]).first(),
            )  # fmt: skip
        elif action == "file_remove":
            found = guide.files.filter(pk=request.POST.get("file")).first()
            if found is None:
                raise Http404
            services.guide_file_remove(actor=request.user, file=found)
        else:
            action = ""
        if action:
            messages.success(request, _("Saved and published."))
            return redirect("guides:guide_edit", pk=guide.pk)
    context = {
        "form": form, "status_form": status_form, "file_form": file_form, "guide": guide,
        "files": guide.files.defer("content"),
        "clocks": selectors.publication_clocks(guide),
    }  # fmt: skip
    return render(request, "guides/workbench/guide.html", context)


@office_required
def version_edit(request, pk: int):
    """A version's publication clock (the deadlines board links here) is shown on its
    guide's page."""
    version = GuideVersion.objects.filter(pk=pk, guide__organisation=_body(request)).first()
    if version is None:
        raise Http404
    return redirect("guides:guide_edit", pk=version.guide_id)


def _point_guides(body):
    return Guide.objects.filter(organisation__in=[body.pk], is_active=True).order_by("code")


@office_required
def map_manage(request):
    body = _body(request)
    action = request.POST.get("action", "")
    point_form = PointForm(request.POST if action == "point" else None, guides=_point_guides(body))
    current = MapSettings.objects.filter(organisation=body).first()
    settings_form = MapSettingsForm(
        request.POST if action == "settings" else None,
        initial={"tile_url": current.tile_url, "attribution": current.attribution}
        if current else None,
    )  # fmt: skip
    with service_errors(point_form if action == "point" else settings_form):
        if action == "point" and point_form.is_valid():
            places.point_save(
                actor=request.user, organisation=body,
                fields=places.PointFields(**point_form.cleaned_data),
            )  # fmt: skip
            messages.success(request, _("Saved."))
            return redirect("guides:map_manage")
        if action == "settings" and settings_form.is_valid():
            places.map_settings_set(actor=request.user, organisation=body,
                                    **settings_form.cleaned_data)  # fmt: skip
            messages.success(request, _("Saved."))
            return redirect("guides:map_manage")
    points = ServicePoint.objects.filter(organisation=body).annotate(n=Count("guides"))
    context = {"points": points, "point_form": point_form, "settings_form": settings_form}
    return render(request, "guides/workbench/map.html", context)


@office_required
def point_edit(request, pk: int):
    body = _body(request)
    point = ServicePoint.objects.filter(pk=pk, organisation=body).first()
    if point is None:
        raise Http404
    action = request.POST.get("action", "")
    initial = {
        **{f: getattr(point, f) for f in ("name", "kind", "address", "latitude", "longitude",
                                          "hours", "phone")},
        "guide_ids": list(point.guides.values_list("pk", flat=True)),
    }  # fmt: skip
    form = PointForm(
        request.POST if action == "point" else None, initial=initial, guides=_point_guides(body)
    )
    with service_errors(form):
        if action == "point" and form.is_valid():
            places.point_save(
                actor=request.user, organisation=body, point=point,
                fields=places.PointFields(**form.cleaned_data),
            )  # fmt: skip
        elif action == "status":
            places.point_set_active(actor=request.user, point=point, active=not point.is_active)
        else:
            action = ""
        if action:
            messages.success(request, _("Saved."))
            return redirect("guides:point_edit", pk=point.pk)
    return render(request, "guides/workbench/point.html", {"form": form, "point": point})


@office_required
def gazette_manage(request):
    body = _body(request)
    action = request.POST.get("action", "")
    form = IssueForm(request.POST if action == "compile" else None)
    if action == "compile" and form.is_valid():
        with service_errors(form):
            gazette.gazette_issue_compile(actor=request.user, organisation=body,
                                          **form.cleaned_data)  # fmt: skip
            messages.success(request, _("Saved."))
            return redirect("guides:gazette_manage")
    elif action in ("publish", "discard"):
        # a button on one issue of the list: a refusal is a message above the list
        issue = GazetteIssue.objects.filter(pk=request.POST.get("issue"), organisation=body).first()
        if issue is None:
            raise Http404
        move = (
            gazette.gazette_issue_publish if action == "publish" else gazette.gazette_issue_discard
        )
        if service_message(request, lambda: move(actor=request.user, issue=issue), _("Saved.")):
            return redirect("guides:gazette_manage")
    issues = (
        GazetteIssue.objects.filter(organisation=body)
        .prefetch_related("entries__document")
        .order_by("-year", "-number")
    )
    return render(request, "guides/workbench/gazette.html", {"form": form, "issues": issues})
