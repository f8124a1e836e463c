"""Demo content for participation, taken from the seeds' topics, created through the
services so the ledger holds every entry. Idempotent: each part checks what exists."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.demo import BUREAU, DemoContext, register
from gongkai.core.models import Organisation, StaffProfile
from gongkai.participation import services
from gongkai.participation.models import Comment, Consultation, Incident, Letter, Proposal

DECISION_DRAFT = """湛江市公安局重大行政决策程序规定（征求意见稿）
第一章 总则
第一条 为了规范湛江市公安局重大行政决策程序，提高决策质量和效率，根据《重大行政决策程序暂行条例》，结合本局实际，制定本规定。
第二条 本规定所称重大行政决策，是指本局作出的涉及社会公众切身利益、对经济社会发展有重大影响的决策事项。
第三条 重大行政决策应当遵循科学决策、民主决策、依法决策原则。
第二章 决策草案的形成
第四条 决策承办单位应当通过座谈会、听证会、网上征求意见等方式广泛听取意见。
第五条 向社会公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，应当在公开征求意见时予以说明。
第三章 附则
第六条 本规定自印发之日起施行。"""

HUKOU_DRAFT = """关于进一步放宽城区落户条件的通知（征求意见稿）
一、在城区合法稳定就业并参加城镇社会保险满6个月的人员，本人及其共同居住生活的配偶、子女可申请落户。
二、取得全日制大专以上学历的人员，可凭毕业证书申请落户。
三、本通知自印发之日起30日后施行。"""


def _bureau():
    bureau = Organisation.objects.filter(code=BUREAU[0]).first()
    units = {o.code: o for o in Organisation.objects.filter(parent=bureau)} if bureau else {}
    staff = {p.user.username: p.user for p in StaffProfile.objects.select_related("user")}
    return bureau, units, staff


@register(40, gettext_lazy("public consultations"))
def load_consultations(context: DemoContext) -> None:
    bureau, units, staff = _bureau()
    if bureau is None or Consultation.objects.filter(organisation=bureau).exists():
        context.log(_("Already loaded."))
        return
    office, today = staff["gongkaiban"], timezone.localdate()
    decision = services.consultation_create(
        actor=office,
        organisation=bureau,
        unit=units["fzzd"],
        title="《湛江市公安局重大行政决策程序规定（征求意见稿）》",
        kind=Consultation.Kind.MAJOR_DECISION,
        draft_text=DECISION_DRAFT,
        explanation="为贯彻《重大行政决策程序暂行条例》，规范本局重大行政决策程序，法制支队起草了本规定。",
        opens_on=today - dt.timedelta(days=3),
        closes_on=today + dt.timedelta(days=27),
    )
    services.consultation_open(actor=office, consultation=decision)
    articles = {p.label: p for p in decision.provisions.all()}
    for label, body, name in (
        ("第四条", "建议明确听证会的启动条件和参加人员的遴选办法。", "陈先生"),
        ("第五条", "建议写明缩短期限时的说明方式，例如在征求意见公告中载明理由。", "林女士"),
        (None, "整体结构清晰，建议增加决策后评估的条款。", ""),
    ):
        services.comment_submit(
            consultation=decision,
            provision=articles.get(label) if label else None,
            body=body,
            author_name=name,
        )
    hukou = services.consultation_create(
        actor=office,
        organisation=bureau,
        unit=units["hzk"],
        title="《关于进一步放宽城区落户条件的通知（征求意见稿）》",
        kind=Consultation.Kind.NORMATIVE,
        draft_text=HUKOU_DRAFT,
        explanation="户政科根据户籍制度改革要求起草。",
        opens_on=today,
        closes_on=today + dt.timedelta(days=20),
    )
    services.consultation_open(actor=office, consultation=hukou)
    first = services.comment_submit(consultation=hukou, body="建议将社保年限要求降为3个月。")
    second = services.comment_submit(consultation=hukou, body="建议增加技能人才落户渠道。")
    services.consultation_close(actor=office, consultation=hukou)
    services.comment_decide(
        actor=office,
        comment=first,
        decision=Comment.Decision.NOT_ADOPTED,
        reason="社保年限要求已是上级规定的下限。",
    )
    services.comment_decide(actor=office, comment=second, decision=Comment.Decision.ADOPTED)
    services.consultation_report_publish(
        actor=office,
        consultation=hukou,
        report_text="征求意见期间共收到意见2条，采纳1条，未采纳1条。",
        final_document_title="《关于进一步放宽城区落户条件的通知》",
    )
    context.log(_("%(n)d consultations.") % {"n": 2})


@register(41, gettext_lazy("mailbox letters"))
def load_letters(context: DemoContext) -> None:
    bureau, units, staff = _bureau()
    if bureau is None or Letter.objects.filter(organisation=bureau).exists():
        context.log(_("Already loaded."))
        return
    categories = {c.code: c for c in services.letter_categories_ensure(organisation=bureau)}
    office, now = staff["gongkaiban"], timezone.now()
    hukou = services.letter_submit(
        category=categories["consult"],
        subject="新生儿入户需要哪些材料",
        body="您好，我的孩子在湛江出生，请问办理出生登记需要带哪些材料？",
        writer_name="黄女士",
        writer_phone="13800000001",
        consent_to_publish=True,
        received_at=now - dt.timedelta(days=6),
    ).letter
    services.letter_assign(actor=office, letter=hukou, unit=units["hzk"])
    services.letter_answer(
        actor=staff["huzheng"],
        letter=hukou,
        reply="请携带《出生医学证明》、父母双方居民户口簿和居民身份证、结婚证到户籍窗口办理。",
    )
    services.letter_publish(
        actor=office,
        letter=hukou,
        question="新生儿办理出生登记需要哪些材料？",
        answer="请携带《出生医学证明》、父母双方居民户口簿和居民身份证、结婚证到户籍窗口办理。",
    )
    passport = services.letter_submit(
        category=categories["consult"],
        subject="港澳通行证续签",
        body="请问港澳通行证可以在网上续签吗？",
        writer_name="吴先生",
        writer_email="wu@example.com",
        received_at=now - dt.timedelta(days=2),
    ).letter
    services.letter_assign(actor=office, letter=passport, unit=units["ymywb"])
    services.letter_submit(
        category=categories["complaint"],
        subject="交通违法处罚有异议",
        body="我在海滨大道被记录闯红灯，但当时信号灯故障，希望核实。",
        writer_name="梁先生",
        writer_phone="13800000003",
        received_at=now - dt.timedelta(hours=3),
    )
    context.log(_("%(n)d letters.") % {"n": 3})


@register(42, gettext_lazy("suggestions, incidents and press conferences"))
def load_proposals_and_incidents(context: DemoContext) -> None:
    bureau, units, staff = _bureau()
    if bureau is None or Proposal.objects.filter(organisation=bureau).exists():
        context.log(_("Already loaded."))
        return
    office, today, now = staff["gongkaiban"], timezone.localdate(), timezone.now()
    proposal = services.proposal_register(
        actor=office,
        organisation=bureau,
        kind=Proposal.Kind.NPC_SUGGESTION,
        session="湛江市第十五届人民代表大会第五次会议",
        number="第0123号",
        title="关于加强校园周边交通安全管理的建议",
        proposers="王代表等5名代表",
        body="建议在中小学校周边增设交通标志、减速带和护学岗，规范上下学时段停车秩序。",
        received_on=today - dt.timedelta(days=40),
    )
    services.proposal_assign(actor=office, proposal=proposal, unit=units["zhzx"])
    services.proposal_reply(
        actor=office,
        proposal=proposal,
        reply_text="一、已在全市中小学校周边设置“护学岗”。\n二、增设交通标志标线和减速设施。",
        reply_summary="校园周边护学岗和交通设施建设",
        signatory="周建国",
        replied_on=today - dt.timedelta(days=5),
    )
    services.proposal_publish(actor=office, proposal=proposal)
    if not Incident.objects.filter(organisation=bureau).exists():
        incident = services.incident_record(
            actor=office,
            organisation=bureau,
            unit=units["ggk"],
            title="网传“交警乱罚款”视频",
            source="video",
            first_seen_at=now - dt.timedelta(hours=30),
            severity="general",
            description="短视频平台出现“交警乱罚款”视频，转发量较大。",
        )
        services.incident_respond(
            actor=office,
            incident=incident,
            kind="online",
            at=now - dt.timedelta(hours=20),
            summary="经核查，视频系2019年外地旧视频，与本市无关，已发布情况说明。",
        )
        services.press_conference_record(
            actor=office,
            organisation=bureau,
            topic="2026年全市道路交通安全形势新闻发布会",
            held_at=now - dt.timedelta(days=3),
            venue="湛江市公安局新闻发布厅",
            speakers="新闻发言人、交警支队负责人",
            materials="新闻通稿；答记者问口径",
        )
    context.log(_("A suggestion, an incident and a press conference."))
