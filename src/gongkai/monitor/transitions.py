"""The life of a site check, in one place: its statuses, the table of allowed status changes,
who may start one and what the monitor page offers.

A check is queued (by hand or by the daily schedule), taken by a worker (running), and ends
finished or failed; a check still open after ``services.STALE_AFTER`` lost its worker and is
closed as failed. One check waits or runs at a time (the model's constraint on
``OPEN_STATUSES``), so "check now" is offered only while none is open.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.access import has_role
from gongkai.core.errors import ServiceError
from gongkai.core.models import Role
from gongkai.core.types import AnyUser
from gongkai.monitor.models import Run, RunStatus

Status = RunStatus

__all__ = [
    "OPEN_STATUSES",
    "ROLES",
    "TRANSITIONS",
    "Action",
    "Status",
    "available_actions",
    "check_transition",
    "is_failed",
    "is_open",
]

# The openness office watches the site; administrators too.
ROLES: tuple[Role, ...] = (Role.OFFICE, Role.ADMIN)

# Waiting for a worker or being checked: at most one such run (``monitor_one_open_run``).
OPEN_STATUSES: tuple[Status, ...] = (Status.QUEUED, Status.RUNNING)

# Only the system moves a check (the worker, the stale-run sweep); people only start one.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.QUEUED: frozenset({Status.RUNNING, Status.FAILED}),
    Status.RUNNING: frozenset({Status.DONE, Status.FAILED}),
    Status.DONE: frozenset(),
    Status.FAILED: frozenset(),
}


class Action(models.TextChoices):
    RUN_NOW = "run_now", gettext_lazy("Check now")


def is_open(run: Run | None) -> bool:
    return run is not None and run.status in OPEN_STATUSES


def is_failed(run: Run | None) -> bool:
    return run is not None and run.status == Status.FAILED


def check_transition(run: Run, to: Status) -> None:
    """Refuse a status change the table does not allow."""
    if to not in TRANSITIONS[Status(run.status)]:
        raise ServiceError(
            "invalid_transition",
            _("Check #%(run)s cannot go from “%(from)s” to “%(to)s”.")
            % {"run": run.pk, "from": run.get_status_display(), "to": to.label},
        )


def available_actions(latest: Run | None, user: AnyUser) -> frozenset[Action]:
    """What ``user`` may do on the monitor page, given the latest check."""
    if not has_role(user, *ROLES) or is_open(latest):
        return frozenset()
    return frozenset({Action.RUN_NOW})
