"""A body's (or unit's) self-assessment report (自评报告) as .docx: A4 with the margins of
official documents (GB/T 9704-2012, as ``reports`` uses), the score per indicator, each
deduction with its evidence, and the plan tasks with their progress."""

from __future__ import annotations

from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gongkai.assessment.models import Rubric, TaskUnit
from gongkai.assessment.scoring import SubjectScore
from gongkai.reports.format import MARGINS_MM, PAGE_MM

FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
TITLE_FONT = "方正小标宋简体"


def _run(paragraph, text: str, *, size: int, font: str, bold: bool = False):
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.name = font
    run.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return run


def _paragraph(document, text: str, *, size=16, font=FONT, center=False, indent=True):
    paragraph = document.add_paragraph()
    _run(paragraph, text, size=size, font=font)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif indent:
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)
    return paragraph


def _cell(cell, text: str, *, bold: bool = False) -> None:
    cell.text = ""
    _run(cell.paragraphs[0], text, size=10, font=FONT, bold=bold)


def self_report_docx(rubric: Rubric, score: SubjectScore, *, rank: int, of: int) -> bytes:
    document = Document()
    for section in document.sections:
        section.page_width, section.page_height = Mm(PAGE_MM["width"]), Mm(PAGE_MM["height"])
        section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
        section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    name = score.organisation.name
    total = sum(i.indicator.points for i in score.indicators)
    _paragraph(
        document,
        _("%(name)s %(year)d openness work self-assessment report")
        % {"name": name, "year": rubric.year},
        size=22, font=TITLE_FONT, center=True,
    )  # fmt: skip
    _paragraph(
        document,
        _(
            "Under “%(rubric)s” (%(source)s), %(name)s scores %(score)s of %(total)s points, "
            "rank %(rank)d of %(of)d."
        )
        % {
            "rubric": rubric.title,
            "source": rubric.source,
            "name": name,
            "score": score.total,
            "total": total,
            "rank": rank,
            "of": of,
        },
    )
    _paragraph(document, _("1. Score by indicator"), font=HEADING_FONT, indent=False)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells,
        [_("Indicator"), _("Points"), _("Deducted"), _("Score")],
        strict=True,
    ):
        _cell(cell, text, bold=True)
    for row in score.indicators:
        cells = table.add_row().cells
        _cell(cells[0], row.indicator.name)
        _cell(cells[1], str(row.indicator.points))
        _cell(cells[2], str(row.deducted))
        _cell(cells[3], str(row.score))
    _paragraph(document, _("2. Deductions and their evidence"), font=HEADING_FONT, indent=False)
    deductions = [(row, e) for row in score.indicators for e in row.evidence]
    if not deductions:
        _paragraph(document, _("No points were deducted."))
    for row, evidence in deductions:
        how = _("automatic") if evidence.automatic else _("by the office")
        text = f"{row.indicator.name}：{evidence.reason}（{how}，−{evidence.points}）"
        if evidence.url:
            text += f" {evidence.url}"
        _paragraph(document, text, size=14)
    _paragraph(document, _("3. Plan tasks"), font=HEADING_FONT, indent=False)
    assignments = (
        TaskUnit.objects.filter(organisation=score.organisation, task__plan__organisation=rubric.organisation)
        .select_related("task__plan")
        .prefetch_related("task__progress")
        .order_by("task__plan_id", "task__number")
    )  # fmt: skip
    if not assignments:
        _paragraph(document, _("No plan tasks are assigned."))
    for assignment in assignments:
        task = assignment.task
        latest = next(
            (p for p in task.progress.all() if p.organisation_id == score.organisation.pk), None
        )
        text = _("Task %(number)d (%(deadline)s, %(status)s): %(text)s") % {
            "number": task.number,
            "deadline": task.deadline_text,
            "status": task.get_status_display(),
            "text": task.text,
        }
        if task.reference:  # where a prose plan's task stands: 一、（三）2.
            text = f"{task.reference} {text}"
        if latest:
            text += _(" Progress: %(progress)s") % {"progress": latest.text}
        _paragraph(document, text, size=14)
    date = timezone.localdate()
    _paragraph(document, name, center=False, indent=False).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _paragraph(
        document, f"{date.year}年{date.month}月{date.day}日", indent=False
    ).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = BytesIO()
    document.save(out)
    return out.getvalue()
