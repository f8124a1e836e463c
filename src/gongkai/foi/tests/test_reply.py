"""Replies (条例 art. 36): every outcome is one leaf of the yearly report's section 三."""

import pytest
from django.contrib.auth.models import AnonymousUser

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Role
from gongkai.core.tests.factories import UserFactory, make_staff
from gongkai.foi.models import OUTCOME_CHOICES, Channel, Remedy, Request, Status
from gongkai.foi.services import (
    outcome_needs_basis,
    remedy_decide,
    remedy_record,
    request_close,
    request_register,
    request_reply,
)
from gongkai.foi.services.reply import LAPSE_OUTCOMES
from gongkai.foi.tests.conftest import D, snapshot
from gongkai.foi.tests.factories import make_applicant
from gongkai.reports.format import OUTCOME_LEAVES

pytestmark = pytest.mark.django_db

REPLY_OUTCOMES = [code for code in OUTCOME_LEAVES if code not in LAPSE_OUTCOMES]


def letter(body, office):
    return request_register(
        actor=office,
        organisation=body,
        channel=Channel.LETTER,
        applicant=make_applicant(),
        received_on=D("2026-09-24"),
    )


def test_outcome_choices_are_exactly_the_report_leaves():
    assert [code for code, _label in OUTCOME_CHOICES] == list(OUTCOME_LEAVES)
    labels = dict(OUTCOME_CHOICES)
    assert labels["granted"] == "（一）予以公开"
    assert labels["withheld.state_secret"] == "（三）不予公开1.属于国家秘密"
    assert labels["other.no_fee"].startswith("（六）其他处理2.")


@pytest.mark.parametrize("outcome", REPLY_OUTCOMES)
def test_each_reply_outcome_is_stored_as_its_leaf(body, office, outcome):
    request = letter(body, office)
    request_reply(
        request=request,
        actor=office,
        outcome=outcome,
        legal_basis="条例第三十六条",
        replied_on=D("2026-10-20"),
    )
    stored = Request.objects.get(pk=request.pk)
    assert (stored.status, stored.outcome) == (Status.REPLIED, outcome)
    assert OUTCOME_LEAVES.count(stored.outcome) == 1
    assert stored.reply_clock.is_overdue_when_stopped is False


@pytest.mark.parametrize("outcome", [o for o in REPLY_OUTCOMES if outcome_needs_basis(o)])
def test_reasoned_outcomes_need_their_legal_basis(body, office, outcome):
    request = letter(body, office)
    before = snapshot(request, request.reply_clock)
    with pytest.raises(ServiceError) as caught:
        request_reply(
            request=request,
            actor=office,
            outcome=outcome,
            legal_basis=" ",
            replied_on=D("2026-10-20"),
        )
    assert caught.value.code == "legal_basis_required"
    assert snapshot(request, request.reply_clock) == before


def test_basis_rule_covers_groups():
    assert [o for o in REPLY_OUTCOMES if not outcome_needs_basis(o)] == ["granted", "other.other"]


@pytest.mark.parametrize("outcome", [*LAPSE_OUTCOMES, "withheld", "nonsense"])
def test_lapse_and_group_codes_are_not_reply_outcomes(body, office, outcome):
    request = letter(body, office)
    with pytest.raises(ServiceError) as caught:
        request_reply(
            request=request,
            actor=office,
            outcome=outcome,
            legal_basis="x",
            replied_on=D("2026-10-20"),
        )
    assert caught.value.code == "invalid_outcome"
    assert Request.objects.get(pk=request.pk).outcome is None


def test_late_reply_is_recorded_as_overdue(body, office):
    request = letter(body, office)
    request_reply(request=request, actor=office, outcome="granted", replied_on=D("2026-10-30"))
    assert request.reply_clock.is_overdue_when_stopped is True
    assert request.events.last().payload["on_time"] is False


def test_close_and_remedy(body, office):
    request = letter(body, office)
    request_reply(
        request=request,
        actor=office,
        outcome="unable.not_held",
        legal_basis="经检索没有所申请信息",
        replied_on=D("2026-10-20"),
    )
    request_close(request=request, actor=office)
    assert request.status == Status.CLOSED
    remedy = remedy_record(
        request=request, actor=office, kind=Remedy.Kind.REVIEW, filed_on=D("2026-11-02")
    )
    assert remedy.result == Remedy.Result.PENDING
    remedy_decide(
        remedy=remedy, actor=office, result=Remedy.Result.UPHELD, decided_on=D("2026-11-20")
    )
    with pytest.raises(ServiceError) as caught:
        remedy_decide(
            remedy=remedy, actor=office, result=Remedy.Result.CORRECTED, decided_on=D("2026-11-21")
        )
    assert caught.value.code == "already_decided"
    remedy.refresh_from_db()
    assert (remedy.result, remedy.decided_on) == (Remedy.Result.UPHELD, D("2026-11-20"))
    with pytest.raises(ServiceError) as caught:
        request_close(request=request, actor=office)
    assert caught.value.code == "invalid_transition"


def test_only_openness_staff_reply(body, office, unit):
    request = letter(body, office)
    anonymous, public = AnonymousUser(), UserFactory()
    staff_without_role = make_staff(body, roles=[])
    for actor in (None, anonymous, public, staff_without_role):
        before = snapshot(request, request.reply_clock)
        with pytest.raises(PermissionDeniedError) as caught:
            request_reply(
                request=request, actor=actor, outcome="granted", replied_on=D("2026-10-20")
            )
        assert (caught.value.code, caught.value.status) == ("staff_only", 403)
        assert snapshot(request, request.reply_clock) == before
    handler = make_staff(body, roles=[Role.HANDLER], units=[unit])
    request_reply(request=request, actor=handler, outcome="granted", replied_on=D("2026-10-20"))
    assert request.status == Status.REPLIED
