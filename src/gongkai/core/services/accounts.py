"""Staff accounts, units and two-factor sign-in, managed from the workbench.

Only the openness office and administrators manage accounts and units, and only in their
own body and its subordinate bodies; only an administrator grants, removes or edits the
administrator role, and nobody locks themselves out (deactivates their own account or
removes their own right to manage accounts). Every change writes the ledger.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db import IntegrityError, models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.core.access import has_role, organisation_ids_visible_to
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Organisation, Role, StaffProfile
from gongkai.core.services.ledger import ledger_append
from gongkai.core.services.organisation import (
    organisation_create,
    require_units_of,
    role_group,
)
from gongkai.core.twofactor import BACKUP_CODE_COUNT, normalise_code
from gongkai.core.types import Actor

MANAGER_ROLES = (Role.OFFICE, Role.ADMIN)


def require_account_manager(
    actor: Actor, *, organisation: Organisation, roles: Iterable[str] = ()
) -> None:
    """Refuse unless ``actor`` manages accounts of ``organisation`` (and may grant ``roles``)."""
    if actor is None:  # the system: demo loading, commands run by the operator
        return
    if not has_role(actor, *MANAGER_ROLES):
        raise PermissionDeniedError(
            "not_account_manager",
            _("Only the openness office and administrators manage staff accounts and units."),
        )
    visible = organisation_ids_visible_to(actor)
    if visible is not None and organisation.pk not in visible:
        raise PermissionDeniedError(
            "outside_scope", _("This organisation is outside your area of responsibility.")
        )
    if Role.ADMIN in roles and not has_role(actor, Role.ADMIN):
        raise PermissionDeniedError(
            "admin_role_only_by_admin",
            _("Only an administrator can grant, remove or edit the administrator role."),
        )


def _roles_of(profile: StaffProfile) -> list[Role]:
    names = set(profile.user.groups.values_list("name", flat=True))
    if profile.user.is_superuser:
        names.add(Role.ADMIN.value)
    return [role for role in Role if role.value in names]


def staff_update(
    *,
    actor: Actor,
    profile: StaffProfile,
    full_name: str,
    roles: list[Role],
    units: list[Organisation],
    phone: str = "",
) -> StaffProfile:
    """Change a staff member's name, roles and units."""
    before = _roles_of(profile)
    require_account_manager(actor, organisation=profile.organisation, roles=[*before, *roles])
    full_name = full_name.strip()
    if not full_name:
        raise ServiceError("full_name_required", _("Please enter the full name."))
    if not roles:
        raise ServiceError("role_required", _("Give the staff member at least one role."))
    if actor is not None and actor.pk == profile.user_id:
        if has_role(actor, *MANAGER_ROLES) and not set(MANAGER_ROLES) & set(roles):
            raise ServiceError(
                "own_manager_role",
                _("You cannot remove your own right to manage accounts."),
            )
    require_units_of(profile.organisation, units)
    with transaction.atomic():
        user = profile.user
        user.is_superuser = Role.ADMIN in roles
        user.save(update_fields=["is_superuser"])
        user.groups.set([role_group(role) for role in roles])
        profile.full_name, profile.phone = full_name, phone.strip()
        profile.save(update_fields=["full_name", "phone"])
        profile.units.set(units)
        ledger_append(
            actor=actor,
            action="staff.update",
            obj=profile,
            organisation=profile.organisation,
            summary={
                "username": user.get_username(),
                "full_name": full_name,
                "roles": [str(r) for r in roles],
                "units": [u.name for u in units],
            },
        )
    if hasattr(user, "_gongkai_roles"):
        del user._gongkai_roles
    return profile


def staff_set_active(*, actor: Actor, profile: StaffProfile, active: bool) -> StaffProfile:
    """Deactivate (or reactivate) an account: its sessions and API tokens stop working."""
    require_account_manager(actor, organisation=profile.organisation, roles=_roles_of(profile))
    if actor is not None and actor.pk == profile.user_id and not active:
        raise ServiceError("own_account", _("You cannot deactivate your own account."))
    user = profile.user
    if user.is_active == active:
        return profile
    with transaction.atomic():
        user.is_active = active
        user.save(update_fields=["is_active"])
        ledger_append(
            actor=actor,
            action="staff.reactivate" if active else "staff.deactivate",
            obj=profile,
            organisation=profile.organisation,
            summary={"username": user.get_username()},
        )
    return profile


def unit_create(*, actor: Actor, body: Organisation, name: str, code: str = "") -> Organisation:
    """A new internal unit (科室) of ``body``; the short code is made up when not given."""
    require_account_manager(actor, organisation=body)
    name = name.strip()
    if body.kind != Organisation.Kind.BODY:
        raise ServiceError("not_a_body", _("Units can only be created in a public body."))
    if Organisation.objects.filter(parent=body, name=name).exists():
        raise ServiceError(
            "unit_name_taken",
            _("%(body)s already has a unit called %(name)s.") % {"body": body.name, "name": name},
        )
    code = code.strip() or _free_code(body)
    return organisation_create(
        actor=actor, name=name, code=code, kind=Organisation.Kind.UNIT, parent=body
    )


def _free_code(body: Organisation) -> str:
    number = Organisation.objects.filter(parent=body).count() + 1
    while Organisation.objects.filter(code=f"{slugify(body.code)}-{number}").exists():
        number += 1
    return f"{slugify(body.code)}-{number}"


def unit_rename(*, actor: Actor, unit: Organisation, name: str) -> Organisation:
    require_account_manager(actor, organisation=unit)
    name = name.strip()
    if unit.kind != Organisation.Kind.UNIT:
        raise ServiceError("not_a_unit", _("Only internal units can be renamed here."))
    if not name:
        raise ServiceError("unit_name_required", _("Please enter the unit's name."))
    old = unit.name
    if old == name:
        return unit
    try:
        with transaction.atomic():
            unit.name = name
            unit.save(update_fields=["name"])
            ledger_append(
                actor=actor,
                action="organisation.rename",
                obj=unit,
                organisation=unit.body,
                summary={"name": name, "old_name": old},
            )
    except IntegrityError:
        unit.name = old
        raise ServiceError(
            "unit_name_taken",
            _("%(body)s already has a unit called %(name)s.")
            % {"body": unit.body.name, "name": name},
        ) from None
    return unit


# --- Two-factor sign-in ------------------------------------------------------------------


def _ledger_target(user: User) -> tuple[models.Model, Organisation | None]:
    profile = getattr(user, "staff_profile", None)
    return (profile or user), (profile.organisation if profile else None)


def two_factor_device_start(*, user: User) -> TOTPDevice:
    """The authenticator key being set up (not yet confirmed; the same one on reload)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    return device or TOTPDevice.objects.create(
        user=user, name=str(_("Authenticator app")), confirmed=False
    )


def _new_backup_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=str(_("Backup codes")), confirmed=True)
    codes = [StaticToken.random_token() for _n in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def two_factor_enrol(*, user: User, device: TOTPDevice, code: str) -> list[str]:
    """Confirm the authenticator with a code from it; replaces any earlier one.

    Returns the new backup codes (shown once; each works once).
    """
    if device.user_id != user.pk or device.confirmed:
        raise ServiceError("no_enrolment", _("Please start the set-up again."))
    allowed, _info = device.verify_is_allowed()
    if not allowed:
        raise ServiceError(
            "too_many_codes", _("Too many wrong codes: wait a few seconds, then try again.")
        )
    if not device.verify_token(normalise_code(code)):
        raise ServiceError(
            "wrong_code",
            _("The code is not right. Check the phone's time and enter the current code."),
        )
    obj, organisation = _ledger_target(user)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _new_backup_codes(user)
        ledger_append(
            actor=user,
            action="staff.two_factor_enrol",
            obj=obj,
            organisation=organisation,
            summary={"username": user.get_username()},
        )
    return codes


def two_factor_backup_codes_renew(*, user: User) -> list[str]:
    """New backup codes for a user with an authenticator; the old ones stop working."""
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise ServiceError("not_enrolled", _("Set up two-factor sign-in first."))
    obj, organisation = _ledger_target(user)
    with transaction.atomic():
        codes = _new_backup_codes(user)
        ledger_append(
            actor=user,
            action="staff.backup_codes",
            obj=obj,
            organisation=organisation,
            summary={"username": user.get_username()},
        )
    return codes


def two_factor_reset(*, actor: Actor, profile: StaffProfile) -> StaffProfile:
    """Remove a staff member's authenticator and backup codes (a lost phone).

    Someone whose role requires two-factor sign-in sets it up again at the next sign-in.
    """
    require_account_manager(actor, organisation=profile.organisation, roles=_roles_of(profile))
    _devices_remove(actor=actor, user=profile.user)
    return profile


def two_factor_reset_by_operator(*, user: User) -> None:
    """The same from the command line (``gongkai twofactor reset``), for whoever runs the
    server: the way back in when the only administrator has lost the phone and the codes."""
    _devices_remove(actor=None, user=user)


def _devices_remove(*, actor: Actor, user: User) -> None:
    obj, organisation = _ledger_target(user)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        ledger_append(
            actor=actor,
            action="staff.two_factor_reset",
            obj=obj,
            organisation=organisation,
            summary={"username": user.get_username()},
        )


def roles_of(profile: StaffProfile) -> list[Role]:
    return _roles_of(profile)


__all__ = [
    "require_account_manager",
    "roles_of",
    "staff_set_active",
    "staff_update",
    "two_factor_backup_codes_renew",
    "two_factor_device_start",
    "two_factor_enrol",
    "two_factor_reset",
    "two_factor_reset_by_operator",
    "unit_create",
    "unit_rename",
]
