"""The transition module, table-driven: every status of every kind × every kind of person.

The expectations are written out here, independently of ``transitions.py``: a change to who
may do what shows as a failing row.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from gongkai.core.models import Role
from gongkai.core.tests.factories import make_staff
from gongkai.participation import transitions as t
from gongkai.participation.models import Comment, Consultation, Incident, Letter, Proposal

PEOPLE = ("anonymous", "public", "reviewer", "leader", "handler", "office", "admin")


@pytest.fixture
def people(body, unit, public_user):
    return {
        "anonymous": AnonymousUser(),
        "public": public_user,
        "reviewer": make_staff(body, roles=[Role.REVIEWER]),
        "leader": make_staff(body, roles=[Role.LEADER]),
        "handler": make_staff(body, roles=[Role.HANDLER], units=[unit]),
        "office": make_staff(body, roles=[Role.OFFICE]),
        "admin": make_staff(body, roles=[Role.ADMIN]),
    }


def expected(office: set[str], handler: set[str]) -> dict[str, set[str]]:
    """The office and administrators take ``office``, handlers ``handler``; leaders,
    reviewers, the public and anonymous visitors act on nothing."""
    nobody: set[str] = set()
    return {
        "anonymous": nobody,
        "public": nobody,
        "reviewer": nobody,
        "leader": nobody,
        "handler": handler,
        "office": office,
        "admin": office,
    }


CONSULTATION = {
    "draft": expected({"open", "attach"}, {"open", "attach"}),
    "open": expected({"close", "attach"}, {"close", "attach"}),
    "closed": expected({"report"}, {"report"}),
    "reported": expected(set(), set()),
}

# (status, has a unit, consents, already public) -> actions.
LETTER = {
    ("received", False, False, False): expected({"assign", "answer", "invalid"}, {"answer"}),
    ("assigned", True, False, False): expected(
        {"assign", "forward", "answer", "invalid"}, {"forward", "answer"}
    ),
    ("answered", True, True, False): expected({"publish"}, set()),
    ("answered", True, True, True): expected(set(), set()),
    ("answered", True, False, False): expected(set(), set()),
    ("invalid", False, True, False): expected(set(), set()),
}

PROPOSAL = {
    "registered": expected({"assign"}, set()),
    "assigned": expected({"assign", "reply"}, {"reply"}),
    "replied": expected({"publish", "withhold"}, set()),
    "withheld": expected({"publish"}, set()),
    "published": expected(set(), set()),
}

INCIDENT = {
    "open": expected({"respond", "close"}, {"respond", "close"}),
    "responded": expected({"respond", "close"}, {"respond", "close"}),
    "closed": expected(set(), set()),
}

# (comment status, consultation status) -> actions.
COMMENT = {
    ("held", "open"): expected({"publish", "reject"}, {"publish", "reject"}),
    ("published", "open"): expected({"reject", "decide"}, {"reject", "decide"}),
    ("published", "closed"): expected({"reject", "decide"}, {"reject", "decide"}),
    ("published", "reported"): expected({"reject"}, {"reject"}),
    ("rejected", "closed"): expected({"publish"}, {"publish"}),
}


def test_every_status_has_a_row():
    assert set(CONSULTATION) == set(Consultation.Status.values)
    assert {key[0] for key in LETTER} == set(Letter.Status.values)
    assert set(PROPOSAL) == set(Proposal.Status.values)
    assert set(INCIDENT) == set(Incident.Status.values)
    assert {key[0] for key in COMMENT} == set(Comment.Status.values)


@pytest.mark.django_db
@pytest.mark.parametrize("status", list(CONSULTATION))
def test_consultation_actions(people, status):
    case = Consultation(status=status)
    assert {
        who: t.consultation_actions(case, user) for who, user in people.items()
    } == CONSULTATION[status]


@pytest.mark.django_db
@pytest.mark.parametrize("state", list(LETTER))
def test_letter_actions(people, unit, state):
    status, has_unit, consents, public = state
    case = Letter(
        status=status,
        unit=unit if has_unit else None,
        consent_to_publish=consents,
        is_public=public,
    )
    assert {who: t.letter_actions(case, user) for who, user in people.items()} == LETTER[state]


@pytest.mark.django_db
@pytest.mark.parametrize("status", list(PROPOSAL))
def test_proposal_actions(people, status):
    case = Proposal(status=status)
    assert {who: t.proposal_actions(case, user) for who, user in people.items()} == PROPOSAL[status]


@pytest.mark.django_db
@pytest.mark.parametrize("status", list(INCIDENT))
def test_incident_actions(people, status):
    case = Incident(status=status)
    assert {who: t.incident_actions(case, user) for who, user in people.items()} == INCIDENT[status]


@pytest.mark.django_db
@pytest.mark.parametrize("state", list(COMMENT))
def test_comment_actions(people, state):
    status, consultation_status = state
    case = Comment(status=status, consultation=Consultation(status=consultation_status))
    assert {who: t.comment_actions(case, user) for who, user in people.items()} == COMMENT[state]


@pytest.mark.parametrize(
    ("status", "rating", "actions"),
    [
        ("received", None, set()),
        ("assigned", None, set()),
        ("answered", None, {"rate"}),
        ("answered", 4, set()),
        ("invalid", None, set()),
    ],
)
def test_the_writer_rates_an_answered_letter_once(status, rating, actions):
    assert t.letter_writer_actions(Letter(status=status, rating=rating)) == actions


KINDS = [
    (t.CONSULTATION_TRANSITIONS, t.CONSULTATION_ACTIONS, Consultation.Status),
    (t.LETTER_TRANSITIONS, t.LETTER_ACTIONS, Letter.Status),
    (t.PROPOSAL_TRANSITIONS, t.PROPOSAL_ACTIONS, Proposal.Status),
    (t.INCIDENT_TRANSITIONS, t.INCIDENT_ACTIONS, Incident.Status),
]


@pytest.mark.parametrize(("table", "actions", "status"), KINDS)
def test_actions_and_table_agree(table, actions, status):
    """Every action moves along the table, and every move of the table has its action."""
    assert set(table) == set(status.values)
    moves = {
        (source, action.target)
        for action in actions
        if action.target is not None
        for source in action.sources
    }
    assert all(target in table[source] for source, target in moves)
    assert moves == {(source, target) for source, targets in table.items() for target in targets}
    assert len({action.name for action in actions}) == len(actions)
