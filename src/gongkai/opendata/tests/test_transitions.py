"""The data request's table and the actions each page offers (``opendata.transitions``)."""

import pytest

from gongkai.core.errors import ServiceError
from gongkai.opendata.models import DataRequest
from gongkai.opendata.transitions import (
    TRANSITIONS,
    Action,
    Status,
    applicant_actions,
    available_actions,
    check_transition,
)


def test_a_decision_is_final():
    assert TRANSITIONS == {
        Status.PENDING: {Status.APPROVED, Status.REFUSED},
        Status.APPROVED: set(),
        Status.REFUSED: set(),
    }
    with pytest.raises(ServiceError) as refused:
        check_transition(DataRequest(status=Status.REFUSED), Status.APPROVED)
    assert refused.value.code == "already_decided"


@pytest.mark.parametrize(
    ("status", "key", "expected"),
    [
        (Status.PENDING, "", set()),
        (Status.APPROVED, "plain-key", {Action.COLLECT}),
        (Status.APPROVED, "", set()),  # collected once: gone
        (Status.REFUSED, "", set()),
    ],
)
def test_the_follow_up_page_offers_the_key_once(status, key, expected):
    assert applicant_actions(DataRequest(status=status, key_to_collect=key)) == expected


@pytest.mark.django_db
def test_only_the_office_decides_and_only_a_pending_request(office, handler):
    pending, decided = DataRequest(status=Status.PENDING), DataRequest(status=Status.APPROVED)
    assert available_actions(pending, office) == {Action.DECIDE}
    assert available_actions(decided, office) == set()
    assert available_actions(pending, handler) == set()
