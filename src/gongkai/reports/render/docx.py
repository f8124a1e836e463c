"""The report as a Word document for filing (python-docx), merged cells as in the official
layout (国办公开办函〔2021〕30号), so ``gongkai report check FILE.docx`` reads it."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gongkai.reports.format import MARGINS_MM, PAGE_MM
from gongkai.reports.render.document import ReportDocument
from gongkai.reports.render.layout import Grid

FONT = "宋体"
HEADING_FONT = "黑体"


def _east_asian(run, name: str) -> None:
    run.font.name = name
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def _paragraph(document, text: str, *, size: int = 12, font: str = FONT, center=False):
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    _east_asian(run, font)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def _table(document, grid: Grid) -> None:
    table = document.add_table(rows=grid.n_rows, cols=grid.n_cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell in grid.cells:
        target = table.cell(cell.row, cell.col)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(
                table.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1)
            )
        target.text = ""
        paragraph = target.paragraphs[0]
        run = paragraph.add_run(cell.text)
        run.font.size = Pt(9)
        run.bold = cell.header and cell.scope == "col"
        _east_asian(run, FONT)
        if cell.numeric or cell.scope == "col":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _page(document) -> None:
    """A4 with the margins of official documents (format.PAGE_SOURCE), not python-docx's
    default US Letter."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(PAGE_MM["width"]), Mm(PAGE_MM["height"])
        section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
        section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])


def docx_bytes(doc: ReportDocument) -> bytes:
    document = Document()
    _page(document)
    _paragraph(document, doc.title, size=18, font=HEADING_FONT, center=True)
    for part in doc.parts:
        _paragraph(document, part.heading, size=14, font=HEADING_FONT)
        for text in part.paragraphs:
            _paragraph(document, text).paragraph_format.first_line_indent = Pt(24)
        for grid in part.grids:
            _table(document, grid)
        for note in part.notes:
            _paragraph(document, note, size=10)
    out = BytesIO()
    document.save(out)
    return out.getvalue()
