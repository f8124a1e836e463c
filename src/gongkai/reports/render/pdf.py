"""A print-ready PDF of the report (reportlab, the built-in CID font STSong-Light for Chinese,
so no font file is shipped); tables keep the official merged cells (SPAN)."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import KeepTogether

from gongkai.reports.format import MARGINS_MM
from gongkai.reports.render.document import ReportDocument
from gongkai.reports.render.layout import Grid

FONT = "STSong-Light"
_registered = False


def _register() -> None:
    global _registered
    if not _registered:
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
        _registered = True


def _styles() -> dict[str, ParagraphStyle]:
    base = {"fontName": FONT, "wordWrap": "CJK"}
    return {
        "title": ParagraphStyle("title", fontSize=18, leading=26, alignment=TA_CENTER, **base),
        "heading": ParagraphStyle("heading", fontSize=14, leading=22, spaceBefore=8, **base),
        "body": ParagraphStyle("body", fontSize=11, leading=19, firstLineIndent=22, **base),
        "note": ParagraphStyle("note", fontSize=9, leading=13, **base),
        "cell": ParagraphStyle("cell", fontSize=7.5, leading=10, **base),
        "number": ParagraphStyle("number", fontSize=8, leading=10, alignment=TA_CENTER, **base),
    }


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(grid: Grid, styles, width: float) -> Table:
    data = [["" for _ in range(grid.n_cols)] for _ in range(grid.n_rows)]
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    for cell in grid.cells:
        style = styles["number"] if cell.numeric or cell.scope == "col" else styles["cell"]
        data[cell.row][cell.col] = Paragraph(_escape(cell.text), style)
        if cell.rowspan > 1 or cell.colspan > 1:
            end = (cell.col + cell.colspan - 1, cell.row + cell.rowspan - 1)
            commands.append(("SPAN", (cell.col, cell.row), end))
    widths = _column_widths(grid, width)
    table = Table(data, colWidths=widths, repeatRows=grid.header_rows)
    table.setStyle(TableStyle(commands))
    return table


def _column_widths(grid: Grid, width: float) -> list[float]:
    if grid.code == "section3":  # three label columns, then seven counts
        labels = [0.12, 0.12, 0.28]
        return [width * share for share in labels] + [width * 0.48 / 7] * 7
    if grid.code == "section2":
        return [width * 0.34] + [width * 0.22] * 3
    return [width / grid.n_cols] * grid.n_cols


def pdf_bytes(doc: ReportDocument) -> bytes:
    _register()
    styles = _styles()
    out = BytesIO()
    page = SimpleDocTemplate(
        out,
        pagesize=A4,
        # The same page as the .docx: 公文 margins (format.PAGE_SOURCE).
        leftMargin=MARGINS_MM["left"] * mm,
        rightMargin=MARGINS_MM["right"] * mm,
        topMargin=MARGINS_MM["top"] * mm,
        bottomMargin=MARGINS_MM["bottom"] * mm,
        title=doc.title,
        author=doc.organisation,
    )
    story: list = [Paragraph(_escape(doc.title), styles["title"]), Spacer(1, 6 * mm)]
    for part in doc.parts:
        block = [Paragraph(_escape(part.heading), styles["heading"])]
        block += [Paragraph(_escape(text), styles["body"]) for text in part.paragraphs]
        story.append(KeepTogether(block[:2]))
        story += block[2:]
        for grid in part.grids:
            story += [_table(grid, styles, page.width), Spacer(1, 3 * mm)]
        story += [Paragraph(_escape(note), styles["note"]) for note in part.notes]
    page.build(story)
    return out.getvalue()
