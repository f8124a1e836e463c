"""The yearly report's transition module, table-driven: every status and sign-off stage × every
kind of person (expectations written out here, independently of ``transitions.py``)."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from gongkai.core.models import Role
from gongkai.core.tests.factories import make_staff
from gongkai.reports.models import Status, YearlyReport
from gongkai.reports.transitions import ACTIONS, TRANSITIONS, report_actions

WHEN = dt.datetime(2025, 1, 10, 9, tzinfo=dt.UTC)

# stage -> (status, sign-off requested, signed off)
STAGES = {
    "draft": (Status.DRAFT, False, False),
    "submitted": (Status.DRAFT, True, False),
    "signed_off": (Status.DRAFT, True, True),
    "published": (Status.PUBLISHED, True, True),
}

# stage -> person -> actions; handlers, reviewers, the public and anonymous visitors: none.
EXPECTED = {
    "draft": {"office": {"edit", "request_sign_off"}, "admin": {"edit", "request_sign_off"}},
    "submitted": {"office": {"edit"}, "admin": {"edit"}, "leader": {"sign_off"}},
    "signed_off": {"office": {"edit", "publish"}, "admin": {"edit", "publish"}},
    "published": {},
}
PEOPLE = ("anonymous", "public", "handler", "reviewer", "leader", "office", "admin")


@pytest.fixture
def people(body, unit, django_user_model):
    return {
        "anonymous": AnonymousUser(),
        "public": django_user_model.objects.create_user("citizen"),
        "handler": make_staff(body, roles=[Role.HANDLER], units=[unit]),
        "reviewer": make_staff(body, roles=[Role.REVIEWER]),
        "leader": make_staff(body, roles=[Role.LEADER]),
        "office": make_staff(body, roles=[Role.OFFICE]),
        "admin": make_staff(body, roles=[Role.ADMIN]),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("stage", list(STAGES))
def test_report_actions(people, body, stage):
    status, requested, signed = STAGES[stage]
    report = YearlyReport(
        organisation=body,
        year=2024,
        status=status,
        sign_off_requested_at=WHEN if requested else None,
        signed_off_at=WHEN if signed else None,
        published_at=WHEN if status == Status.PUBLISHED else None,
    )
    found = {who: report_actions(report, user) for who, user in people.items()}
    assert found == {who: EXPECTED[stage].get(who, set()) for who in PEOPLE}


def test_every_status_has_a_row_and_every_move_an_action():
    assert set(TRANSITIONS) == set(Status.values)
    moves = {(s, a.target) for a in ACTIONS if a.target is not None for s in a.sources}
    assert moves == {(s, t) for s, targets in TRANSITIONS.items() for t in targets}
