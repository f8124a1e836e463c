"""A gazette issue as PDF: cover title, table of contents, then each document's text.

The Chinese font is the reports' (reportlab's built-in CID font STSong-Light, registered by
``reports.render.pdf``), so no font file is shipped.
"""

from __future__ import annotations

from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from gongkai.guides.selectors import issue_title
from gongkai.reports.render.pdf import FONT

BASE = {"fontName": FONT, "wordWrap": "CJK"}
STYLES = {
    "title": ParagraphStyle("title", fontSize=22, leading=32, alignment=TA_CENTER, **BASE),
    "heading": ParagraphStyle("heading", fontSize=15, leading=24, alignment=TA_CENTER, **BASE),
    "meta": ParagraphStyle("meta", fontSize=10, leading=16, alignment=TA_CENTER, **BASE),
    "toc": ParagraphStyle("toc", fontSize=11, leading=20, **BASE),
    "body": ParagraphStyle("body", fontSize=11, leading=20, firstLineIndent=22, **BASE),
}


def register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _paragraphs(text: str, style) -> list[Paragraph]:
    return [Paragraph(_escape(line), style) for line in text.splitlines() if line.strip()]


def issue_pdf(issue) -> bytes:
    """``issue`` with its entries (and each document's published item) prefetched."""
    register_font()
    title = issue_title(issue)
    published = timezone.localtime(issue.published_at).date() if issue.published_at else None
    story = [
        Spacer(1, 40 * mm),
        Paragraph(_escape(title), STYLES["title"]),
        Spacer(1, 8 * mm),
        Paragraph(
            _escape(
                _("Documents issued from %(start)s to %(end)s")
                % {"start": issue.period_start.isoformat(), "end": issue.period_end.isoformat()}
            ),
            STYLES["meta"],
        ),
        Paragraph(_escape(published.isoformat() if published else ""), STYLES["meta"]),
        Spacer(1, 12 * mm),
        Paragraph(_escape(_("Contents")), STYLES["heading"]),
    ]
    entries = list(issue.entries.all())
    for entry in entries:
        document = entry.document
        story.append(
            Paragraph(
                _escape(f"{entry.position}. {document.title}（{document.document_number}）"),
                STYLES["toc"],
            )
        )
    for entry in entries:
        document = entry.document
        item = document.item
        story += [
            PageBreak(),
            Paragraph(_escape(document.title), STYLES["heading"]),
            Paragraph(
                _escape(f"{document.document_number} · {document.issued_on.isoformat()}"),
                STYLES["meta"],
            ),
            Spacer(1, 6 * mm),
        ]
        text = (item.public_body or item.body) if item is not None else ""
        story += _paragraphs(text, STYLES["body"]) or [
            Paragraph(_escape(_("The full text is published on the website.")), STYLES["body"])
        ]
    buffer = BytesIO()
    page = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, author=issue.organisation.name,
        leftMargin=28 * mm, rightMargin=26 * mm, topMargin=37 * mm, bottomMargin=35 * mm,
    )  # fmt: skip
    page.build(story)
    return buffer.getvalue()
