"""The statuses of the assessment's cases, in one place: a plan task (open until a
responsible unit reports it complete) and a ledger bundle (the 台账 zip built in the
background). For each: the table of allowed status changes, who may do what, and what a page
offers (``bundle_actions``); services check the same rules when they write.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

from gongkai.assessment.models import LedgerBundle, Task
from gongkai.core.access import has_role
from gongkai.core.models import Role
from gongkai.core.types import AnyUser

TaskStatus = Task.Status
BundleStatus = LedgerBundle.Status

__all__ = [
    "BUNDLE_TRANSITIONS",
    "OFFICE_ROLES",
    "TASK_TRANSITIONS",
    "BundleAction",
    "BundleStatus",
    "TaskStatus",
    "bundle_actions",
    "bundle_may_build",
    "bundle_waiting",
    "task_closes",
]

# The openness office of the body (or an administrator) runs the assessment.
OFFICE_ROLES: tuple[Role, ...] = (Role.OFFICE, Role.ADMIN)

# A one-off task closes when a unit reports it complete (``services.progress_report``); a
# recurring task stays open: it is due again next period.
TASK_TRANSITIONS: dict[TaskStatus, frozenset[TaskStatus]] = {
    TaskStatus.OPEN: frozenset({TaskStatus.DONE}),
    TaskStatus.DONE: frozenset(),
}

# The worker takes a queued bundle; a failed or interrupted build is taken again when the
# task is retried; a finished bundle is left as it is.
BUNDLE_TRANSITIONS: dict[BundleStatus, frozenset[BundleStatus]] = {
    BundleStatus.QUEUED: frozenset({BundleStatus.RUNNING}),
    BundleStatus.RUNNING: frozenset({BundleStatus.RUNNING, BundleStatus.DONE, BundleStatus.FAILED}),
    BundleStatus.FAILED: frozenset({BundleStatus.RUNNING}),
    BundleStatus.DONE: frozenset(),
}

# Still being built: the bundle's page refreshes itself.
BUNDLE_WAITING: frozenset[BundleStatus] = frozenset({BundleStatus.QUEUED, BundleStatus.RUNNING})


class BundleAction(models.TextChoices):
    DOWNLOAD = "download", gettext_lazy("Download the zip")


def task_closes(task: Task, *, completes: bool) -> bool:
    """Whether a progress report on ``task`` closes it: reported complete, a one-off task,
    still open."""
    return (
        completes
        and TaskStatus.DONE in TASK_TRANSITIONS[TaskStatus(task.status)]
        and not task.recurrence
    )


def bundle_may_build(bundle: LedgerBundle) -> bool:
    """Whether the worker may (re)build ``bundle`` (idempotent: a finished one is kept)."""
    return BundleStatus.RUNNING in BUNDLE_TRANSITIONS[BundleStatus(bundle.status)]


def bundle_waiting(bundle: LedgerBundle) -> bool:
    return bundle.status in BUNDLE_WAITING


def bundle_actions(bundle: LedgerBundle, user: AnyUser) -> frozenset[BundleAction]:
    """What ``user`` may do with ``bundle`` now (the body is checked by the view)."""
    if bundle.status == BundleStatus.DONE and has_role(user, *OFFICE_ROLES):
        return frozenset({BundleAction.DOWNLOAD})
    return frozenset()
