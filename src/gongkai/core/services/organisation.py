"""Organisations, staff and workbench notifications."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.models import ApiToken, Notification, Organisation, Role, StaffProfile
from gongkai.core.services.ledger import ledger_append

User = get_user_model()


def organisation_create(
    *,
    actor,
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


def role_group(role: Role) -> Group:
    group, _created = Group.objects.get_or_create(name=role.value)
    return group


def staff_create(
    *,
    actor,
    username: str,
    full_name: str,
    organisation: Organisation,
    roles: list[Role],
    units: list[Organisation] = (),
    password: str | None = None,
    email: str = "",
) -> StaffProfile:
    if User.objects.filter(username=username).exists():
        raise ServiceError(
            "username_taken", _("The user name %(name)s is taken.") % {"name": username}
        )
    foreign = [u.name for u in units if u.body.pk != organisation.pk]
    if foreign:
        raise ServiceError(
            "unit_outside_organisation",
            _("These units do not belong to %(org)s: %(units)s")
            % {"org": organisation.name, "units": "、".join(foreign)},
        )
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
            user=user, organisation=organisation, full_name=full_name
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


def notification_send(*, recipient, message: str, url: str = "") -> Notification:
    return Notification.objects.create(recipient=recipient, message=message[:500], url=url)


def api_token_create(*, actor, user, name: str) -> tuple[ApiToken, str]:
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


def api_token_revoke(*, actor, token: ApiToken) -> ApiToken:
    with transaction.atomic():
        token.is_active = False
        token.save(update_fields=["is_active"])
        ledger_append(actor=actor, action="api_token.revoke", obj=token)
    return token
