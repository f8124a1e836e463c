"""Organisations, staff and workbench notifications."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.models import ApiToken, Notification, Organisation, Role, StaffProfile
from gongkai.core.services.ledger import ledger_append
from gongkai.core.types import Actor


def require_units_of(organisation: Organisation, units: Iterable[Organisation]) -> None:
    """Refuse units that are not units of ``organisation`` (a member of staff works in
    their own body's units only)."""
    foreign = [u.name for u in units if u.body.pk != organisation.pk or u.kind != "unit"]
    if foreign:
        raise ServiceError(
            "unit_outside_organisation",
            _("These units do not belong to %(org)s: %(units)s")
            % {"org": organisation.name, "units": "、".join(foreign)},
        )


def organisation_create(
    *,
    actor: Actor,
    name: str,
    code: str,
    kind: str = Organisation.Kind.BODY,
    parent: Organisation | None = None,
    credit_code: str = "",
    address: str = "",
    phone: str = "",
    office_hours: str = "",
) -> Organisation:
    organisation = Organisation(
        name=name,
        code=code,
        kind=kind,
        parent=parent,
        credit_code=credit_code,
        address=address,
        phone=phone,
        office_hours=office_hours,
    )
    try:
        organisation.full_clean()
    except ValidationError as error:
        raise ServiceError("invalid_organisation", "; ".join(error.messages)) from None
    with transaction.atomic():
        organisation.save()
        ledger_append(
            actor=actor,
            action="organisation.create",
            obj=organisation,
            organisation=organisation.body,
            summary={"name": name, "kind": kind, "credit_code": credit_code},
        )
    return organisation


ORGANISATION_CREATE_FIELDS = (
    "name",
    "code",
    "kind",
    "parent",
    "credit_code",
    "address",
    "phone",
    "office_hours",
)
# What an administrator may change on an existing organisation (not its place in the tree).
ORGANISATION_UPDATE_FIELDS = (
    "name",
    "credit_code",
    "address",
    "phone",
    "office_hours",
    "is_active",
)


def organisation_update(
    *, actor: Actor, organisation: Organisation, changes: dict[str, Any]
) -> Organisation:
    """Change an organisation's details (administrators; the admin site's saves come here)."""
    from gongkai.core.services.accounts import require_account_manager

    require_account_manager(actor, organisation=organisation)
    unknown = set(changes) - set(ORGANISATION_UPDATE_FIELDS)
    if unknown:
        raise ServiceError(
            "fixed_field",
            _("These fields cannot be changed: %(fields)s")
            % {"fields": "、".join(sorted(unknown))},
        )
    before = {name: getattr(organisation, name) for name in changes}
    for name, value in changes.items():
        setattr(organisation, name, value)
    try:
        organisation.full_clean()
    except ValidationError as error:
        for name, value in before.items():
            setattr(organisation, name, value)
        raise ServiceError("invalid_organisation", "; ".join(error.messages)) from None
    if not changes:
        return organisation
    with transaction.atomic():
        organisation.save(update_fields=list(changes))
        ledger_append(
            actor=actor,
            action="organisation.update",
            obj=organisation,
            organisation=organisation.body,
            summary={name: changes[name] for name in changes},
        )
    return organisation


def role_group(role: Role) -> Group:
    group, _created = Group.objects.get_or_create(name=role.value)
    return group


def staff_create(
    *,
    actor: Actor,
    username: str,
    full_name: str,
    organisation: Organisation,
    roles: list[Role],
    units: Sequence[Organisation] = (),
    password: str | None = None,
    email: str = "",
    phone: str = "",
) -> StaffProfile:
    if actor is not None:
        from gongkai.core.services.accounts import require_account_manager

        require_account_manager(actor, organisation=organisation, roles=roles)
    if not roles:
        raise ServiceError("role_required", _("Give the staff member at least one role."))
    if User.objects.filter(username=username).exists():
        raise ServiceError(
            "username_taken", _("The user name %(name)s is taken.") % {"name": username}
        )
    require_units_of(organisation, units)
    with transaction.atomic():
        user = User.objects.create_user(
            username=username,
            email=email,
            password=password,
            is_staff=True,
            is_superuser=Role.ADMIN in roles,
        )
        user.groups.set([role_group(role) for role in roles])
        profile = StaffProfile.objects.create(
            user=user, organisation=organisation, full_name=full_name, phone=phone
        )
        profile.units.set(units)
        ledger_append(
            actor=actor,
            action="staff.create",
            obj=profile,
            organisation=organisation,
            summary={
                "username": username,
                "roles": [str(r) for r in roles],
                "units": [u.name for u in units],
            },
        )
    return profile


def notification_send(*, recipient: User, message: str, url: str = "") -> Notification:
    return Notification.objects.create(recipient=recipient, message=message[:500], url=url)


def api_token_create(*, actor: Actor, user: User, name: str) -> tuple[ApiToken, str]:
    """Issue a token for ``user``; the plain token is returned once and never stored."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        record = ApiToken.objects.create(user=user, name=name, token_hash=ApiToken.hash(token))
        ledger_append(
            actor=actor,
            action="api_token.create",
            obj=record,
            summary={"user": user.get_username(), "name": name},
        )
    return record, token


def api_token_revoke(*, actor: Actor, token: ApiToken) -> ApiToken:
    with transaction.atomic():
        token.is_active = False
        token.save(update_fields=["is_active"])
        ledger_append(actor=actor, action="api_token.revoke", obj=token)
    return token
