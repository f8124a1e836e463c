"""Recognition and arithmetic of the section 三 and 四 tables.

Relations from 国办公开办函〔2021〕30号 (and 〔2019〕60号, whose （六）其他处理 is one row): in every
column 一 + 二 = 三（七） + 四; （七） = the sum of （一）…（六）'s lines; 总计 = 自然人 + the five
法人或其他组织 columns; in section 四 each 总计 = the four results before it.
Each mutation changes exactly one cell; the checker must name exactly the relations it breaks.
"""

import pytest

from gongkai.reports import format as fmt
from gongkai.reports.checker import NoTableFound, check_tables
from gongkai.reports.checker.extract import tables_from_docx, tables_from_html
from gongkai.reports.checker.tables import parse_count

from .helpers import (
    LONGGANG_2021,
    NANHU_2019,
    mutate_html,
    mutate_section4_html,
    read,
    section3_docx,
)


def check_html(page):
    return check_tables(tables_from_html(page))


def found(report):
    return [(f.rule, f.severity, f.row, f.column, f.expected, f.found) for f in report.findings]


# --- the unmodified fixtures -------------------------------------------------------------


def test_longgang_2021_is_consistent():
    report = check_html(read(LONGGANG_2021))
    assert report.format == "2021"
    assert report.findings == []
    values = report.section3.values
    assert list(values) == list(fmt.FORMATS["2021"].data_rows)
    assert values["received"] == {
        "natural_person": 58,  # published as full-width ５８
        "commercial": 7,
        "research": 0,
        "public_interest": 0,
        "legal_services": 1,
        "other_org": 0,
        "total": 66,
    }
    assert values["withheld.query_matter"]["total"] == 0  # published as &nbsp;0&nbsp;
    assert values["other.other"]["legal_services"] == 1
    assert values["total"]["total"] == 60
    assert values["carried_out"]["total"] == 8


def test_longgang_2021_section4():
    report = check_html(read(LONGGANG_2021))
    assert report.section4.values == {
        "review": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1},
        "litigation_direct": {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1},
        "litigation_after_review": dict.fromkeys(
            ["upheld", "corrected", "other", "pending", "total"], 0
        ),
    }


def test_nanhu_2019_is_consistent_with_blank_zero_cells():
    report = check_html(NANHU_2019.read_bytes())
    assert report.format == "2019"
    assert report.findings == []
    values = report.section3.values
    assert "other" in values and "other.other" not in values
    assert values["received"] == {
        "natural_person": 3,
        "commercial": None,
        "research": None,
        "public_interest": None,
        "legal_services": None,
        "other_org": None,
        "total": 3,
    }
    assert values["carried_out"]["research"] is None  # "—"
    assert values["partial"]["natural_person"] == 0


# --- one cell changed ----------------------------------------------------------------------

E, W = "error", "warning"

LONGGANG_MUTATIONS = [
    (
        "予以公开",
        "natural_person",
        "3",
        [
            ("row_total", E, "granted", "total", 4, 3),
            ("outcome_total", E, "total", "natural_person", 54, 53),
        ],
    ),
    (
        "本年新收",
        "total",
        "65",
        [
            ("row_total", E, "received", "total", 66, 65),
            ("balance", E, "balance", "total", 67, 68),
        ],
    ),
    (
        "（七）总计",
        "natural_person",
        "54",
        [
            ("outcome_total", E, "total", "natural_person", 53, 54),
            ("row_total", E, "total", "total", 61, 60),
            ("balance", E, "balance", "natural_person", 60, 61),
        ],
    ),
    (
        "（七）总计",
        "total",
        "61",
        [
            ("outcome_total", E, "total", "total", 60, 61),
            ("row_total", E, "total", "total", 60, 61),
            ("balance", E, "balance", "total", 68, 69),
        ],
    ),
    (
        "3.其他",
        "legal_services",
        "0",
        [
            ("row_total", E, "other.other", "total", 0, 1),
            ("outcome_total", E, "total", "legal_services", 0, 1),
        ],
    ),
    (
        "行政查询",
        "research",
        "２",
        [
            ("row_total", E, "withheld.query_matter", "total", 2, 0),
            ("outcome_total", E, "total", "research", 2, 0),
        ],
    ),
    (
        "结转下年度",
        "commercial",
        "2",
        [
            ("row_total", E, "carried_out", "total", 9, 8),
            ("balance", E, "balance", "commercial", 7, 8),
        ],
    ),
    (
        "不补正",
        "other_org",
        "1",
        [
            ("row_total", E, "other.no_supplement", "total", 5, 4),
            ("outcome_total", E, "total", "other_org", 1, 0),
        ],
    ),
    # A blank 总计 is "not given": a warning, and no cascade into the other relations.
    ("予以公开", "total", "", [("total_missing", W, "granted", "total", 3, None)]),
    (
        "（七）总计",
        "natural_person",
        "\u00a0",
        [("total_missing", W, "total", "natural_person", 53, None)],
    ),
    ("（七）总计", "total", " ", [("total_missing", W, "total", "total", 60, None)]),
    # A blank count reads as 0: blanking a zero changes nothing.
    ("国家秘密", "commercial", "", []),
    # Not a number at all: one error, and the relations through that cell are skipped.
    (
        "予以公开",
        "natural_person",
        "约2",
        [("bad_number", E, "granted", "natural_person", None, None)],
    ),
]


@pytest.mark.parametrize(("phrase", "column", "text", "expected"), LONGGANG_MUTATIONS)
def test_longgang_2021_one_cell_changed(phrase, column, text, expected):
    page = mutate_html(read(LONGGANG_2021), phrase, column, text)
    assert found(check_html(page)) == expected


NANHU_MUTATIONS = [
    (
        "本年新收",
        "natural_person",
        "4",
        [
            ("row_total", E, "received", "total", 4, 3),
            ("balance", E, "balance", "natural_person", 4, 3),
        ],
    ),
    (
        # 2019: （六）其他处理 is a line of its own; its blank 总计 is only a warning.
        "其他处理",
        "natural_person",
        "1",
        [
            ("total_missing", W, "other", "total", 1, None),
            ("outcome_total", E, "total", "natural_person", 4, 3),
            ("outcome_total", E, "total", "total", 4, 3),
        ],
    ),
    ("予以公开", "total", "", [("total_missing", W, "granted", "total", 3, None)]),
]


@pytest.mark.parametrize(("phrase", "column", "text", "expected"), NANHU_MUTATIONS)
def test_nanhu_2019_one_cell_changed(phrase, column, text, expected):
    page = mutate_html(read(NANHU_2019), phrase, column, text)
    report = check_html(page)
    assert report.format == "2019"
    assert found(report) == expected


@pytest.mark.parametrize(
    ("index", "text", "expected"),
    [
        (4, "2", [("section4_total", E, "review", "total", 1, 2)]),
        (8, "0", [("section4_total", E, "litigation_direct", "total", 0, 1)]),
        (14, "", []),  # all zero: a blank 总计 has nothing to total
        (4, "", [("total_missing", W, "review", "total", 1, None)]),
    ],
)
def test_longgang_2021_section4_one_cell_changed(index, text, expected):
    page = mutate_section4_html(read(LONGGANG_2021), index, text)
    assert found(check_html(page)) == expected


# --- layouts -------------------------------------------------------------------------------

FLAT_2021 = """<table border=1>
<tr><td rowspan=2>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
<td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
{rows}
</table>"""


def flat_rows(numbers, rows):
    """One label column; group rows have their own line with empty cells."""
    out = []
    for row in rows:
        cells = numbers.get(row.code, [""] * 7) if row.is_leaf else [""] * 7
        out.append("<tr><td>" + row.label + "</td>" + "".join(f"<td>{v}</td>" for v in cells))
    return "\n".join(out)


def test_flattened_single_label_column_2021():
    numbers = {code: ["0"] * 7 for code in fmt.FORMATS["2021"].data_rows}
    numbers["received"] = ["1", "", "", "", "", "", "1"]
    numbers["other.other"] = ["1", "", "", "", "", "", "1"]
    numbers["total"] = ["1", "0", "0", "0", "0", "0", "1"]
    report = check_html(FLAT_2021.format(rows=flat_rows(numbers, fmt.SECTION3_ROWS)))
    assert report.format == "2021"
    assert found(report) == [("section4_missing", W, "", None, None, None)]
    assert report.section3.values["other.other"]["natural_person"] == 1


def test_missing_line_is_a_warning():
    numbers = {code: ["0"] * 7 for code in fmt.FORMATS["2021"].data_rows}
    rows = tuple(r for r in fmt.SECTION3_ROWS if r.code != "withheld.query_matter")
    report = check_html(FLAT_2021.format(rows=flat_rows(numbers, rows)))
    assert found(report) == [
        ("missing_row", W, "withheld.query_matter", None, None, None),
        ("section4_missing", W, "", None, None, None),
    ]
    assert report.consistent


def test_flattened_2019_other_processing_line():
    numbers = {code: ["0"] * 7 for code in fmt.FORMATS["2019"].data_rows}
    numbers["received"] = ["2", "", "", "", "", "", "2"]
    numbers["other"] = ["2", "", "", "", "", "", "2"]
    numbers["total"] = ["2", "", "", "", "", "", "2"]
    report = check_html(FLAT_2021.format(rows=flat_rows(numbers, fmt.SECTION3_ROWS_2019)))
    assert report.format == "2019"
    assert report.section3.values["other"]["total"] == 2
    assert report.consistent


LONGGANG_NUMBERS = {code: ["0"] * 7 for code in fmt.FORMATS["2021"].data_rows} | {
    "received": ["58", "7", "0", "0", "1", "0", "66"],
    "carried_in": ["2", "0", "0", "0", "0", "0", "2"],
    "granted": ["2", "1", "0", "0", "0", "0", "3"],
    "partial": ["16", "1", "0", "0", "0", "0", "17"],
    "withheld.internal_affairs": ["1", "0", "0", "0", "0", "0", "1"],
    "unable.not_held": ["20", "3", "0", "0", "0", "0", "23"],
    "unable.needs_creation": ["2", "0", "0", "0", "0", "0", "2"],
    "unable.unclear": ["3", "0", "0", "0", "0", "0", "3"],
    "not_processed.petition": ["4", "0", "0", "0", "0", "0", "4"],
    "not_processed.repeated": ["2", "0", "0", "0", "0", "0", "2"],
    "other.no_supplement": ["3", "1", "0", "0", "0", "0", "4"],
    "other.other": ["0", "0", "0", "0", "1", "0", "1"],
    "total": ["53", "6", "0", "0", "1", "0", "60"],
    "carried_out": ["7", "1", "0", "0", "0", "0", "8"],
}


def test_docx_with_merged_cells_2021():
    report = check_tables(tables_from_docx(section3_docx(LONGGANG_NUMBERS, fmt.SECTION3_ROWS)))
    assert report.format == "2021"
    assert report.findings == []
    assert report.section3.values == check_html(read(LONGGANG_2021)).section3.values
    assert report.section4.values["review"]["total"] == 0


def test_docx_one_cell_changed():
    numbers = LONGGANG_NUMBERS | {"unable.not_held": ["20", "3", "0", "0", "0", "0", "24"]}
    report = check_tables(tables_from_docx(section3_docx(numbers, fmt.SECTION3_ROWS)))
    assert found(report) == [
        ("row_total", E, "unable.not_held", "total", 23, 24),
        ("outcome_total", E, "total", "total", 61, 60),
    ]


def test_docx_2019_format():
    numbers = {code: ["0"] * 7 for code in fmt.FORMATS["2019"].data_rows}
    numbers["received"] = ["5", "1", "0", "0", "0", "0", "6"]
    numbers["other"] = ["5", "1", "0", "0", "0", "0", "6"]
    numbers["total"] = ["5", "1", "0", "0", "0", "0", "6"]
    report = check_tables(tables_from_docx(section3_docx(numbers, fmt.SECTION3_ROWS_2019)))
    assert report.format == "2019"
    assert report.findings == []


# --- failures and cells --------------------------------------------------------------------


def test_no_section3_table_says_why():
    with pytest.raises(NoTableFound) as caught:
        check_html("<table><tr><td>规章</td><td>0</td></tr></table>")
    assert caught.value.reason == "没有找到包含“本年新收政府信息公开申请数量”的表格"


def test_no_tables_at_all():
    with pytest.raises(NoTableFound) as caught:
        check_html("<p>一、总体情况</p>")
    assert caught.value.reason == "文件中没有表格"


@pytest.mark.parametrize(
    ("text", "value"),
    [("0", 0), ("12", 12), ("1,234", 1234), ("3件", 3), ("5.0", 5), ("", None), ("-", None),
     ("—", None), ("——", None), ("/", None), ("无", None)],
)  # fmt: skip
def test_parse_count(text, value):
    assert parse_count(text) == value


@pytest.mark.parametrize("text", ["约2", "1.5", "二"])
def test_parse_count_rejects(text):
    with pytest.raises(ValueError):
        parse_count(text)


def test_header_in_another_table_falls_back_to_the_last_seven_columns():
    numbers = {code: ["0"] * 7 for code in fmt.FORMATS["2021"].data_rows}
    numbers["received"] = ["1", "2", "0", "0", "0", "0", "2"]
    numbers["carried_out"] = ["1", "2", "0", "0", "0", "0", "3"]
    page = "<table>" + flat_rows(numbers, fmt.SECTION3_ROWS) + "</table>"
    report = check_html(page)
    assert report.section3.values["received"]["commercial"] == 2
    assert found(report) == [
        ("row_total", E, "received", "total", 3, 2),
        ("balance", E, "balance", "total", 2, 3),
        ("section4_missing", W, "", None, None, None),
    ]
