"""The assessment's rules, declared once with their sources.

Sources:
- 国务院办公厅《关于全面推进政务公开工作的意见》实施细则 (国办发〔2016〕80号) 六、(三): 政务公开
  is assessed every year and weighs at least 4% of the overall assessment; the bodies
  name a scheme (考核方案) with indicators and points.
- Seed 003 (云南省公安厅2017年政府信息与政务公开工作年度报告) 九、(四): the work is "one of
  the 11 key indicators of the yearly assessment of the bureau's units, 总分50分, 实行通报
  扣分制"; 通报批评 for 重要信息不发布、重大政策不解读、热点回应不及时、信息发布不准确、政府
  网站内容更新不及时.
- Seed 002 (长治市公安局上党分局贯彻落实2023年度政务公开工作考核方案): the areas of a scheme
  (五公开, 政策解读, 回应关切 within 5 hours, 网站监测, 组织领导, 教育培训).
- The time limits the automatic indicators count are ``core.law``'s clocks (条例 art. 33
  for disclosure requests, 3 working days for interpretations); the yearly report is due by
  31 January (条例 art. 49); a mailbox letter by its category's reply period.
- Seed 003 八: 咨询 received through 96128 政府信息查询专线, the online system and at the
  counters, counted by channel for the yearly report; seeds 000 and 001 name 12345 and 8890.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


class IndicatorKind(models.TextChoices):
    MANUAL = "manual", _("By hand")
    FOI_OVERDUE = "foi_overdue", _("Disclosure requests answered late")
    INTERPRETATION_LATE = "interpretation_late", _("Policy interpretations published late")
    LETTERS_UNANSWERED = "letters_unanswered", _("Mailbox letters unanswered past their period")
    YEARLY_REPORT_LATE = "yearly_report_late", _("Yearly report published after 31 January")
    TASKS_OVERDUE = "tasks_overdue", _("Plan tasks overdue")
    NOTICES = "notices", _("Named in an internal notice")
    SITE_MONITOR = "site_monitor", _("Site monitor findings")


AUTOMATIC_KINDS = frozenset(IndicatorKind) - {IndicatorKind.MANUAL}

# The clock rule each clock-based indicator counts (core.law).
CLOCK_INDICATORS = {
    IndicatorKind.FOI_OVERDUE: "foi_reply",
    IndicatorKind.INTERPRETATION_LATE: "interpretation",
}
YEARLY_REPORT_DUE = (1, 31)  # 条例第四十九条: 每年1月31日前


class Channel(models.TextChoices):
    HOTLINE_96128 = "96128", _("96128 information line")
    HOTLINE_12345 = "12345", _("12345 citizen hotline")
    HOTLINE_8890 = "8890", _("8890 service hotline")
    COUNTER = "counter", _("At the counter")
    PHONE = "phone", _("Other telephone")
    ONLINE = "online", _("Online consultation")


class TrainingKind(models.TextChoices):
    TRAINING = "training", _("Training")
    MEETING = "meeting", _("Meeting")


@dataclass(frozen=True)
class IndicatorTemplate:
    name: str
    points: int
    kind: IndicatorKind
    per_case: float = 1
    rule: str = ""


@dataclass(frozen=True)
class RubricTemplate:
    code: str
    label: StrOrPromise
    source: str
    indicators: tuple[IndicatorTemplate, ...]

    @property
    def total(self) -> int:
        return sum(i.points for i in self.indicators)


K = IndicatorKind
# The scheme names are the documents' own words (Chinese whatever the interface language).
RUBRIC_TEMPLATES: dict[str, RubricTemplate] = {
    t.code: t
    for t in (
        RubricTemplate(
            "yunnan2017",
            _("50 points with deductions by notice (seed 003)"),
            "云南省公安厅2017年政府信息与政务公开工作年度报告 九、(四)：总分50分，实行通报扣分制",
            (
                IndicatorTemplate(
                    "依申请公开在法定期限内答复", 10, K.FOI_OVERDUE, 2, "每件超期答复扣2分"
                ),
                IndicatorTemplate(
                    "重大政策及时解读（3个工作日内）",
                    8,
                    K.INTERPRETATION_LATE,
                    2,
                    "每件超期解读扣2分",
                ),
                IndicatorTemplate(
                    "回应关切：信箱来信按期答复", 8, K.LETTERS_UNANSWERED, 1, "每件超期未复扣1分"
                ),
                IndicatorTemplate(
                    "年度报告按时发布（1月31日前）", 4, K.YEARLY_REPORT_LATE, 4, "逾期发布扣4分"
                ),
                IndicatorTemplate("重点任务按期完成", 10, K.TASKS_OVERDUE, 1, "每项逾期任务扣1分"),
                IndicatorTemplate(
                    "通报扣分：重要信息不发布、重大政策不解读、热点回应不及时、信息发布不准确",
                    5,
                    K.NOTICES,
                    1,
                    "每通报一次扣1分",
                ),
                IndicatorTemplate(
                    "政府网站内容更新及时、链接有效", 5, K.SITE_MONITOR, 1, "每个问题扣1分"
                ),
            ),
        ),  # fmt: skip
        RubricTemplate(
            "shangdang2023",
            _("Yearly openness assessment, 100 points (seed 002)"),
            "长治市公安局上党分局贯彻落实《长治市上党区2023年度政务公开工作考核方案》工作方案",
            (
                IndicatorTemplate("决策公开：重大决策预公开、意见收集和采纳情况公布", 10, K.MANUAL),
                IndicatorTemplate("执行和结果公开：督查整改、决策落实情况", 10, K.MANUAL),
                IndicatorTemplate("管理和服务公开：权责清单、公共服务目录", 10, K.MANUAL),
                IndicatorTemplate(
                    "重点领域信息公开和依申请公开", 10, K.FOI_OVERDUE, 2, "每件超期答复扣2分"
                ),
                IndicatorTemplate(
                    "政策解读：谁起草、谁解读", 10, K.INTERPRETATION_LATE, 2, "每件超期解读扣2分"
                ),
                IndicatorTemplate("回应社会关切：重大舆情5小时内发布权威信息", 10, K.MANUAL),
                IndicatorTemplate(
                    "政民互动：信箱来信按期答复", 5, K.LETTERS_UNANSWERED, 1, "每件超期未复扣1分"
                ),
                IndicatorTemplate(
                    "网站建设：日常监测、问题整改", 10, K.SITE_MONITOR, 1, "每个问题扣1分"
                ),
                IndicatorTemplate(
                    "政府信息公开年度报告", 5, K.YEARLY_REPORT_LATE, 5, "逾期发布扣5分"
                ),
                IndicatorTemplate("重点任务按期完成", 5, K.TASKS_OVERDUE, 1, "每项逾期任务扣1分"),
                IndicatorTemplate("组织领导和教育培训", 10, K.MANUAL),
                IndicatorTemplate("通报扣分", 5, K.NOTICES, 1, "每通报一次扣1分"),
            ),
        ),  # fmt: skip
    )
}
