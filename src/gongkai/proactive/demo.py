"""Demo content: the four clean seed documents (data/seeds/000–003) imported, reviewed and
published through the services, plus an interpretation, the negative list, a withheld
item and the normative register. Idempotent: each loader checks what exists first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.demo import BUREAU, DemoContext, register
from gongkai.core.models import Organisation, Role
from gongkai.proactive import services
from gongkai.proactive.law import (
    DisclosureLabel,
    InterpretationForm,
    NegativeCategory,
    NormativeKind,
    Section,
)
from gongkai.proactive.models import Item, PrivacyFinding, Status

SEEDS = Path(__file__).parent / "data" / "seeds"
TOPICS = ["公安", "政务公开", "户籍管理", "交通管理"]
GENRES = ["通知", "方案", "工作要点", "年度报告", "解读"]
# The seeds' real publishers other than the demo bureau: each a public body of its own (not a
# unit of 湛江市公安局), with one account of its openness office that reviews and publishes.
# Their credit codes are demo values with a valid check character, not the bodies' own.
# (code, name, first 14 characters of the credit code, account)
PUBLISHERS = [
    ("xsq", "营口市西市区人民政府", "11210803007013", "xishiqu"),
    ("sdfj", "长治市公安局上党分局", "11140404007013", "shangdang"),
    ("yngat", "云南省公安厅", "11530000007013", "yunnan"),
]
# file prefix, title, publisher (None: the demo bureau), written on (the document's own date,
# None when it bears none), section, topic, genre, drafting unit, drafter. The publication date
# is the one the source page showed (日期:…, 发布时间:…), else the document's own date; seed 002
# bears neither, so it is dated the day it is loaded.
SEED_ITEMS = [
    ("000", "关于湛江市公安局全面推进政务公开工作实施方案", None, dt.date(2017, 6, 22),
     Section.POLICY, "政务公开", "方案", "gkb", "gongguan"),
    ("001", "西市区2018年政务公开工作要点", "xsq", None, Section.LAWS,
     "政务公开", "工作要点", None, "admin"),
    ("002", "长治市公安局上党分局贯彻落实《长治市上党区2023年度政务公开工作考核方案》工作方案",
     "sdfj", None, Section.BUSINESS, "政务公开", "方案", None, "admin"),
    ("003", "云南省公安厅2017年政府信息公开工作年度报告", "yngat", dt.date(2018, 1, 15),
     Section.BUSINESS, "政务公开", "年度报告", None, "admin"),
]  # fmt: skip


def _users() -> dict[str, User]:
    return {u.username: u for u in get_user_model().objects.filter(staff_profile__isnull=False)}


def _through_review(
    item: Item, users: dict[str, User], office: dict[str, User] | None = None
) -> Item:
    """Submit, decide every finding, approve both steps and publish — as the staff would.
    ``office`` names who reviews, approves and publishes when the body is not the bureau."""
    reviewer, leader, publisher = (
        (office["reviewer"], office["leader"], office["publisher"])
        if office
        else (users["baomi"], users["lingdao"], users["gongkaiban"])
    )
    if item.status == Status.DRAFT:
        drafter = users[item.drafter.username] if item.drafter else None
        item = services.item_submit(item=item, actor=drafter)
    for finding in item.findings.filter(state=PrivacyFinding.State.OPEN):
        services.finding_mask(finding=finding, actor=reviewer, reason=_("Demo: masked."))
    if item.status == Status.IN_REVIEW:
        item = services.item_review(item=item, actor=reviewer, approve=True, confirm_label=True)
        item = services.item_review(item=item, actor=leader, approve=True)
    if item.status == Status.APPROVED:
        item = services.item_publish(item=item, actor=publisher)
    return item


def _publishers() -> dict[str, tuple[Organisation, User]]:
    """The seeds' other publishers and the account of each one's office (created once)."""
    from gongkai.core.demo import DEMO_PASSWORD, credit_code
    from gongkai.core.services.organisation import organisation_create, staff_create

    found: dict[str, tuple[Organisation, User]] = {}
    for code, name, prefix, username in PUBLISHERS:
        body = Organisation.objects.filter(code=code).first()
        if body is None:
            body = organisation_create(
                actor=None, name=name, code=code, credit_code=credit_code(prefix + "000")
            )
            staff_create(
                actor=None, username=username, full_name=f"{name}政务公开办",
                organisation=body, roles=[Role.OFFICE, Role.REVIEWER, Role.LEADER],
                password=DEMO_PASSWORD,
            )  # fmt: skip
        found[code] = (body, get_user_model().objects.get(username=username))
    return found


@register(40, gettext_lazy("proactive disclosure"))
def load_items(context: DemoContext) -> None:
    bureau = Organisation.objects.filter(code=BUREAU[0]).first()
    if bureau is None:
        context.log(_("Organisations missing; load them first."))
        return
    if Item.objects.filter(idempotency_key__startswith="import:").exists():
        context.log(_("Already loaded."))
        return
    publishers = _publishers()
    users = _users()
    office = users["gongkaiban"]
    topics = {
        n: services.vocabulary_add(actor=office, kind="topic", name=n, order=i)
        for i, n in enumerate(TOPICS)
    }
    genres = {
        n: services.vocabulary_add(actor=office, kind="genre", name=n, order=i)
        for i, n in enumerate(GENRES)
    }
    units = {o.code: o for o in bureau.children.all()}
    # The director's name is published (领导信息): never flagged in the body's texts.
    services.privacy_rule_create(
        actor=office, organisation=bureau, kind="text", action="public", type="name",
        text="周建国", reason=_("Demo: the director's name is published with the leadership."),
    )  # fmt: skip
    published = []
    for prefix, title, publisher, written, section, topic, genre, unit, drafter in SEED_ITEMS:
        path = next(SEEDS.glob(f"{prefix}_*.txt"))
        body, account = publishers[publisher] if publisher else (bureau, None)
        result = services.document_import(
            actor=users[drafter], organisation=body, unit=units.get(unit) if unit else None, name=path.name,
            content=path.read_bytes(), section=section, title=title,
            metadata={"written_on": written, "topic": topics[topic], "genre": genres[genre],
                      "summary": title},
            published_at=_document_day(written) if publisher else None,
        )  # fmt: skip
        roles = {"reviewer": account, "leader": account, "publisher": account} if account else None
        published.append(_through_review(result.item, users, roles))
    _interpretation(published[0], users, topics, genres, units)
    _negative_and_withheld(bureau, users, units)
    _normative(bureau, office, published[0])
    context.log(_("%(count)d information items published.") % {"count": len(published) + 1})


def _document_day(written: dt.date | None) -> dt.datetime | None:
    """A document whose page gave no date is dated by its own date (None: neither)."""
    from gongkai.core.clockmath import CHINA

    return dt.datetime.combine(written, dt.time(), tzinfo=CHINA) if written else None


def _interpretation(policy: Item, users, topics, genres, units) -> None:
    fields = services.ItemFields(
        title="《关于湛江市公安局全面推进政务公开工作实施方案》政策解读",
        section=Section.INTERPRETATION,
        summary="以问答形式解读实施方案的主要内容",
        written_on=dt.date(2017, 6, 26),
        topic=topics["政务公开"],
        genre=genres["解读"],
        body="<p>一、为什么制定本方案？</p><p>为贯彻落实粤办发〔2016〕22号文件精神，全面推进决策、执行、管理、服务、结果公开。</p>"
        "<p>二、政策解读何时发布？</p><p>政策性文件与解读方案、解读材料同步组织、同步审签、同步部署，最迟在文件公开后3个工作日内发布。</p>",
        interprets=policy,
        interpretation_form=InterpretationForm.QA,
    )
    item = services.item_create(
        actor=users["gongguan"], organisation=policy.organisation, unit=units["ggk"], fields=fields
    )
    _through_review(item, users)


def _negative_and_withheld(bureau, users, units) -> None:
    office = users["gongkaiban"]
    entry = services.negative_entry_create(
        actor=office, organisation=bureau, category=NegativeCategory.ENFORCEMENT_FILE,
        description="刑事案件侦查卷宗及办案过程中的内部审批材料",
        legal_basis="《中华人民共和国政府信息公开条例》第十六条第二款", review_on=dt.date(2026, 12, 31),
    )  # fmt: skip
    services.negative_entry_create(
        actor=office, organisation=bureau, category=NegativeCategory.STATE_SECRET,
        description="警卫工作方案、重大活动安保部署",
        legal_basis="《中华人民共和国政府信息公开条例》第十四条；《中华人民共和国保守国家秘密法》",
        review_on=dt.date(2026, 12, 31),
    )  # fmt: skip
    fields = services.ItemFields(
        title="2025年第三季度专项行动内部部署会议纪要",
        section=Section.BUSINESS,
        body="<p>内部会议纪要，仅供内部使用。</p>",
        label=DisclosureLabel.WITHHELD,
        label_reason="属于执法过程中的内部审批材料",
        negative_entry=entry,
    )
    item = services.item_create(
        actor=users["fazhi"], organisation=bureau, unit=units["fzzd"], fields=fields
    )
    _through_review(item, users)
    _negative_history(bureau, office, entry)
    # Last year's self-check (条例 art. 18), decided and signed off: readable as an earlier year.
    last_year = timezone.localdate().year - 1
    services.self_check_decide(
        item=item, actor=office, year=last_year, label=DisclosureLabel.WITHHELD,
        comment="仍属执法过程中的内部审批材料，继续不予公开",
    )  # fmt: skip
    services.self_check_sign_off(
        actor=office, organisation=bureau, year=last_year, note="已对全部不予公开信息进行自查"
    )


def _negative_history(bureau, office, entry) -> None:
    """An entry reviewed (edited), one retired, one past its review date (flagged)."""
    services.negative_entry_update(
        entry=entry, actor=office, reason="年度复核：仍属执法案卷，延长复核期",
        fields=services.NegativeFields(
            entry.category, entry.description, entry.legal_basis, dt.date(2027, 12, 31)
        ),
    )  # fmt: skip
    retired = services.negative_entry_create(
        actor=office, organisation=bureau, category=NegativeCategory.INTERNAL,
        description="2019年版内部考核评分细则", legal_basis="《中华人民共和国政府信息公开条例》第十六条第一款",
        review_on=dt.date(2025, 12, 31),
    )  # fmt: skip
    services.negative_entry_retire(entry=retired, actor=office, reason="细则已废止，不再列入清单")
    services.negative_entry_create(
        actor=office, organisation=bureau, category=NegativeCategory.PROCESS,
        description="人事任免酝酿过程中的讨论记录", legal_basis="《中华人民共和国政府信息公开条例》第十六条第二款",
        review_on=dt.date(2026, 6, 30),
    )  # fmt: skip
    services.negative_entries_flag_due(today=timezone.localdate())


def _normative(bureau, office, policy: Item) -> None:
    documents = [
        (NormativeKind.NORMATIVE, "湛江市公安局关于规范户口迁移审批的规定", "湛公规〔2019〕1号",
         dt.date(2019, 3, 1), dt.date(2024, 2, 28)),
        (NormativeKind.NORMATIVE, "湛江市公安局机动车临时号牌管理办法", "湛公规〔2023〕2号",
         dt.date(2023, 5, 10), dt.date(2028, 5, 9)),
    ]  # fmt: skip
    for kind, title, number, issued, until in documents:
        services.normative_document_register(
            actor=office, organisation=bureau,
            fields=services.NormativeFields(kind, title, number, issued, issued, until),
        )  # fmt: skip
    services.normative_documents_expire_due(today=timezone.localdate())
