"""Where a disclosure request can go, and who may take it there: the one place that says so.

Each ``Rule`` is one action staff can take on a request (one form on the request page, one
API endpoint, one service): the statuses it starts from, the statuses it may lead to, the
roles that may take it and, where the law adds one, a condition on the case (art. 30 allows
one supplement notice). From the rules come

- ``TRANSITIONS``, the table of allowed status changes the services' guard
  (``services.common.check_transition``) enforces;
- ``available_actions(request, user)``, what the request page offers, what the API lists in
  a request's ``actions``, and what templates ask.

The statuses are ``Status`` (a ``TextChoices`` declared with the model, whose field it is,
and re-exported here). Services stay the only writers: a rule says what is allowed; the
service for the action checks it again inside its transaction and writes.

Adding a transition: a ``Rule`` here (and its ``Action``), the service that makes it, a row
in ``tests/test_transitions.py`` (docs/foi.md walks through it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.access import has_role
from gongkai.core.models import Role
from gongkai.core.types import AnyUser
from gongkai.foi.models import Remedy, Request, Status

__all__ = [
    "ACTING_ROLES",
    "OPEN_STATUSES",
    "RULES",
    "TRANSITIONS",
    "Action",
    "Rule",
    "Status",
    "action_possible",
    "available_actions",
    "may_act",
    "statuses_allowing",
]

# Who works on requests: the openness office, the handling units, administrators.
ACTING_ROLES: frozenset[Role] = frozenset({Role.OFFICE, Role.HANDLER, Role.ADMIN})

# A request is finished once replied to or closed; every other status is still open.
DONE_STATUSES: frozenset[Status] = frozenset({Status.REPLIED, Status.CLOSED})
OPEN_STATUSES: tuple[Status, ...] = tuple(s for s in Status if s not in DONE_STATUSES)
# Where the reply clock runs and the request is worked on (a consultation, a fee or the
# art. 35 reasons may start here; the reply is given from here).
WORKING_STATUSES: frozenset[Status] = frozenset({Status.RECEIVED, Status.EXTENDED})


class Action(models.TextChoices):
    """What staff can do to a request: the name of its form, its URL and its API list entry."""

    CONFIRM = "confirm", _("Confirm receipt")
    ASSIGN = "assign", _("Assign")
    SUPPLEMENT = "supplement", _("Ask for a supplement")
    SUPPLEMENT_RECEIVED = "supplement_received", _("Supplement received")
    SUPPLEMENT_LAPSED = "supplement_lapsed", _("Supplement not received in time")
    CONSULT = "consult", _("Consult a third party or agency")
    CONSULT_ANSWERED = "consult_answered", _("Consultation answered")
    EXTEND = "extend", _("Extend the reply period")
    FEE_NOTICE = "fee_notice", _("Send a fee notice")
    FEE_PAID = "fee_paid", _("Fee paid")
    FEE_LAPSED = "fee_lapsed", _("Fee not paid in time")
    REASONS_ASK = "reasons_ask", _("Ask for reasons (art. 35)")
    REASONS_DECIDE = "reasons_decide", _("Decide on the reasons (art. 35)")
    REPLY = "reply", _("Reply")
    CLOSE = "close", _("Close")
    REMEDY = "remedy", _("Record a review or lawsuit")
    REMEDY_DECIDE = "remedy_decide", _("Record the result")


def _no_supplement_yet(request: Request) -> bool:
    # Art. 30 "一次性告知": one supplement notice per request, ever.
    return not request.supplements.exists()


def _has_outcome(request: Request) -> bool:
    # A review or lawsuit is against a reply; a request dropped unconfirmed has none.
    return request.outcome is not None


def _has_pending_remedy(request: Request) -> bool:
    return request.remedies.filter(result=Remedy.Result.PENDING).exists()


@dataclass(frozen=True)
class Rule:
    """One action: from which statuses, to which (none: the status stays), by whom, when."""

    action: Action
    sources: frozenset[Status]
    targets: frozenset[Status] = frozenset()
    roles: frozenset[Role] = ACTING_ROLES
    condition: Callable[[Request], bool] | None = None


def _set(*statuses: Status) -> frozenset[Status]:
    return frozenset(statuses)


RULES: tuple[Rule, ...] = (
    # Art. 31(3): an online application is received when staff confirm it.
    Rule(Action.CONFIRM, _set(Status.SUBMITTED), _set(Status.RECEIVED)),
    Rule(Action.ASSIGN, frozenset(OPEN_STATUSES) - {Status.SUBMITTED}),
    # Art. 30: the supplement restarts the period when received; none in time: abandoned.
    Rule(
        Action.SUPPLEMENT,
        _set(Status.RECEIVED),
        _set(Status.AWAITING_SUPPLEMENT),
        condition=_no_supplement_yet,
    ),
    Rule(Action.SUPPLEMENT_RECEIVED, _set(Status.AWAITING_SUPPLEMENT), _set(Status.RECEIVED)),
    Rule(Action.SUPPLEMENT_LAPSED, _set(Status.AWAITING_SUPPLEMENT), _set(Status.CLOSED)),
    # Arts. 32 and 34: the reply clock waits; afterwards the request returns where it was.
    Rule(Action.CONSULT, WORKING_STATUSES, _set(Status.IN_CONSULTATION)),
    Rule(Action.CONSULT_ANSWERED, _set(Status.IN_CONSULTATION), WORKING_STATUSES),
    # Art. 33: one extension.
    Rule(Action.EXTEND, _set(Status.RECEIVED), _set(Status.EXTENDED)),
    # 国办函〔2020〕109号: paid, back where it was; not paid in time, abandoned.
    Rule(Action.FEE_NOTICE, WORKING_STATUSES, _set(Status.AWAITING_FEE)),
    Rule(Action.FEE_PAID, _set(Status.AWAITING_FEE), WORKING_STATUSES),
    Rule(Action.FEE_LAPSED, _set(Status.AWAITING_FEE), _set(Status.CLOSED)),
    # Art. 35: reasons accepted (back, perhaps with a later reply time) or not (not handled).
    Rule(Action.REASONS_ASK, WORKING_STATUSES, _set(Status.AWAITING_REASONS)),
    Rule(
        Action.REASONS_DECIDE,
        _set(Status.AWAITING_REASONS),
        WORKING_STATUSES | {Status.REPLIED},
    ),
    Rule(Action.REPLY, WORKING_STATUSES, _set(Status.REPLIED)),
    # A replied request is closed; an unconfirmed online one may be dropped (with a reason).
    Rule(Action.CLOSE, _set(Status.SUBMITTED, Status.REPLIED), _set(Status.CLOSED)),
    Rule(Action.REMEDY, DONE_STATUSES, condition=_has_outcome),
    Rule(Action.REMEDY_DECIDE, DONE_STATUSES, condition=_has_pending_remedy),
)

RULE_OF: dict[Action, Rule] = {rule.action: rule for rule in RULES}


def _table(rules: Iterable[Rule]) -> dict[Status, frozenset[Status]]:
    table: dict[Status, set[Status]] = {status: set() for status in Status}
    for rule in rules:
        for source in rule.sources:
            table[source] |= rule.targets
    return {status: frozenset(targets) for status, targets in table.items()}


# The one table of allowed status changes; services.transition() guards every change.
TRANSITIONS: dict[Status, frozenset[Status]] = _table(RULES)


def statuses_allowing(action: Action) -> frozenset[Status]:
    """The statuses ``action`` starts from (for lists: the requests it could apply to)."""
    return RULE_OF[action].sources


def may_act(user: AnyUser) -> bool:
    """Whether ``user`` works on requests at all (any action's roles)."""
    return has_role(user, *ACTING_ROLES)


def action_possible(request: Request, action: Action) -> bool:
    """Whether the request's state allows ``action`` (whoever would take it)."""
    rule = RULE_OF[action]
    if Status(request.status) not in rule.sources:
        return False
    return rule.condition is None or rule.condition(request)


def available_actions(request: Request, user: AnyUser) -> list[Action]:
    """The actions ``user`` may take on ``request`` now, in the order of ``RULES``."""
    return [
        rule.action
        for rule in RULES
        if has_role(user, *rule.roles) and action_possible(request, rule.action)
    ]
