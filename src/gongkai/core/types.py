"""Type names the apps share, for mypy with django-stubs (`make lint`)."""

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

# request.user: a signed-in person or the anonymous visitor.
AnyUser: TypeAlias = User | AnonymousUser
# Who does a service's work: a person, or None for the system (sweeps, imports).
Actor: TypeAlias = User | None


class StaffRequest(HttpRequest):
    """A request that ``staff_required`` or ``role_required`` let through: the user is a
    signed-in member of staff, never the anonymous visitor."""

    user: User


def signed_in(user: AnyUser) -> User:
    """The signed-in user behind a page only staff reach (the admin, guarded views).

    Refuses the anonymous visitor, which those pages never let through."""
    if isinstance(user, User):
        return user
    raise PermissionDenied
