"""Where a request for a conditionally open dataset can go, and who may take it there.

A request waits for the publisher's openness office, which approves it (a key is issued for
the applicant to collect once from the follow-up page) or refuses it; a decision is final.

* ``Status``: the request's statuses (``DataRequest.Status``, re-exported here).
* ``RULES``: every action: the statuses it starts from, where it leads, who may take it
  (``None``: whoever holds the request's follow-up link) and any condition on the request.
  ``TRANSITIONS``, the table of allowed status changes, is derived from them.
* ``available_actions(request, user)``: what the office's request page offers;
  ``applicant_actions(request)``: what the follow-up page offers. Services check the same
  rules again on the locked row (``check_transition``, ``action_possible``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.access import has_role
from gongkai.core.errors import ServiceError
from gongkai.core.models import Role
from gongkai.core.types import AnyUser
from gongkai.opendata.models import DataRequest, DataRequestStatus

Status = DataRequestStatus

__all__ = [
    "DECIDING_ROLES",
    "RULES",
    "TRANSITIONS",
    "Action",
    "Rule",
    "Status",
    "action_possible",
    "applicant_actions",
    "available_actions",
    "check_transition",
]

# The openness office of the publisher's body decides (the body is checked by the service).
DECIDING_ROLES: frozenset[Role] = frozenset({Role.OFFICE, Role.ADMIN})


class Action(models.TextChoices):
    DECIDE = "decide", gettext_lazy("Decide")
    COLLECT = "collect", gettext_lazy("Collect the key")


def _key_waiting(request: DataRequest) -> bool:
    # The key text is kept only until it is collected once.
    return bool(request.key_to_collect)


@dataclass(frozen=True)
class Rule:
    """One action: from which statuses, to which (none: the status stays), by whom
    (``None``: the applicant, through the follow-up link), when."""

    action: Action
    sources: frozenset[Status]
    targets: frozenset[Status]
    roles: frozenset[Role] | None
    condition: Callable[[DataRequest], bool] | None = None


RULES: tuple[Rule, ...] = (
    Rule(
        Action.DECIDE,
        frozenset({Status.PENDING}),
        frozenset({Status.APPROVED, Status.REFUSED}),
        DECIDING_ROLES,
    ),
    Rule(Action.COLLECT, frozenset({Status.APPROVED}), frozenset(), None, _key_waiting),
)

RULE_OF: dict[Action, Rule] = {rule.action: rule for rule in RULES}

# The one table of allowed status changes; ``check_transition`` guards every change.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    status: frozenset(t for rule in RULES if status in rule.sources for t in rule.targets)
    for status in Status
}


def action_possible(request: DataRequest, action: Action) -> bool:
    """Whether the request's state allows ``action`` (whoever would take it)."""
    rule = RULE_OF[action]
    if request.status not in rule.sources:
        return False
    return rule.condition is None or rule.condition(request)


def check_transition(request: DataRequest, to: Status) -> None:
    """Refuse a decision on a request no longer waiting for one (on the locked row)."""
    if to not in TRANSITIONS[Status(request.status)]:
        raise ServiceError("already_decided", _("The request has already been decided."))


def available_actions(request: DataRequest, user: AnyUser) -> frozenset[Action]:
    """The actions the office member ``user`` may take on ``request`` now."""
    return frozenset(
        rule.action
        for rule in RULES
        if rule.roles is not None
        and has_role(user, *rule.roles)
        and action_possible(request, rule.action)
    )


def applicant_actions(request: DataRequest) -> frozenset[Action]:
    """What the holder of the follow-up link may do now."""
    return frozenset(
        rule.action
        for rule in RULES
        if rule.roles is None and action_possible(request, rule.action)
    )
