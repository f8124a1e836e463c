"""Staff and unit management in the workbench (openness office and administrators).

Views parse the form and call one service each (``core.services.accounts``); a refusal
shows the service's message and changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.core import twofactor
from gongkai.core.access import has_role, organisation_ids_visible_to
from gongkai.core.account_forms import StaffCreateForm, StaffForm, UnitForm
from gongkai.core.errors import ServiceError
from gongkai.core.formflow import service_errors
from gongkai.core.models import Organisation, Role, StaffProfile
from gongkai.core.services import staff_create
from gongkai.core.services.accounts import (
    roles_of,
    staff_set_active,
    staff_update,
    two_factor_reset,
    unit_create,
    unit_rename,
)
from gongkai.core.types import AnyUser, StaffRequest
from gongkai.core.views import role_required

MANAGERS = (Role.OFFICE, Role.ADMIN)


def _body(user: AnyUser) -> Organisation:
    profile = getattr(user, "staff_profile", None)
    if profile is None:
        raise Http404
    body: Organisation = profile.organisation
    return body


def _profile(user: AnyUser, pk: int) -> StaffProfile:
    """A staff member in the manager's scope; the same 404 for missing and out of scope."""
    profiles = StaffProfile.objects.select_related("user", "organisation")
    visible = organisation_ids_visible_to(user)
    if visible is not None:
        profiles = profiles.filter(organisation_id__in=visible)
    profile = profiles.filter(pk=pk).first()
    if profile is None:
        raise Http404
    return profile


def _unit(user: AnyUser, pk: int) -> Organisation:
    units = Organisation.objects.filter(kind=Organisation.Kind.UNIT)
    visible = organisation_ids_visible_to(user)
    if visible is not None:
        units = units.filter(pk__in=visible)
    unit = units.filter(pk=pk).first()
    if unit is None:
        raise Http404
    return unit


@role_required(*MANAGERS)
def staff_list(request: StaffRequest) -> HttpResponse:
    body = _body(request.user)
    profiles = (
        StaffProfile.objects.filter(organisation=body)
        .select_related("user")
        .prefetch_related("units", "user__groups")
        .order_by("-user__is_active", "full_name")
    )
    enrolled = set(
        TOTPDevice.objects.filter(
            confirmed=True, user__staff_profile__organisation=body
        ).values_list("user_id", flat=True)
    )
    rows = []
    for profile in profiles:
        names = {g.name for g in profile.user.groups.all()}
        if profile.user.is_superuser:
            names.add(Role.ADMIN.value)
        roles = [role for role in Role if role.value in names]
        rows.append(
            {
                "profile": profile,
                "roles": roles,
                "units": list[Any](profile.units.all()),
                "enrolled": profile.user_id in enrolled,
                "required": bool({Role.OFFICE, Role.ADMIN} & set(roles)),
            }
        )
    return render(request, "core/staff_list.html", {"body": body, "rows": rows})


@role_required(*MANAGERS)
@require_http_methods(["GET", "POST"])
def staff_new(request: StaffRequest) -> HttpResponse:
    body = _body(request.user)
    form = StaffCreateForm(
        request.POST or None, body=body, may_grant_admin=has_role(request.user, Role.ADMIN)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with service_errors(form):
            profile = staff_create(
                actor=request.user,
                username=data["username"],
                full_name=data["full_name"],
                organisation=body,
                roles=data["roles"],
                units=list(data["units"]),
                password=data["password"],
                phone=data["phone"],
            )
            messages.success(
                request,
                _("The account %(username)s was created.") % {"username": data["username"]},
            )
            return redirect("core:staff_edit", pk=profile.pk)
    return render(request, "core/staff_form.html", {"form": form, "profile": None})


@role_required(*MANAGERS)
@require_http_methods(["GET", "POST"])
def staff_edit(request: StaffRequest, pk: int) -> HttpResponse:
    profile = _profile(request.user, pk)
    initial = {
        "full_name": profile.full_name,
        "phone": profile.phone,
        "roles": roles_of(profile),
        "units": list[Any](profile.units.all()),
    }
    form = StaffForm(
        request.POST or None,
        initial=initial,
        body=profile.organisation,
        may_grant_admin=has_role(request.user, Role.ADMIN),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with service_errors(form):
            staff_update(
                actor=request.user,
                profile=profile,
                full_name=data["full_name"],
                phone=data["phone"],
                roles=data["roles"],
                units=list(data["units"]),
            )
            messages.success(request, _("The changes were saved."))
            return redirect("core:staff_edit", pk=profile.pk)
    context = {
        "form": form,
        "profile": profile,
        "enrolled": twofactor.second_factor_enrolled(profile.user),
    }
    return render(request, "core/staff_form.html", context)


@role_required(*MANAGERS)
@require_POST
def staff_action(request: StaffRequest, pk: int, name: str) -> HttpResponse:
    profile = _profile(request.user, pk)
    try:
        if name == "deactivate":
            staff_set_active(actor=request.user, profile=profile, active=False)
            messages.success(request, _("The account was deactivated."))
        elif name == "reactivate":
            staff_set_active(actor=request.user, profile=profile, active=True)
            messages.success(request, _("The account was reactivated."))
        elif name == "reset-two-factor":
            two_factor_reset(actor=request.user, profile=profile)
            messages.success(
                request,
                _("Two-factor sign-in was reset; it is set up again at the next sign-in."),
            )
        else:
            raise Http404
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("core:staff_edit", pk=profile.pk)


@role_required(*MANAGERS)
@require_http_methods(["GET", "POST"])
def unit_list(request: StaffRequest) -> HttpResponse:
    body = _body(request.user)
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form, "name"):
            unit = unit_create(actor=request.user, body=body, name=form.cleaned_data["name"])
            messages.success(request, _("The unit %(name)s was created.") % {"name": unit.name})
            return redirect("core:units")
    units = Organisation.objects.filter(parent=body, kind=Organisation.Kind.UNIT).order_by("id")
    return render(request, "core/units.html", {"body": body, "units": units, "form": form})


@role_required(*MANAGERS)
@require_POST
def unit_rename_view(request: StaffRequest, pk: int) -> HttpResponse:
    unit = _unit(request.user, pk)
    form = UnitForm(request.POST)
    if form.is_valid():
        try:
            unit_rename(actor=request.user, unit=unit, name=form.cleaned_data["name"])
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The unit was renamed."))
    else:
        messages.error(request, _("Please enter the unit's name."))
    return redirect("core:units")
