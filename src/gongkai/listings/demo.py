"""Demo content: part of 湛江市公安局's powers list, the kinds of 事项 a public security
bureau handles (户籍, 出入境, 交通管理, 治安), added and adjusted through the services.

Seeds 000 (湛江市公安局) and 003 (a provincial bureau's list of 974 powers, each with its
设定依据, 行使主体, 责任事项, 追责情形, 监督方式 and 救济途径) are the models.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.demo import BUREAU, DemoContext, register
from gongkai.core.models import Organisation, StaffProfile
from gongkai.listings.law import PowerKind
from gongkai.listings.models import Leader, Power
from gongkai.listings.profiles import leader_add, profile_set
from gongkai.listings.services import PowerFields, power_create, power_set_active, power_update

LISTED_ON = dt.date(2026, 3, 2)
FIRST_REASON = "按照广东省权责清单编制要求首次公布"
ACCOUNTABILITY = (
    "因不履行或不正确履行行政职责，有下列情形的，承担相应责任：1. 对符合法定条件的申请不予受理、"
    "不予办理或者不在法定期限内作出决定的；2. 对不符合法定条件的申请准予办理的；3. 违反法定程序的；"
    "4. 办理过程中滥用职权、玩忽职守、徇私舞弊的；5. 其他违反法律法规规章规定的行为。"
)
SUPERVISION = "湛江市公安局法制支队、督察支队监督；监督电话 0759-3183110；接受社会监督。"
REMEDY = "对决定不服的，可以自知道之日起六十日内向湛江市人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。"
LICENSING_DUTIES = "1. 受理责任：公示办理条件、材料，一次性告知补正；2. 审查责任：审核申请材料；3. 决定责任：作出准予或不予办理的决定，不予办理的说明理由；4. 送达责任：送达证件或决定书；5. 事后监管责任；6. 其他法律法规规章规定应履行的责任。"
PENALTY_DUTIES = "1. 立案责任；2. 调查取证责任：全面、客观、公正调查，出示执法证件；3. 审查责任；4. 告知责任：告知拟作出的处罚及陈述、申辩、听证权利；5. 决定责任；6. 送达责任；7. 执行责任；8. 其他法律法规规章规定应履行的责任。"

# (code, name, kind, bases, exercised by, duties)
POWERS = [
    ("440800-GA-XK-001", "户口迁移审批", PowerKind.LICENSING,
     [("中华人民共和国户口登记条例", "第十条")], "湛江市公安局（户政科）、各县（市、区）公安机关", LICENSING_DUTIES),
    ("440800-GA-XK-002", "居民身份证核发", PowerKind.LICENSING,
     [("中华人民共和国居民身份证法", "第八条")], "县级公安机关（派出所受理）", LICENSING_DUTIES),
    ("440800-GA-QR-001", "出生登记", PowerKind.CONFIRMATION,
     [("中华人民共和国户口登记条例", "第七条")], "常住地户口登记机关（派出所）", LICENSING_DUTIES),
    ("440800-GA-XK-003", "内地居民普通护照签发", PowerKind.LICENSING,
     [("中华人民共和国护照法", "第四条"), ("中华人民共和国出境入境管理法", "第九条")],
     "湛江市公安局出入境管理支队", LICENSING_DUTIES),
    ("440800-GA-XK-004", "外国人停留期限延长", PowerKind.LICENSING,
     [("中华人民共和国出境入境管理法", "第二十九条")], "湛江市公安局出入境管理支队", LICENSING_DUTIES),
    ("440800-GA-XK-005", "外国人居留证件签发", PowerKind.LICENSING,
     [("中华人民共和国出境入境管理法", "第三十条")], "湛江市公安局出入境管理支队", LICENSING_DUTIES),
    ("440800-GA-XK-006", "机动车驾驶证核发", PowerKind.LICENSING,
     [("中华人民共和国道路交通安全法", "第十九条")], "湛江市公安局交通警察支队车辆管理所", LICENSING_DUTIES),
    ("440800-GA-XK-007", "机动车登记", PowerKind.LICENSING,
     [("中华人民共和国道路交通安全法", "第八条"), ("中华人民共和国道路交通安全法", "第九条")],
     "湛江市公安局交通警察支队车辆管理所", LICENSING_DUTIES),
    ("440800-GA-CF-001", "对饮酒后驾驶机动车的处罚", PowerKind.PENALTY,
     [("中华人民共和国道路交通安全法", "第九十一条第一款")], "湛江市公安局交通警察支队", PENALTY_DUTIES),
    ("440800-GA-QZ-001", "先予扣留机动车驾驶证", PowerKind.COERCION,
     [("中华人民共和国道路交通安全法", "第一百一十条")], "湛江市公安局交通警察支队", PENALTY_DUTIES),
    ("440800-GA-QR-002", "道路交通事故认定", PowerKind.CONFIRMATION,
     [("中华人民共和国道路交通安全法", "第七十三条")], "湛江市公安局交通警察支队", LICENSING_DUTIES),
    ("440800-GA-XK-008", "旅馆业特种行业许可证核发", PowerKind.LICENSING,
     [("旅馆业治安管理办法", "第四条")], "湛江市公安局治安管理支队、各县（市、区）公安机关", LICENSING_DUTIES),
    ("440800-GA-XK-009", "大型群众性活动安全许可", PowerKind.LICENSING,
     [("大型群众性活动安全管理条例", "第十一条")], "湛江市公安局治安管理支队", LICENSING_DUTIES),
    ("440800-GA-JC-001", "派出所日常消防监督检查", PowerKind.INSPECTION,
     [("中华人民共和国消防法", "第五十三条")], "各公安派出所", PENALTY_DUTIES),
    ("440800-GA-JL-001", "对举报毒品违法犯罪有功人员的奖励", PowerKind.REWARD,
     [("中华人民共和国禁毒法", "第九条")], "湛江市公安局禁毒支队", LICENSING_DUTIES),
]  # fmt: skip


@register(50, gettext_lazy("powers list"))
def load_powers(context: DemoContext) -> None:
    bureau = Organisation.objects.get(code=BUREAU[0])
    if Power.objects.filter(organisation=bureau).exists():
        context.log(_("Already loaded."))
        return
    office = StaffProfile.objects.get(user__username="gongkaiban").user
    created = {}
    for code, name, kind, bases, exercised_by, duties in POWERS:
        created[code] = power_create(
            actor=office,
            organisation=bureau,
            fields=PowerFields(
                code=code,
                name=name,
                kind=kind,
                bases=bases,
                exercised_by=exercised_by,
                responsibilities=duties,
                accountability=ACCOUNTABILITY,
                supervision=SUPERVISION,
                remedy=REMEDY,
            ),
            changed_on=LISTED_ON,
            reason=FIRST_REASON,
        )
    migration = created["440800-GA-XK-001"]
    power_update(
        actor=office,
        power=migration,
        fields=PowerFields(
            code=migration.code,
            name="户口迁移审批（含跨省通办）",
            kind=migration.kind,
            bases=[("中华人民共和国户口登记条例", "第十条")],
            exercised_by="湛江市公安局（户政科）、各县（市、区）公安机关、各公安派出所",
            responsibilities=migration.responsibilities,
            accountability=ACCOUNTABILITY,
            supervision=SUPERVISION,
            remedy=REMEDY,
        ),
        changed_on=dt.date(2026, 9, 1),
        reason="落实户籍业务“跨省通办”，派出所可受理迁移申请，相应调整事项名称和行使主体",
    )
    power_set_active(
        actor=office,
        power=created["440800-GA-JC-001"],
        active=False,
        changed_on=dt.date(2026, 10, 15),
        reason="经核查，该事项由消防救援机构统一列入清单，本局清单不再重复列明",
    )
    context.log(_("%(count)d powers.") % {"count": len(POWERS)})


# 《中华人民共和国人民警察法》第六条 lists the duties of the public security police.
FUNCTIONS = """贯彻执行国家和省关于公安工作的方针、政策和法律法规，部署、指导全市公安工作。
预防、制止和侦查违法犯罪活动，维护社会治安秩序，制止危害社会治安秩序的行为。
维护交通安全和交通秩序，处理交通事故；组织、实施消防工作，实行消防监督。
管理户政、国籍、入境出境事务和外国人在中国境内居留、旅行的有关事务。
管理枪支弹药、管制刀具和易燃易爆、剧毒、放射性等危险物品；管理法律法规规定的特种行业。
监督管理计算机信息系统的安全保护工作；指导和监督国家机关、社会团体、企业事业组织和重点建设工程的治安保卫工作。"""
UNIT_DUTIES = {
    "gkb": (
        "负责全局政务公开工作的组织协调、指导监督；受理和办理政府信息公开申请；编制政府信息公开工作年度报告。",
        "0759-3183110",
    ),
    "fzzd": (
        "负责执法监督、行政复议、行政诉讼应诉；审核规范性文件和重大行政决策；组织权责清单编制和动态调整。",
        "",
    ),
    "hzk": ("负责全市户籍、居民身份证和人口管理工作的指导；办理户口迁移审批等事项。", ""),
    "zhzx": ("负责110接处警和警情调度指挥，处置突发事件和重大警情。", "110"),
}
LEADERS = [
    ("周建国", "党委书记、局长", "主持全面工作；分管政治处、指挥中心。"),
    ("陈志勇", "党委委员、副局长", "分管法制支队、户政科、出入境管理支队，负责政务公开工作。"),
    ("李海燕", "党委委员、副局长", "分管交通警察支队、治安管理支队、网警支队。"),
]  # fmt: skip


@register(51, gettext_lazy("organisation profile"))
def load_profile(context: DemoContext) -> None:
    bureau = Organisation.objects.get(code=BUREAU[0])
    if Leader.objects.filter(organisation=bureau).exists():
        context.log(_("Already loaded."))
        return
    office = StaffProfile.objects.get(user__username="gongkaiban").user
    profile_set(actor=office, organisation=bureau, functions=FUNCTIONS)
    for code, (duties, phone) in UNIT_DUTIES.items():
        unit = Organisation.objects.get(code=code)
        profile_set(actor=office, organisation=unit, functions=duties, phone=phone)
    for position, (name, title, duties) in enumerate(LEADERS, start=1):
        leader_add(
            actor=office,
            organisation=bureau,
            name=name,
            title=title,
            duties=duties,
            position=position,
        )
    context.log(_("%(count)d leaders.") % {"count": len(LEADERS)})
