"""Issue 11 point 7: 条例 art. 35, clearly excessive requests.

"可以要求申请人说明理由。行政机关认为申请理由不合理的，告知申请人不予处理；行政机关认为申请理由合理，
但是无法在本条例第三十三条规定的期限内答复申请人的，可以确定延迟答复的合理期限并告知申请人。"
Not handled maps to report row 三（五）4 无正当理由大量反复申请. Dates by hand on the 2026
calendar (春节 2-15..2-23 off, Sat 2-14 and 2-28 worked; 国庆 10-1..10-7 off, Sat 10-10 worked).
"""

import pytest

from gongkai.core.errors import ServiceError
from gongkai.foi.letters import render
from gongkai.foi.models import Channel, LetterKind, Request, Status
from gongkai.foi.services import (
    letter_generate,
    request_confirm_receipt,
    request_reasons_ask,
    request_reasons_decide,
    request_register,
    request_submit,
)
from gongkai.foi.tests.conftest import D, snapshot
from gongkai.foi.tests.factories import make_applicant
from gongkai.reports.format import row

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def received(body, office, day):
    if day.startswith("2026-02"):
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


def asked(body, office, receipt, on, deadline):
    request = received(body, office, receipt)
    request_reasons_ask(
        request=request,
        actor=office,
        grounds="同一申请人本月已提交120件申请",
        deadline=D(deadline),
        asked_on=D(on),
    )
    return request


def test_the_massive_outcome_is_report_row_three_five_four():
    assert row("not_processed.massive").label == "4.无正当理由大量反复申请"
    assert row(row("not_processed.massive").parent).label == "（五）不予处理"


@pytest.mark.parametrize(
    ("answered_on", "answer", "basis"),
    [
        ("2026-10-12", "我要研究", "申请人说明的理由不合理：我要研究"),
        (None, "", "申请人未在2026年10月13日前说明理由。"),
    ],
)
def test_unreasonable_or_no_reasons_end_in_not_handled(body, office, answered_on, answer, basis):
    request = asked(body, office, "2026-09-24", "2026-09-29", "2026-10-13")
    assert request.status == Status.AWAITING_REASONS
    if answered_on is None:  # no reasons: only after the deadline
        before = snapshot(request, request.reply_clock)
        with pytest.raises(ServiceError) as caught:
            request_reasons_decide(
                request=request, actor=office, is_reasonable=False, decided_on=D("2026-10-13")
            )
        assert caught.value.code == "reasons_period_running"
        assert snapshot(request, request.reply_clock) == before
    request_reasons_decide(
        request=request,
        actor=office,
        is_reasonable=False,
        answer=answer,
        answered_on=D(answered_on) if answered_on else None,
        decided_on=D("2026-10-14"),
    )
    request.refresh_from_db()
    assert (request.status, request.outcome, request.legal_basis) == (
        Status.REPLIED,
        "not_processed.massive",
        basis,
    )
    assert request.reasons_inquiry.is_reasonable is False


# (received, asked, deadline, reply due by art. 33, later reasonable time, working days added)
LATER = [
    # 9-24 → 10-29 (art. 33). 10-29 → 12-10: 10-30, 11-02..06, 09..13, 16..20, 23..27,
    # 11-30..12-04, 12-07..10 = 30 working days more.
    ("2026-09-24", "2026-09-29", "2026-10-13", "2026-10-29", "2026-12-10", 30),
    # 2-06 → 3-12 (art. 33, across 春节). 3-12 → 3-20: 3-13, 16..20 = 6 more.
    ("2026-02-06", "2026-02-10", "2026-02-27", "2026-03-12", "2026-03-20", 6),
]


@pytest.mark.parametrize(("receipt", "on", "deadline", "due", "later", "added"), LATER)
def test_reasonable_reasons_may_set_a_later_reply_time(
    body, office, receipt, on, deadline, due, later, added
):
    request = asked(body, office, receipt, on, deadline)
    # Asking for reasons does not stop the reply period.
    assert request.reply_clock.due_on == D(due)
    request_reasons_decide(
        request=request,
        actor=office,
        is_reasonable=True,
        answer="用于学术研究，已列明每项用途",
        answered_on=D(deadline),
        reply_by=D(later),
        approved_by=office,
        decided_on=D(deadline),
    )
    request.refresh_from_db()
    assert request.status == Status.RECEIVED
    assert request.reply_clock.due_on == D(later)
    assert request.reply_clock.events.get(kind="postpone").days == added
    assert request.reasons_inquiry.reply_by == D(later)


def test_a_later_time_must_be_later(body, office):
    request = asked(body, office, "2026-09-24", "2026-09-29", "2026-10-13")
    before = snapshot(request, request.reply_clock)
    with pytest.raises(ServiceError) as caught:
        request_reasons_decide(
            request=request,
            actor=office,
            is_reasonable=True,
            answer="研究",
            answered_on=D("2026-10-12"),
            reply_by=D("2026-10-28"),
            approved_by=office,
            decided_on=D("2026-10-13"),
        )
    assert caught.value.code == "reply_by_not_later"
    assert snapshot(request, request.reply_clock) == before


def test_the_reasons_letter_reads_back(body, office):
    request = asked(body, office, "2026-09-24", "2026-09-29", "2026-10-13")
    letter = letter_generate(request=request, kind=LetterKind.REASONS, actor=office)
    assert letter.number == "信息公开理〔2026〕第1号"
    with letter.file.open("rb") as handle:
        text = render.text_of(handle.read())
    assert text[1] == "要求说明申请理由通知书"
    assert text[5] == (
        "您申请公开政府信息的数量、频次明显超过合理范围（同一申请人本月已提交120件申请）。根据"
        "《中华人民共和国政府信息公开条例》第三十五条，请您于2026年10月13日前书面说明理由。"
    )
