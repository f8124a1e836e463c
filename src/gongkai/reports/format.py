"""The official format of the yearly report (政府信息公开工作年度报告), declared once as data.

Sources:
- 国办公开办函〔2021〕30号 《中华人民共和国政府信息公开工作年度报告格式》 (reports for 2021 on);
- 国办公开办函〔2019〕60号 (reports for 2019 and 2020): identical section 三 and 四 tables except
  that （六）其他处理 is a single row instead of three.
See docs/rules.md, "Yearly report". Labels are the official Chinese texts: they are part of
the legal format, not interface strings, so they are not translated.

Row and column codes are stable identifiers; other parts of the platform (the outcome of a
disclosure application) store them, so never rename one.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

# The section 三 rows and applicant columns are foi's vocabulary (the outcomes it stores);
# the report builds on them. Re-exported here: the report's code reads them as format's.
from gongkai.foi.outcomes import (  # noqa: F401
    APPLICANT_COLUMNS,
    APPLICANT_ORG_GROUP,
    APPLICANT_PARTS,
    NON_OUTCOME_ROWS,
    OUTCOME_LEAVES,
    OUTCOME_LEAVES_2019,
    SECTION3_ROWS,
    SECTION3_ROWS_2019,
    ApplicantColumn,
    ReportRow,
    column_label,
    row,
)

FORMAT_2021 = "2021"
FORMAT_2019 = "2019"

# Documents establishing each format.
FORMAT_SOURCES = MappingProxyType(
    {
        FORMAT_2021: "国办公开办函〔2021〕30号",
        FORMAT_2019: "国办公开办函〔2019〕60号",
    }
)


# The page of the filed document: GB/T 9704-2012 《党政机关公文格式》 §5.2 — A4 paper
# (210 mm × 297 mm), 版心 156 mm × 225 mm, 天头 (top margin) 37 mm, 订口 (left) 28 mm; the
# right and bottom margins are what remains (26 mm, 35 mm).
PAGE_MM = MappingProxyType({"width": 210, "height": 297})
MARGINS_MM = MappingProxyType({"top": 37, "bottom": 35, "left": 28, "right": 26})
PAGE_SOURCE = "GB/T 9704-2012 §5.2"


@dataclass(frozen=True, slots=True)
class Section:
    code: str
    label: str


# 国办公开办函〔2021〕30号: the six sections, in this order (the same in the 2019 format).
SECTIONS: tuple[Section, ...] = (
    Section("overview", "一、总体情况"),
    Section("active", "二、主动公开政府信息情况"),
    Section("applications", "三、收到和处理政府信息公开申请情况"),
    Section("review_litigation", "四、政府信息公开行政复议、行政诉讼情况"),
    Section("problems", "五、存在的主要问题及改进情况"),
    Section("other_matters", "六、其他需要报告的事项"),
)


@dataclass(frozen=True, slots=True)
class Section4Column:
    code: str
    group: str
    result: str
    label: str


# 国办公开办函〔2021〕30号 section 四: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉),
# each with the same five results; one row of 15 numbers.
SECTION4_GROUPS: tuple[tuple[str, str], ...] = (
    ("review", "行政复议"),
    ("litigation_direct", "未经复议直接起诉"),
    ("litigation_after_review", "复议后起诉"),
)
SECTION4_RESULTS: tuple[tuple[str, str], ...] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
SECTION4_COLUMNS: tuple[Section4Column, ...] = tuple(
    Section4Column(f"{g}.{r}", g, r, f"{g_label}{r_label}")
    for g, g_label in SECTION4_GROUPS
    for r, r_label in SECTION4_RESULTS
)


@dataclass(frozen=True, slots=True)
class ReportFormat:
    code: str
    source: str
    section3_rows: tuple[ReportRow, ...]
    outcome_leaves: tuple[str, ...]

    @property
    def data_rows(self) -> tuple[str, ...]:
        """Rows that carry numbers, in table order."""
        return tuple(r.code for r in self.section3_rows if r.is_leaf)


FORMATS = MappingProxyType(
    {
        FORMAT_2021: ReportFormat(
            FORMAT_2021, FORMAT_SOURCES[FORMAT_2021], SECTION3_ROWS, OUTCOME_LEAVES
        ),
        FORMAT_2019: ReportFormat(
            FORMAT_2019, FORMAT_SOURCES[FORMAT_2019], SECTION3_ROWS_2019, OUTCOME_LEAVES_2019
        ),
    }
)


def _index() -> dict[str, str]:
    # Later entries do not override earlier ones: "total" is first the row （七）总计.
    found: dict[str, str] = {}
    pairs = [
        *((r.code, r.label) for r in SECTION3_ROWS + SECTION3_ROWS_2019),
        *((c.code, c.label) for c in APPLICANT_COLUMNS),
        *((c.code, c.label) for c in SECTION4_COLUMNS),
        *((s.code, s.label) for s in SECTIONS),
    ]
    for code, text in pairs:
        found.setdefault(code, text)
    return found


_LABELS = MappingProxyType(_index())


def label(code: str) -> str:
    """The official label of a section 三 row, an applicant column, a section 四 column or a
    section. Row codes win: label("total") is "（七）总计"; use column_label() for the column."""
    return _LABELS[code]


def row_label(code: str) -> str:
    return row(code).label
