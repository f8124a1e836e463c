"""Who may see what: every protected list and object goes through here.

Scoping (issue: "one unit's staff never see another unit's cases unless
assigned"): the openness office, leaders and administrators see their whole
body and its subordinate bodies; handlers and reviewers see their own units'
cases and the cases assigned to them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from gongkai.core.errors import PermissionDeniedError
from gongkai.core.models import Organisation, Role
from gongkai.core.types import Actor, AnyUser, signed_in


def user_roles(user: AnyUser) -> set[str]:
    if not user.is_authenticated:
        return set()
    # Kept on the user object: asked many times per request.
    roles: set[str] | None = getattr(user, "_gongkai_roles", None)
    if roles is None:
        roles = set(user.groups.values_list("name", flat=True))
        if user.is_superuser:
            roles.add(Role.ADMIN.value)
        setattr(user, "_gongkai_roles", roles)  # noqa: B010
    return roles


def has_role(user: AnyUser, *roles: Role) -> bool:
    return bool(user_roles(user) & {r.value for r in roles})


def sees_whole_body(user: AnyUser) -> bool:
    return has_role(user, Role.OFFICE, Role.LEADER, Role.ADMIN)


def body_and_descendants(root: Organisation) -> list[int]:
    """The ids of a body, its units and its subordinate bodies (the whole subtree)."""
    ids = [root.pk]
    frontier = [root.pk]
    while frontier:
        children = Organisation.objects.filter(parent_id__in=frontier)
        frontier = list(children.values_list("pk", flat=True))
        ids.extend(frontier)
    return ids


def organisation_ids_visible_to(user: AnyUser) -> list[int] | None:
    """None means everything (a superuser); otherwise the organisation ids in scope."""
    if not user.is_authenticated:
        return []
    if user.is_superuser:
        return None
    profile = getattr(user, "staff_profile", None)
    if profile is None:
        return []
    return body_and_descendants(profile.organisation)


def scope_cases(
    queryset: QuerySet[Any],
    user: AnyUser,
    *,
    organisation_field: str,
    unit_field: str,
    handler_field: str,
) -> QuerySet[Any]:
    """Filter any case queryset to what ``user`` may see."""
    organisations = organisation_ids_visible_to(user)
    if organisations is None:
        return queryset
    if not organisations:
        return queryset.none()
    in_body = queryset.filter(**{f"{organisation_field}__in": organisations})
    if sees_whole_body(user):
        return in_body
    unit_ids = list(signed_in(user).staff_profile.units.values_list("pk", flat=True))
    return in_body.filter(Q(**{f"{unit_field}__in": unit_ids}) | Q(**{handler_field: user.pk}))


def require_role_in_body(actor: Actor, organisation: Organisation, roles: Iterable[Role]) -> User:
    """The acting person, refused unless they hold one of ``roles`` in ``organisation``'s
    body (a superuser anywhere): the check of every service that edits a body's registers."""
    allowed = actor is not None and has_role(actor, *roles)
    if allowed and actor is not None and not actor.is_superuser:
        profile = getattr(actor, "staff_profile", None)
        allowed = profile is not None and profile.organisation.body == organisation.body
    if actor is None or not allowed:
        raise PermissionDeniedError("not_allowed", _("You do not have the right to do this."))
    return actor
