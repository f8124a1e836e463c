"""Issue 11 points 1 and 2: acts of the running reply period, and one fee basis.

条例 art. 33 para. 2: an extension is given while the reply period runs ("需要延长答复期限的，
应当经政府信息公开工作机构负责人同意并告知申请人"). 国办函〔2020〕109号 art. 8: the fee notice goes
out within the reply period; art. 4: one application is charged per application or per page,
"择一适用". Dates by hand on the 2026 calendar (春节 2-15..2-23 off, Sat 2-14 and 2-28
worked; 中秋 9-25 off; 国庆 10-1..10-7 off, Sun 9-20 and Sat 10-10 worked).
"""

import pytest
from django.utils import translation

from gongkai.core.errors import ServiceError
from gongkai.foi.models import Channel, FeeNotice, Request, Status
from gongkai.foi.services import (
    request_confirm_receipt,
    request_extend,
    request_fee_notice,
    request_fee_paid,
    request_register,
    request_submit,
)
from gongkai.foi.tests.conftest import D, snapshot
from gongkai.foi.tests.factories import make_applicant

pytestmark = pytest.mark.django_db


def received(body, office, day):
    """A request received on ``day``: a letter, or (Spring Festival case) online."""
    if day == "2026-02-06":
        request = request_submit(
            organisation=body, applicant=make_applicant(), idempotency_key=f"k-{day}"
        ).request
        Request.objects.filter(pk=request.pk).update(submitted_at=f"{day}T09:00+08:00")
        request.refresh_from_db()
        return request_confirm_receipt(request=request, actor=office, confirmed_on=D(day))
    return request_register(
        actor=office,
        organisation=body,
        channel=Channel.LETTER,
        applicant=make_applicant(),
        received_on=D(day),
    )


# (received, reply due by hand, the last day an act is allowed, the day it is refused)
PERIODS = [
    # 9-24 → 9-28, 29, 30, 10-8, 9, Sat 10-10, 12–16, 19–23, 26–29: 20th is 10-29.
    ("2026-09-24", "2026-10-29", "2026-10-30", "2026年10月29日"),
    # 2-06 → 2-09..13, Sat 2-14, 2-24..27, Sat 2-28, 3-02..06, 3-09..12: 20th is 3-12.
    ("2026-02-06", "2026-03-12", "2026-03-13", "2026年3月12日"),
]


@pytest.mark.parametrize(("receipt", "due", "late", "due_text"), PERIODS)
def test_extension_only_while_the_reply_period_runs(body, office, receipt, due, late, due_text):
    request = received(body, office, receipt)
    assert request.reply_clock.due_on == D(due)
    before = snapshot(request, request.reply_clock)
    with translation.override("zh-hans"), pytest.raises(ServiceError) as caught:
        request_extend(
            request=request, actor=office, days=20, approved_by=office, reason="数量大", on=D(late)
        )
    assert caught.value.code == "reply_period_over"
    assert due_text in caught.value.message and request.code in caught.value.message
    assert "延期答复只能在答复期限内作出" in caught.value.message
    assert snapshot(request, request.reply_clock) == before
    request.refresh_from_db()
    assert request.status == Status.RECEIVED  # still running late: overdue, not extended
    # On the last day itself the extension is in time.
    request_extend(
        request=request, actor=office, days=20, approved_by=office, reason="数量大", on=D(due)
    )
    assert request.status == Status.EXTENDED


@pytest.mark.parametrize(("receipt", "due", "late", "due_text"), PERIODS)
def test_fee_notice_only_while_the_reply_period_runs(body, office, receipt, due, late, due_text):
    request = received(body, office, receipt)
    before = snapshot(request, request.reply_clock)
    with translation.override("zh-hans"), pytest.raises(ServiceError) as caught:
        request_fee_notice(
            request=request,
            actor=office,
            basis=FeeNotice.Basis.PER_PAGE,
            pages=120,
            sent_on=D(late),
        )
    assert caught.value.code == "reply_period_over"
    assert due_text in caught.value.message
    assert "收费通知只能在答复期限内作出" in caught.value.message
    assert snapshot(request, request.reply_clock) == before
    notice = request_fee_notice(
        request=request, actor=office, basis=FeeNotice.Basis.PER_PAGE, pages=120, sent_on=D(due)
    )
    # 109号 art. 4(1): 70 pages at 10 元 (31–100) + 20 pages at 20 元 (101–120) = 1100 元.
    assert (notice.quantity, notice.amount) == (120, 1100)


def test_an_extended_period_allows_a_fee_notice_until_its_new_end(body, office):
    request = received(body, office, "2026-09-24")
    request_extend(
        request=request,
        actor=office,
        days=5,
        approved_by=office,
        reason="数量大",
        on=D("2026-10-20"),
    )
    # 10-29 + 5 working days: 10-30, 11-02, 03, 04, 05.
    assert request.reply_clock.due_on == D("2026-11-05")
    with pytest.raises(ServiceError) as caught:
        request_fee_notice(
            request=request,
            actor=office,
            basis=FeeNotice.Basis.PER_PAGE,
            pages=40,
            sent_on=D("2026-11-06"),
        )
    assert caught.value.code == "reply_period_over"
    request_fee_notice(
        request=request,
        actor=office,
        basis=FeeNotice.Basis.PER_PAGE,
        pages=40,
        sent_on=D("2026-11-05"),
    )


# 109号 art. 4: "按件计收和按量计收…择一适用": the first notice fixes the basis.
BASES = [
    (FeeNotice.Basis.PER_PAGE, 150, FeeNotice.Basis.PER_APPLICATION, "按量计收"),
    (FeeNotice.Basis.PER_APPLICATION, 0, FeeNotice.Basis.PER_PAGE, "按件计收"),
]


@pytest.mark.parametrize(("first", "pages", "second", "label"), BASES)
def test_one_application_is_charged_on_one_basis(body, office, first, pages, second, label):
    request = received(body, office, "2026-09-24")
    if first == FeeNotice.Basis.PER_APPLICATION:
        # The 11th application of the month costs 100 元 (art. 4(2)): ten earlier ones.
        for _n in range(10):
            received(body, office, "2026-09-24")
        request.refresh_from_db()
        Request.objects.filter(pk=request.pk).update(received_on=D("2026-09-25"))
        request.refresh_from_db()
    request_fee_notice(
        request=request, actor=office, basis=first, pages=pages, sent_on=D("2026-09-28")
    )
    request_fee_paid(request=request, actor=office, paid_on=D("2026-09-30"))
    assert request.status == Status.RECEIVED
    before = snapshot(request, request.reply_clock)
    with translation.override("zh-hans"), pytest.raises(ServiceError) as caught:
        request_fee_notice(
            request=request, actor=office, basis=second, pages=150, sent_on=D("2026-10-08")
        )
    assert caught.value.code == "fee_basis_fixed"
    assert f"已按“{label}”计收" in caught.value.message
    assert snapshot(request, request.reply_clock) == before
    assert request.fee_notices.count() == 1
