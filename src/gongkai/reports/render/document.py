"""The report as an ordered document: the six sections, their text and tables.

One structure for the portal page, the .docx and the PDF, so the three never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from gongkai.reports import format as fmt
from gongkai.reports.models import YearlyReport
from gongkai.reports.prose import not_connected
from gongkai.reports.render.layout import Grid, section2_grid, section3_grid, section4_grid
from gongkai.reports.section2 import MANUAL, REGISTER
from gongkai.reports.selectors import section2_tables


@dataclass
class Part:
    code: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class ReportDocument:
    title: str
    organisation: str
    year: int
    parts: list[Part]


def report_title(report: YearlyReport) -> str:
    # The official title: "<机关>YYYY年政府信息公开工作年度报告".
    return _("%(body)s %(year)d Yearly Report on Government Information Disclosure") % {
        "body": report.organisation.name,
        "year": report.year,
    }


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _section2_notes(tables: list[dict]) -> list[str]:
    notes = []
    for table in tables:
        heading = table["spec"].heading
        if table["source"] == "absent":
            notes.append(
                _("%(table)s: %(note)s; shown as 0.") % {"table": heading, "note": not_connected()}
            )
        elif table["source"] == MANUAL and table["spec"].source == REGISTER:
            notes.append(
                _(
                    "%(table)s: entered by the openness office (no decision of the year is "
                    "recorded in the enforcement register)."
                )
                % {"table": heading}
            )
        elif table["source"] == MANUAL:
            notes.append(
                _("%(table)s: entered by the openness office (no source in the platform yet).")
                % {"table": heading}
            )
        elif table["source"] == REGISTER:
            notes.append(
                _("%(table)s: counted from the enforcement register (decisions of the year).")
                % {"table": heading}
            )
    return notes


def build(report: YearlyReport, *, staff: bool = False) -> ReportDocument:
    """``staff`` adds the notes about where figures come from (not printed on the portal)."""
    headings = {s.code: s.label for s in fmt.SECTIONS}
    tables = report.tables
    s2 = section2_tables(report)
    parts = [
        Part("overview", headings["overview"], _paragraphs(report.overview)),
        Part(
            "active",
            headings["active"],
            grids=[section2_grid(s2)],
            notes=_section2_notes(s2) if staff else [],
        ),
        Part("applications", headings["applications"], grids=[section3_grid(tables["section3"])]),
        Part(
            "review_litigation",
            headings["review_litigation"],
            grids=[section4_grid(tables["section4"])],
        ),
        Part("problems", headings["problems"], _paragraphs(report.problems)),
        Part("other_matters", headings["other_matters"], _paragraphs(report.other_matters)),
    ]
    absent = [p for p in parts if p.code == "active"][0]
    if not staff and any(t["source"] == "absent" for t in s2):
        absent.notes = [n for n in _section2_notes(s2) if not_connected() in n]
    return ReportDocument(report_title(report), report.organisation.name, report.year, parts)
