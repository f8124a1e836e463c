"""Demo content: 湛江市公安局's 行政执法公示, through the services.

Seed 000 (湛江市公安局 2017 plan: 全面推行行政执法公示和全过程记录制度, 裁量基准 public) and
seed 002 (职责权限、执法依据、裁量基准、执法流程、执法结果、救济途径) are the models: 治安管理处罚,
交通违法处罚, 出入境 and 户籍 licences, a 双随机 draw over 娱乐场所, 旅馆业 and 印章刻制. Officers'
names and certificate numbers, parties and businesses are fictional. Decisions are dated in the
last days before the load, so that each is published within its 7 working days.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.demo import BUREAU, DemoContext, credit_code, register
from gongkai.core.models import Organisation, StaffProfile
from gongkai.enforcement import services
from gongkai.enforcement.law import (
    BodyKind,
    DecisionKind,
    InspectionOutcome,
    PartyKind,
    TargetCategory,
    Withdrawal,
)
from gongkai.enforcement.models import EnforcementBody

REMEDY = (
    "对行政处罚、行政许可等决定不服的，可以自知道该决定之日起六十日内向湛江市人民政府申请行政复议，"
    "或者自知道该决定之日起六个月内向有管辖权的人民法院提起行政诉讼。"
)
BODIES = [
    ("湛江市公安局", BodyKind.AGENCY,
     "《中华人民共和国人民警察法》第六条；《中华人民共和国治安管理处罚法》第七条",
     "依法查处违反治安管理行为；实施户籍、居民身份证、出入境证件、特种行业等行政许可；"
     "对娱乐场所、旅馆业、印章刻制业等实施治安管理监督检查。",
     "湛江市赤坎区军民大道（湛江市公安局）", "0759-3183110"),
    ("湛江市公安局交通警察支队", BodyKind.AUTHORISED,
     "《中华人民共和国道路交通安全法》第五条、第八十七条",
     "负责道路交通安全管理，查处道路交通安全违法行为，办理机动车登记和驾驶证业务。",
     "湛江市赤坎区海滨大道北（交警支队）", "0759-3122122"),
]  # fmt: skip
# (body index, name, certificate, field, in the inspector list) — fictional.
OFFICERS = [
    (0, "梁志明", "44080010231", "治安管理", True),
    (0, "陈海涛", "44080010232", "治安管理", True),
    (0, "黄晓东", "44080010475", "治安管理", True),
    (0, "吴丽萍", "44080010518", "户政管理", False),
    (0, "林振华", "44080010602", "出入境管理", False),
    (0, "李建军", "44080010733", "治安管理", True),
    (1, "周国栋", "44080020115", "道路交通管理", False),
    (1, "莫文杰", "44080020126", "道路交通管理", False),
]
PENALTY_STEPS = [
    "受案登记",
    "调查取证（两名以上执法人员，出示执法证件）",
    "告知拟作出处罚的事实、理由、依据及陈述、申辩、听证权利",
    "重大执法决定法制审核",
    "作出处罚决定",
    "送达决定书",
    "执行",
    "7个工作日内公示",
]
LICENCE_STEPS = ["申请", "受理（材料不全的一次性告知补正）", "审查（必要时实地核查）",
                 "作出准予或不予许可决定", "送达证件或决定书", "7个工作日内公示"]  # fmt: skip
# (body index, name, kind, basis, steps, time limit)
MATTERS = [
    (0, "违反治安管理行为的处罚", DecisionKind.PENALTY,
     "《中华人民共和国治安管理处罚法》；《公安机关办理行政案件程序规定》", PENALTY_STEPS,
     "受理之日起三十日内办结；重大复杂案件经批准可延长三十日"),
    (0, "户口迁移审批", DecisionKind.LICENSING, "《中华人民共和国户口登记条例》第十条",
     LICENCE_STEPS, "承诺时限10个工作日"),
    (0, "内地居民普通护照签发", DecisionKind.LICENSING,
     "《中华人民共和国护照法》第四条、第五条；《中华人民共和国出境入境管理法》第九条",
     LICENCE_STEPS, "受理之日起7个工作日内"),
    (0, "旅馆业特种行业许可证核发", DecisionKind.LICENSING, "《旅馆业治安管理办法》第四条",
     LICENCE_STEPS, "受理之日起20个工作日内"),
    (1, "道路交通安全违法行为的处罚", DecisionKind.PENALTY,
     "《中华人民共和国道路交通安全法》第八十七条至第一百一十四条；"
     "《道路交通安全违法行为处理程序规定》", PENALTY_STEPS, "当场或者依一般程序办理"),
]  # fmt: skip
STANDARD = (
    "湛江市公安局治安管理处罚裁量基准（2026年修订）",
    "对《中华人民共和国治安管理处罚法》规定的违反治安管理行为，按情节分为情节较轻、一般、较重三档，"
    "逐项列明处罚种类和幅度；从轻、减轻、从重情形及其适用条件。",
    "一、殴打他人或者故意伤害他人身体（《治安管理处罚法》第四十三条第一款）\n"
    "1. 情节较轻：处五百元以下罚款或者警告；\n2. 一般：处五日以上十日以下拘留，并处二百元以上五百元以下罚款；\n"
    "3. 情节较重：处十日以上十五日以下拘留，并处五百元以上一千元以下罚款。\n",
)


def _decisions(today: dt.date):
    """(days ago, body index, kind, number, matter, party kind, party, credit code, facts,
    basis, content)."""
    hotel = credit_code("91440802MA4W" + "XK3Q8")
    return [
        (5, 0, DecisionKind.PENALTY, "湛公（赤）行罚决字〔{y}〕1023号", "违反治安管理行为的处罚",
         PartyKind.NATURAL, "王小明", "",
         "{y}年{m}月某日22时许，王小明在湛江市赤坎区某娱乐场所内因琐事与他人发生争执，"
         "殴打他人，致一人轻微伤。联系电话13902601234。",
         "《中华人民共和国治安管理处罚法》第四十三条第一款",
         "对王小明处行政拘留五日，并处罚款二百元。"),
        (4, 1, DecisionKind.PENALTY, "湛公交决字〔{y}〕00045号", "道路交通安全违法行为的处罚",
         PartyKind.NATURAL, "陈志强", "",
         "陈志强饮酒后驾驶粤G8K2J1号小型轿车，经呼气酒精含量检测，血液酒精含量为42mg/100ml。",
         "《中华人民共和国道路交通安全法》第九十一条第一款",
         "处暂扣机动车驾驶证六个月，并处罚款一千元。"),
        (3, 0, DecisionKind.PENALTY, "湛公（霞）行罚决字〔{y}〕0588号", "违反治安管理行为的处罚",
         PartyKind.LEGAL, "湛江市霞山区海悦宾馆有限公司", hotel,
         "该宾馆未按规定对住宿旅客身份进行查验、登记，经责令改正后仍未改正。",
         "《中华人民共和国反恐怖主义法》第二十一条、第八十六条第二款",
         "罚款人民币十万元。"),
        (6, 0, DecisionKind.LICENSING, "湛公户迁准字〔{y}〕0317号", "户口迁移审批",
         PartyKind.NATURAL, "李华", "",
         "", "《中华人民共和国户口登记条例》第十条", "准予将户口由广西壮族自治区迁入湛江市赤坎区。"),
        (2, 0, DecisionKind.LICENSING, "湛公出入境准字〔{y}〕2201号", "内地居民普通护照签发",
         PartyKind.NATURAL, "欧阳晓峰", "",
         "", "《中华人民共和国护照法》第四条、第五条", "准予签发普通护照。"),
        (1, 0, DecisionKind.LICENSING, "湛公特许字〔{y}〕0012号", "旅馆业特种行业许可证核发",
         PartyKind.LEGAL, "湛江市赤坎区海湾商务酒店有限公司", credit_code("91440802MA4UJ" + "7R2T"),
         "", "《旅馆业治安管理办法》第四条", "准予核发特种行业许可证（旅馆业）。"),
        (4, 1, DecisionKind.COERCION, "湛公交强字〔{y}〕00102号", "道路交通安全违法行为的处罚",
         PartyKind.NATURAL, "陈志强", "",
         "当事人饮酒后驾驶机动车，依法先予扣留机动车驾驶证。",
         "《中华人民共和国道路交通安全法》第一百一十条第一款", "先予扣留机动车驾驶证。"),
    ]  # fmt: skip


TARGETS = [
    ("YL-001", "湛江市赤坎区金沙湾娱乐有限公司", TargetCategory.ENTERTAINMENT, "91440802MA51A"),
    ("YL-002", "湛江市霞山区星光歌舞厅", TargetCategory.ENTERTAINMENT, "92440803MA52B"),
    ("YL-003", "湛江市麻章区欢乐迪量贩式KTV有限公司", TargetCategory.ENTERTAINMENT, "91440811MA53C"),
    ("YL-004", "湛江市坡头区海滨娱乐城", TargetCategory.ENTERTAINMENT, "91440804MA54D"),
    ("YL-005", "湛江市赤坎区夜色酒吧", TargetCategory.ENTERTAINMENT, "92440802MA55E"),
    ("LG-001", "湛江市赤坎区海湾商务酒店有限公司", TargetCategory.HOTEL, "91440802MA56F"),
    ("LG-002", "湛江市霞山区海悦宾馆有限公司", TargetCategory.HOTEL, "91440803MA57G"),
    ("LG-003", "湛江市麻章区湖光岩度假酒店", TargetCategory.HOTEL, "91440811MA58H"),
    ("LG-004", "湛江市开发区南国大酒店有限公司", TargetCategory.HOTEL, "91440800MA59J"),
    ("LG-005", "湛江市赤坎区民主路家庭旅馆", TargetCategory.HOTEL, "92440802MA60K"),
    ("LG-006", "湛江市霞山区观海长廊青年旅舍", TargetCategory.HOTEL, "92440803MA61L"),
    ("YZ-001", "湛江市赤坎区诚信印章刻制店", TargetCategory.SEAL, "92440802MA62M"),
    ("YZ-002", "湛江市霞山区永安刻章服务部", TargetCategory.SEAL, "92440803MA63N"),
    ("YZ-003", "湛江市麻章区金印印章有限公司", TargetCategory.SEAL, "91440811MA64P"),
]  # fmt: skip


@register(55, gettext_lazy("enforcement publicity"))
def load_enforcement(context: DemoContext) -> None:
    bureau = Organisation.objects.get(code=BUREAU[0])
    if EnforcementBody.objects.filter(organisation=bureau).exists():
        context.log(_("Already loaded."))
        return
    office = StaffProfile.objects.get(user__username="gongkaiban").user
    bodies = [
        services.body_create(actor=office, organisation=bureau, name=name, kind=kind,
                             basis=basis, duties=duties, remedy=REMEDY, address=address,
                             phone=phone, position=i)
        for i, (name, kind, basis, duties, address, phone) in enumerate(BODIES)
    ]  # fmt: skip
    for index, name, certificate, area, inspector in OFFICERS:
        services.officer_create(actor=office, body=bodies[index], name=name,
                                certificate=certificate, area=area, is_inspector=inspector)  # fmt: skip
    for position, (index, name, kind, basis, steps, limit) in enumerate(MATTERS):
        services.matter_create(actor=office, body=bodies[index], name=name, kind=kind,
                               basis=basis, steps=steps, time_limit=limit, position=position)  # fmt: skip
    title, summary, text = STANDARD
    services.standard_create(
        actor=office, organisation=bureau, title=title, summary=summary,
        adopted_on=dt.date(2026, 3, 1), file_name=f"{title}.txt",
        content=text.encode("utf-8"), content_type="text/plain; charset=utf-8",
    )  # fmt: skip
    decisions = _load_decisions(office, bureau, bodies)
    _load_draw(office, bureau)
    context.log(_("%(count)d enforcement decisions.") % {"count": decisions})


def _load_decisions(office, bureau, bodies) -> int:
    today = timezone.localdate()
    published = []
    for (
        ago,
        index,
        kind,
        number,
        title,
        party_kind,
        party,
        code,
        facts,
        basis,
        content,
    ) in _decisions(today):
        day = today - dt.timedelta(days=ago)
        decision = services.decision_create(
            actor=office, organisation=bureau,
            fields=services.DecisionFields(
                body=bodies[index], kind=kind, number=number.format(y=day.year),
                title=title, party_kind=party_kind, party_name=party,
                party_credit_code=code, facts=facts.format(y=day.year, m=day.month),
                basis=basis, content=content, decided_on=day,
            ),
        )  # fmt: skip
        published.append(services.decision_publish(actor=office, decision=decision))
    # A penalty revoked after 行政复议, and a draft waiting for the office's review.
    services.decision_withdraw(
        actor=office, decision=published[2], withdrawal=Withdrawal.REVOKED,
        withdrawn_on=today, reason="经行政复议，湛江市人民政府决定撤销该处罚决定，责令重新作出。",
    )  # fmt: skip
    day = today - dt.timedelta(days=1)
    services.decision_create(
        actor=office, organisation=bureau,
        fields=services.DecisionFields(
            body=bodies[0], kind=DecisionKind.PENALTY,
            number=f"湛公（赤）行罚决字〔{day.year}〕1101号", title="违反治安管理行为的处罚",
            party_kind=PartyKind.NATURAL, party_name="张伟",
            facts="张伟（身份证号码440802199003151234，住湛江市赤坎区南桥街道华景路18号）在公共场所"
                  "故意损毁他人财物，价值人民币三百元。",
            basis="《中华人民共和国治安管理处罚法》第四十九条",
            content="对张伟处罚款五百元。", decided_on=day,
        ),
    )  # fmt: skip
    return len(published) + 1


def _load_draw(office, bureau) -> None:
    for code, name, category, first13 in TARGETS:
        services.target_create(actor=office, organisation=bureau, code=code, name=name,
                               category=category, credit_code=credit_code(first13 + "0001"))  # fmt: skip
    draw = services.draw_run(
        actor=office, organisation=bureau,
        title=f"{timezone.localdate().year}年第四季度娱乐场所、旅馆业、印章刻制业治安检查抽查",
        category="", target_count=5, inspectors_per_target=2, seed=20261201,
    )  # fmt: skip
    outcomes = [
        (InspectionOutcome.NO_PROBLEM, "消防器材、从业人员名簿、治安管理制度齐全，未发现问题。"),
        (InspectionOutcome.RECTIFY, "旅客住宿登记信息上传不及时，已当场责令限期三日内整改。"),
    ]
    for pick, (outcome, summary) in zip(draw.chosen, outcomes, strict=False):
        services.result_publish(actor=office, draw=draw, target_code=pick["target"],
                                inspected_on=draw.drawn_on, outcome=outcome, summary=summary)  # fmt: skip
