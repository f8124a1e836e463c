"""Tables out of a saved portal page (HTML) or a Word document (.docx), as rectangular grids.

A merged cell (rowspan/colspan, gridSpan/vMerge) occupies every grid position it covers, and
each of those positions holds the *same* Cell object: callers tell "the same cell seen again"
from "another cell with equal text" by identity. This is also how the text that python-docx
repeats for merged cells is read only once.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

import lxml.html
from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from gongkai.core.filebounds import UnsafeUploadError, check_archive

from .messages import MESSAGES

# Page authors paste spans like rowspan="100" or rowspan="0"; never let one cell grow the grid.
_MAX_SPAN = 200
_SPACES = re.compile(r"[\s\u200b\u200c\u200d\ufeff]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([-\w]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


class CheckError(Exception):
    """A file could not be checked at all; `reason` is the human-facing message."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class UnreadableFile(CheckError):
    pass


def normalize(text: str) -> str:
    """Compare-ready text: NFKC (full-width digits and brackets, &nbsp;) without any spaces."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


@dataclass(eq=False, slots=True)
class Cell:
    text: str
    norm: str = field(init=False)

    def __post_init__(self) -> None:
        self.norm = normalize(self.text)


@dataclass(slots=True)
class Table:
    """`rows` is rectangular; `index` is the table's position in the document (0-based)."""

    index: int
    rows: list[list[Cell]]
    _text: str | None = field(default=None, repr=False)

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def text(self) -> str:
        """All distinct cells' normalised text, for quick phrase tests (computed once)."""
        if self._text is None:
            seen: set[int] = set()
            parts = []
            for line in self.rows:
                for cell in line:
                    if id(cell) not in seen:
                        seen.add(id(cell))
                        parts.append(cell.norm)
            self._text = "|".join(parts)
        return self._text


# --- grid building, shared by both sources ---------------------------------------------------


@dataclass(slots=True)
class _Source:
    cell: Cell
    rowspan: int
    colspan: int


def _build_grid(index: int, source_rows: list[list[_Source]]) -> Table:
    # pending[col] = (cell, rows still to cover) for cells spanning down into later rows.
    pending: dict[int, tuple[Cell, int]] = {}
    grid: list[list[Cell]] = []
    for source in source_rows:
        line: list[Cell] = []
        for item in source:
            _take_pending(line, pending)
            for _ in range(item.colspan):
                if item.rowspan > 1:
                    pending[len(line)] = (item.cell, item.rowspan - 1)
                line.append(item.cell)
        _take_pending(line, pending)
        # A rowspan reaching past the end of a short row: pad so it stays in its column.
        while pending and len(line) <= max(pending):
            if len(line) not in pending:
                line.append(Cell(""))
            _take_pending(line, pending)
        grid.append(line)
    return Table(index, _rectangular(grid))


def _take_pending(line: list[Cell], pending: dict[int, tuple[Cell, int]]) -> None:
    while len(line) in pending:
        col = len(line)
        cell, left = pending.pop(col)
        line.append(cell)
        if left > 1:
            pending[col] = (cell, left - 1)


def _rectangular(grid: list[list[Cell]]) -> list[list[Cell]]:
    """Pad short rows. A row missing cells (a forgotten colspan) usually still ends with its
    numbers, so the padding goes after its last label cell, keeping the numbers right-aligned."""
    width = max((len(line) for line in grid), default=0)
    for line in grid:
        missing = width - len(line)
        if missing:
            at = _after_last_label(line)
            filler = line[at - 1] if at else Cell("")
            line[at:at] = [filler] * missing
    return grid


_NUMBERISH = re.compile(r"^[\d,.\-—–/\\]*$")


def _after_last_label(line: list[Cell]) -> int:
    for i in range(len(line) - 1, -1, -1):
        if not _NUMBERISH.match(line[i].norm):
            return i + 1
    return 0


# --- HTML ------------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    """Portals still serve GB2312/GBK pages; honour a BOM or <meta charset>, else try UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    match = _CHARSET.search(data[:4096])
    if match:
        name = match.group(1).decode("ascii").lower()
        if name in {"gb2312", "gbk", "gb_2312-80"}:
            name = "gb18030"  # a superset: pages declared GB2312 often contain GBK characters
        try:
            return data.decode(name, errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _cell_text(element: etree._Element) -> str:
    """Text of a td/th without the text of tables nested inside it; <br> and <p> break lines."""
    parts: list[str] = []
    _collect_text(element, parts)
    return "".join(parts).strip()


_SKIP_TAGS = frozenset({"table", "script", "style"})
_BREAK_TAGS = frozenset({"br", "p", "div", "li"})


def _collect_text(element: etree._Element, parts: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _BREAK_TAGS:
            parts.append("\n")
        if tag and tag not in _SKIP_TAGS:
            _collect_text(child, parts)
        if child.tail:
            parts.append(child.tail)


def _span(element: etree._Element, name: str) -> int:
    raw = element.get(name, "1")
    digits = re.match(r"\s*(\d+)", raw)
    value = int(digits.group(1)) if digits else 1
    return min(max(value, 1), _MAX_SPAN)


def _own_rows(table: etree._Element) -> Iterator[etree._Element]:
    # tr directly under the table or under thead/tbody/tfoot; never rows of a nested table.
    for child in table:
        if child.tag == "tr":
            yield child
        elif child.tag in {"thead", "tbody", "tfoot"}:
            yield from (tr for tr in child if tr.tag == "tr")


def tables_from_html(data: bytes | str) -> list[Table]:
    text = _decode(data) if isinstance(data, bytes) else data
    text = _XML_DECL.sub("", text)
    if not text.strip():
        return []
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableFile(MESSAGES["unreadable"].format(reason=exc)) from exc
    tables: list[Table] = []
    for element in root.iter("table"):
        source_rows = [
            [
                _Source(Cell(_cell_text(td)), _span(td, "rowspan"), _span(td, "colspan"))
                for td in tr
                if td.tag in {"td", "th"}
            ]
            for tr in _own_rows(element)
        ]
        if source_rows:
            tables.append(_build_grid(len(tables), source_rows))
    return tables


# --- .docx -----------------------------------------------------------------------------------

_W_TR, _W_TC, _W_P, _W_T, _W_TBL = qn("w:tr"), qn("w:tc"), qn("w:p"), qn("w:t"), qn("w:tbl")
_W_TAB, _W_BR = qn("w:tab"), qn("w:br")
_W_SDT, _W_SDT_CONTENT = qn("w:sdt"), qn("w:sdtContent")
_W_VAL = qn("w:val")
_DOCX_TEXT = (_W_T, _W_TAB, _W_BR)
_DOCX_CHARS = {_W_TAB: " ", _W_BR: "\n"}


def _docx_cell_text(tc: etree._Element) -> str:
    lines = []
    for p in tc.iter(_W_P):
        if _nearest(p, _W_TC) is not tc:
            continue  # a paragraph of a table nested in this cell
        lines.append(
            "".join(_DOCX_CHARS.get(node.tag) or node.text or "" for node in p.iter(*_DOCX_TEXT))
        )
    return "\n".join(lines).strip()


def _nearest(element: etree._Element, tag: str) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _row_cells(tr: etree._Element) -> Iterator[etree._Element]:
    for child in tr:
        if child.tag == _W_TC:
            yield child
        elif child.tag == _W_SDT:  # content controls may wrap cells
            for content in child.iter(_W_SDT_CONTENT):
                yield from (tc for tc in content if tc.tag == _W_TC)


def _tc_props(tc: etree._Element) -> tuple[int, bool]:
    """(gridSpan, continues the cell above) from w:tcPr."""
    span, continued = 1, False
    props = tc.find(qn("w:tcPr"))
    if props is not None:
        grid_span = props.find(qn("w:gridSpan"))
        if grid_span is not None:
            span = min(max(int(grid_span.get(_W_VAL, "1") or 1), 1), _MAX_SPAN)
        merge = props.find(qn("w:vMerge"))
        # <w:vMerge/> without a value means "continue"; "restart" opens a merged cell.
        continued = merge is not None and merge.get(_W_VAL, "continue") == "continue"
    return span, continued


def _grid_before(tr: etree._Element) -> int:
    props = tr.find(qn("w:trPr"))
    node = props.find(qn("w:gridBefore")) if props is not None else None
    return int(node.get(_W_VAL, "0") or 0) if node is not None else 0


def _docx_grid(index: int, tbl: etree._Element) -> Table:
    grid: list[list[Cell]] = []
    for tr in (child for child in tbl if child.tag == _W_TR):
        line: list[Cell] = [Cell("")] * _grid_before(tr)
        for tc in _row_cells(tr):
            span, continued = _tc_props(tc)
            col = len(line)
            above = grid[-1][col] if continued and grid and col < len(grid[-1]) else None
            cell = above if above is not None else Cell(_docx_cell_text(tc))
            line.extend([cell] * span)
        grid.append(line)
    return Table(index, _rectangular(grid))


def tables_from_docx(source: str | Path | bytes) -> list[Table]:
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    try:
        check_archive(data)  # a decompression bomb is refused before it is inflated
    except UnsafeUploadError as exc:
        raise UnreadableFile(exc.message) from exc
    try:
        document = Document(BytesIO(data))
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
    ) as exc:
        reason = str(exc) or type(exc).__name__
        raise UnreadableFile(MESSAGES["bad_docx"].format(reason=reason)) from exc
    # Every w:tbl in document order, nested ones included (report tables are sometimes placed
    # inside a layout table).
    body = document.element.body
    return [_docx_grid(i, tbl) for i, tbl in enumerate(body.iter(_W_TBL))]


# --- files -----------------------------------------------------------------------------------

HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php"})


def read_tables(path: str | Path) -> list[Table]:
    """Tables of an HTML page or a .docx; the type is sniffed, the suffix only breaks ties."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableFile(MESSAGES["not_found"].format(name=path)) from exc
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UnreadableFile(MESSAGES["unreadable"].format(reason=reason)) from exc
    if data.startswith(b"PK"):
        return tables_from_docx(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: legacy .doc / .wps
        raise UnreadableFile(MESSAGES["old_word"])
    if path.suffix.lower() in HTML_SUFFIXES or b"<" in data[:4096]:
        return tables_from_html(data)
    raise UnreadableFile(MESSAGES["unsupported"].format(name=path.name))
