"""Reading a 重点任务分解表 out of a .txt, .docx or .xlsx file into plain rows.

The table has four columns whatever the file: 序号, 工作任务 (the task), 负责单位 (the units:
leads before the first comma, co-responsible units after it) and 完成时间 (the deadline).
Headers are recognised by the words plans use for them, so 责任单位/牵头单位 and 时间要求/
完成时限 work too.

A .txt file is what copying the annex out of a web page or a PDF gives (seed 000): one
cell a line, cells separated by blank lines, rows starting with their number. A .docx
holds the table as a Word table (or, pasted as text, as the .txt form in paragraphs).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError

HEADERS = {
    "number": ("序号", "编号"),
    "task": ("工作任务", "重点任务", "任务内容", "主要任务", "工作内容", "任务"),
    "units": ("负责单位", "责任单位", "牵头单位", "责任部门", "承办单位"),
    "deadline": ("完成时间", "完成时限", "时间要求", "时限要求", "完成期限", "时限"),
}
MAX_ROWS = 500
MAX_BYTES = 5 * 1024 * 1024


@dataclass
class TableRow:
    line: int  # the row's 序号 (or its place in the file when there is none)
    task: str
    units: str
    deadline: str
    section: str = ""  # a prose plan's （一）… heading
    item: int = 0  # a prose plan's item number within its section
    part: str = ""  # a prose plan's part (一、工作任务) holding the section


def _column(text: str) -> str | None:
    cell = re.sub(r"\s+", "", text or "")
    for name, words in HEADERS.items():
        if cell in words:
            return name
    return None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\u3000", " ")).strip()


def rows_from_lines(lines: list[str]) -> list[TableRow]:
    """The one-cell-a-line form: a header of known column names, then rows starting with
    their number. Lines after the last row's cells (page furniture: 打印, 关闭) are ignored."""
    cells = [_clean(line) for line in lines if _clean(line)]
    header: list[str] = []
    start = 0
    for index, cell in enumerate(cells):
        column = _column(cell)
        if column == "number":
            header, start = ["number"], index + 1
            continue
        if header and column and column not in header:
            header.append(column)
            start = index + 1
            if len(header) == 4:
                break
        elif header:
            header, start = [], 0
    if len(header) < 4:
        raise ServiceError(
            "no_table", _("No task table found: the columns 序号, 工作任务, 负责单位, 完成时间.")
        )
    order = header[1:]
    rows: list[TableRow] = []
    index = start
    expected = 1
    while index < len(cells) and len(rows) < MAX_ROWS:
        if cells[index] != str(expected):
            index += 1
            continue
        end = index + 1
        while end < len(cells) and cells[end] != str(expected + 1):
            end += 1
        body = cells[index + 1 : end]
        if end >= len(cells):  # the last row: its three cells, not the footer after them
            body = body[: len(order)]
        if len(body) > len(order):  # a task that wrapped over several lines
            body = ["".join(body[: len(body) - len(order) + 1]), *body[-len(order) + 1 :]]
        values = dict(zip(order, body + [""] * (len(order) - len(body)), strict=True))
        rows.append(TableRow(expected, values["task"], values["units"], values["deadline"]))
        expected += 1
        index = end
    return rows


def rows_from_grid(grid: list[list[str]]) -> list[TableRow]:
    """A real table (docx or xlsx): find the header row, then read the columns it names."""
    headers = [
        (index, {_column(cell): place for place, cell in enumerate(row)})
        for index, row in enumerate(grid[:50])
    ]
    found = [(i, c) for i, c in headers if {"task", "units", "deadline"} <= c.keys()]
    if not found:
        raise ServiceError(
            "no_table", _("No task table found: the columns 序号, 工作任务, 负责单位, 完成时间.")
        )
    header_index, columns = found[0]
    rows: list[TableRow] = []
    for position, row in enumerate(grid[header_index + 1 :], start=1):
        cells = [_clean(c) for c in row] + [""] * 4

        def cell(name: str, cells=cells) -> str:
            return cells[columns[name]] if name in columns else ""

        if not cell("task"):
            continue
        number = cell("number")
        line = int(number) if number.isdigit() else position
        rows.append(TableRow(line, cell("task"), cell("units"), cell("deadline")))
        if len(rows) >= MAX_ROWS:
            break
    return rows


def _docx_grid(content: bytes) -> tuple[list[list[str]], list[str]]:
    from docx import Document

    document = Document(io.BytesIO(content))
    grid: list[list[str]] = []
    for table in document.tables:
        for row in table.rows:
            grid.append([cell.text for cell in row.cells])
    return grid, [p.text for p in document.paragraphs]


def _xlsx_grid(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    grid: list[list[str]] = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 20):
            grid.append(["" if v is None else str(v) for v in row])
    workbook.close()
    return grid


def _lines_read(lines: list[str], plan_year: int) -> list[TableRow]:
    """A table when there is one, else the plan read as prose (numbered items)."""
    try:
        return rows_from_lines(lines)
    except ServiceError as error:
        from gongkai.assessment.prose import rows_from_prose

        rows = rows_from_prose(lines, plan_year=plan_year)
        if not rows:
            raise error
        return rows


def table_read(file_name: str, content: bytes, *, plan_year: int = 0) -> list[TableRow]:
    """The task rows of an uploaded file, or a ServiceError saying why there are none."""
    if len(content) > MAX_BYTES:
        raise ServiceError("too_large", _("The file is larger than 5 MB."))
    name = file_name.lower()
    try:
        if name.endswith(".xlsx"):
            rows = rows_from_grid(_xlsx_grid(content))
        elif name.endswith(".docx"):
            grid, paragraphs = _docx_grid(content)
            rows = rows_from_grid(grid) if grid else _lines_read(paragraphs, plan_year)
        elif name.endswith(".txt"):
            text = content.decode("utf-8-sig", errors="replace")
            rows = _lines_read(text.splitlines(), plan_year)
        else:
            raise ServiceError("format", _("Upload a .txt, .docx or .xlsx file."))
    except ServiceError:
        raise
    except Exception as error:  # a damaged file: say so rather than fail
        raise ServiceError("unreadable", _("The file could not be read.")) from error
    if not rows:
        raise ServiceError("empty", _("The task table has no rows."))
    return rows
