"""The official table layouts as grids of merged cells, shared by the HTML, .docx and PDF.

国办公开办函〔2021〕30号 draws section 三 with three label columns and a three-row header
(申请人情况 / 自然人 | 法人或其他组织 (five) | 总计), the outcome groups as merged label cells;
section 四 as 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉) over five results each; section 二
as four small tables (第二十条第（一）（五）（六）（八）项). Rows and labels come from ``format``
and ``section2``; nothing here restates them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.reports import format as fmt
from gongkai.reports.section2 import LABEL_HEADER

SECTION3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS = "申请人情况"
LITIGATION = "行政诉讼"


@dataclass(frozen=True, slots=True)
class Cell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    numeric: bool = False
    scope: str = ""  # "col" or "row" for header cells (accessibility)


@dataclass
class Grid:
    code: str
    n_rows: int
    n_cols: int
    header_rows: int
    cells: list[Cell] = field(default_factory=list)
    caption: str = ""

    def add(self, *args, **kwargs) -> None:
        self.cells.append(Cell(*args, **kwargs))

    def rows(self) -> list[list[Cell]]:
        """Cells by the row they start in, left to right (what <tr> holds)."""
        lines: list[list[Cell]] = [[] for _ in range(self.n_rows)]
        for cell in sorted(self.cells, key=lambda c: (c.row, c.col)):
            lines[cell.row].append(cell)
        return lines

    def head(self) -> list[list[Cell]]:
        return self.rows()[: self.header_rows]

    def body(self) -> list[list[Cell]]:
        return self.rows()[self.header_rows :]


def _count(value) -> str:
    return str(value if value is not None else 0)


def section3_grid(values: dict[str, dict[str, int]], report_format=None) -> Grid:
    report_format = report_format or fmt.FORMATS[fmt.FORMAT_2021]
    leaves = [r for r in report_format.section3_rows if r.is_leaf]
    grid = Grid("section3", 3 + len(leaves), 10, 3)
    grid.add(0, 0, SECTION3_CORNER, rowspan=3, colspan=3, header=True)
    grid.add(0, 3, APPLICANTS, colspan=7, header=True, scope="col")
    grid.add(1, 3, fmt.column_label("natural_person"), rowspan=2, header=True, scope="col")
    grid.add(1, 4, fmt.APPLICANT_ORG_GROUP, colspan=5, header=True, scope="col")
    grid.add(1, 9, fmt.column_label("total"), rowspan=2, header=True, scope="col")
    for i, column in enumerate(c for c in fmt.APPLICANT_COLUMNS if c.group):
        grid.add(2, 4 + i, column.label, header=True, scope="col")
    results = [i for i, r in enumerate(leaves) if r.parent is not None]
    first = 3
    result_group = fmt.row(leaves[results[0]].parent)
    grid.add(first + results[0], 0, result_group.label, rowspan=len(results), header=True)
    for i, line in enumerate(leaves):
        r = first + i
        if line.parent is None:
            grid.add(r, 0, line.label, colspan=3, header=True, scope="row")
        elif line.parent == result_group.code:
            grid.add(r, 1, line.label, colspan=2, header=True, scope="row")
        else:
            siblings = [j for j, x in enumerate(leaves) if x.parent == line.parent]
            if i == siblings[0]:
                grid.add(r, 1, fmt.row(line.parent).label, rowspan=len(siblings), header=True)
            grid.add(r, 2, line.label, header=True, scope="row")
        for j, column in enumerate(fmt.APPLICANT_COLUMNS):
            grid.add(r, 3 + j, _count(values[line.code][column.code]), numeric=True)
    return grid


def section4_grid(values: dict[str, dict[str, int]]) -> Grid:
    width = len(fmt.SECTION4_RESULTS)
    grid = Grid("section4", 4, 3 * width, 3)
    (review, review_label), *litigation = fmt.SECTION4_GROUPS
    grid.add(0, 0, review_label, rowspan=2, colspan=width, header=True, scope="col")
    grid.add(0, width, LITIGATION, colspan=2 * width, header=True, scope="col")
    for k, (_code, label) in enumerate(litigation):
        grid.add(1, width * (k + 1), label, colspan=width, header=True, scope="col")
    for g, (group, _label) in enumerate(fmt.SECTION4_GROUPS):
        for r, (result, label) in enumerate(fmt.SECTION4_RESULTS):
            grid.add(2, g * width + r, label, header=True, scope="col")
            grid.add(3, g * width + r, _count(values[group][result]), numeric=True)
    return grid


def section2_grid(tables: list[dict]) -> Grid:
    """The four section 二 tables as one four-column table, as portals publish it."""
    n_rows = sum(2 + len(t["spec"].rows) for t in tables)
    grid = Grid("section2", n_rows, 4, 0)
    r = 0
    for table in tables:
        spec, values = table["spec"], table["values"]
        grid.add(r, 0, spec.heading, colspan=4, header=True, scope="col")
        grid.add(r + 1, 0, LABEL_HEADER, header=True, scope="col")
        span = 4 - len(spec.columns)
        for j, (_code, label) in enumerate(spec.columns):
            grid.add(r + 1, 1 + j, label, colspan=span if j == 0 else 1, header=True)
        for i, (row_code, row_label) in enumerate(spec.rows):
            grid.add(r + 2 + i, 0, row_label, header=True, scope="row")
            for j, (column, _label) in enumerate(spec.columns):
                col = 1 + j if j else 1
                text = _count(values[row_code][column])
                grid.add(r + 2 + i, col, text, colspan=span if j == 0 else 1, numeric=True)
        r += 2 + len(spec.rows)
    return grid
