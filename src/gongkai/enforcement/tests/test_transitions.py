"""The decision's transition table: the moves each person is offered, and the refusals."""

import datetime as dt

import pytest

from gongkai.core.errors import ServiceError
from gongkai.enforcement import services
from gongkai.enforcement.law import Withdrawal
from gongkai.enforcement.tests.factories import fields, make_decision
from gongkai.enforcement.transitions import DecisionStatus, Move, check, decision_actions

pytestmark = pytest.mark.django_db


def test_a_draft_offers_correction_to_units_and_publication_to_the_office(
    office, handler, body, agency
):
    draft = make_decision(office, body, agency, publish=False)
    assert decision_actions(draft, office) == {Move.UPDATE, Move.PUBLISH}
    assert decision_actions(draft, handler) == {Move.UPDATE}


def test_a_published_decision_offers_only_withdrawal_to_the_office(office, handler, body, agency):
    published = make_decision(office, body, agency)
    assert published.status == DecisionStatus.PUBLISHED
    assert decision_actions(published, office) == {Move.WITHDRAW}
    assert decision_actions(published, handler) == set()


def test_a_withdrawn_decision_offers_nothing(office, body, agency):
    published = make_decision(office, body, agency)
    withdrawn = services.decision_withdraw(
        actor=office, decision=published, withdrawal=Withdrawal.REVOKED,
        withdrawn_on=dt.date(2026, 7, 20), reason="经行政复议决定撤销",
    )  # fmt: skip
    assert withdrawn.status == DecisionStatus.WITHDRAWN
    assert decision_actions(withdrawn, office) == set()


def test_a_move_from_the_wrong_status_is_refused_with_its_own_message(office, body, agency):
    published = make_decision(office, body, agency)
    assert check(Move.WITHDRAW, published).target == DecisionStatus.WITHDRAWN
    with pytest.raises(ServiceError) as refused:
        check(Move.PUBLISH, published)
    assert refused.value.code == "not_draft"
    with pytest.raises(ServiceError) as refused:
        services.decision_update(actor=office, decision=published, fields=fields(agency))
    assert refused.value.code == "not_draft"
