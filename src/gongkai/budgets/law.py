"""预决算 and 三公经费: the rules, declared once with their sources.

Sources:
- 《中华人民共和国预算法》(2014 revision, amended 2018) 第十四条第二款: "经本级政府财政部门批复
  的部门预算、决算及报表，应当在批复后二十日内由各部门向社会公开，并对部门预算、决算中机关运行
  经费的安排、使用情况等重要事项作出说明。" Twenty days, not working days: core's clock rule
  ``budget_publication`` counts calendar days from the day after the approval (民法典 第二百零一条).
- 财政部《地方预决算公开操作规程》(财预〔2016〕143号): 部门预决算 published within 20 days of the
  approval; the 三公经费 with the total and each item (因公出国（境）费, 公务用车购置及运行费 split
  into 购置费 and 运行费, 公务接待费), the number of trips abroad and travellers, receptions and
  guests, vehicles bought and held, and the reasons for the changes from the year before; a
  table without data is still published, empty, with a note saying why.
- Seed 004 (宁夏 pilot, 模板化): the county makes one template so every unit publishes the same
  tables in the same form; seeds 000 and 001 ask for 预决算 and 三公经费 to be public.

The tables are the eight a 部门预决算 publishes in the provincial templates (部门收支总表 …
政府性基金预算支出表); the 三公 table is rendered from the figures, not typed as rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

PUBLICATION_CLOCK_RULE = "budget_publication"  # core.law: 20 days, 预算法 第十四条第二款
LAW_SOURCE = "《中华人民共和国预算法》第十四条第二款"


class DocumentKind(models.TextChoices):
    BUDGET = "budget", _("Departmental budget")
    FINAL = "final", _("Departmental final accounts")


@dataclass(frozen=True)
class TableTemplate:
    code: str
    title: StrOrPromise
    columns: tuple[
        StrOrPromise, ...
    ]  # the amount columns after 科目编码 and 科目名称; the first may be 合计
    total_first: bool  # whether the first column is the sum of the others (checked per row)


TABLES: tuple[TableTemplate, ...] = (
    TableTemplate("summary", _("Revenue and expenditure summary"), (_("Amount"),), False),
    TableTemplate(
        "revenue",
        _("Revenue"),
        (_("Sum"), _("Fiscal appropriation"), _("Operating revenue"), _("Other revenue")),
        True,
    ),
    TableTemplate(
        "expenditure",
        _("Expenditure"),
        (_("Sum"), _("Basic expenditure"), _("Project expenditure")),
        True,
    ),
    TableTemplate(
        "appropriation", _("Fiscal appropriation revenue and expenditure"), (_("Amount"),), False
    ),
    TableTemplate(
        "general",
        _("General public budget expenditure"),
        (_("Sum"), _("Basic expenditure"), _("Project expenditure")),
        True,
    ),
    TableTemplate(
        "general_basic",
        _("General public budget basic expenditure"),
        (_("Sum"), _("Personnel expenses"), _("Public expenses")),
        True,
    ),
    TableTemplate(
        "fund",
        _("Government fund budget expenditure"),
        (_("Sum"), _("Basic expenditure"), _("Project expenditure")),
        True,
    ),
    TableTemplate(
        "state_capital",
        _("State capital operation budget expenditure"),
        (_("Sum"), _("Basic expenditure"), _("Project expenditure")),
        True,
    ),
)
TABLES_BY_CODE = {t.code: t for t in TABLES}

# The 三公经费 figures in 万元, in the order the table shows them (财预〔2016〕143号).
THREE_AMOUNTS: tuple[tuple[str, StrOrPromise], ...] = (
    ("abroad", _("Official trips abroad (incl. Hong Kong, Macao, Taiwan)")),
    ("vehicle_purchase", _("Official vehicle purchase")),
    ("vehicle_operation", _("Official vehicle operation")),
    ("reception", _("Official reception")),
)
# The counts published beside them.
THREE_COUNTS: tuple[tuple[str, StrOrPromise], ...] = (
    ("abroad_groups", _("Delegations abroad")),
    ("abroad_people", _("People abroad")),
    ("reception_batches", _("Receptions")),
    ("reception_people", _("Guests received")),
    ("vehicles_bought", _("Vehicles bought")),
    ("vehicles_held", _("Vehicles held")),
)
# Amounts are 万元 with two decimals; a unit's whole budget stays far below this.
MAX_AMOUNT = 10**9
