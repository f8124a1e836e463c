"""Processing fees through the services (国办函〔2020〕109号; RULES.md "Processing fees")."""

import pytest

from gongkai.core.errors import ServiceError
from gongkai.core.models import Clock
from gongkai.foi.models import Channel, FeeNotice, LetterDelivery, LetterKind, Status
from gongkai.foi.services import (
    letter_generate,
    letter_record_delivery,
    request_fee_lapsed,
    request_fee_notice,
    request_fee_paid,
    request_register,
)
from gongkai.foi.tests.conftest import D, snapshot
from gongkai.foi.tests.factories import RequestFactory, make_applicant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def nth_request_of_october(body, office, n):
    """The applicant's n-th request received in October 2026 (n - 1 earlier ones on 10-08)."""
    applicant = make_applicant()
    RequestFactory.create_batch(
        n - 1, organisation=body, id_number=applicant.id_number, received_on=D("2026-10-08")
    )
    RequestFactory(
        organisation=body, id_number=applicant.id_number, received_on=D("2026-09-30")
    )  # another month: not counted
    return request_register(
        actor=office,
        organisation=body,
        channel=Channel.LETTER,
        applicant=applicant,
        received_on=D("2026-10-09"),
    )


def test_fee_notice_then_non_payment_is_abandoned(body, office):
    request = nth_request_of_october(body, office, 11)
    notice = request_fee_notice(
        request=request,
        actor=office,
        basis=FeeNotice.Basis.PER_APPLICATION,
        sent_on=D("2026-10-12"),
    )
    # The 11th application of the month: "11—30件…100元/件".
    assert (notice.quantity, notice.amount) == (11, 100)
    # 20 working days to pay from 10-12: 10-13..11-09.
    assert notice.payment_due == D("2026-11-09")
    assert notice.paused_reply_clock is True
    assert request.status == Status.AWAITING_FEE
    assert request.reply_clock.state == Clock.State.PAUSED
    before = snapshot(request, notice)
    # The period counts from receipt of the notice: no lapse while that day is unknown.
    with pytest.raises(ServiceError) as caught:
        request_fee_lapsed(request=request, actor=office, on=D("2026-11-10"))
    assert caught.value.code == "notice_receipt_unknown"
    assert snapshot(request, notice) == before
    letter = letter_generate(request=request, kind=LetterKind.FEE, actor=office)
    letter_record_delivery(
        letter=letter, delivered_on=D("2026-10-12"), method=LetterDelivery.IN_PERSON, actor=office
    )
    notice.refresh_from_db()
    assert (notice.notice_received_on, notice.payment_due) == (D("2026-10-12"), D("2026-11-09"))
    before = snapshot(request, notice)
    with pytest.raises(ServiceError) as caught:
        request_fee_lapsed(request=request, actor=office, on=D("2026-11-09"))
    assert caught.value.code == "payment_period_running"
    assert snapshot(request, notice) == before
    request_fee_lapsed(request=request, actor=office, on=D("2026-11-10"))
    request.refresh_from_db()
    notice.refresh_from_db()
    assert (request.status, request.outcome) == (Status.CLOSED, "other.no_fee")
    assert notice.lapsed_on == D("2026-11-10")
    assert request.reply_clock.state == Clock.State.STOPPED
    assert notice.clock.state == Clock.State.STOPPED


@pytest.mark.parametrize(("n", "amount"), [(11, 100), (30, 100), (31, 200), (41, 300)])
def test_per_application_fee_counts_the_calendar_month(body, office, n, amount):
    request = nth_request_of_october(body, office, n)
    notice = request_fee_notice(
        request=request,
        actor=office,
        basis=FeeNotice.Basis.PER_APPLICATION,
        sent_on=D("2026-10-12"),
    )
    assert (notice.quantity, notice.amount) == (n, amount)


def test_no_notice_when_nothing_is_due(body, office):
    request = nth_request_of_october(body, office, 10)
    before = snapshot(request, request.reply_clock)
    with pytest.raises(ServiceError) as caught:
        request_fee_notice(
            request=request,
            actor=office,
            basis=FeeNotice.Basis.PER_APPLICATION,
            sent_on=D("2026-10-12"),
        )
    assert caught.value.code == "no_fee_due"
    assert snapshot(request, request.reply_clock) == before
    assert FeeNotice.objects.count() == 0


def test_per_page_fee_paid_resumes_the_reply_clock(body, office):
    request = nth_request_of_october(body, office, 1)
    notice = request_fee_notice(
        request=request,
        actor=office,
        basis=FeeNotice.Basis.PER_PAGE,
        pages=201,
        sent_on=D("2026-10-12"),
    )
    assert (notice.quantity, notice.amount) == (201, 2740)
    request_fee_paid(request=request, actor=office, paid_on=D("2026-10-16"))
    # 2 working days spent before the notice (Sat 10-10, 10-12); 18 from 10-16: 11-11.
    assert (request.status, request.reply_clock.due_on) == (Status.RECEIVED, D("2026-11-11"))


def test_fee_notice_need_not_pause_when_configured(body, office, settings):
    settings.GONGKAI_FOI_FEE_PAUSES_CLOCK = False
    request = nth_request_of_october(body, office, 1)
    due = request.reply_clock.due_on
    notice = request_fee_notice(
        request=request,
        actor=office,
        basis=FeeNotice.Basis.PER_PAGE,
        pages=31,
        sent_on=D("2026-10-12"),
    )
    assert (notice.amount, notice.paused_reply_clock) == (10, False)
    assert (request.reply_clock.state, request.reply_clock.due_on) == (Clock.State.RUNNING, due)
    request_fee_paid(request=request, actor=office, paid_on=D("2026-10-16"))
    assert request.reply_clock.due_on == due
