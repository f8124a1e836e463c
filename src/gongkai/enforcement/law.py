"""The rules of 行政执法公示, declared once with their sources.

Sources:
- 《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》
  (国办发〔2018〕118号), 二、全面推行行政执法公示制度:
  * 强化事前公开: the 执法主体, 人员, 职责, 权限, 依据, 程序, 救济渠道 and the 随机抽查事项清单
    are public; each body publishes its 执法流程图;
  * 加强事后公开: "行政执法机关要在执法决定作出之日起20个工作日内，向社会公布执法机关、执法对象、
    执法类别、执法结论等信息……行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内
    公开，但法律、行政法规另有规定的除外" and "已公开的行政执法决定被依法撤销、确认违法或者要求重新
    作出的，应当及时从信息公示平台撤下原行政执法决定信息" (so a withdrawn decision's content leaves
    the site; the fact, date and reason of the withdrawal stay public);
  * personal privacy: information that touches 个人隐私 and must be published is published after
    "适当处理" — here a natural person is named by surname + 某 with no ID number, and the
    free text goes through ``gongkai.privacy`` (also 《政府信息公开条例》第十五条).
- 双随机、一公开: 《国务院办公厅关于推广随机抽查规范事中事后监管的通知》(国办发〔2015〕58号) — a
  list of inspection targets and one of inspectors (检查对象名录库、执法检查人员名录库), random
  draws, results public; seeds 001 and 002 ask for it.
- Seeds 000 (湛江市公安局: 全面推行行政执法公示和全过程记录制度; 裁量基准 public) and 002
  (职责权限、执法依据、裁量基准、执法流程、执法结果、救济途径).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

SOURCE_118 = "国办发〔2018〕118号"


class DecisionKind(models.TextChoices):
    LICENSING = "licensing", _("Administrative licensing")
    PENALTY = "penalty", _("Administrative penalty")
    COERCION = "coercion", _("Administrative coercion")
    INSPECTION = "inspection", _("Administrative inspection")


@dataclass(frozen=True)
class PublicityLimit:
    working_days: int
    # The core clock rule (gongkai.core.law) that runs for the kind, if any.
    clock_rule: str | None
    source: str


# 国办发〔2018〕118号 加强事后公开: licences and penalties within 7 working days of the decision;
# other enforcement decisions (执法机关、对象、类别、结论) within 20 working days.
PUBLICITY_LIMITS: dict[str, PublicityLimit] = {
    DecisionKind.LICENSING: PublicityLimit(7, "enforcement_publicity", SOURCE_118),
    DecisionKind.PENALTY: PublicityLimit(7, "enforcement_publicity", SOURCE_118),
    DecisionKind.COERCION: PublicityLimit(20, None, SOURCE_118),
    DecisionKind.INSPECTION: PublicityLimit(20, None, SOURCE_118),
}


class PartyKind(models.TextChoices):
    NATURAL = "natural", _("Natural person")
    LEGAL = "legal", _("Legal person or other organisation")


# Masking a natural person: the surname and 某 (王某, 欧阳某), never the ID number.
PARTY_MASK = "某"


class Withdrawal(models.TextChoices):
    REVOKED = "revoked", _("Revoked")
    CHANGED = "changed", _("Changed by a new decision")
    ILLEGAL = "illegal", _("Confirmed illegal")


class BodyKind(models.TextChoices):
    AGENCY = "agency", _("Administrative agency")
    AUTHORISED = "authorised", _("Organisation authorised by law")
    ENTRUSTED = "entrusted", _("Entrusted organisation")


class TargetCategory(models.TextChoices):
    ENTERTAINMENT = "entertainment", _("Entertainment venue")
    HOTEL = "hotel", _("Hotel business")
    SEAL = "seal", _("Seal engraving")
    OTHER = "other", _("Other")


class InspectionOutcome(models.TextChoices):
    NO_PROBLEM = "no_problem", _("No problem found")
    RECTIFY = "rectify", _("Ordered to rectify")
    CASE = "case", _("Case opened")


# The draw (双随机): anyone can re-run it from the recorded seed and the two lists' snapshots.
DRAW_ALGORITHM = (
    "python-random-sample-v1: rng = random.Random(int(seed)); "
    "targets = rng.sample(sorted(target_codes), k); "
    "for each target in that order: rng.sample(sorted(inspector_codes), m)"
)
# Codes in the lists are ASCII so that sorting is the same in Python and in the browser.
CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"
