"""Who may change the guides, the map and the gazette: the body's office and admins."""

from __future__ import annotations

from gongkai.core.access import require_role_in_body
from gongkai.core.models import Organisation, Role
from gongkai.core.types import Actor

EDITING_ROLES = (Role.OFFICE, Role.ADMIN)


def require_editor(actor: Actor, organisation: Organisation) -> None:
    require_role_in_body(actor, organisation, EDITING_ROLES)
