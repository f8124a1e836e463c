"""HTML and .docx tables as grids: spans, nesting, broken markup, encodings."""

import time
from io import BytesIO

from docx import Document

from gongkai.reports.checker.extract import normalize, tables_from_docx, tables_from_html

from .helpers import LONGGANG_2021, NANHU_2019


def texts(table):
    return [[c.norm for c in line] for line in table.rows]


def test_rowspan_and_colspan_fill_the_grid_with_the_same_cell():
    (table,) = tables_from_html(
        "<table><tr><td rowspan=2>A</td><td colspan=2>B</td></tr><tr><td>c</td><td>d</td></tr>"
        "</table>"
    )
    assert texts(table) == [["A", "B", "B"], ["A", "c", "d"]]
    assert table.rows[0][0] is table.rows[1][0]
    assert table.rows[0][1] is table.rows[0][2]


def test_nested_table_text_stays_out_of_the_outer_cell():
    tables = tables_from_html(
        "<table><tr><td>外层<table><tr><td>本年新收</td><td>1</td></tr></table>尾</td></tr></table>"
    )
    assert [texts(t) for t in tables] == [[["外层尾"]], [["本年新收", "1"]]]


def test_br_nbsp_full_width_and_spaces_normalised():
    (table,) = tables_from_html(
        "<table><tr><td>商业<br/>企业</td><td>&nbsp;１２&nbsp;</td><td>（一）予以 公开</td></tr></table>"
    )
    assert texts(table) == [["商业企业", "12", "(一)予以公开"]]
    assert table.rows[0][0].text == "商业\n企业"


def test_broken_markup_unclosed_cells_and_rows():
    (table,) = tables_from_html("<table><tr><td>一<td>1<tr><td>二<td>2</table>")
    assert texts(table) == [["一", "1"], ["二", "2"]]


def test_short_row_keeps_its_numbers_right_aligned():
    # A forgotten colspan: the second row has one label cell instead of two.
    (table,) = tables_from_html(
        "<table><tr><td colspan=2>一、本年新收</td><td>1</td><td>2</td></tr>"
        "<tr><td>（一）予以公开</td><td>3</td><td>4</td></tr></table>"
    )
    assert texts(table) == [
        ["一、本年新收", "一、本年新收", "1", "2"],
        ["(一)予以公开"] * 2 + ["3", "4"],
    ]


def test_rowspan_past_a_short_row_stays_in_its_column():
    (table,) = tables_from_html(
        "<table><tr><td>a</td><td>b</td><td rowspan=2>c</td></tr><tr><td>d</td></tr></table>"
    )
    assert texts(table) == [["a", "b", "c"], ["d", "", "c"]]


def test_gb2312_page_decoded_from_its_meta_charset():
    tables = tables_from_html(NANHU_2019.read_bytes())
    assert any("本年新收政府信息公开申请数量" in t.text() for t in tables)


def test_script_text_is_not_a_table():
    tables = tables_from_html(LONGGANG_2021.read_bytes())
    # layout table, section 二, section 三, section 四 — the <table> inside <script> is ignored
    assert len(tables) == 4


def test_docx_merged_cells_are_one_cell():
    doc = Document()
    table = doc.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 1)).text = "合并"
    table.cell(2, 0).text = "x"
    table.cell(0, 2).text = "1"
    out = BytesIO()
    doc.save(out)
    (grid,) = tables_from_docx(out.getvalue())
    assert texts(grid) == [["合并", "合并", "1"], ["合并", "合并", ""], ["x", "", ""]]
    assert grid.rows[0][0] is grid.rows[1][1]


def test_normalize():
    assert normalize("\u3000（三）\u00a0不予公开\u200b ") == "(三)不予公开"


def test_a_100_kb_page_parses_in_milliseconds():
    page = LONGGANG_2021.read_text("utf-8")
    filler = "<p>" + "政府信息公开工作" * 40 + "</p>\n"
    page = page.replace('<div class="footer">', filler * (40_000 // len(filler.encode())) + "<div>")
    assert 95_000 < len(page.encode()) < 200_000
    start = time.perf_counter()
    for _ in range(10):
        tables_from_html(page)
    assert (time.perf_counter() - start) / 10 < 0.05
