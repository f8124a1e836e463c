"""A check's statuses and the "check now" button (``monitor.transitions``)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from gongkai.core.errors import ServiceError
from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.monitor.models import Run
from gongkai.monitor.transitions import (
    Action,
    Status,
    available_actions,
    check_transition,
    is_failed,
    is_open,
)


def test_a_finished_check_stays_finished():
    check_transition(Run(status=Status.QUEUED), Status.RUNNING)
    check_transition(Run(status=Status.RUNNING), Status.FAILED)
    with pytest.raises(ServiceError):
        check_transition(Run(status=Status.DONE), Status.RUNNING)
    assert is_failed(Run(status=Status.FAILED)) and not is_failed(None)
    assert is_open(Run(status=Status.RUNNING)) and not is_open(Run(status=Status.DONE))


@pytest.mark.django_db
def test_check_now_only_while_no_check_is_open():
    office = make_staff(OrganisationFactory(), roles=[Role.OFFICE], username="office")
    assert available_actions(None, office) == {Action.RUN_NOW}
    assert available_actions(Run(status=Status.DONE), office) == {Action.RUN_NOW}
    assert available_actions(Run(status=Status.QUEUED), office) == set()
    assert available_actions(None, AnonymousUser()) == set()
