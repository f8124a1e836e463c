"""The life of every participation case in one place.

For each kind of case (consultation, mailbox letter, suggestion or proposal, opinion incident)
this module holds its statuses (the models' ``TextChoices``, re-exported), the one table of
allowed status changes, the actions people take on it with who may take each, and a function
that answers which actions a person may take on a case now.

- Services guard every write with the tables (``services.common.check_transition`` and
  ``move``) and refuse anyone outside an action's roles: they stay the only writers.
- Pages, the API and templates ask ``consultation_actions(case, user)`` (and the others)
  which buttons to show, and name actions by ``Action.name`` (the URL's last segment).

To add a transition: add the target to the source's row of the kind's ``*_TRANSITIONS``,
add (or widen) the ``Action`` that takes it, write the service that calls ``move`` with it,
and let the template test ``"name" in actions``. ``tests/test_transitions.py`` checks every
status × role against the tables (docs/participation.md walks through an example).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeAlias, TypeVar

from gongkai.core.access import has_role
from gongkai.core.models import Role
from gongkai.core.types import AnyUser
from gongkai.participation.models import Comment, Consultation, Incident, Letter, Proposal

ConsultationStatus = Consultation.Status
LetterStatus = Letter.Status
ProposalStatus = Proposal.Status
IncidentStatus = Incident.Status
CommentStatus = Comment.Status

# Who may do what. Handlers work the cases of their units; the office (and administrators)
# also assign, publish and refuse. Leaders read the workbench pages but act on nothing here.
STAFF: frozenset[Role] = frozenset({Role.OFFICE, Role.HANDLER, Role.ADMIN})
OFFICE: frozenset[Role] = frozenset({Role.OFFICE, Role.ADMIN})
READERS: frozenset[Role] = STAFF | {Role.LEADER}

Table: TypeAlias = Mapping[str, frozenset[str]]
Case = TypeVar("Case", Consultation, Letter, Proposal, Incident, Comment)


@dataclass(frozen=True)
class Action(Generic[Case]):
    """One thing a person does to a case: from which statuses, to which (``None``: the status
    stays), who may, and a condition beyond the status where the case needs one."""

    name: str
    sources: frozenset[str]
    target: str | None
    roles: frozenset[Role]
    when: Callable[[Case], bool] | None = None

    def available(self, case: Case, user: AnyUser) -> bool:
        return (
            case.status in self.sources
            and has_role(user, *self.roles)
            and (self.when is None or self.when(case))
        )


def _available(actions: tuple[Action[Case], ...], case: Case, user: AnyUser) -> frozenset[str]:
    return frozenset(action.name for action in actions if action.available(case, user))


# --- consultations (意见征集) ---------------------------------------------------------------

_C = ConsultationStatus
CONSULTATION_TRANSITIONS: dict[str, frozenset[str]] = {
    _C.DRAFT: frozenset({_C.OPEN}),
    _C.OPEN: frozenset({_C.CLOSED}),
    _C.CLOSED: frozenset({_C.REPORTED}),
    _C.REPORTED: frozenset(),
}
CONSULTATION_ACTIONS: tuple[Action[Consultation], ...] = (
    Action("open", frozenset({_C.DRAFT}), _C.OPEN, STAFF),
    # Also the sweep (``consultations_close_due``), as the system.
    Action("close", frozenset({_C.OPEN}), _C.CLOSED, STAFF),
    # Documents go with the draft while the public can still read them before commenting.
    Action("attach", frozenset({_C.DRAFT, _C.OPEN}), None, STAFF),
    Action("report", frozenset({_C.CLOSED}), _C.REPORTED, STAFF),
)


def consultation_actions(consultation: Consultation, user: AnyUser) -> frozenset[str]:
    return _available(CONSULTATION_ACTIONS, consultation, user)


# Comments are moderated either way at any time (no table: publish and reject are free
# choices); the buttons hide only the choice already made. Decisions stop with the report.
_M = CommentStatus
COMMENT_ACTIONS: tuple[Action[Comment], ...] = (
    Action("publish", frozenset({_M.HELD, _M.REJECTED}), _M.PUBLISHED, STAFF),
    Action("reject", frozenset({_M.HELD, _M.PUBLISHED}), _M.REJECTED, STAFF),
    Action(
        "decide",
        frozenset({_M.PUBLISHED}),
        None,
        STAFF,
        when=lambda c: c.consultation.status != _C.REPORTED,
    ),
)


def comment_actions(comment: Comment, user: AnyUser) -> frozenset[str]:
    return _available(COMMENT_ACTIONS, comment, user)


def consultation_has_report(consultation: Consultation) -> bool:
    """The adoption report is public (the portal links to it)."""
    return consultation.status == _C.REPORTED


# --- mailbox letters (信箱) -----------------------------------------------------------------

_L = LetterStatus
_L_OPEN = frozenset({_L.RECEIVED, _L.ASSIGNED})
LETTER_TRANSITIONS: dict[str, frozenset[str]] = {
    _L.RECEIVED: frozenset({_L.ASSIGNED, _L.ANSWERED, _L.INVALID}),
    _L.ASSIGNED: frozenset({_L.ASSIGNED, _L.ANSWERED, _L.INVALID}),
    _L.ANSWERED: frozenset(),
    _L.INVALID: frozenset(),
}
LETTER_ACTIONS: tuple[Action[Letter], ...] = (
    Action("assign", _L_OPEN, _L.ASSIGNED, OFFICE),
    # Forwarding hands a letter a unit holds to another unit.
    Action("forward", _L_OPEN, _L.ASSIGNED, STAFF, when=lambda x: x.unit_id is not None),
    Action("answer", _L_OPEN, _L.ANSWERED, STAFF),
    Action("invalid", _L_OPEN, _L.INVALID, OFFICE),
    # Q&A on the portal: only with the writer's consent, once.
    Action(
        "publish",
        frozenset({_L.ANSWERED}),
        None,
        OFFICE,
        when=lambda x: x.consent_to_publish and not x.is_public,
    ),
)


def letter_actions(letter: Letter, user: AnyUser) -> frozenset[str]:
    return _available(LETTER_ACTIONS, letter, user)


def letter_writer_actions(letter: Letter) -> frozenset[str]:
    """What the writer may do on the follow page, proven by the letter's secret rather than a
    role: rate the reply, once."""
    if letter.status == _L.ANSWERED and letter.rating is None:
        return frozenset({"rate"})
    return frozenset()


# --- suggestions and proposals (建议提案) ----------------------------------------------------

_P = ProposalStatus
PROPOSAL_TRANSITIONS: dict[str, frozenset[str]] = {
    _P.REGISTERED: frozenset({_P.ASSIGNED}),
    _P.ASSIGNED: frozenset({_P.ASSIGNED, _P.REPLIED}),
    _P.REPLIED: frozenset({_P.PUBLISHED, _P.WITHHELD}),
    _P.PUBLISHED: frozenset(),
    _P.WITHHELD: frozenset({_P.PUBLISHED}),
}
PROPOSAL_ACTIONS: tuple[Action[Proposal], ...] = (
    Action("assign", frozenset({_P.REGISTERED, _P.ASSIGNED}), _P.ASSIGNED, OFFICE),
    Action("reply", frozenset({_P.ASSIGNED}), _P.REPLIED, STAFF),
    Action("publish", frozenset({_P.REPLIED, _P.WITHHELD}), _P.PUBLISHED, OFFICE),
    Action("withhold", frozenset({_P.REPLIED}), _P.WITHHELD, OFFICE),
)


def proposal_actions(proposal: Proposal, user: AnyUser) -> frozenset[str]:
    return _available(PROPOSAL_ACTIONS, proposal, user)


# --- opinion incidents (舆情) ----------------------------------------------------------------

_I = IncidentStatus
INCIDENT_TRANSITIONS: dict[str, frozenset[str]] = {
    _I.OPEN: frozenset({_I.RESPONDED, _I.CLOSED}),
    _I.RESPONDED: frozenset({_I.RESPONDED, _I.CLOSED}),
    _I.CLOSED: frozenset(),
}
INCIDENT_ACTIONS: tuple[Action[Incident], ...] = (
    # A follow-up is recorded without moving the status; any other response moves it.
    Action("respond", frozenset({_I.OPEN, _I.RESPONDED}), _I.RESPONDED, STAFF),
    Action("close", frozenset({_I.OPEN, _I.RESPONDED}), _I.CLOSED, STAFF),
)


def incident_actions(incident: Incident, user: AnyUser) -> frozenset[str]:
    return _available(INCIDENT_ACTIONS, incident, user)
