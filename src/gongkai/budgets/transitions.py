"""The life of a budget or final-accounts document, in one place: its statuses, the table of
allowed status changes, who may do what, and what the document's page offers.

A document is a draft until the openness office publishes it whole (预算法 art. 14: within
20 days of the approval; ``publication_problems`` says what is missing). A published
document stays published: it is corrected, each change with a reason shown on the public
page, never unpublished.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy

from gongkai.budgets.models import BudgetDocument
from gongkai.core.access import has_role
from gongkai.core.models import Role
from gongkai.core.types import AnyUser

Status = BudgetDocument.Status

__all__ = [
    "EDITING_ROLES",
    "RULES",
    "TRANSITIONS",
    "Action",
    "Rule",
    "Status",
    "available_actions",
    "is_published",
    "may_edit",
    "statuses_allowing",
]

# The openness office of the body (or of a body above it) and administrators.
EDITING_ROLES: tuple[Role, ...] = (Role.OFFICE, Role.ADMIN)


class Action(models.TextChoices):
    EDIT = "edit", gettext_lazy("Edit")
    # A published document's change: allowed with a reason, which stays public.
    CORRECT = "correct", gettext_lazy("Correct")
    PUBLISH = "publish", gettext_lazy("Publish")


@dataclass(frozen=True)
class Rule:
    """One action from one status: where it leads (``None``: the status stays), who."""

    action: Action
    status: Status
    to: Status | None
    roles: tuple[Role, ...] = EDITING_ROLES


RULES: tuple[Rule, ...] = (
    Rule(Action.EDIT, Status.DRAFT, None),
    Rule(Action.PUBLISH, Status.DRAFT, Status.PUBLISHED),
    Rule(Action.CORRECT, Status.PUBLISHED, None),
)

# The one table of allowed status changes.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    status: frozenset(r.to for r in RULES if r.status == status and r.to is not None)
    for status in Status
}


def statuses_allowing(action: Action) -> frozenset[Status]:
    return frozenset(r.status for r in RULES if r.action == action)


def is_published(document: BudgetDocument) -> bool:
    return document.status == Status.PUBLISHED


def may_edit(user: AnyUser) -> bool:
    """Whether ``user`` works on budget documents at all (the body is checked by services)."""
    return has_role(user, *EDITING_ROLES)


def available_actions(document: BudgetDocument, user: AnyUser) -> frozenset[Action]:
    """The actions ``user`` may take on ``document`` in its current status."""
    return frozenset(
        r.action for r in RULES if r.status == document.status and has_role(user, *r.roles)
    )
