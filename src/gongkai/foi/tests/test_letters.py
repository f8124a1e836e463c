"""Letters: the .docx text, numbering, notices, templates, delivery, access.

Expected texts are the Chinese of the foi catalog; each law-derived sentence cites its
source (条例 = 《中华人民共和国政府信息公开条例》, RULES.md "Disclosure on request").
"""

import io
import os
import stat

import docx
import pytest
from django.contrib.auth.models import AnonymousUser

from gongkai.core.errors import NotFoundError, PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, UserFactory, make_staff
from gongkai.foi.letter_templates import default_template
from gongkai.foi.letters import pdf, render, wording
from gongkai.foi.letters.selectors import access_letter, converter_available
from gongkai.foi.models import (
    BodySettings,
    Channel,
    Consultation,
    FeeNotice,
    Letter,
    LetterKind,
    RequestEvent,
)
from gongkai.foi.services import (
    letter_generate,
    letter_numbering_set,
    letter_record_delivery,
    letter_template_upload,
    request_assign,
    request_consult,
    request_extend,
    request_fee_notice,
    request_register,
    request_reply,
    request_supplement,
    request_supplement_lapsed,
)
from gongkai.foi.tests.conftest import D, with_remedy_settings
from gongkai.foi.tests.factories import make_applicant

pytestmark = pytest.mark.django_db

# 《行政复议法》 (2023, in force 2024-01-01) art. 20: 60 days; 《行政诉讼法》 art. 46: 6 months.
REMEDY = (
    "如对本答复不服，可以自知道该行政行为之日起60日内向湛江市人民政府申请行政复议（《中华人民共和国"
    "行政复议法》第二十条），或者自知道该行政行为之日起6个月内向湛江市赤坎区人民法院提起行政诉讼"
    "（《中华人民共和国行政诉讼法》第四十六条）。"
)
# 《行政复议法》 (2023) art. 23 para. 1 item (4): 不予公开 goes to review first; then
# 《行政诉讼法》 art. 45: 15 days from receiving the review decision.
REMEDY_REVIEW_FIRST = (
    "如对本答复中不予公开的决定不服，应当自知道该行政行为之日起60日内先向湛江市人民政府申请行政复议"
    "（《中华人民共和国行政复议法》第二十三条第一款第（四）项、第二十条）；对行政复议决定不服的，"
    "可以自收到行政复议决定书之日起15日内向湛江市赤坎区人民法院提起行政诉讼"
    "（《中华人民共和国行政诉讼法》第四十五条）。"
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def body():
    body = OrganisationFactory(
        name="湛江市公安局", address="湛江市赤坎区军民大道", phone="0759-3183110"
    )
    BodySettings.objects.create(
        organisation=body, review_authority="湛江市人民政府", court="湛江市赤坎区人民法院"
    )
    return body


@pytest.fixture
def prefixed(body, office):
    letter_numbering_set(organisation=body, prefix="湛公信", actor=office)
    return body


def registered(body, office, received="2026-09-24", **applicant):
    return request_register(
        actor=office,
        organisation=body,
        channel=Channel.LETTER,
        applicant=make_applicant(**applicant),
        received_on=D(received),
    )


def paragraphs(letter):
    with letter.file.open("rb") as handle:
        return render.text_of(handle.read())


def received_line(request, date="2026年9月24日"):
    return (
        f"本机关于{date}收到您提交的政府信息公开申请（申请编号：{request.code}），"
        f"申请获取的信息为：{request.description}。"
    )


def test_reply_letter_granted_reads_in_full(prefixed, office):
    request = registered(prefixed, office)
    request_reply(request=request, actor=office, outcome="granted", replied_on=D("2026-10-09"))
    letter = letter_generate(request=request, kind=LetterKind.REPLY, actor=office)
    assert (letter.number, letter.year, letter.sequence) == ("湛公信复〔2026〕第1号", 2026, 1)
    assert letter.issued_on == D("2026-10-09")
    assert letter.file.name == f"foi/letters/{prefixed.code}/2026/reply-00001.docx"
    assert paragraphs(letter) == [
        "湛江市公安局",
        "政府信息公开申请答复告知书",
        "湛公信复〔2026〕第1号",
        "张三：",
        received_line(request),
        # 条例 art. 36(2): can be disclosed, provided in the form and way chosen (art. 29(3)).
        "经审查，现答复如下：您申请获取的政府信息属于可以公开的政府信息，本机关予以公开，"
        "并按照您选择的形式和方式（电子、电子邮件）提供。",
        "法律依据：《中华人民共和国政府信息公开条例》第三十六条第（二）项。",
        # RULES.md: every reply states 行政复议 (60 days) and 行政诉讼 (6 months, art. 46).
        REMEDY,
        "湛江市公安局",
        "2026年10月9日",
    ]
    assert list(request.events.values_list("type", flat=True)) == [
        "registered",
        "replied",
        "letter_issued",
    ]
    assert LedgerEntry.objects.filter(action="foi.letter_issued").count() == 1


ART = "《中华人民共和国政府信息公开条例》"
REASONED = "经检索及审查确认"

# (outcome, source, the decision after “经审查，现答复如下：”, the legal basis line)
REPLY_CASES = [
    ("partial", "条例 art. 37",
     "您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关向您提供可以公开的内容"
     "（电子、电子邮件），对不予公开的内容说明理由如下。", f"{ART}第三十七条"),
    ("withheld.state_secret", "条例 art. 36(3), art. 14",
     "您申请获取的政府信息属于国家秘密，依法不予公开。", f"{ART}第三十六条第（三）项、第十四条"),
    ("withheld.prohibited_by_law", "条例 art. 36(3), art. 14",
     "您申请获取的政府信息属于法律、行政法规禁止公开的信息，依法不予公开。",
     f"{ART}第三十六条第（三）项、第十四条"),
    ("withheld.three_safeties", "条例 art. 36(3), art. 14",
     "您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，依法不予公开。",
     f"{ART}第三十六条第（三）项、第十四条"),
    ("withheld.third_party", "条例 art. 36(3), art. 15",
     "您申请获取的政府信息涉及商业秘密、个人隐私，公开会对第三方合法权益造成损害，依法不予公开。",
     f"{ART}第三十六条第（三）项、第十五条"),
    ("withheld.internal_affairs", "条例 art. 36(3), art. 16 para. 1",
     "您申请获取的信息属于人事管理、后勤管理、内部工作流程等内部事务信息，本机关不予公开。",
     f"{ART}第三十六条第（三）项、第十六条第一款"),
    ("withheld.process_info", "条例 art. 36(3), art. 16 para. 2",
     "您申请获取的信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，本机关不予公开。",
     f"{ART}第三十六条第（三）项、第十六条第二款"),
    ("withheld.enforcement_file", "条例 art. 36(3), art. 16 para. 2",
     "您申请获取的信息属于行政执法案卷信息，本机关不予公开。",
     f"{ART}第三十六条第（三）项、第十六条第二款"),
    ("withheld.query_matter", "条例 art. 36(7)",
     "您申请获取的信息属于行政查询事项，有关法律、行政法规对信息的获取有特别规定，"
     "请您依照有关规定办理。", f"{ART}第三十六条第（七）项"),
    # The default ground of 本机关不掌握 is art. 36(4); (5) has its own test below.
    ("unable.not_held", "条例 art. 36(4)",
     "经检索，本机关未制作或者获取您申请的政府信息，该政府信息不存在。",
     f"{ART}第三十六条第（四）项"),
    ("unable.needs_creation", "条例 art. 38",
     "本机关没有您申请的现成信息，提供该信息需要对现有政府信息进行加工、分析，本机关依法不予提供。",
     f"{ART}第三十八条"),
    ("unable.unclear", "条例 art. 30",
     "您的申请经补正后内容仍不明确，本机关无法提供。", f"{ART}第三十条"),
    ("not_processed.petition", "条例 art. 39 para. 1",
     "您的申请实质上属于信访、投诉、举报，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。",
     f"{ART}第三十九条第一款"),
    ("not_processed.repeated", "条例 art. 36(6)",
     "本机关已就您申请公开的同一政府信息作出答复，您重复申请，本机关不予重复处理。",
     f"{ART}第三十六条第（六）项"),
    ("not_processed.publication", "条例 art. 39 para. 2",
     "您申请获取的是政府公报、报刊、书籍等公开出版物，请您通过公开出版的途径获取。",
     f"{ART}第三十九条第二款"),
    ("not_processed.massive", "条例 art. 35",
     "您申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理，本机关不予处理。",
     f"{ART}第三十五条"),
    ("not_processed.confirmation", "条例 art. 2",
     "您要求本机关确认或者重新出具您已获取的信息，不属于申请获取现有的政府信息，"
     "本机关不作为政府信息公开申请处理。", f"{ART}第二条"),
    ("other.other", "条例 art. 36", "本机关对您的申请处理如下。", f"{ART}第三十六条"),
]  # fmt: skip


@pytest.mark.parametrize(("outcome", "source", "decision", "citation"), REPLY_CASES)
def test_reply_wording_follows_the_outcome(prefixed, office, outcome, source, decision, citation):
    request = registered(prefixed, office)
    request_reply(
        request=request,
        actor=office,
        outcome=outcome,
        legal_basis=REASONED,
        replied_on=D("2026-10-09"),
    )
    assert wording.reply_wording(outcome, request.reply_ground).source == source
    text = paragraphs(letter_generate(request=request, kind=LetterKind.REPLY, actor=office))
    # Review first for 不予公开 (三（三）) and the withheld part of 部分公开 (三（二）).
    review_first = outcome == "partial" or outcome.startswith("withheld.")
    assert text[5:8] == [
        f"经审查，现答复如下：{decision}",
        f"法律依据：{citation}。\n理由：{REASONED}",
        REMEDY_REVIEW_FIRST if review_first else REMEDY,
    ]


def test_every_outcome_has_its_wording():
    from gongkai.reports.format import OUTCOME_LEAVES

    assert set(wording.REPLY_WORDING) == set(OUTCOME_LEAVES)


def test_lapsed_supplement_reply_is_dated_the_lapse(prefixed, office):
    # 条例 art. 30: no supplement in the period without good reason: deemed abandoned.
    request = registered(prefixed, office)
    request_supplement(
        request=request,
        actor=office,
        items="请写明所需文件的名称或文号",
        deadline=D("2026-10-16"),
        notified_on=D("2026-09-28"),
    )
    request_supplement_lapsed(request=request, actor=office, on=D("2026-10-19"))
    text = paragraphs(letter_generate(request=request, kind=LetterKind.REPLY, actor=office))
    assert text[5:7] == [
        "经审查，现答复如下：您无正当理由逾期未补正，视为放弃申请，本机关不再处理您的政府信息公开申请。",
        f"法律依据：{ART}第三十条。",
    ]
    assert text[-1] == "2026年10月19日"


def test_numbers_run_per_body_kind_and_year(prefixed, office):
    requests = [registered(prefixed, office) for _ in range(3)]
    numbers = [
        letter_generate(request=r, kind=LetterKind.RECEIPT, actor=office).number for r in requests
    ]
    assert numbers == ["湛公信受〔2026〕第1号", "湛公信受〔2026〕第2号", "湛公信受〔2026〕第3号"]
    request_reply(request=requests[1], actor=office, outcome="granted", replied_on=D("2026-10-09"))
    reply = letter_generate(request=requests[1], kind=LetterKind.REPLY, actor=office)
    assert reply.number == "湛公信复〔2026〕第1号"
    # A letter dated in 2025 opens the 2025 series.
    old = registered(prefixed, office, received="2025-12-30")
    assert letter_generate(request=old, kind=LetterKind.RECEIPT, actor=office).number == (
        "湛公信受〔2025〕第1号"
    )
    # Another body without a prefix of its own: the default prefix, its own sequence.
    other = with_remedy_settings(OrganisationFactory(name="廉江市公安局"))
    other_office = make_staff(other, roles=[Role.OFFICE])
    first = registered(other, other_office)
    assert letter_generate(request=first, kind=LetterKind.RECEIPT, actor=other_office).number == (
        "信息公开受〔2026〕第1号"
    )


def test_generating_again_returns_the_same_letter(prefixed, office):
    request = registered(prefixed, office)
    first = letter_generate(request=request, kind=LetterKind.RECEIPT, actor=office)
    entries = LedgerEntry.objects.count()
    again = letter_generate(request=request, kind=LetterKind.RECEIPT, actor=office)
    assert (again.pk, Letter.objects.count(), LedgerEntry.objects.count()) == (
        first.pk,
        1,
        entries,
    )


def test_receipt_states_the_statutory_due_date_across_national_day(prefixed, office):
    # 条例 art. 33: 20 working days after receipt on Thu 9-24: 中秋 9-25..9-27, 国庆 10-1..10-7,
    # Sat 10-10 worked: 9-28..9-30, 10-08..10-10, 10-12..10-23, 10-26..10-29 is 20.
    request = registered(prefixed, office)
    text = paragraphs(letter_generate(request=request, kind=LetterKind.RECEIPT, actor=office))
    assert text[1:6] == [
        "政府信息公开申请受理回执",
        "湛公信受〔2026〕第1号",
        "张三：",
        received_line(request),
        "根据《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将自收到申请之日起20个"
        "工作日内，即2026年10月29日前予以答复；需要延长答复期限的，将另行书面告知。",
    ]
    assert text[-3:] == [
        "联系电话：0759-3183110；地址：湛江市赤坎区军民大道。",
        "湛江市公安局",
        "2026年9月24日",
    ]


def test_supplement_notice(prefixed, office):
    # 条例 art. 30: everything at once, with a reasonable deadline; the period restarts.
    request = registered(prefixed, office)
    request_supplement(
        request=request,
        actor=office,
        items="请写明所需文件的名称或文号",
        deadline=D("2026-10-16"),
        notified_on=D("2026-09-28"),
    )
    letter = letter_generate(request=request, kind=LetterKind.SUPPLEMENT, actor=office)
    assert (letter.number, letter.issued_on) == ("湛公信补〔2026〕第1号", D("2026-09-28"))
    assert paragraphs(letter)[5:8] == [
        "经审查，您的申请内容不够明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，"
        "现一次性告知您需要补正的事项如下：",
        "请写明所需文件的名称或文号",
        "请您于2026年10月16日前提交补正材料。答复期限自本机关收到补正的申请之日起计算。"
        "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    ]


def test_extension_notice(prefixed, office):
    # 条例 art. 33 para. 2: at most 20 more working days, approved by the office's head.
    request = registered(prefixed, office)
    request_extend(
        request=request,
        actor=office,
        days=20,
        approved_by=office,
        reason="需调取多个大队执法记录",
        on=D("2026-10-09"),
    )
    letter = letter_generate(request=request, kind=LetterKind.EXTENSION, actor=office)
    assert (letter.number, letter.issued_on) == ("湛公信延〔2026〕第1号", D("2026-10-09"))
    assert paragraphs(letter)[5] == (
        "因需调取多个大队执法记录，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息"
        "公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长20"
        "个工作日，本机关将于2026年11月26日前作出答复。"
    )


def test_third_party_letter_is_addressed_to_the_third_party(prefixed, office):
    # 条例 art. 32: written consultation; 15 working days to answer.
    request = registered(prefixed, office)
    consultation = request_consult(
        request=request,
        actor=office,
        kind=Consultation.Kind.THIRD_PARTY,
        party="湛江某某运输有限公司",
        sent_on=D("2026-09-28"),
    )
    letter = letter_generate(request=request, kind=LetterKind.THIRD_PARTY, actor=office)
    assert letter.subject_key == f"consultation:{consultation.pk}"
    text = paragraphs(letter)
    assert text[3] == "湛江某某运输有限公司："
    assert "张三" not in "".join(text)  # the applicant is not named to the third party
    assert text[5] == (
        "请您（单位）于2026年10月23日前（自收到本意见书之日起15个工作日内）提出书面意见。"
        "逾期未提出意见的，由本机关依照条例的规定决定是否公开。您（单位）不同意公开且有合理理由的，"
        "本机关不予公开；但本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，"
        "并将决定公开的政府信息内容和理由书面告知您（单位）。"
    )
    assert consultation.answer_due == D("2026-10-23")


def test_fee_notice(prefixed, office):
    # 国办函〔2020〕109号: 150 pages = 70 × 10 + 50 × 20 = 1700 元; 20 working days to pay.
    request = registered(prefixed, office)
    notice = request_fee_notice(
        request=request,
        actor=office,
        basis=FeeNotice.Basis.PER_PAGE,
        pages=150,
        sent_on=D("2026-10-12"),
    )
    letter = letter_generate(request=request, kind=LetterKind.FEE, actor=office)
    assert (letter.number, letter.subject_key) == ("湛公信费〔2026〕第1号", f"fee:{notice.pk}")
    assert paragraphs(letter)[6:8] == [
        "计收方式：按量计收；计费数量：150页；应缴金额：人民币1700元。",
        "请您自收到本通知之日起20个工作日内，即2026年11月9日前缴纳。逾期未缴纳的，视为放弃申请，"
        "本机关不再处理该政府信息公开申请。",
    ]


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        (LetterKind.SUPPLEMENT, "letter_not_applicable"),
        (LetterKind.EXTENSION, "letter_not_applicable"),
        (LetterKind.THIRD_PARTY, "letter_not_applicable"),
        (LetterKind.FEE, "letter_not_applicable"),
        (LetterKind.REPLY, "letter_not_applicable"),
        ("memo", "invalid_letter_kind"),
    ],
)
def test_a_letter_without_its_act_is_refused(prefixed, office, kind, code):
    request = registered(prefixed, office)
    entries, events = LedgerEntry.objects.count(), RequestEvent.objects.count()
    with pytest.raises(ServiceError) as caught:
        letter_generate(request=request, kind=kind, actor=office)
    assert caught.value.code == code
    assert (Letter.objects.count(), LedgerEntry.objects.count()) == (0, entries)
    assert RequestEvent.objects.count() == events


def split_template(*pieces_per_paragraph):
    """A .docx whose paragraphs are made of the given runs, the odd ones bold."""
    document = docx.Document()
    for pieces in pieces_per_paragraph:
        paragraph = document.add_paragraph()
        for index, piece in enumerate(pieces):
            paragraph.add_run(piece).bold = index % 2 == 1
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).paragraphs[0].add_run("编号：{{编")
    table.cell(0, 0).paragraphs[0].add_run("号}}")
    document.sections[0].header.paragraphs[0].add_run("{{机关}}")
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def test_placeholders_split_across_runs_are_replaced():
    template = split_template(
        ["致", "{{申", "请人}}", "：请于{{答复", "期限}}前"],
        ["{{", "编号", "}}与{{机关}}", "尾"],
        ["没有占位符"],
    )
    assert render.placeholders(render.open_document(template)) == {
        "申请人",
        "答复期限",
        "编号",
        "机关",
    }
    values = {"申请人": "李四", "答复期限": "2026年10月28日", "编号": "湛公信复〔2026〕第3号"}
    values["机关"] = "湛江市公安局"
    result = render.render(template, values)
    document = render.open_document(result)
    texts = [p.text for p in document.paragraphs]
    assert texts == [
        "致李四：请于2026年10月28日前",
        "湛公信复〔2026〕第3号与湛江市公安局尾",
        "没有占位符",
    ]
    runs = [(run.text, run.bold) for run in document.paragraphs[0].runs]
    # The value takes the formatting of the run where its placeholder began.
    assert runs == [
        ("致", False),
        ("李四", True),
        ("", False),
        ("：请于2026年10月28日", True),
        ("前", False),
    ]
    assert document.tables[0].cell(0, 0).text == "编号：湛公信复〔2026〕第3号"
    assert document.sections[0].header.paragraphs[0].text == "湛江市公安局"


def test_uploaded_template_replaces_the_default(prefixed, office):
    data = split_template(["{{编号}} ", "{{申请人}}", "，", "{{答复意见}}"])
    template = letter_template_upload(
        organisation=prefixed, kind=LetterKind.REPLY, data=data, actor=office
    )
    request = registered(prefixed, office)
    request_reply(request=request, actor=office, outcome="granted", replied_on=D("2026-10-09"))
    letter = letter_generate(request=request, kind=LetterKind.REPLY, actor=office)
    assert letter.uploaded_template_id == template.pk
    assert paragraphs(letter) == [
        "湛公信复〔2026〕第1号 张三，您申请获取的政府信息属于可以公开的政府信息，本机关予以公开，"
        "并按照您选择的形式和方式（电子、电子邮件）提供。",
        "编号：湛公信复〔2026〕第1号",
        "湛江市公安局",
    ]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"not a word file", "template_not_docx"),
        (
            split_template(["{{补正事项}}", "{{申请人}}", "{{不存在}}"]),
            "template_unknown_placeholder",
        ),
    ],
)
def test_a_bad_template_is_refused_and_nothing_changes(prefixed, office, media, data, code):
    entries = LedgerEntry.objects.count()
    with pytest.raises(ServiceError) as caught:
        letter_template_upload(
            organisation=prefixed, kind=LetterKind.REPLY, data=data, actor=office
        )
    assert caught.value.code == code
    if code == "template_unknown_placeholder":
        assert caught.value.message == "模板使用了该文书不支持的占位符：{{不存在}}、{{补正事项}}"
    assert (LedgerEntry.objects.count(), prefixed.foi_letter_templates.count()) == (entries, 0)
    assert not (media / "foi" / "letter-templates").exists()


def test_only_the_office_changes_templates_and_prefix(prefixed, handler):
    data = default_template(LetterKind.REPLY)
    entries = LedgerEntry.objects.count()
    with pytest.raises(PermissionDeniedError):
        letter_template_upload(
            organisation=prefixed, kind=LetterKind.REPLY, data=data, actor=handler
        )
    with pytest.raises(PermissionDeniedError):
        letter_numbering_set(organisation=prefixed, prefix="改", actor=handler)
    assert LedgerEntry.objects.count() == entries
    assert prefixed.foi_letter_numbering.prefix == "湛公信"


def test_default_templates_hold_only_their_placeholders():
    from gongkai.foi.letters.values import ALLOWED

    for kind in LetterKind.values:
        names = render.placeholders(render.open_document(default_template(kind)))
        assert names <= ALLOWED[kind], kind
        assert {"机关", "编号"} <= names


def test_delivery_is_recorded_once(prefixed, office):
    request = registered(prefixed, office)
    letter = letter_generate(request=request, kind=LetterKind.RECEIPT, actor=office)
    letter_record_delivery(letter=letter, delivered_on=D("2026-09-25"), method="post", actor=office)
    letter.refresh_from_db()
    assert (letter.delivered_on, letter.delivery_method) == (D("2026-09-25"), "post")
    entries = LedgerEntry.objects.count()
    # The same record again changes nothing; a different one is refused.
    letter_record_delivery(letter=letter, delivered_on=D("2026-09-25"), method="post", actor=office)
    with pytest.raises(ServiceError) as caught:
        letter_record_delivery(
            letter=letter, delivered_on=D("2026-09-26"), method="email", actor=office
        )
    assert caught.value.code == "already_delivered"
    assert LedgerEntry.objects.count() == entries
    assert request.events.filter(type="letter_delivered").count() == 1


@pytest.mark.parametrize(
    ("delivered_on", "method", "code"),
    [
        ("2026-09-23", "post", "delivery_before_letter"),
        ("2099-01-01", "post", "date_in_future"),
        ("2026-09-25", "pigeon", "invalid_delivery_method"),
    ],
)
def test_bad_delivery_is_refused(prefixed, office, delivered_on, method, code):
    letter = letter_generate(request=registered(prefixed, office), kind="receipt", actor=office)
    with pytest.raises(ServiceError) as caught:
        letter_record_delivery(
            letter=letter, delivered_on=D(delivered_on), method=method, actor=office
        )
    assert caught.value.code == code
    letter.refresh_from_db()
    assert (letter.delivered_on, letter.delivery_method) == (None, "")


def test_no_pdf_without_a_converter(prefixed, office, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    assert converter_available() is False
    letter = letter_generate(request=registered(prefixed, office), kind="receipt", actor=office)
    assert letter.pdf.name == ""


def test_pdf_through_soffice_when_present(prefixed, office, monkeypatch, tmp_path):
    # A stand-in soffice on PATH that writes <outdir>/letter.pdf as LibreOffice does.
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text('#!/bin/sh\nwhile [ "$1" != "--outdir" ]; do shift; done\n'
                    'printf "%%PDF-1.4 fake" > "$2/letter.pdf"\n')  # fmt: skip
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    assert pdf.converter() == str(fake)
    letter = letter_generate(request=registered(prefixed, office), kind="receipt", actor=office)
    letter.refresh_from_db()  # made by the task (inline in tests)
    assert letter.pdf.name == f"foi/letters/{prefixed.code}/2026/receipt-00001.pdf"
    with letter.pdf.open("rb") as handle:
        assert handle.read() == b"%PDF-1.4 fake"


def test_letter_access_for_each_kind_of_user(prefixed, office):
    unit, other_unit = UnitFactory(parent=prefixed), UnitFactory(parent=prefixed)
    request = registered(prefixed, office)
    request_assign(request=request, actor=office, unit=unit)
    letter = letter_generate(request=request, kind="receipt", actor=office)
    public = UserFactory()
    outsider = make_staff(prefixed, roles=[Role.HANDLER], units=[other_unit])
    insider = make_staff(prefixed, roles=[Role.HANDLER], units=[unit])
    for user in (AnonymousUser(), public, outsider):
        with pytest.raises(NotFoundError) as caught:
            access_letter(user, letter.pk)
        assert caught.value.code == "letter_not_found"
    with pytest.raises(NotFoundError):
        access_letter(insider, letter.pk + 1000)
    assert access_letter(insider, letter.pk) == letter
    assert access_letter(office, letter.pk) == letter


def test_only_staff_generate_letters(prefixed, office):
    request = registered(prefixed, office)
    entries = LedgerEntry.objects.count()
    for actor in (None, UserFactory()):
        with pytest.raises(PermissionDeniedError):
            letter_generate(request=request, kind="receipt", actor=actor)
    assert (Letter.objects.count(), LedgerEntry.objects.count()) == (0, entries)


# --- Issue 11 "small defects": no doubled punctuation, units on fee quantities ------------


@pytest.mark.parametrize(
    ("description", "reason"),
    [
        ("2025年本局行政许可事项目录。", "需调取多个大队执法记录。"),
        ("2025年本局行政许可事项目录；", "需调取多个大队执法记录，"),
        ("2025年本局行政许可事项目录", "需调取多个大队执法记录"),
    ],
)
def test_typed_punctuation_is_not_doubled(prefixed, office, description, reason):
    request = registered(prefixed, office, description=description)
    request_extend(
        request=request,
        actor=office,
        days=20,
        approved_by=office,
        reason=reason,
        on=D("2026-10-09"),
    )
    letter = letter_generate(request=request, kind=LetterKind.EXTENSION, actor=office)
    text = paragraphs(letter)
    assert text[4] == received_line(request).replace(
        request.description + "。", "2025年本局行政许可事项目录。"
    )
    assert text[5].startswith("因需调取多个大队执法记录，本机关不能在规定期限内作出答复。")
    for paragraph in text:
        for doubled in ("。。", "。，", "，。", "；。", "，，"):
            assert doubled not in paragraph


def test_fee_per_application_names_its_unit(prefixed, office):
    # 109号 art. 4(2): the 11th application of a calendar month: 100 元.
    for _n in range(10):
        registered(prefixed, office, received="2026-10-08")
    request = registered(prefixed, office, received="2026-10-09")
    request_fee_notice(
        request=request,
        actor=office,
        basis=FeeNotice.Basis.PER_APPLICATION,
        sent_on=D("2026-10-12"),
    )
    letter = letter_generate(request=request, kind=LetterKind.FEE, actor=office)
    assert (
        paragraphs(letter)[6]
        == "计收方式：按件计收；计费数量：本月第11件申请；应缴金额：人民币100元。"
    )
