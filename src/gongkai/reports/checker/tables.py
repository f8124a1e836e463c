"""Recognising the section 三 and section 四 tables of a yearly report among all tables.

Layouts vary between portals (labels split over two or three merged columns, a flattened label
column, headers of two or three rows, a forgotten colspan), so rows are recognised by key
phrases of their official labels (国办公开办函〔2021〕30号, 〔2019〕60号) and columns by their
header text, both compared after normalize() (NFKC, no spaces).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import format as fmt
from .extract import Cell, CheckError, Table
from .messages import MESSAGES


class NoTableFound(CheckError):
    pass


# Leaf rows by a phrase unique to their official label, tried in this order on the row's own
# (last) label cell first, then on its whole label path.
_ROW_PHRASES: tuple[tuple[str, str], ...] = (
    ("received", "本年新收"),
    ("carried_in", "上年结转"),
    ("carried_out", "结转下年"),
    ("granted", "予以公开"),
    ("partial", "部分公开"),
    ("withheld.state_secret", "国家秘密"),
    ("withheld.prohibited_by_law", "禁止公开"),
    ("withheld.three_safeties", "三安全一稳定"),
    ("withheld.third_party", "第三方合法权益"),
    ("withheld.internal_affairs", "内部事务"),
    ("withheld.process_info", "过程性信息"),
    ("withheld.enforcement_file", "执法案卷"),
    ("withheld.query_matter", "行政查询"),
    ("unable.not_held", "不掌握"),
    ("unable.needs_creation", "另行制作"),
    ("unable.unclear", "仍不明确"),
    ("not_processed.petition", "信访"),
    ("not_processed.repeated", "重复申请"),
    ("not_processed.publication", "出版物"),
    ("not_processed.massive", "大量反复"),
    ("not_processed.confirmation", "重新出具"),
    ("other.no_supplement", "不补正"),
    ("other.no_fee", "缴纳费用"),
    ("other", "其他处理"),
    ("total", "总计"),
)
_OTHER_OTHER = re.compile(r"^(\d+\.?)?其他$")
_SECTION3_KEY = "本年新收"
_APPLICANT_CODES = tuple(c.code for c in fmt.APPLICANT_COLUMNS)
_SECTION4_KEYS = ("行政复议", "结果维持")

# Header text → applicant column; "其他" is tested after the phrase 法人或其他组织 is removed.
_COLUMN_PHRASES: tuple[tuple[str, str], ...] = (
    ("natural_person", "自然人"),
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("public_interest", "公益组织"),
    ("legal_services", "法律服务"),
    ("total", "总计"),
    ("other_org", "其他"),
)
_SECTION4_GROUP_PHRASES = (
    ("litigation_direct", "未经复议"),
    ("litigation_after_review", "复议后起诉"),
    ("review", "行政复议"),
)
_SECTION4_RESULT_PHRASES = (
    ("upheld", "维持"),
    ("corrected", "纠正"),
    ("other", "其他"),
    ("pending", "未审结"),
    ("total", "总计"),
    ("total", "合计"),
)

_BLANK = frozenset({"", "-", "—", "——", "–", "/", "\\", "無", "无", "空"})
_COUNT = re.compile(r"^(\d+)(?:\.0+)?(?:件|个|起|人次)?$")


def parse_count(norm: str) -> int | None:
    """A normalised count cell: None when blank or a placeholder; ValueError when not a count."""
    if norm in _BLANK or not norm.strip("-—–"):
        return None
    match = _COUNT.match(norm.replace(",", ""))
    if not match:
        raise ValueError(norm)
    return int(match.group(1))


@dataclass
class Section3:
    format: fmt.ReportFormat
    table_index: int
    # values[row][column]: None is a blank cell (or an unreadable one, see `invalid`)
    values: dict[str, dict[str, int | None]]
    invalid: dict[tuple[str, str], str] = field(default_factory=dict)
    missing_rows: list[str] = field(default_factory=list)


@dataclass
class Section4:
    table_index: int
    values: dict[str, dict[str, int | None]]
    invalid: dict[tuple[str, str], str] = field(default_factory=dict)


# --- shared helpers --------------------------------------------------------------------------


def _distinct(cells: list[Cell]) -> list[Cell]:
    """Merged cells appear once per grid position; keep the first of each run."""
    out: list[Cell] = []
    for cell in cells:
        if not out or out[-1] is not cell:
            out.append(cell)
    return out


def _column_paths(table: Table, header_rows: int) -> list[str]:
    """Each column's header text, top to bottom, merged cells counted once."""
    paths = []
    for col in range(table.width):
        cells = _distinct([table.rows[r][col] for r in range(header_rows)])
        paths.append("".join(c.norm for c in cells))
    return paths


def _read(
    cell: Cell, key: tuple[str, str], invalid: dict[tuple[str, str], str], first: bool
) -> int | None:
    # A number merged over several positions counts once, at its first position.
    if not first:
        return None
    try:
        return parse_count(cell.norm)
    except ValueError:
        invalid[key] = cell.text
        return None


# --- section 三 ------------------------------------------------------------------------------


def find_section3(tables: list[Table]) -> Section3:
    if not tables:
        raise NoTableFound(MESSAGES["no_tables"])
    for table in tables:
        if _SECTION3_KEY in table.text():
            return _read_section3(table)
    raise NoTableFound(MESSAGES["no_section3"])


def _first_row(table: Table, phrase: str) -> int:
    return next(i for i, line in enumerate(table.rows) if any(phrase in c.norm for c in line))


def _applicant_columns(table: Table, header_rows: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for col, path in enumerate(_column_paths(table, header_rows)):
        path = path.replace(fmt.APPLICANT_ORG_GROUP, "")
        code = next((code for code, phrase in _COLUMN_PHRASES if phrase in path), None)
        if code and code not in found:
            found[code] = col
    return found


def _read_section3(table: Table) -> Section3:
    start = _first_row(table, _SECTION3_KEY)
    columns = _applicant_columns(table, start)
    if len(columns) < len(fmt.APPLICANT_COLUMNS):
        # No usable header (or a header in a separate table): the seven numbers end each row.
        columns = {c.code: table.width - 7 + i for i, c in enumerate(fmt.APPLICANT_COLUMNS)}
        if table.width < 8:
            raise NoTableFound(MESSAGES["no_section3_header"])
    first_data = min(columns.values())
    rows: dict[str, list[Cell]] = {}
    previous = ""
    for line in table.rows[start:]:
        code = _classify(_distinct(line[:first_data]), previous)
        if code and code not in rows:
            rows[code] = line
            previous = code
    return _section3_values(table, rows, columns)


def _classify(labels: list[Cell], previous: str) -> str | None:
    own = labels[-1].norm if labels else ""
    path = "".join(c.norm for c in labels)
    code = _match_phrase(own)
    if code:
        return code
    # "3.其他" alone says nothing; it is other.other only under （六）其他处理.
    if _OTHER_OTHER.match(own):
        return "other.other" if previous.startswith("other") or "其他处理" in path else None
    return _match_phrase(path)


def _match_phrase(text: str) -> str | None:
    return next((code for code, phrase in _ROW_PHRASES if phrase in text), None)


def _detect_format(rows: dict[str, list[Cell]]) -> fmt.ReportFormat:
    split = any(code.startswith("other.") for code in rows)
    return fmt.FORMATS[fmt.FORMAT_2021 if split or "other" not in rows else fmt.FORMAT_2019]


def _section3_values(
    table: Table, rows: dict[str, list[Cell]], columns: dict[str, int]
) -> Section3:
    report_format = _detect_format(rows)
    section = Section3(report_format, table.index, {})
    for code in report_format.data_rows:
        line = rows.get(code)
        if line is None:
            section.missing_rows.append(code)
            section.values[code] = dict.fromkeys(_APPLICANT_CODES)
            continue
        section.values[code] = {}
        for col in _APPLICANT_CODES:
            i = columns[col]
            first = i == 0 or line[i - 1] is not line[i]
            section.values[code][col] = _read(line[i], (code, col), section.invalid, first)
    return section


# --- section 四 ------------------------------------------------------------------------------


def find_section4(tables: list[Table], after: int = -1) -> Section4 | None:
    """The first 行政复议/行政诉讼 table, preferring one after the section 三 table."""
    candidates = [t for t in tables if all(k in t.text() for k in _SECTION4_KEYS)]
    later = [t for t in candidates if t.index > after]
    for table in later or candidates:
        section = _read_section4(table)
        if section is not None:
            return section
    return None


def _section4_columns(table: Table, header_rows: int) -> dict[tuple[str, str], int]:
    found: dict[tuple[str, str], int] = {}
    for col, path in enumerate(_column_paths(table, header_rows)):
        group = next((g for g, phrase in _SECTION4_GROUP_PHRASES if phrase in path), None)
        result = next((r for r, phrase in _SECTION4_RESULT_PHRASES if phrase in path), None)
        if group and result and (group, result) not in found:
            found[(group, result)] = col
    return found


def _read_section4(table: Table) -> Section4 | None:
    header_end = max(
        i for i, line in enumerate(table.rows) if any("结果维持" in c.norm for c in line)
    )
    data = header_end + 1
    if data >= len(table.rows):
        return None
    columns = _section4_columns(table, data)
    if len(columns) < len(fmt.SECTION4_COLUMNS):
        if table.width < len(fmt.SECTION4_COLUMNS):
            return None
        # Headers too mangled to map: the 15 numbers end the data row in the official order.
        first = table.width - len(fmt.SECTION4_COLUMNS)
        columns = {(c.group, c.result): first + i for i, c in enumerate(fmt.SECTION4_COLUMNS)}
    line = table.rows[data]
    section = Section4(table.index, {g: {} for g, _ in fmt.SECTION4_GROUPS})
    for (group, result), i in columns.items():
        key = (group, result)
        first = i == 0 or line[i - 1] is not line[i]
        section.values[group][result] = _read(line[i], key, section.invalid, first)
    for group, results in section.values.items():
        section.values[group] = {r: results.get(r) for r, _ in fmt.SECTION4_RESULTS}
    return section
