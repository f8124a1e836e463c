"""Fixtures and builders shared by the checker tests (no database, no Django)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import lxml.html
from docx import Document

from gongkai.reports import format as fmt

DATA = Path(__file__).parent / "data"
# 2021 format (国办公开办函〔2021〕30号), modelled on 深圳市龙岗区's 2024 report.
LONGGANG_2021 = DATA / "longgang_2024_format2021.html"
# 2019 format (国办公开办函〔2019〕60号), modelled on a 岳阳市南湖新区 bureau's 2019 report; GB2312.
NANHU_2019 = DATA / "nanhu_2019_format2019.html"

COLUMNS = [c.code for c in fmt.APPLICANT_COLUMNS]


def read(path: Path) -> str:
    data = path.read_bytes()
    return data.decode("gb18030") if path == NANHU_2019 else data.decode("utf-8")


def mutate_html(page: str, phrase: str, column: str, text: str, *, drop: bool = False) -> str:
    """The page with one count cell of the section 三 row labelled `phrase` replaced by `text`
    (or the whole row dropped). The seven counts are the last seven cells of every row."""
    root = lxml.html.document_fromstring(page)
    table = next(
        t
        for t in root.iter("table")
        if "本年新收" in t.text_content() and not t.findall(".//table")
    )
    row = next(tr for tr in table.iter("tr") if phrase in tr.text_content())
    if drop:
        row.getparent().remove(row)
    else:
        cell = row.findall("td")[-7 + COLUMNS.index(column)]
        for child in list(cell):
            cell.remove(child)
        cell.text = text
    return lxml.html.tostring(root, encoding="unicode")


def mutate_section4_html(page: str, index: int, text: str) -> str:
    """The page with the `index`-th of the 15 section 四 numbers replaced by `text`."""
    root = lxml.html.document_fromstring(page)
    table = next(t for t in root.iter("table") if "结果维持" in t.text_content())
    cell = table.findall(".//tr")[-1].findall("td")[index]
    for child in list(cell):
        cell.remove(child)
    cell.text = text
    return lxml.html.tostring(root, encoding="unicode")


# --- a .docx in the official layout, with merged cells -------------------------------------


def section3_docx(numbers: dict[str, list[str]], rows: tuple[fmt.ReportRow, ...]) -> bytes:
    """Section 三 as Word draws it: 3 label columns and a 3-row header, merged like the
    official template (国办公开办函〔2021〕30号), then a section 四 table."""
    leaves = [r for r in rows if r.is_leaf]
    doc = Document()
    doc.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = doc.add_table(rows=3 + len(leaves), cols=10)
    _merge_set(
        table,
        (0, 0),
        (2, 2),
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    )
    _merge_set(table, (0, 3), (0, 9), "申请人情况")
    _merge_set(table, (1, 3), (2, 3), "自然人")
    _merge_set(table, (1, 4), (1, 8), "法人或其他组织")
    _merge_set(table, (1, 9), (2, 9), "总计")
    for i, name in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]):
        table.cell(2, 4 + i).text = name
    results = [i for i, r in enumerate(leaves) if r.parent is not None]
    _merge_set(table, (3 + results[0], 0), (3 + results[-1], 0), "三、本年度办理结果")
    for i, row in enumerate(leaves):
        r = 3 + i
        if row.parent is None:
            _merge_set(table, (r, 0), (r, 2), row.label)
        elif row.parent == "results":
            _merge_set(table, (r, 1), (r, 2), row.label)
        else:
            siblings = [j for j, x in enumerate(leaves) if x.parent == row.parent]
            if i == siblings[0]:
                _merge_set(table, (r, 1), (3 + siblings[-1], 1), fmt.row(row.parent).label)
            table.cell(r, 2).text = row.label
        for j, value in enumerate(numbers[row.code]):
            table.cell(r, 3 + j).text = value
    doc.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    s4 = doc.add_table(rows=4, cols=15)
    _merge_set(s4, (0, 0), (1, 4), "行政复议")
    _merge_set(s4, (0, 5), (0, 14), "行政诉讼")
    _merge_set(s4, (1, 5), (1, 9), "未经复议直接起诉")
    _merge_set(s4, (1, 10), (1, 14), "复议后起诉")
    for j, (_, name) in enumerate(fmt.SECTION4_RESULTS * 3):
        s4.cell(2, j).text = name
        s4.cell(3, j).text = "0"
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def _merge_set(table, top_left, bottom_right, text):
    cell = table.cell(*top_left).merge(table.cell(*bottom_right))
    cell.text = text
