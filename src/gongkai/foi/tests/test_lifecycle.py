"""Whole lifecycles across the 2026 holidays (春节 2-15..2-23 with Sat 2-14 and 2-28 worked;
中秋 9-25..9-27; 国庆 10-1..10-7 with Sun 9-20 and Sat 10-10 worked)."""

import pytest

from gongkai.core.errors import ServiceError
from gongkai.core.models import Clock, ClockEvent, LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.foi.models import Channel, Consultation, Request, RequestEvent, Status
from gongkai.foi.selectors import request_working_days_spent
from gongkai.foi.services import (
    request_confirm_receipt,
    request_consult,
    request_consult_answered,
    request_extend,
    request_register,
    request_reply,
    request_submit,
    request_supplement,
    request_supplement_lapsed,
    request_supplement_received,
)
from gongkai.foi.tests.conftest import D, snapshot
from gongkai.foi.tests.factories import make_applicant

pytestmark = pytest.mark.django_db


def online_request(body, office, received="2026-02-06"):
    request = request_submit(
        organisation=body, applicant=make_applicant(), idempotency_key=f"k-{received}"
    ).request
    Request.objects.filter(pk=request.pk).update(submitted_at=f"{received}T09:00+08:00")
    request.refresh_from_db()
    return request_confirm_receipt(request=request, actor=office, confirmed_on=D(received))


def letter(body, office, received="2026-09-24"):
    return request_register(
        actor=office,
        organisation=body,
        channel=Channel.LETTER,
        applicant=make_applicant(),
        received_on=D(received),
    )


def test_supplement_then_reply_across_spring_festival(body, office):
    request = online_request(body, office)
    # 条例 art. 30: within 7 working days of 2-06: 2-09..2-13, Sat 2-14, then 2-24 (7th).
    supplement = request_supplement(
        request=request,
        actor=office,
        items="请写明文件名称",
        deadline=D("2026-03-10"),
        notified_on=D("2026-02-24"),
    )
    assert request.status == Status.AWAITING_SUPPLEMENT
    assert (request.reply_clock.state, request.reply_clock.due_on) == (Clock.State.PAUSED, None)
    request_supplement_received(request=request, actor=office, received_on=D("2026-03-02"))
    supplement.refresh_from_db()
    assert supplement.received_on == D("2026-03-02")
    # The period counts anew from 3-02: 3-03..3-30 is 20 working days.
    assert (request.status, request.reply_clock.due_on) == (Status.RECEIVED, D("2026-03-30"))
    request_reply(request=request, actor=office, outcome="granted", replied_on=D("2026-03-20"))
    request.refresh_from_db()
    assert (request.status, request.outcome, request.replied_on) == (
        Status.REPLIED,
        "granted",
        D("2026-03-20"),
    )
    assert request.reply_clock.state == Clock.State.STOPPED
    assert request_working_days_spent(request) == 14
    assert list(request.events.values_list("type", flat=True)) == [
        "submitted",
        "received",
        "supplement_requested",
        "supplement_received",
        "replied",
    ]


def test_supplement_after_seven_working_days_is_refused(body, office):
    request = online_request(body, office)
    before = snapshot(request, request.reply_clock)
    with pytest.raises(ServiceError) as caught:
        request_supplement(
            request=request,
            actor=office,
            items="x",
            deadline=D("2026-03-10"),
            notified_on=D("2026-02-25"),
        )
    assert caught.value.code == "supplement_too_late"
    assert snapshot(request, request.reply_clock) == before
    assert request.supplements.count() == 0


def test_supplement_only_once(body, office):
    request = online_request(body, office)
    request_supplement(
        request=request,
        actor=office,
        items="x",
        deadline=D("2026-03-10"),
        notified_on=D("2026-02-09"),
    )
    request_supplement_received(request=request, actor=office, received_on=D("2026-02-10"))
    before = snapshot(request, request.reply_clock)
    with pytest.raises(ServiceError) as caught:
        request_supplement(
            request=request,
            actor=office,
            items="y",
            deadline=D("2026-03-10"),
            notified_on=D("2026-02-11"),
        )
    assert caught.value.code == "supplement_once"
    assert snapshot(request, request.reply_clock) == before


def test_supplement_lapsed_closes_as_abandoned(body, office):
    request = online_request(body, office)
    request_supplement(
        request=request,
        actor=office,
        items="x",
        deadline=D("2026-03-10"),
        notified_on=D("2026-02-09"),
    )
    with pytest.raises(ServiceError) as caught:
        request_supplement_lapsed(request=request, actor=office, on=D("2026-03-10"))
    assert caught.value.code == "deadline_not_passed"
    request_supplement_lapsed(request=request, actor=office, on=D("2026-03-11"))
    request.refresh_from_db()
    assert (request.status, request.outcome) == (Status.CLOSED, "other.no_supplement")
    assert request.reply_clock.state == Clock.State.STOPPED


def test_third_party_then_reply_across_national_day(body, office):
    request = letter(body, office)
    assert request.reply_clock.due_on == D("2026-10-29")
    consultation = request_consult(
        request=request,
        actor=office,
        kind=Consultation.Kind.THIRD_PARTY,
        party="某公司",
        sent_on=D("2026-09-29"),
    )
    # 条例 art. 32: 15 working days from 9-29: 9-30, 10-8, 10-9, Sat 10-10, 10-12..10-26.
    assert consultation.answer_due == D("2026-10-26")
    assert consultation.clock.rule == "foi_third_party"
    assert request.status == Status.IN_CONSULTATION
    assert request.reply_clock.state == Clock.State.PAUSED
    request_consult_answered(
        request=request,
        actor=office,
        answered_on=D("2026-10-14"),
        has_objection=True,
        objection_reasons="涉及商业秘密",
    )
    # 2 working days were spent before the pause (9-28, 9-29); 18 remain from 10-14.
    assert (request.status, request.reply_clock.due_on) == (Status.RECEIVED, D("2026-11-09"))
    consultation.refresh_from_db()
    assert (consultation.has_objection, consultation.clock.state) == (True, Clock.State.STOPPED)
    request_reply(
        request=request,
        actor=office,
        outcome="withheld.third_party",
        legal_basis="条例第十五条",
        replied_on=D("2026-11-05"),
    )
    assert request.status == Status.REPLIED
    assert request_working_days_spent(request) == 18


def test_silent_other_agency_only_after_its_period(body, office):
    request = letter(body, office)
    request_consult(
        request=request,
        actor=office,
        kind=Consultation.Kind.OTHER_AGENCY,
        party="市财政局",
        sent_on=D("2026-09-29"),
    )
    with pytest.raises(ServiceError) as caught:
        request_consult_answered(
            request=request, actor=office, answered_on=D("2026-10-26"), is_silent=True
        )
    assert caught.value.code == "answer_period_running"
    consultation = request_consult_answered(
        request=request, actor=office, answered_on=D("2026-10-27"), is_silent=True
    )
    assert consultation.is_silent is True
    assert request.status == Status.RECEIVED


def test_extension_once_by_the_office_at_most_twenty_days(body, office, unit):
    request = letter(body, office)
    handler = make_staff(body, roles=[Role.HANDLER], units=[unit])
    before = snapshot(request, request.reply_clock)
    refusals = [
        ({"days": 5, "approved_by": handler}, "approver_not_office"),
        ({"days": 5, "approved_by": make_staff(body, roles=[Role.LEADER])}, "approver_not_office"),
        ({"days": 21, "approved_by": office}, "extension_too_long"),  # art. 33: ≤ 20
        ({"days": 0, "approved_by": office}, "extension_too_long"),
    ]
    for kwargs, code in refusals:
        with pytest.raises(ServiceError) as caught:
            request_extend(
                request=request, actor=handler, reason="数量较大", on=D("2026-10-20"), **kwargs
            )
        assert caught.value.code == code
        assert snapshot(request, request.reply_clock) == before
    request_extend(
        request=request,
        actor=handler,
        days=20,
        approved_by=office,
        reason="数量较大",
        on=D("2026-10-20"),
    )
    # 10-29 + 20 working days: 10-30, 11-2..11-26.
    assert (request.status, request.reply_clock.due_on) == (Status.EXTENDED, D("2026-11-26"))
    before = snapshot(request, request.reply_clock)
    with pytest.raises(ServiceError) as caught:
        request_extend(
            request=request,
            actor=handler,
            days=1,
            approved_by=office,
            reason="再次",
            on=D("2026-10-21"),
        )
    assert caught.value.code == "already_extended"
    assert snapshot(request, request.reply_clock) == before
    assert ClockEvent.objects.filter(kind="extend").count() == 1


def test_approver_of_another_body_is_refused(body, office):
    request = letter(body, office)
    stranger = make_staff(OrganisationFactory(), roles=[Role.OFFICE])
    with pytest.raises(ServiceError) as caught:
        request_extend(
            request=request,
            actor=office,
            days=5,
            approved_by=stranger,
            reason="x",
            on=D("2026-10-20"),
        )
    assert caught.value.code == "approver_not_office"


def test_consultation_after_extension_returns_to_extended(body, office):
    request = letter(body, office)
    request_extend(
        request=request, actor=office, days=10, approved_by=office, reason="x", on=D("2026-10-20")
    )
    request_consult(
        request=request,
        actor=office,
        kind=Consultation.Kind.OTHER_AGENCY,
        party="市财政局",
        sent_on=D("2026-10-21"),
    )
    request_consult_answered(request=request, actor=office, answered_on=D("2026-10-23"))
    assert request.status == Status.EXTENDED


def test_refused_transition_writes_nothing(body, office):
    request = request_submit(
        organisation=body, applicant=make_applicant(), idempotency_key="k"
    ).request
    ledger, events = LedgerEntry.objects.count(), RequestEvent.objects.count()
    with pytest.raises(ServiceError) as caught:
        request_reply(request=request, actor=office, outcome="granted")
    assert caught.value.code == "invalid_transition"
    request.refresh_from_db()
    assert (request.status, request.outcome) == (Status.SUBMITTED, None)
    assert (LedgerEntry.objects.count(), RequestEvent.objects.count()) == (ledger, events)


def test_acts_cannot_precede_receipt(body, office):
    request = letter(body, office)
    before = snapshot(request, request.reply_clock)
    with pytest.raises(ServiceError) as caught:
        request_reply(request=request, actor=office, outcome="granted", replied_on=D("2026-09-23"))
    assert caught.value.code == "date_before_receipt"
    assert snapshot(request, request.reply_clock) == before
