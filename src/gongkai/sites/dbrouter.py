"""Portal reads from a read replica (DATABASE_REPLICA_URL), everything else from the primary.

Only what an anonymous visitor reads goes to the replica: GET and HEAD requests without a
session cookie, outside the workbench and the admin (``SiteMiddleware`` marks them). A
person who has just changed something reads the primary, so nobody sees their own change
missing while the replica catches up: staff are signed in, and a visitor who sent
something (an application, a letter, a comment: any request that is not a GET or HEAD)
carries the ``gongkai_primary`` cookie for ``GONGKAI_REPLICA_PIN_SECONDS`` after it. Other
visitors may see a page a moment old, as the page cache already allows. Commands, tasks
and writes use the primary.

A replica that does not answer is not waited for: the request reads the primary, the
fact is logged once, and the replica is tried again ``RETRY_SECONDS`` later.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.db import DatabaseError, connections

from gongkai.core.readroute import (
    replica_reads_allowed,
    replica_reads_reset,
    replica_reads_set,
)

logger = logging.getLogger(__name__)

REPLICA = "replica"
PRIMARY_COOKIE = "gongkai_primary"
RETRY_SECONDS = 10.0
STAFF_PATHS = ("/workbench/", "/admin/", "/accounts/")
SAFE_METHODS = ("GET", "HEAD")
# {"until": time.monotonic() before which the replica is not tried}; per process.
_down: dict[str, float] = {}


def portal_read_mark(request):
    """A token for ``portal_read_reset``: marks the request's reads for the replica."""
    cookies = request.COOKIES
    wanted = (
        request.method in SAFE_METHODS
        and settings.SESSION_COOKIE_NAME not in cookies
        and PRIMARY_COOKIE not in cookies
        and not request.path_info.startswith(STAFF_PATHS)
    )
    if wanted and REPLICA in settings.DATABASES:
        wanted = replica_usable()
    return replica_reads_set(wanted)


def portal_read_reset(token) -> None:
    replica_reads_reset(token)


def replica_usable() -> bool:
    """Whether the replica answers (a health check of the kept connection, else a new
    one); when it does not, the primary serves for ``RETRY_SECONDS``."""
    now = time.monotonic()
    if now < _down.get("until", 0.0):
        return False
    connection = connections[REPLICA]
    try:
        connection.close_if_health_check_failed()
        connection.ensure_connection()
    except DatabaseError as error:
        _down["until"] = now + RETRY_SECONDS
        connection.close()
        logger.warning(
            "read replica unavailable, portal reads go to the primary for %d s: %s",
            RETRY_SECONDS,
            error,
        )
        return False
    if "until" in _down:
        del _down["until"]
        logger.warning("read replica answers again, portal reads go to it")
    return True


def replica_forget_down() -> None:
    """Try the replica at the next request (tests)."""
    _down.clear()


def primary_pin(request, response) -> None:
    """After a visitor's write, their next reads go to the primary for a while."""
    if request.method in SAFE_METHODS or REPLICA not in settings.DATABASES:
        return
    response.set_cookie(
        PRIMARY_COOKIE,
        "1",
        max_age=settings.GONGKAI_REPLICA_PIN_SECONDS,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if replica_reads_allowed() and REPLICA in settings.DATABASES:
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return None

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # a replica follows the primary; it is never migrated
