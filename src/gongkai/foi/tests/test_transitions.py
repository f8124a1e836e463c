"""foi.transitions, table-driven: every status × role gives the actions the law allows, the
status table the services guard is the one pinned here, and the page and API offer them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from gongkai.core.models import Role
from gongkai.core.tests.factories import make_staff
from gongkai.foi.models import Remedy, Request, Supplement
from gongkai.foi.services import request_register
from gongkai.foi.tests.factories import make_applicant
from gongkai.foi.transitions import (
    ACTING_ROLES,
    RULES,
    TRANSITIONS,
    Action,
    Status,
    action_possible,
    available_actions,
)
from gongkai.foi.views.staff import ACTIONS

pytestmark = pytest.mark.django_db

A = Action
S = Status

# What acting staff may do to a request in each status (no supplement sent yet, no review
# pending; a finished request has its outcome).
EXPECTED: dict[Status, list[Action]] = {
    S.SUBMITTED: [A.CONFIRM, A.CLOSE],
    S.RECEIVED: [
        A.ASSIGN,
        A.SUPPLEMENT,
        A.CONSULT,
        A.EXTEND,
        A.FEE_NOTICE,
        A.REASONS_ASK,
        A.REPLY,
    ],
    S.AWAITING_SUPPLEMENT: [A.ASSIGN, A.SUPPLEMENT_RECEIVED, A.SUPPLEMENT_LAPSED],
    S.IN_CONSULTATION: [A.ASSIGN, A.CONSULT_ANSWERED],
    S.EXTENDED: [A.ASSIGN, A.CONSULT, A.FEE_NOTICE, A.REASONS_ASK, A.REPLY],
    S.AWAITING_FEE: [A.ASSIGN, A.FEE_PAID, A.FEE_LAPSED],
    S.AWAITING_REASONS: [A.ASSIGN, A.REASONS_DECIDE],
    S.REPLIED: [A.CLOSE, A.REMEDY],
    S.CLOSED: [A.REMEDY],
}

# The allowed status changes (the guard of every service), written out once by hand.
EXPECTED_TRANSITIONS: dict[Status, set[Status]] = {
    S.SUBMITTED: {S.RECEIVED, S.CLOSED},
    S.RECEIVED: {
        S.AWAITING_SUPPLEMENT,
        S.IN_CONSULTATION,
        S.EXTENDED,
        S.AWAITING_FEE,
        S.AWAITING_REASONS,
        S.REPLIED,
    },
    S.AWAITING_SUPPLEMENT: {S.RECEIVED, S.CLOSED},
    S.IN_CONSULTATION: {S.RECEIVED, S.EXTENDED},
    S.EXTENDED: {S.IN_CONSULTATION, S.AWAITING_FEE, S.AWAITING_REASONS, S.REPLIED},
    S.AWAITING_REASONS: {S.RECEIVED, S.EXTENDED, S.REPLIED},
    S.AWAITING_FEE: {S.RECEIVED, S.EXTENDED, S.CLOSED},
    S.REPLIED: {S.CLOSED},
    S.CLOSED: set(),
}

ROLES = [None, *Role]  # None: a signed-in user with no staff role


def _in_status(body, office, status: Status) -> Request:
    request = request_register(
        actor=office,
        organisation=body,
        channel="in_person",
        applicant=make_applicant(),
        received_on=timezone.localdate(),
    )
    done = status in (S.REPLIED, S.CLOSED)
    # The state alone is under test here: set it directly (services are tested elsewhere).
    Request.objects.filter(pk=request.pk).update(status=status, outcome="granted" if done else None)
    request.refresh_from_db()
    return request


def test_the_transition_table_is_the_one_pinned_here():
    assert {s: set(t) for s, t in TRANSITIONS.items()} == EXPECTED_TRANSITIONS


def test_every_action_has_one_rule_and_one_form():
    assert [rule.action for rule in RULES] == list(Action)
    assert set(ACTIONS) == set(Action)


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "no_role")
def test_available_actions_by_status_and_role(body, office, status, role):
    request = _in_status(body, office, status)
    user = make_staff(body, roles=[role] if role else [])
    expected = EXPECTED[status] if role in ACTING_ROLES else []
    assert available_actions(request, user) == expected


def test_the_anonymous_visitor_may_do_nothing(body, office):
    request = _in_status(body, office, S.RECEIVED)
    assert available_actions(request, AnonymousUser()) == []
    assert action_possible(request, A.REPLY)  # the state allows it, the visitor may not


def test_one_supplement_notice_ever(body, office):
    request = _in_status(body, office, S.RECEIVED)
    today = timezone.localdate()
    Supplement.objects.create(request=request, notified_on=today, items="x", deadline=today)
    assert A.SUPPLEMENT not in available_actions(request, office)


def test_a_pending_review_can_be_decided(body, office):
    request = _in_status(body, office, S.CLOSED)
    Remedy.objects.create(request=request, kind=Remedy.Kind.REVIEW, filed_on=request.received_on)
    assert available_actions(request, office) == [A.REMEDY, A.REMEDY_DECIDE]


def test_an_application_dropped_unconfirmed_has_no_reply_to_contest(body, office):
    request = _in_status(body, office, S.CLOSED)
    Request.objects.filter(pk=request.pk).update(outcome=None)
    request.refresh_from_db()
    assert available_actions(request, office) == []


@pytest.mark.parametrize("status", [S.SUBMITTED, S.RECEIVED, S.AWAITING_FEE, S.REPLIED])
def test_the_request_page_offers_the_available_actions(client, body, office, status):
    request = _in_status(body, office, status)
    client.force_login(office)
    page = client.get(reverse("foi:detail", args=[request.pk]))
    offered = [name for name, _label, _form in page.context["actions"]]
    assert offered == EXPECTED[status]
    for name in offered:
        assert reverse("foi:act", args=[request.pk, name]) in page.content.decode()
