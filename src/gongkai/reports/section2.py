"""The section 二 tables (主动公开政府信息情况) of the 2021 format, declared once as data.

Source: 国办公开办函〔2021〕30号 《中华人民共和国政府信息公开工作年度报告格式》, section 二
(docs/rules.md, "Yearly report"). ``format.py`` declares sections 三 and 四; section 二 is
declared here, beside the code that fills it. Labels are the official texts (part of the legal
format, not interface strings).

Where the figures come from: 第二十条第（一）项 from the proactive app's normative documents (a
provider, see ``providers``); 第二十条第（五）（六）项 (licences, penalties, enforcement measures)
from the enforcement register (``gongkai.enforcement``) for a body that records that year's
decisions there, and entered by staff otherwise; 第二十条第（八）项 (fees) has no source in the
platform yet, so staff enter it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

SOURCE = "国办公开办函〔2021〕30号"

PROVIDED = "provider"  # filled by a registered provider
MANUAL = "manual"  # entered by staff on the report
# Counted from a register when the body uses it for the year, else entered by staff.
REGISTER = "register"


@dataclass(frozen=True, slots=True)
class Section2Table:
    code: str
    heading: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[tuple[str, str], ...]
    source: str
    is_amount: bool = False  # 万元 with decimals instead of counts

    @property
    def column_codes(self) -> tuple[str, ...]:
        return tuple(code for code, _label in self.columns)

    @property
    def row_codes(self) -> tuple[str, ...]:
        return tuple(code for code, _label in self.rows)


SECTION2_TABLES: tuple[Section2Table, ...] = (
    Section2Table(
        "article20_1",
        "第二十条第（一）项",
        (("made", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")),
        (("regulation", "规章"), ("normative", "行政规范性文件")),
        PROVIDED,
    ),
    Section2Table(
        "article20_5",
        "第二十条第（五）项",
        (("decisions", "本年处理决定数量"),),
        (("licence", "行政许可"),),
        REGISTER,
    ),
    Section2Table(
        "article20_6",
        "第二十条第（六）项",
        (("decisions", "本年处理决定数量"),),
        (("penalty", "行政处罚"), ("coercion", "行政强制")),
        REGISTER,
    ),
    Section2Table(
        "article20_8",
        "第二十条第（八）项",
        (("amount", "本年收费金额（单位：万元）"),),
        (("fees", "行政事业性收费"),),
        MANUAL,
        is_amount=True,
    ),
)
TABLES_BY_CODE = {table.code: table for table in SECTION2_TABLES}
LABEL_HEADER = "信息内容"
# Tables staff may enter (a register table too, for a body that does not use the register).
MANUAL_TABLES = tuple(t for t in SECTION2_TABLES if t.source in (MANUAL, REGISTER))


def empty_table(table: Section2Table) -> dict[str, dict[str, object]]:
    zero: object = "0" if table.is_amount else 0
    return {row: dict.fromkeys(table.column_codes, zero) for row in table.row_codes}


def parse_cell(table: Section2Table, raw: object) -> object:
    """A staff-entered cell: a count (int ≥ 0) or an amount in 万元 (≤ 4 decimals, ≥ 0).

    Raises ValueError for anything else; amounts are kept as normalised strings (JSON)."""
    text = str(raw).strip() if raw is not None else ""
    if text == "":
        return "0" if table.is_amount else 0
    if table.is_amount:
        try:
            value = Decimal(text).normalize()
        except InvalidOperation:
            raise ValueError(text) from None
        exponent = value.as_tuple().exponent  # an int whenever the value is finite
        if not value.is_finite() or value < 0 or (isinstance(exponent, int) and exponent < -4):
            raise ValueError(text)
        return format(value, "f")
    if not text.isdigit():
        raise ValueError(text)
    return int(text)
