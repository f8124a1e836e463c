"""Time limits from law, declared once, each with its source.

Every statutory clock in the platform names one of these rules. The numbers are
the law's; nothing else in the code repeats them. Sources are cited as people read them on
the clock pages, in Chinese (条例 = 《中华人民共和国政府信息公开条例》, 国务院令第711号;
see docs/rules.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


class LimitUnit(StrEnum):
    WORKING_DAYS = "working_days"
    HOURS = "hours"
    DAYS = "days"


@dataclass(frozen=True)
class ClockRule:
    code: str
    label: StrOrPromise
    unit: LimitUnit
    amount: int
    source: str


_RULES = (
    ClockRule(
        "foi_reply",
        _("Reply to a disclosure request"),
        LimitUnit.WORKING_DAYS,
        20,
        "《政府信息公开条例》第三十三条第二款",
    ),
    ClockRule(
        "foi_supplement_notice",
        _("Notice asking for a supplement"),
        LimitUnit.WORKING_DAYS,
        7,
        "《政府信息公开条例》第三十条",
    ),
    ClockRule(
        "foi_third_party",
        _("Third-party opinion"),
        LimitUnit.WORKING_DAYS,
        15,
        "《政府信息公开条例》第三十二条",
    ),
    ClockRule(
        "foi_other_agency",
        _("Opinion of another agency"),
        LimitUnit.WORKING_DAYS,
        15,
        "《政府信息公开条例》第三十四条",
    ),
    ClockRule(
        "foi_fee_payment",
        _("Payment of a processing fee"),
        LimitUnit.WORKING_DAYS,
        20,
        "国办函〔2020〕109号第八条",
    ),
    ClockRule(
        "proactive_publish",
        _("Proactive disclosure"),
        LimitUnit.WORKING_DAYS,
        20,
        "《政府信息公开条例》第二十六条",
    ),
    ClockRule(
        "interpretation",
        _("Policy interpretation"),
        LimitUnit.WORKING_DAYS,
        3,
        "地方实践：西市区2018年政务公开工作要点；湛江市公安局2017年实施方案第11项任务",
    ),
    ClockRule(
        "service_guide_change",
        _("Changed service guide"),
        LimitUnit.WORKING_DAYS,
        1,
        "地方实践：西市区2018年政务公开工作要点",
    ),
    ClockRule(
        "enforcement_publicity",
        _("Licence and penalty publicity"),
        LimitUnit.WORKING_DAYS,
        7,
        # "行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开" (加强事后公开)
        "国办发〔2018〕118号",
    ),
    ClockRule(
        "budget_publication",
        _("Budget and final accounts publicity"),
        LimitUnit.DAYS,
        20,
        # "经本级政府财政部门批复的部门预算、决算及报表，应当在批复后二十日内由各部门向社会公开"
        "《中华人民共和国预算法》第十四条第二款",
    ),
    ClockRule(
        "consultation_minimum",
        _("Minimum consultation period"),
        LimitUnit.WORKING_DAYS,
        7,
        "国办发〔2018〕37号（行政规范性文件）；西市区2018年政务公开工作要点",
    ),
    ClockRule(
        "incident_information",
        _("Authoritative information on a major incident"),
        LimitUnit.HOURS,
        5,
        # "最迟要在5小时内发布权威信息，在24小时内举行新闻发布会" (国办发〔2016〕61号 art. 3)
        "国办发〔2016〕61号；长治市公安局上党分局2023年方案",
    ),
    ClockRule(
        "incident_press_conference",
        _("Press conference on a major incident"),
        LimitUnit.HOURS,
        24,
        "国办发〔2016〕61号",
    ),
    ClockRule(
        "incident_response",
        _("Response to an opinion incident"),
        LimitUnit.HOURS,
        48,
        # "对其他政务舆情应在48小时内予以回应" (国办发〔2016〕61号)
        "国办发〔2016〕61号",
    ),
    ClockRule(
        "yearly_report",
        _("Yearly report"),
        LimitUnit.DAYS,
        31,
        "《政府信息公开条例》第四十九条（次年1月31日前）",
    ),
)

CLOCK_RULES: dict[str, ClockRule] = {rule.code: rule for rule in _RULES}
CLOCK_RULE_CHOICES = [(rule.code, rule.label) for rule in _RULES]

# 条例 art. 33: one extension, of at most 20 working days.
MAX_EXTENSION_WORKING_DAYS = 20


def clock_rule(code: str) -> ClockRule:
    return CLOCK_RULES[code]


# The festivals every yearly notice arranges: 《全国年节及纪念日放假办法》 art. 2 (国务院令
# 第795号, in force 2025-01-01). A notice line may name two at once (国庆节、中秋节); each
# festival is recognised by the word the notices use for it.
NATIONAL_FESTIVALS: tuple[tuple[str, str], ...] = (
    ("元旦", "元旦"),
    ("春节", "春节"),
    ("清明节", "清明"),
    ("劳动节", "劳动节"),
    ("端午节", "端午"),
    ("中秋节", "中秋"),
    ("国庆节", "国庆"),
)
NATIONAL_FESTIVALS_SOURCE = "《全国年节及纪念日放假办法》第二条"
