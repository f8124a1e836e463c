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
class ReportRow:
    """One row of the section 三 table; `parent` is the code of the row it is listed under.

    Group rows (`is_leaf` False) carry no numbers of their own: in the official table they are
    merged label cells spanning their children.
    """

    code: str
    label: str
    parent: str | None = None
    is_leaf: bool = True


def _group(code: str, label: str, parent: str | None = None) -> ReportRow:
    return ReportRow(code, label, parent, is_leaf=False)


_RESULTS = "results"

# Rows shared by both formats up to （五）; 国办公开办函〔2021〕30号 section 三.
_ROWS_HEAD: tuple[ReportRow, ...] = (
    ReportRow("received", "一、本年新收政府信息公开申请数量"),
    ReportRow("carried_in", "二、上年结转政府信息公开申请数量"),
    _group(_RESULTS, "三、本年度办理结果"),
    ReportRow("granted", "（一）予以公开", _RESULTS),
    ReportRow("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", _RESULTS),
    _group("withheld", "（三）不予公开", _RESULTS),
    ReportRow("withheld.state_secret", "1.属于国家秘密", "withheld"),
    ReportRow("withheld.prohibited_by_law", "2.其他法律行政法规禁止公开", "withheld"),
    ReportRow("withheld.three_safeties", "3.危及“三安全一稳定”", "withheld"),
    ReportRow("withheld.third_party", "4.保护第三方合法权益", "withheld"),
    ReportRow("withheld.internal_affairs", "5.属于三类内部事务信息", "withheld"),
    ReportRow("withheld.process_info", "6.属于四类过程性信息", "withheld"),
    ReportRow("withheld.enforcement_file", "7.属于行政执法案卷", "withheld"),
    ReportRow("withheld.query_matter", "8.属于行政查询事项", "withheld"),
    _group("unable", "（四）无法提供", _RESULTS),
    ReportRow("unable.not_held", "1.本机关不掌握相关政府信息", "unable"),
    ReportRow("unable.needs_creation", "2.没有现成信息需要另行制作", "unable"),
    ReportRow("unable.unclear", "3.补正后申请内容仍不明确", "unable"),
    _group("not_processed", "（五）不予处理", _RESULTS),
    ReportRow("not_processed.petition", "1.信访举报投诉类申请", "not_processed"),
    ReportRow("not_processed.repeated", "2.重复申请", "not_processed"),
    ReportRow("not_processed.publication", "3.要求提供公开出版物", "not_processed"),
    ReportRow("not_processed.massive", "4.无正当理由大量反复申请", "not_processed"),
    ReportRow(
        "not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息", "not_processed"
    ),
)

_ROWS_TAIL: tuple[ReportRow, ...] = (
    ReportRow("total", "（七）总计", _RESULTS),
    ReportRow("carried_out", "四、结转下年度继续办理"),
)

# 国办公开办函〔2021〕30号: （六）其他处理 split into three lines.
SECTION3_ROWS: tuple[ReportRow, ...] = (
    *_ROWS_HEAD,
    _group("other", "（六）其他处理", _RESULTS),
    ReportRow(
        "other.no_supplement",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "other",
    ),
    ReportRow(
        "other.no_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "other",
    ),
    ReportRow("other.other", "3.其他", "other"),
    *_ROWS_TAIL,
)

# 国办公开办函〔2019〕60号: （六）其他处理 is one row with its own numbers.
SECTION3_ROWS_2019: tuple[ReportRow, ...] = (
    *_ROWS_HEAD,
    ReportRow("other", "（六）其他处理", _RESULTS),
    *_ROWS_TAIL,
)

# Rows that are not outcomes: the balance 一 + 二 = 三（七） + 四 is made of them.
NON_OUTCOME_ROWS = ("received", "carried_in", "total", "carried_out")


def _outcome_leaves(rows: tuple[ReportRow, ...]) -> tuple[str, ...]:
    return tuple(r.code for r in rows if r.is_leaf and r.code not in NON_OUTCOME_ROWS)


# The outcomes of an application, one per leaf line of 三（一）…（六）; （七）总计 is their sum.
OUTCOME_LEAVES: tuple[str, ...] = _outcome_leaves(SECTION3_ROWS)
OUTCOME_LEAVES_2019: tuple[str, ...] = _outcome_leaves(SECTION3_ROWS_2019)


@dataclass(frozen=True, slots=True)
class ApplicantColumn:
    code: str
    label: str
    group: str | None = None


_ORG = "法人或其他组织"

# 国办公开办函〔2021〕30号 section 三 header: 申请人情况 / 自然人 | 法人或其他组织 (five) | 总计.
APPLICANT_COLUMNS: tuple[ApplicantColumn, ...] = (
    ApplicantColumn("natural_person", "自然人"),
    ApplicantColumn("commercial", "商业企业", _ORG),
    ApplicantColumn("research", "科研机构", _ORG),
    ApplicantColumn("public_interest", "社会公益组织", _ORG),
    ApplicantColumn("legal_services", "法律服务机构", _ORG),
    ApplicantColumn("other_org", "其他", _ORG),
    ApplicantColumn("total", "总计"),
)
APPLICANT_ORG_GROUP = _ORG
# The columns whose sum is the 总计 column.
APPLICANT_PARTS: tuple[str, ...] = tuple(c.code for c in APPLICANT_COLUMNS if c.code != "total")


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
# The 2021 rows come last so that "other" is the 2021 group, not the 2019 leaf.
_ROWS_BY_CODE = MappingProxyType({r.code: r for r in SECTION3_ROWS_2019 + SECTION3_ROWS})
_COLUMNS_BY_CODE = MappingProxyType({c.code: c for c in APPLICANT_COLUMNS})


def label(code: str) -> str:
    """The official label of a section 三 row, an applicant column, a section 四 column or a
    section. Row codes win: label("total") is "（七）总计"; use column_label() for the column."""
    return _LABELS[code]


def row(code: str) -> ReportRow:
    return _ROWS_BY_CODE[code]


def row_label(code: str) -> str:
    return _ROWS_BY_CODE[code].label


def column_label(code: str) -> str:
    return _COLUMNS_BY_CODE[code].label
