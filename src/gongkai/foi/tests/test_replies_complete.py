"""Issue 11 points 4 and 8: objections (条例 art. 32) and complete art. 36 replies.

Art. 32: "第三方不同意公开且有合理理由的，行政机关不予公开。行政机关认为不公开可能对公共利益造成
重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方。" Art. 36(1):
already public: say how to get it; (4) does not exist; (5) not this body's: name the
responsible body where it can. Art. 30: "合理的补正期限": the office's minimum (default 10
working days), shorter only with a recorded reason. Letters are read back with python-docx.
"""

import pytest
from django.utils import translation

from gongkai.core.errors import ServiceError
from gongkai.foi.forms import ReplyForm
from gongkai.foi.letters import render
from gongkai.foi.models import BodySettings, Channel, Consultation, LetterKind, ReplyGround
from gongkai.foi.services import (
    body_settings_set,
    letter_generate,
    letter_numbering_set,
    request_consult,
    request_consult_answered,
    request_register,
    request_reply,
    request_supplement,
)
from gongkai.foi.tests.conftest import D, snapshot
from gongkai.foi.tests.factories import make_applicant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def prefixed(body, office):
    body.phone, body.address = "0759-3183110", "湛江市赤坎区军民大道"
    body.save(update_fields=["phone", "address"])
    letter_numbering_set(organisation=body, prefix="湛公信", actor=office)
    return body


def registered(body, office, day="2026-09-24"):
    return request_register(
        actor=office,
        organisation=body,
        channel=Channel.IN_PERSON,
        applicant=make_applicant(description="某公司2025年度安全评估报告。"),
        received_on=D(day),
    )


def text_of(letter):
    with letter.file.open("rb") as handle:
        return render.text_of(handle.read())  # python-docx reads every paragraph


def objected(body, office):
    request = registered(body, office)
    request_consult(
        request=request,
        actor=office,
        kind=Consultation.Kind.THIRD_PARTY,
        party="湛江某某运输有限公司",
        sent_on=D("2026-09-28"),
    )
    request_consult_answered(
        request=request,
        actor=office,
        answered_on=D("2026-10-12"),
        has_objection=True,
        objection_reasons="涉及商业秘密",
    )
    return request


# --- Point 4: objections --------------------------------------------------------------------


@pytest.mark.parametrize("outcome", ["granted", "partial"])
def test_disclosing_over_an_objection_needs_a_public_interest_reason(prefixed, office, outcome):
    request = objected(prefixed, office)
    # The reply form proposes withholding (三（三）4 保护第三方合法权益) by default.
    assert ReplyForm(foi=request, prefix="reply").fields["outcome"].initial == (
        "withheld.third_party"
    )
    before = snapshot(request, request.reply_clock)
    with translation.override("zh-hans"), pytest.raises(ServiceError) as caught:
        request_reply(
            request=request,
            actor=office,
            outcome=outcome,
            legal_basis="可区分处理" if outcome == "partial" else "",
            replied_on=D("2026-10-20"),
        )
    assert caught.value.code == "public_interest_reason_required"
    assert "公共利益" in caught.value.message
    assert snapshot(request, request.reply_clock) == before
    # Refused too: a disclosure letter when nothing was disclosed over the objection.
    with pytest.raises(ServiceError):
        letter_generate(request=request, kind=LetterKind.DISCLOSURE, actor=office)
    request_reply(
        request=request,
        actor=office,
        outcome=outcome,
        legal_basis="可区分处理" if outcome == "partial" else "",
        replied_on=D("2026-10-20"),
        public_interest_reason="该评估报告涉及周边群众的公共安全。",
    )
    assert request.public_interest_reason == "该评估报告涉及周边群众的公共安全。"
    assert request.events.get(type="replied").payload["over_objection"] is True
    letter = letter_generate(request=request, kind=LetterKind.DISCLOSURE, actor=office)
    assert letter.number == "湛公信告〔2026〕第1号"
    assert text_of(letter) == [
        prefixed.name,
        "政府信息公开决定告知书（第三方）",
        "湛公信告〔2026〕第1号",
        "湛江某某运输有限公司：",
        # The description typed with its own full stop is not doubled (。。).
        f"本机关于2026年9月24日收到政府信息公开申请（申请编号：{request.code}），申请获取的信息为："
        "某公司2025年度安全评估报告。经征求意见，您不同意公开。",
        "根据《中华人民共和国政府信息公开条例》第三十二条，本机关认为不公开可能对公共利益造成重大影响，"
        "理由是：该评估报告涉及周边群众的公共安全。本机关已于2026年10月20日决定予以公开，"
        "现将决定公开的内容和理由书面告知您。",
        "联系电话：0759-3183110；地址：湛江市赤坎区军民大道。",
        prefixed.name,
        "2026年10月20日",
    ]


def test_withholding_after_an_objection_needs_nothing_more(prefixed, office):
    request = objected(prefixed, office)
    request_reply(
        request=request,
        actor=office,
        outcome="withheld.third_party",
        legal_basis="第三方以商业秘密为由不同意公开，理由合理",
        replied_on=D("2026-10-20"),
    )
    assert request.public_interest_reason == ""


# --- Point 8: art. 36 (1), (4), (5) have their own wording ---------------------------------

# (outcome, ground, extra fields, the decision after “经审查，现答复如下：”, the citation)
ART = "《中华人民共和国政府信息公开条例》"
GROUNDS = [
    ("granted", ReplyGround.ALREADY_PUBLIC, {"published_at": "https://www.example.gov.cn/gk/123.html"},
     "您申请获取的政府信息本机关已经主动公开，获取方式和途径为：https://www.example.gov.cn/gk/123.html。",
     f"{ART}第三十六条第（一）项"),
    ("unable.not_held", ReplyGround.NOT_EXIST, {},
     "经检索，本机关未制作或者获取您申请的政府信息，该政府信息不存在。", f"{ART}第三十六条第（四）项"),
    ("unable.not_held", ReplyGround.NOT_OURS, {"responsible_body": "湛江市交通运输局"},
     "您申请获取的政府信息不属于本机关负责公开。负责公开该政府信息的行政机关为湛江市交通运输局，"
     "您可以向其提出申请。", f"{ART}第三十六条第（五）项"),
    ("unable.not_held", ReplyGround.NOT_OURS, {},
     "您申请获取的政府信息不属于本机关负责公开，本机关无法确定负责公开该政府信息的行政机关。",
     f"{ART}第三十六条第（五）项"),
]  # fmt: skip


@pytest.mark.parametrize(("outcome", "ground", "extra", "decision", "citation"), GROUNDS)
def test_each_paragraph_of_art_36_has_its_wording(
    prefixed, office, outcome, ground, extra, decision, citation
):
    request = registered(prefixed, office)
    request_reply(
        request=request,
        actor=office,
        outcome=outcome,
        legal_basis="经检索" if outcome.startswith("unable") else "",
        replied_on=D("2026-10-09"),
        ground=ground,
        **extra,
    )
    text = text_of(letter_generate(request=request, kind=LetterKind.REPLY, actor=office))
    assert text[5] == f"经审查，现答复如下：{decision}"
    assert text[6].startswith(f"法律依据：{citation}。")


def test_already_public_needs_where_and_grounds_fit_their_outcome(body, office):
    request = registered(body, office)
    before = snapshot(request, request.reply_clock)
    refusals = [
        ({"outcome": "granted", "ground": ReplyGround.ALREADY_PUBLIC}, "published_at_required"),
        ({"outcome": "granted", "ground": ReplyGround.NOT_OURS}, "invalid_ground"),
        (
            {
                "outcome": "unable.not_held",
                "ground": ReplyGround.ALREADY_PUBLIC,
                "legal_basis": "x",
            },
            "invalid_ground",
        ),
    ]
    for kwargs, code in refusals:
        with pytest.raises(ServiceError) as caught:
            request_reply(request=request, actor=office, replied_on=D("2026-10-09"), **kwargs)
        assert caught.value.code == code
        assert snapshot(request, request.reply_clock) == before


# --- Point 8: the supplement's reasonable period --------------------------------------------

# (received, notice, office minimum, earliest deadline by hand, a day too early)
SUPPLEMENT = [
    # Default 10: from 2-11: 2-12, 13, Sat 14, 24–27, Sat 28, 3-02, 03 → 3-03.
    ("2026-02-06", "2026-02-11", None, "2026-03-03", "2026-03-02"),
    # Default 10: from 9-29: 9-30, 10-08, 09, Sat 10, 12–16, 19 → 10-19.
    ("2026-09-24", "2026-09-29", None, "2026-10-19", "2026-10-16"),
    # The office set 5: from 9-29: 9-30, 10-08, 09, Sat 10, 12 → 10-12.
    ("2026-09-24", "2026-09-29", 5, "2026-10-12", "2026-10-10"),
]


@pytest.mark.parametrize(("receipt", "notice", "minimum", "earliest", "early"), SUPPLEMENT)
def test_the_supplement_period_has_a_minimum(
    body, office, receipt, notice, minimum, earliest, early
):
    if minimum is not None:
        body_settings_set(
            organisation=body,
            actor=office,
            review_authority="某县人民政府",
            court="某县人民法院",
            supplement_minimum_days=minimum,
        )
    assert BodySettings.objects.get(organisation=body).supplement_minimum_days == (minimum or 10)
    request = registered(body, office, receipt)
    before = snapshot(request, request.reply_clock)
    with translation.override("zh-hans"), pytest.raises(ServiceError) as caught:
        request_supplement(
            request=request,
            actor=office,
            items="请写明文件名称",
            deadline=D(early),
            notified_on=D(notice),
        )
    assert caught.value.code == "supplement_period_too_short"
    day = D(earliest)
    assert f"至少为{minimum or 10}个工作日（至{day.year}年{day.month}月{day.day}日）" in (
        caught.value.message
    )
    assert snapshot(request, request.reply_clock) == before
    supplement = request_supplement(
        request=request,
        actor=office,
        items="请写明文件名称",
        deadline=D(earliest),
        notified_on=D(notice),
    )
    assert supplement.short_period_reason == ""


def test_a_shorter_supplement_period_with_its_reason(body, office):
    request = registered(body, office, "2026-09-24")
    supplement = request_supplement(
        request=request,
        actor=office,
        items="请提供身份证明",
        deadline=D("2026-10-09"),
        notified_on=D("2026-09-29"),
        short_period_reason="申请人要求尽快办理，同意较短期限",
    )
    assert supplement.short_period_reason == "申请人要求尽快办理，同意较短期限"
