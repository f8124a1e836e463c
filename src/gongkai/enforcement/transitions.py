"""A decision's life in one place: its statuses, the moves between them, who may make each,
and the moves open to a person on a given decision.

A decision is recorded as a draft (corrected while it is one), published by the openness
office after it has seen the privacy findings, and withdrawn when revoked or changed
(国办发〔2018〕118号). The services check a move here before making it; the workbench asks
``decision_actions`` which forms to offer, and templates compare with ``statuses`` rather
than spelling status strings. Adding a move is one row of ``TRANSITIONS``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from gongkai.core.access import has_role
from gongkai.core.errors import ServiceError
from gongkai.core.models import Role
from gongkai.core.types import AnyUser
from gongkai.enforcement.models import Decision, DecisionStatus

__all__ = [
    "PUBLIC_STATUSES",
    "PUBLISHING_ROLES",
    "RECORDING_ROLES",
    "TRANSITIONS",
    "DecisionStatus",
    "Move",
    "Transition",
    "check",
    "decision_actions",
]

# Units record decisions and run draws; the openness office also publishes and withdraws.
RECORDING_ROLES = (Role.OFFICE, Role.HANDLER, Role.ADMIN)
PUBLISHING_ROLES = (Role.OFFICE, Role.ADMIN)
# What the public sees: a withdrawn decision keeps its page, showing only the withdrawal.
PUBLIC_STATUSES = (DecisionStatus.PUBLISHED, DecisionStatus.WITHDRAWN)


class Move(enum.StrEnum):
    """The moves, named as the workbench's forms post them (``action=…``)."""

    UPDATE = "update"
    PUBLISH = "publish"
    WITHDRAW = "withdraw"


@dataclass(frozen=True)
class Transition:
    source: DecisionStatus
    target: DecisionStatus
    roles: tuple[Role, ...]
    # The refusal when the decision is not in ``source``: its code and message.
    refused_code: str
    refused: StrOrPromise


TRANSITIONS: dict[Move, Transition] = {
    Move.UPDATE: Transition(
        DecisionStatus.DRAFT, DecisionStatus.DRAFT, RECORDING_ROLES,
        "not_draft", _("Only a draft can be corrected."),
    ),
    Move.PUBLISH: Transition(
        DecisionStatus.DRAFT, DecisionStatus.PUBLISHED, PUBLISHING_ROLES,
        "not_draft", _("Only a draft can be published."),
    ),
    Move.WITHDRAW: Transition(
        DecisionStatus.PUBLISHED, DecisionStatus.WITHDRAWN, PUBLISHING_ROLES,
        "not_published", _("Only a published decision can be withdrawn."),
    ),
}  # fmt: skip


def check(action: Move, decision: Decision) -> Transition:
    """The move ``action`` makes from ``decision``'s status (the row as locked by the
    service); refused when the decision is not where the move starts."""
    move = TRANSITIONS[action]
    if decision.status != move.source:
        raise ServiceError(move.refused_code, str(move.refused))
    return move


def decision_actions(decision: Decision, user: AnyUser) -> frozenset[str]:
    """The names of the moves ``user`` may make on ``decision`` as it stands (roles and
    status; the services also check that the decision is of the user's body), for a
    template's ``"publish" in actions`` as in ``participation.transitions``."""
    return frozenset(
        action.value
        for action, move in TRANSITIONS.items()
        if decision.status == move.source and has_role(user, *move.roles)
    )
