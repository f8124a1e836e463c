"""Who may change the guides, the map and the gazette: the body's office and admins."""

from __future__ import annotations

from django.utils.translation import gettext as _

from gongkai.core.access import has_role
from gongkai.core.errors import PermissionDeniedError
from gongkai.core.models import Organisation, Role

EDITING_ROLES = (Role.OFFICE, Role.ADMIN)


def require_editor(actor, organisation: Organisation) -> None:
    allowed = actor is not None and has_role(actor, *EDITING_ROLES)
    profile = getattr(actor, "staff_profile", None)
    if allowed and not actor.is_superuser:
        allowed = profile is not None and profile.organisation.body == organisation.body
    if not allowed:
        raise PermissionDeniedError("not_allowed", _("You do not have the right to do this."))
