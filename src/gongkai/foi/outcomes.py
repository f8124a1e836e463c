"""The outcomes of a disclosure application and the kinds of applicant, as the law and the
official yearly-report format name them: one leaf line of section 三 per outcome (条例 art. 36
outcomes, split as 国办公开办函〔2021〕30号 lists them), one column per applicant type.

foi stores these codes on each request; the yearly report (``gongkai.reports.format``) builds
its section 三 table from them, so reports depends on foi and not the reverse. Labels are the
official Chinese texts (part of the legal format, not interface strings). Row and column
codes are stable identifiers stored in the database: never rename one. Pure Python (no
Django), so the report checker can use it anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


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


_ROWS_BY_CODE = MappingProxyType({r.code: r for r in SECTION3_ROWS_2019 + SECTION3_ROWS})
_COLUMNS_BY_CODE = MappingProxyType({c.code: c for c in APPLICANT_COLUMNS})


def row(code: str) -> ReportRow:
    """A section 三 row by its code (the 2021 rows win: "other" is the 2021 group)."""
    return _ROWS_BY_CODE[code]


def column_label(code: str) -> str:
    return _COLUMNS_BY_CODE[code].label
