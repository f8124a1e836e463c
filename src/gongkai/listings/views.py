"""The powers list on the portal (under xxgk/, 政府信息公开) and its import in the workbench.

Views parse input and call selectors or services; they never write models.
"""

from __future__ import annotations

import dataclasses

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.errors import ServiceError
from gongkai.core.formflow import service_errors
from gongkai.core.publiclist import Export, download, paged
from gongkai.core.views import role_required
from gongkai.listings import profiles, selectors, services
from gongkai.listings.formats import (
    changes_csv,
    changes_json,
    changes_xlsx,
    powers_csv,
    powers_json,
    powers_xlsx,
)
from gongkai.listings.forms import (
    AdjustmentForm,
    ImportApplyForm,
    ImportUploadForm,
    PowerFilterForm,
    PowerForm,
)
from gongkai.listings.law import PowerKind
from gongkai.listings.models import Power, PowerImport

PAGE_SIZE = 50
CHANGES_SHOWN = 20
CHANGE_EXPORTS: dict[str, Export] = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", changes_xlsx),
    "csv": ("text/csv; charset=utf-8", changes_csv),
    "json": ("application/json; charset=utf-8", changes_json),
}
FIELD_LABELS = {
    "name": gettext_lazy("Power name"),
    "kind": gettext_lazy("Power kind"),
    "bases": gettext_lazy("Legal bases"),
    "exercised_by": gettext_lazy("Exercised by"),
    "responsibilities": gettext_lazy("Responsibilities"),
    "accountability": gettext_lazy("Accountability cases"),
    "supervision": gettext_lazy("Supervision"),
    "remedy": gettext_lazy("Remedies"),
}
EXPORTS: dict[str, Export] = {
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        powers_xlsx,
    ),
    "csv": ("text/csv; charset=utf-8", powers_csv),
    "json": ("application/json; charset=utf-8", powers_json),
}


def _filters(request) -> tuple[PowerFilterForm, dict]:
    form = PowerFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    return form, {"kind": data.get("kind") or "", "query": data.get("q") or ""}


def powers(request):
    """The list in force, filtered by kind and searched; ?format=xlsx|csv|json exports it."""
    form, filters = _filters(request)
    fmt = request.GET.get("format", "")
    if fmt in EXPORTS:
        return download(EXPORTS[fmt], selectors.powers_export(**filters), f"powers.{fmt}")
    context = {
        "form": form,
        **paged(request, selectors.powers_public(**filters), PAGE_SIZE),
        "kinds": selectors.kind_counts(),
        "kind": filters["kind"],
        "adjustments": selectors.adjustments_recent(),
    }
    return render(request, "listings/powers.html", context)


def _kind_label(value: str) -> str:
    return str(PowerKind(value).label) if value in PowerKind.values else value


def _history(power: Power) -> list[dict]:
    rows = []
    for version in power.versions.all():
        changes = [
            {
                "label": FIELD_LABELS.get(c["field"], c["field"]),
                "old": _kind_label(c["old"]) if c["field"] == "kind" else c["old"],
                "new": _kind_label(c["new"]) if c["field"] == "kind" else c["new"],
            }
            for c in version.fields_changed
        ]
        rows.append({"version": version, "changes": changes})
    return rows


def power(request, pk: int):
    found = selectors.power_public(pk)
    return render(request, "listings/power.html", {"power": found, "history": _history(found)})


# --- workbench ---------------------------------------------------------------------------

office_required = role_required(*services.EDITING_ROLES)


def _body(request):
    return request.user.staff_profile.organisation.body


@office_required
def manage(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with service_errors(form, "file"):
            created = services.power_import_upload(
                actor=request.user,
                organisation=_body(request),
                file_name=upload.name,
                content=upload.read(),
            )
            return redirect("listings:import_preview", pk=created.pk)
    body = _body(request)
    query = (request.GET.get("q") or "").strip()[:60]
    powers = Power.objects.filter(organisation=body).order_by("-is_active", "code")
    if query:
        powers = powers.filter(Q(name__icontains=query) | Q(code__icontains=query))
    context = {
        "form": form,
        "count": Power.objects.filter(organisation=body, is_active=True).count(),
        "imports": PowerImport.objects.filter(organisation=body).defer("content")[:10],
        "page": Paginator(powers, PAGE_SIZE).get_page(request.GET.get("page")),
        "q": query,
    }
    return render(request, "listings/workbench/manage.html", context)


@office_required
def import_preview(request, pk: int):
    upload = PowerImport.objects.filter(pk=pk, organisation=_body(request)).first()
    if upload is None:
        raise Http404
    form = ImportApplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            report = services.power_import_apply(
                actor=request.user, upload=upload, **form.cleaned_data
            )
            messages.success(
                request,
                _(
                    "Applied: %(added)d added, %(changed)d changed, %(unchanged)d unchanged, "
                    "%(restored)d restored, %(removed)d removed."
                )
                % dataclasses.asdict(report),
            )
            return redirect("listings:manage")
    preview = services.power_import_preview(upload)
    context = {
        "upload": upload,
        "form": form,
        "preview": preview,
        "counts": {
            o: preview.count(o) for o in ("added", "changed", "unchanged", "restored", "error")
        },
        "shown": [r for r in preview.rows if r.outcome != "unchanged"][:200],
        "labels": FIELD_LABELS,
    }
    return render(request, "listings/workbench/import.html", context)


def _fields(data: dict) -> services.PowerFields:
    names = [f.name for f in dataclasses.fields(services.PowerFields)]
    return services.PowerFields(**{name: data[name] for name in names})


@office_required
def power_new(request):
    form = PowerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with service_errors(form):
            created = services.power_create(
                actor=request.user,
                organisation=_body(request),
                fields=_fields(data),
                changed_on=data["changed_on"],
                reason=data["reason"],
            )
            messages.success(request, _("The power was added to the list."))
            return redirect("listings:power_edit", pk=created.pk)
    return render(request, "listings/workbench/power.html", {"form": form, "power": None})


def _initial(power: Power) -> dict:
    values = {f: getattr(power, f) for f in services.COMPARED if f != "bases"}
    values["code"] = power.code
    values["bases"] = services.bases_text((b.law, b.article) for b in power.bases.all())
    return values


@office_required
def power_edit(request, pk: int):
    power = Power.objects.filter(pk=pk, organisation=_body(request)).first()
    if power is None:
        raise Http404
    action = request.POST.get("action", "")
    form = PowerForm(
        request.POST if action == "update" else None, initial=_initial(power), editing=True
    )
    status_form = AdjustmentForm(request.POST if action == "status" else None, prefix="status")
    if action == "update" and form.is_valid():
        data = form.cleaned_data
        with service_errors(form):
            services.power_update(
                actor=request.user,
                power=power,
                fields=_fields({**data, "code": power.code}),
                changed_on=data["changed_on"],
                reason=data["reason"],
            )
            messages.success(request, _("The adjustment was recorded and published."))
            return redirect("listings:power_edit", pk=power.pk)
    if action == "status" and status_form.is_valid():
        with service_errors(status_form):
            services.power_set_active(
                actor=request.user, power=power, active=not power.is_active,
                **status_form.cleaned_data,
            )  # fmt: skip
            messages.success(request, _("The adjustment was recorded and published."))
            return redirect("listings:power_edit", pk=power.pk)
    context = {"form": form, "status_form": status_form, "power": power}
    return render(request, "listings/workbench/power.html", context)


# --- 机构职能 -------------------------------------------------------------------------------


def organisation(request, pk: int | None = None):
    """The body's profile: functions, leaders and their 分工, units and their duties,
    address, hours and phones, subordinate bodies linked."""
    body = profiles.organisation_public(pk)
    context = {"body": body, "changes": profiles.profile_changes(body, CHANGES_SHOWN)}
    return render(request, "listings/organisation.html", context)


def organisation_changes(request, fmt: str, pk: int | None = None):
    """The 机构职能 page's whole public history as csv, xlsx or json."""
    if fmt not in CHANGE_EXPORTS:
        raise Http404
    body = profiles.organisation_public(pk)
    return download(
        CHANGE_EXPORTS[fmt], profiles.profile_changes(body), f"organisation-changes.{fmt}"
    )


@office_required
def profile_manage(request):
    body = _body(request)
    units = {o.pk: o for o in [body, *body.children.filter(kind="unit", is_active=True)]}
    action = request.POST.get("action", "")
    try:
        if action == "profile":
            target = units.get(int(request.POST.get("organisation") or 0))
            if target is None:
                raise Http404
            profiles.profile_set(
                actor=request.user,
                organisation=target,
                functions=request.POST.get("functions", ""),
                phone=request.POST.get("phone", "")[:40],
                reason=request.POST.get("reason", "")[:500],
            )
        elif action == "leader":
            profiles.leader_add(actor=request.user, organisation=body, **_leader_input(request))
        elif action in ("leader_update", "leader_retire"):
            leader = body.leaders.filter(pk=request.POST.get("leader"), is_active=True).first()
            if leader is None:
                raise Http404
            if action == "leader_retire":
                reason = request.POST.get("reason", "")[:500]
                profiles.leader_retire(actor=request.user, leader=leader, reason=reason)
            else:
                values = _leader_input(request)
                values.pop("name")
                profiles.leader_update(actor=request.user, leader=leader, **values)
        if action:
            messages.success(request, _("Saved."))
            return redirect("listings:profile_manage")
    except (ServiceError, ValueError) as error:
        messages.error(request, getattr(error, "message", _("The input is invalid.")))
    context = {
        "body": profiles.organisation_public(body.pk),
        "editable": list(units.values()),
    }
    return render(request, "listings/workbench/profile.html", context)


def _leader_input(request) -> dict:
    position = request.POST.get("position", "0")
    return {
        "name": request.POST.get("name", "")[:50],
        "title": request.POST.get("title", "")[:100],
        "duties": request.POST.get("duties", ""),
        "position": int(position) if position.isdigit() else 0,
        "reason": request.POST.get("reason", "")[:500],
    }
