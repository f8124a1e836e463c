"""Portal reads from a read replica (DATABASE_REPLICA_URL), everything else from the primary.

Only what an anonymous visitor reads goes to the replica: GET and HEAD requests without a
session cookie, outside the workbench and the admin (``SiteMiddleware`` marks them). A
person who has just changed something is signed in and reads the primary, so nobody sees
their own change missing while the replica catches up; a visitor may see a page a moment
old, as the page cache already allows. Commands, tasks and writes use the primary.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
_portal_read: ContextVar[bool] = ContextVar("gongkai_portal_read", default=False)
STAFF_PATHS = ("/workbench/", "/admin/", "/accounts/")


def portal_read_mark(request):
    """A token for ``portal_read_reset``: marks the request's reads for the replica."""
    anonymous = settings.SESSION_COOKIE_NAME not in request.COOKIES
    public = not request.path_info.startswith(STAFF_PATHS)
    return _portal_read.set(request.method in ("GET", "HEAD") and anonymous and public)


def portal_read_reset(token) -> None:
    _portal_read.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _portal_read.get() and REPLICA in settings.DATABASES:
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return None

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # a replica follows the primary; it is never migrated
