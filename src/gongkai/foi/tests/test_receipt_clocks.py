"""Issue 11 point 3: periods that count from receipt of a letter, not from its sending.

条例 art. 32: the third party answers "自收到征求意见书之日起15个工作日内"; silence leaves the
decision to the body, and the reply period (art. 33: consultation time not counted) resumes.
国办函〔2020〕109号 art. 8: the applicant pays "自收到收费通知之次日起20个工作日内". The day of
receipt is the delivery date recorded on the letter; until then the date counts from sending
and is provisional. Dates by hand on the 2026 calendar (春节 2-15..2-23 off, Sat 2-14 and
2-28 worked; 中秋 9-25 off; 国庆 10-1..10-7 off, Sat 10-10 worked).
"""

import pytest
from django.urls import reverse

from gongkai.core.errors import ServiceError
from gongkai.core.models import Clock
from gongkai.foi.models import (
    Channel,
    Consultation,
    FeeNotice,
    LetterDelivery,
    LetterKind,
    Request,
    RequestEvent,
    Status,
)
from gongkai.foi.periodic import end_silent_consultations
from gongkai.foi.services import (
    consultation_due_is_provisional,
    consultations_end_silent,
    letter_generate,
    letter_record_delivery,
    request_confirm_receipt,
    request_consult,
    request_consult_answered,
    request_fee_notice,
    request_register,
    request_submit,
)
from gongkai.foi.tests.conftest import D
from gongkai.foi.tests.factories import make_applicant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def received(body, office, day, channel=Channel.LETTER):
    if channel == Channel.ONLINE:
        request = request_submit(
            organisation=body, applicant=make_applicant(), idempotency_key=f"k-{day}"
        ).request
        Request.objects.filter(pk=request.pk).update(submitted_at=f"{day}T09:00+08:00")
        request.refresh_from_db()
        return request_confirm_receipt(request=request, actor=office, confirmed_on=D(day))
    return request_register(
        actor=office,
        organisation=body,
        channel=channel,
        applicant=make_applicant(),
        received_on=D(day),
    )


def deliver(request, kind, day, office):
    letter = letter_generate(request=request, kind=kind, actor=office)
    return letter_record_delivery(
        letter=letter, delivered_on=D(day), method=LetterDelivery.POST, actor=office
    )


# (received, consultation sent, provisional due from sending, letter received, due from
#  receipt, the next working day the reply clock resumes on, the reply due after it)
THIRD_PARTY = [
    # National Day. From 9-28: 9-29, 30, 10-08, 09, Sat 10, 12–16, 19–23 → 15th 10-23.
    # From 9-30: 10-08, 09, Sat 10, 12–16, 19–23, 26, 27 → 15th 10-27; resumes 10-28.
    # Reply: received 9-24, 1 day spent (9-28, the pause day counts); 19 left from 10-28:
    # 10-28..30, 11-02..06, 09..13, 16..20, 23 → 11-23.
    ("2026-09-24", "2026-09-28", "2026-10-23", "2026-09-30", "2026-10-27", "2026-10-28",
     "2026-11-23"),
    # Spring Festival. Received 2-06 online; sent 2-10 (2 days spent: 2-09, 2-10).
    # From 2-10: 2-11, 12, 13, Sat 14, 24–27, Sat 28, 3-02..06, 09 → 15th 3-09.
    # From 2-12: 2-13, Sat 14, 24–27, Sat 28, 3-02..06, 09, 10, 11 → 15th 3-11; resumes 3-12.
    # Reply: 18 left from 3-12: 3-12, 13, 16..20, 23..27, 30, 31, 4-01..03, then 清明
    # 4-04..06 off → 18th 4-07.
    ("2026-02-06", "2026-02-10", "2026-03-09", "2026-02-12", "2026-03-11", "2026-03-12",
     "2026-04-07"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("receipt", "sent", "provisional", "delivered", "due", "resumes", "reply_due"), THIRD_PARTY
)
def test_third_party_period_counts_from_receipt_and_ends_by_itself(
    body, office, receipt, sent, provisional, delivered, due, resumes, reply_due
):
    channel = Channel.ONLINE if receipt.startswith("2026-02") else Channel.LETTER
    request = received(body, office, receipt, channel)
    consultation = request_consult(
        request=request,
        actor=office,
        kind=Consultation.Kind.THIRD_PARTY,
        party="某某运输有限公司",
        sent_on=D(sent),
    )
    assert consultation.answer_due == D(provisional)
    assert consultation_due_is_provisional(consultation) is True
    # The job leaves a provisional period alone, even after its provisional end; staff
    # cannot end it as silent either.
    assert consultations_end_silent(on=D(due)) == 0
    with pytest.raises(ServiceError) as caught:
        request_consult_answered(request=request, actor=office, answered_on=D(due), is_silent=True)
    assert caught.value.code == "notice_receipt_unknown"
    deliver(request, LetterKind.THIRD_PARTY, delivered, office)
    consultation.refresh_from_db()
    assert (consultation.notice_received_on, consultation.answer_due) == (D(delivered), D(due))
    assert consultation_due_is_provisional(consultation) is False
    assert consultation.clock.due_on == D(due)
    # On the last day the period still runs; the next day the sweep ends it.
    assert consultations_end_silent(on=D(due)) == 0
    assert consultations_end_silent(on=D(resumes)) == 1
    assert consultations_end_silent(on=D(resumes)) == 0  # idempotent
    consultation.refresh_from_db()
    request.refresh_from_db()
    assert (consultation.answered_on, consultation.is_silent) == (D(due), True)
    assert consultation.clock.state == Clock.State.STOPPED
    assert request.status == Status.RECEIVED
    assert (request.reply_clock.state, request.reply_clock.due_on) == (
        Clock.State.RUNNING,
        D(reply_due),
    )
    event = request.events.get(type=RequestEvent.Type.CONSULTATION_ENDED)
    assert event.actor is None  # no staff action
    assert event.payload["answer_due"] == due and event.payload["resumes_on"] == resumes


def test_the_timeline_says_when_the_reply_period_resumes(client, body, office):
    request = received(body, office, "2026-09-24")
    request_consult(
        request=request,
        actor=office,
        kind=Consultation.Kind.THIRD_PARTY,
        party="甲公司",
        sent_on=D("2026-09-28"),
    )
    page = client
    page.force_login(office)
    text = page.get(reverse("foi:detail", args=[request.pk])).content.decode()
    assert "暂定：征求意见函的送达日期尚未登记" in text
    deliver(request, LetterKind.THIRD_PARTY, "2026-09-30", office)
    assert end_silent_consultations() == "1"  # the periodic job itself (today is later)
    text = page.get(reverse("foi:detail", args=[request.pk])).content.decode()
    assert "征求意见期限于2026-10-27届满，对方未提出意见；答复期限自2026-10-28起恢复计算" in text


def test_other_agency_counts_from_sending(body, office):
    # Art. 34: another agency, reached through the government's own exchange: not provisional.
    request = received(body, office, "2026-09-24")
    consultation = request_consult(
        request=request,
        actor=office,
        kind=Consultation.Kind.OTHER_AGENCY,
        party="市财政局",
        sent_on=D("2026-09-28"),
    )
    assert consultation_due_is_provisional(consultation) is False
    assert consultation.answer_due == D("2026-10-23")
    assert consultations_end_silent(on=D("2026-10-26")) == 1
    request.refresh_from_db()
    assert request.status == Status.RECEIVED


# (received, notice sent, provisional due from sending, notice received, due from receipt)
PAYMENT = [
    # From 2-11: 2-12, 13, Sat 14, 24–27, Sat 28, 3-02..06, 09..13, 16, 17 → 20th 3-17.
    # From 2-13: Sat 14, 24–27, Sat 28, 3-02..06, 09..13, 16..19 → 20th 3-19.
    ("2026-02-06", "2026-02-11", "2026-03-17", "2026-02-13", "2026-03-19"),
    # From 9-28: 9-29, 30, 10-08, 09, Sat 10, 12–16, 19–23, 26–30 → 20th 10-30.
    # From 10-08: 10-09, Sat 10, 12–16, 19–23, 26–30, 11-02, 03, 04 → 20th 11-04.
    ("2026-09-24", "2026-09-28", "2026-10-30", "2026-10-08", "2026-11-04"),
]


@pytest.mark.parametrize(("receipt", "sent", "provisional", "delivered", "due"), PAYMENT)
def test_payment_period_counts_from_receipt_of_the_notice(
    body, office, receipt, sent, provisional, delivered, due
):
    channel = Channel.ONLINE if receipt.startswith("2026-02") else Channel.LETTER
    request = received(body, office, receipt, channel)
    notice = request_fee_notice(
        request=request, actor=office, basis=FeeNotice.Basis.PER_PAGE, pages=40, sent_on=D(sent)
    )
    assert (notice.notice_received_on, notice.payment_due) == (None, D(provisional))
    deliver(request, LetterKind.FEE, delivered, office)
    notice.refresh_from_db()
    assert (notice.notice_received_on, notice.payment_due) == (D(delivered), D(due))
    event = request.events.get(type=RequestEvent.Type.LETTER_DELIVERED)
    assert event.payload["payment_due"] == due
