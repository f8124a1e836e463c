"""Rules of proactive disclosure that come from law and policy, declared once with sources.

Sources (see docs/rules.md): 条例 = 《中华人民共和国政府信息公开条例》 (国务院令第711号);
国办发〔2016〕80号 (公文公开属性); 西市区2018年政务公开工作要点 (seed 001: 主动公开基本目录, 共性/个性);
云南省公安厅2017年报告 (seed 003: 删减后公开); 湛江市公安局2017年实施方案 (seed 000: 先审查、后公开,
一事一审; 谁起草谁解读); 长治市公安局上党分局2023年方案 (seed 002: yearly self-check of withheld items).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gongkai.core.models import Role


class DisclosureLabel(models.TextChoices):
    """公文公开属性, fixed at drafting (国办发〔2016〕80号); 删减后公开 is local practice (seed 003)."""

    PROACTIVE = "proactive", _("Proactive disclosure")
    ON_REQUEST = "on_request", _("Disclosure on request")
    REDACTED = "redacted", _("Disclosure after redaction")
    WITHHELD = "withheld", _("Not to be disclosed")


# Labels whose items go to the public after review.
PUBLISHABLE_LABELS = frozenset({DisclosureLabel.PROACTIVE, DisclosureLabel.REDACTED})
# 国办发〔2016〕80号: "对不予公开的，要说明理由": anything but 主动公开 states reason and basis.
LABELS_NEEDING_REASON = frozenset(
    {DisclosureLabel.ON_REQUEST, DisclosureLabel.REDACTED, DisclosureLabel.WITHHELD}
)
# An article citation such as 条例第十四条 / 第16条 (for a 不予公开 label without a list entry).
ARTICLE_PATTERN = re.compile(r"第[一二三四五六七八九十百零〇\d]+条")


class SectionGroup(models.TextChoices):
    """主动公开基本目录 categories (seed 001: 目录要按共性信息和个性信息进行分类)."""

    COMMON = "common", _("Common information")
    SPECIFIC = "specific", _("Specific information")


class Section(models.TextChoices):
    """Catalog sections. Seed 001: 共性信息包括机构设置、政府文件、政策解读、舆情回应、法律法规等;
    个性信息包括部门业务信息和重大建设项目批准和实施、公共资源配置、社会公益事业建设等重点领域信息."""

    FUNCTIONS = "functions", _("Organisation and functions")
    POLICY = "policy", _("Policy documents")
    INTERPRETATION = "interpretation", _("Policy interpretations")
    OPINION_RESPONSE = "opinion_response", _("Responses to public opinion")
    LAWS = "laws", _("Laws and regulations")
    BUSINESS = "business", _("Business information")
    MAJOR_PROJECTS = "major_projects", _("Major construction projects")
    PUBLIC_RESOURCES = "public_resources", _("Allocation of public resources")
    PUBLIC_WELFARE = "public_welfare", _("Public welfare undertakings")


SECTION_GROUPS: dict[str, str] = {
    Section.FUNCTIONS: SectionGroup.COMMON,
    Section.POLICY: SectionGroup.COMMON,
    Section.INTERPRETATION: SectionGroup.COMMON,
    Section.OPINION_RESPONSE: SectionGroup.COMMON,
    Section.LAWS: SectionGroup.COMMON,
    Section.BUSINESS: SectionGroup.SPECIFIC,
    Section.MAJOR_PROJECTS: SectionGroup.SPECIFIC,
    Section.PUBLIC_RESOURCES: SectionGroup.SPECIFIC,
    Section.PUBLIC_WELFARE: SectionGroup.SPECIFIC,
}


class Validity(models.TextChoices):
    """有效性 of a catalog entry."""

    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    REPEALED = "repealed", _("Repealed")


class InterpretationForm(models.TextChoices):
    """Forms of 政策解读 (seed 000 task 11; seed 001: 图解、音视频、问答、新闻发布会)."""

    TEXT = "text", _("Written text")
    GRAPHIC = "graphic", _("Graphic")
    AUDIO_VIDEO = "audio_video", _("Audio and video")
    QA = "qa", _("Questions and answers")
    PRESS_CONFERENCE = "press_conference", _("Press conference")


class NegativeCategory(models.TextChoices):
    """负面清单 categories: the exemptions of 条例 arts. 14–16 (seed 002: 细化明确不予公开范围)."""

    STATE_SECRET = "state_secret", _("State secret (art. 14)")
    PROHIBITED = "prohibited", _("Prohibited by law (art. 14)")
    THREE_SAFETIES = "three_safeties", _("Endangers security or stability (art. 14)")
    THIRD_PARTY = "third_party", _("Trade secret or privacy of a third party (art. 15)")
    INTERNAL = "internal", _("Internal affairs (art. 16)")
    PROCESS = "process", _("Process information (art. 16)")
    ENFORCEMENT_FILE = "enforcement_file", _("Enforcement case file (art. 16)")


@dataclass(frozen=True)
class ReviewStepRule:
    """One default review step (seed 000: 先审查、后公开, 一事一审; 条例 art. 17 保密审查)."""

    kind: str
    role: Role
    source: str


class ReviewKind(models.TextChoices):
    SECRECY = "secrecy", _("Secrecy review")
    APPROVAL = "approval", _("Leader approval")


DEFAULT_REVIEW_STEPS: tuple[ReviewStepRule, ...] = (
    ReviewStepRule(ReviewKind.SECRECY, Role.REVIEWER, "条例 art. 17; seed 000 (先审查、后公开)"),
    ReviewStepRule(ReviewKind.APPROVAL, Role.LEADER, "seed 000 (一事一审); 国办发〔2016〕80号"),
)

# The clock rules (core.law.CLOCK_RULES) this app starts.
PUBLISH_CLOCK_RULE = "proactive_publish"  # 条例 art. 26: 20 working days from formed or changed
INTERPRETATION_CLOCK_RULE = "interpretation"  # 3 working days, 谁起草谁解读 (seeds 000, 001)

# 文号: agency abbreviation, year in 〔〕 and a number, e.g. 湛公通〔2017〕12号 (GB/T 9704-2012 7.2.4:
# "年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位").
DOCUMENT_NUMBER_PATTERN = re.compile(
    r"^(?P<agency>[\u4e00-\u9fff]{1,20})〔(?P<year>\d{4})〕(?P<n>[1-9]\d{0,4})号$"
)
# Brackets people type instead of 〔〕, normalised before validation.
DOCUMENT_NUMBER_BRACKETS = str.maketrans(
    {"[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕", "(": "〔", ")": "〕"}
)
DOCUMENT_NUMBER_BRACKETS.update(str.maketrans({"（": "〔", "）": "〕"}))


class NormativeKind(models.TextChoices):
    """Rows of the yearly report's section 二 table 第二十条第（一）项 (国办公开办函〔2021〕30号)."""

    REGULATION = "regulation", _("Regulation")
    NORMATIVE = "normative", _("Administrative normative document")


class NormativeStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("Amended")
    REPEALED = "repealed", _("Repealed")
    EXPIRED = "expired", _("Expired")


# 现行有效: an amended document stays in force in its amended form.
NORMATIVE_IN_FORCE = frozenset({NormativeStatus.IN_FORCE, NormativeStatus.AMENDED})


class CleanupOutcome(models.TextChoices):
    """清理结果 per document: 继续有效 / 修改 / 废止 / 宣布失效."""

    KEEP = "keep", _("Remains in force")
    AMEND = "amend", _("To be amended")
    REPEAL = "repeal", _("Repealed")
    EXPIRE = "expire", _("Declared expired")


CLEANUP_STATUS: dict[str, str] = {
    CleanupOutcome.KEEP: NormativeStatus.IN_FORCE,
    CleanupOutcome.AMEND: NormativeStatus.AMENDED,
    CleanupOutcome.REPEAL: NormativeStatus.REPEALED,
    CleanupOutcome.EXPIRE: NormativeStatus.EXPIRED,
}

# 政务公开事项标准目录 vocabularies (RULES.md "Standard catalogs", 基层政务公开标准化规范化).
CATALOG_CHANNELS = (
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质载体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏（电子屏）",
    "精准推送",
    "12345政务服务热线",
    "其他",
)
CATALOG_AUDIENCES = ("全社会", "特定群体", "特定群众")
CATALOG_METHODS = ("主动", "依申请")
CATALOG_COLUMNS = (
    "序号",
    "一级事项",
    "二级事项",
    "公开内容（要素）",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道和载体",
    "公开对象",
    "公开方式",
    "公开层级",
)
# "形成或者变更之日起20个工作日内" → 20 working days (条例 art. 26 wording in the catalogs).
CATALOG_TIME_LIMIT = re.compile(r"(\d+)\s*个工作日")
# Default carriers of a catalog entry (发布载体, seed 001).
DEFAULT_CARRIER = "政府网站"


class FindingType(models.TextChoices):
    """The personal-information types of gongkai.privacy (privacy.TYPES)."""

    ID_CARD = "id_card", _("ID number")
    MOBILE = "mobile", _("Mobile number")
    LANDLINE = "landline", _("Landline number")
    BANK_CARD = "bank_card", _("Bank card number")
    EMAIL = "email", _("E-mail address")
    PLATE = "plate", _("Licence plate")
    NAME = "name", _("Personal name")
    ADDRESS = "address", pgettext_lazy("personal information", "Address")
    # Only from a reviewer's span or an office rule: what no detector type covers.
    OTHER = "other", _("Other personal information")
