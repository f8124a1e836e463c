"""Participation rules from law and policy, declared once, each with its source.

Consultation minimums: 行政规范性文件 drafts at least 7 working days (core rule
``consultation_minimum``: 国办发〔2018〕37号), 30 days when closely tied to business
activity (《优化营商环境条例》 art. 62: "向社会公开征求意见的期限一般不少于30日"); 规章 drafts generally at least 30 days (《规章制定程序条例》
art. 15); 重大行政决策 drafts generally at least 30 days (《重大行政决策程序暂行条例》 art. 15).
The 30-day minimums are calendar days. The office may shorten a period only with a
stated reason (both regulations say "一般不少于30日", so a shorter period needs a reason).

Incident clocks are core's hour rules (国办发〔2016〕61号 《关于在政务公开工作中进一步做好政务舆情
回应的通知》: 5 h / 24 h for major emergencies, 48 h for other incidents). Mailbox reply periods are
local practice: the office edits them (``LetterCategory``); these are the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from gongkai.core.law import CLOCK_RULES, LimitUnit


@dataclass(frozen=True)
class PeriodRule:
    kind: str
    unit: LimitUnit
    amount: int
    source: str


# Keyed by Consultation.Kind values (kept as plain strings so law does not import models).
CONSULTATION_MINIMUMS: dict[str, PeriodRule] = {
    "normative": PeriodRule(
        "normative",
        CLOCK_RULES["consultation_minimum"].unit,
        CLOCK_RULES["consultation_minimum"].amount,
        CLOCK_RULES["consultation_minimum"].source,
    ),
    "normative_business": PeriodRule(
        "normative_business",
        LimitUnit.DAYS,
        30,
        "《优化营商环境条例》第六十二条（与市场主体生产经营活动密切相关的行政规范性文件）",
    ),
    "rule": PeriodRule("rule", LimitUnit.DAYS, 30, "《规章制定程序条例》第十五条"),
    "major_decision": PeriodRule(
        "major_decision", LimitUnit.DAYS, 30, "《重大行政决策程序暂行条例》第十五条"
    ),
}

# Mailbox reply periods in working days: local practice, editable by the office.
LETTER_CATEGORY_DEFAULTS: tuple[tuple[str, object, int], ...] = (
    ("consult", _("Enquiry"), 5),
    ("suggestion", _("Suggestion"), 15),
    ("complaint", _("Complaint"), 15),
    ("leader", _("Leader's mailbox"), 15),
)
LETTER_CATEGORY_SOURCE = "地方实践（本机关可修改的默认值）"

# 国办秘函〔2019〕19号 (政府网站检查指标): a valid message left unanswered for over
# 3 months, looking back over the past year, fails the interaction check.
SITE_CHECK_UNANSWERED_MONTHS = 3
SITE_CHECK_LOOKBACK_DAYS = 365
SITE_CHECK_SOURCE = "国办秘函〔2019〕19号"

# 《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》 art. 43: answer within
# 3 months of assignment; 《政协全国委员会提案工作条例》 (and local 提案工作条例): 3 months.
PROPOSAL_REPLY_MONTHS = 3
PROPOSAL_REPLY_SOURCES = {
    "npc_suggestion": "《代表法》第四十三条",
    "cppcc_proposal": "《政协全国委员会提案工作条例》",
}

# Opinion incidents (国办发〔2016〕61号): which core hour rules run for which severity.
INCIDENT_CLOCKS: dict[str, tuple[str, ...]] = {
    "especially_major": ("incident_information", "incident_press_conference"),
    "major": ("incident_information", "incident_press_conference"),
    "general": ("incident_response",),
}
# Which response kinds satisfy which clock.
INCIDENT_RESPONSE_STOPS: dict[str, tuple[str, ...]] = {
    "statement": ("incident_information", "incident_response"),
    "press_conference": ("incident_information", "incident_press_conference", "incident_response"),
    "interview": ("incident_information", "incident_response"),
    "online": ("incident_information", "incident_response"),
    "follow_up": (),
}

# Moderation limits for public comments and letters (local practice, not law).
COMMENT_MAX_CHARS = 5000
LETTER_MAX_CHARS = 10000
SPAM_MAX_LINKS = 2
SPAM_MAX_REPEAT = 12
