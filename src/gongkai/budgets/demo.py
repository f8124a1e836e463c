"""Demo content: 湛江市公安局's 部门决算 for 2024 and 2025 and 部门预算 for 2026, published
through the services, and 廉江市公安局's 2025 决算 approved and not yet published (its
20-day clock running).

The tables follow the template every unit fills (law.TABLES); the subjects are the 政府收支
分类科目 a public security bureau uses (204 公共安全支出 / 20402 公安, 208 社会保障和就业支出,
221 住房保障支出). Seed 000 asks 湛江市公安局 to publish its 预决算 and 三公经费; the seeds
give no figures, so the amounts here are illustrative, in a plausible proportion.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.budgets.law import DocumentKind
from gongkai.budgets.models import BudgetDocument
from gongkai.budgets.services import (
    budget_create,
    budget_publish,
    budget_table_set,
    budget_three_set,
)
from gongkai.core.clockmath import CHINA
from gongkai.core.demo import BUREAU, DemoContext, register
from gongkai.core.models import Organisation, StaffProfile

D = Decimal
# Expenditure by subject: (code, name, basic, project) in 万元 at scale 1.
EXPENDITURE = [
    ("2040201", "行政运行", D("61234.50"), D("0")),
    ("2040202", "一般行政管理事务", D("0"), D("9420.18")),
    ("2040219", "信息化建设", D("0"), D("6835.00")),
    ("2040220", "执法办案", D("0"), D("12460.72")),
    ("2040221", "特别业务", D("0"), D("4318.40")),
    ("2080505", "机关事业单位基本养老保险缴费支出", D("7425.66"), D("0")),
    ("2210201", "住房公积金", D("6945.06"), D("0")),
]
# Basic expenditure by economic class: (code, name, personnel, public).
BASIC = [
    ("301", "工资福利支出", D("0.80"), D("0")),
    ("302", "商品和服务支出", D("0"), D("0.14")),
    ("303", "对个人和家庭的补助", D("0.06"), D("0")),
]
FUND_NOTE = "本单位没有使用政府性基金预算拨款安排的支出，故本表为空表。"
CAPITAL_NOTE = "本单位没有使用国有资本经营预算拨款安排的支出，故本表为空表。"
EXPLANATION = """一、部门职责：湛江市公安局是市人民政府主管全市公安工作的职能部门，负责预防、制止和侦查违法犯罪活动，维护社会治安秩序，管理户政、出入境、交通安全等事务。
二、机构设置：本部门决算（预算）包括市局机关本级及所属各支队、大队，不含各县（市、区）公安局。
三、收支情况：收入全部为财政拨款和其他收入，支出主要用于公安机关行政运行、执法办案、信息化建设和特别业务。
四、机关运行经费：机关运行经费（公用经费）主要用于办公、水电、邮电、差旅、维修等，比上年下降，主要是落实过紧日子要求、压减一般性支出。
五、政府采购、国有资产占有使用、预算绩效管理情况详见相关说明。"""

# (year, kind, approved on, published on, scale, 三公 amounts, counts, reasons)
DOCUMENTS = [
    (2024, DocumentKind.FINAL, dt.date(2025, 8, 20), dt.date(2025, 9, 5), D("0.96"),
     {"abroad": "0", "vehicle_purchase": "412.00", "vehicle_operation": "1086.45", "reception": "48.30"},
     {"abroad_groups": 0, "abroad_people": 0, "reception_batches": 336, "reception_people": 2710,
      "vehicles_bought": 38, "vehicles_held": 826},
     ""),
    (2025, DocumentKind.FINAL, dt.date(2026, 8, 18), dt.date(2026, 9, 4), D("1.00"),
     {"abroad": "0", "vehicle_purchase": "386.00", "vehicle_operation": "1025.30", "reception": "42.15"},
     {"abroad_groups": 0, "abroad_people": 0, "reception_batches": 310, "reception_people": 2480,
      "vehicles_bought": 35, "vehicles_held": 812},
     "2025年“三公”经费支出1453.45万元，比上年减少93.30万元，下降6.0%。其中：公务用车购置费减少26.00万元，"
     "主要是按车辆更新计划减少购置3辆执法执勤用车；公务用车运行维护费减少61.15万元，主要是公务用车保有量减少"
     "14辆及严格用车管理；公务接待费减少6.15万元，主要是严格执行接待标准、压减接待批次。因公出国（境）费无支出。"),
    (2026, DocumentKind.BUDGET, dt.date(2026, 2, 10), dt.date(2026, 2, 27), D("1.03"),
     {"abroad": "0", "vehicle_purchase": "360.00", "vehicle_operation": "1010.00", "reception": "40.00"},
     {"abroad_groups": 0, "abroad_people": 0, "reception_batches": 300, "reception_people": 2400,
      "vehicles_bought": 32, "vehicles_held": 808},
     "2026年“三公”经费预算按照党政机关过紧日子要求编制，公务用车购置费、运行维护费和公务接待费均比上年预算有所压减。"),
]  # fmt: skip


def _line(code: str, name: str, *amounts: Decimal) -> str:
    return "\t".join([code, name, *(str(a.quantize(D("0.01"))) for a in amounts)])


def _tables(scale: Decimal) -> dict[str, str]:
    rows = [
        (c, n, (b * scale).quantize(D("0.01")), (p * scale).quantize(D("0.01")))
        for c, n, b, p in EXPENDITURE
    ]
    basic_total = sum((r[2] for r in rows), D(0))
    project_total = sum((r[3] for r in rows), D(0))
    total = basic_total + project_total
    other = (total * D("0.05")).quantize(D("0.01"))
    appropriation = total - other
    expenditure = [_line("", "合计", total, basic_total, project_total)]
    expenditure += [_line(c, n, b + p, b, p) for c, n, b, p in rows]
    general = [_line("", "合计", appropriation, basic_total - other, project_total)]
    general += [_line("2040201", "行政运行", rows[0][2] - other, rows[0][2] - other, D(0))]
    general += [_line(c, n, b + p, b, p) for c, n, b, p in rows[1:]]
    basic = []
    for code, name, personnel, public in BASIC:
        p, q = (
            (basic_total * personnel).quantize(D("0.01")),
            (basic_total * public).quantize(D("0.01")),
        )
        basic.append(_line(code, name, p + q, p, q))
    return {
        "summary": "\n".join(
            [
                _line("", "一般公共预算财政拨款收入", appropriation),
                _line("", "其他收入", other),
                _line("", "收入总计", total),
                _line("204", "公共安全支出", sum((b + p for c, _n, b, p in rows if c.startswith("204")), D(0))),
                _line("208", "社会保障和就业支出", rows[5][2]),
                _line("221", "住房保障支出", rows[6][2]),
                _line("", "支出总计", total),
            ]
        ),
        "revenue": "\n".join(
            [_line("", "合计", total, appropriation, D(0), other)]
            + [_line(c, n, b + p, b + p - (other if c == "2040201" else 0), D(0), other if c == "2040201" else D(0)) for c, n, b, p in rows]
        ),
        "expenditure": "\n".join(expenditure),
        "appropriation": "\n".join(
            [_line("", "一般公共预算财政拨款", appropriation), _line("", "政府性基金预算财政拨款", D(0)), _line("", "支出合计", appropriation)]
        ),
        "general": "\n".join(general),
        "general_basic": "\n".join(basic),
    }  # fmt: skip


@register(55, gettext_lazy("budgets and final accounts"))
def load_budgets(context: DemoContext) -> None:
    bureau = Organisation.objects.get(code=BUREAU[0])
    if BudgetDocument.objects.filter(organisation=bureau).exists():
        context.log(_("Already loaded."))
        return
    office = StaffProfile.objects.get(user__username="gongkaiban").user
    for year, kind, approved, published, scale, amounts, counts, reasons in DOCUMENTS:
        document = budget_create(
            actor=office, organisation=bureau, year=year, kind=kind, approved_on=approved,
            approved_by="湛江市财政局", explanation=EXPLANATION,
        )  # fmt: skip
        for code, text in _tables(scale).items():
            budget_table_set(actor=office, document=document, template=code, rows_text=text)
        budget_table_set(
            actor=office, document=document, template="fund", rows_text="", empty_note=FUND_NOTE
        )
        budget_table_set(actor=office, document=document, template="state_capital", rows_text="", empty_note=CAPITAL_NOTE)  # fmt: skip
        budget_three_set(
            actor=office, document=document, figures={**amounts, **counts}, explanation=reasons
        )
        at = dt.datetime.combine(published, dt.time(10, 0), tzinfo=CHINA)
        budget_publish(actor=office, document=document, published_at=min(at, timezone.now()))
    county = Organisation.objects.filter(code="ljga").first()
    if county is not None:
        # Approved a few days ago and not yet published: its clock runs on the deadlines page.
        budget_create(
            actor=office, organisation=county, year=2025, kind=DocumentKind.FINAL,
            approved_on=timezone.localdate() - dt.timedelta(days=6), approved_by="廉江市财政局",
        )  # fmt: skip
    context.log(_("%(count)d budget documents.") % {"count": len(DOCUMENTS) + 1})
