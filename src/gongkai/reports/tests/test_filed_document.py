"""The filed report: A4 with the margins of official documents (GB/T 9704-2012 §5.2), no
staff notes in the file, and first prose that does not list every zero."""

from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from gongkai.reports.models import YearlyReport
from gongkai.reports.render.document import build
from gongkai.reports.render.docx import docx_bytes
from gongkai.reports.section2 import MANUAL_TABLES
from gongkai.reports.services import report_generate, report_update_tables
from gongkai.reports.tests.test_providers_connected import KNOWN_PROVIDERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(body, office) -> YearlyReport:
    return report_generate(organisation=body, year=2025, actor=office)


def test_the_docx_is_a4_with_the_margins_of_official_documents(report):
    section = Document(BytesIO(docx_bytes(build(report)))).sections[0]

    def mm(*lengths) -> tuple:  # Word stores twentieths of a point: read back to 0.1 mm
        return tuple(round(length.mm, 1) for length in lengths)

    assert mm(section.page_width, section.page_height) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert mm(*margins) == (37, 35, 28, 26)


def test_the_staff_download_holds_no_note_about_who_entered_the_figures(client, report, office):
    table = MANUAL_TABLES[0]
    row, column = table.rows[0][0], table.columns[0][0]
    report_update_tables(report=report, actor=office, values={table.code: {row: {column: "3"}}})
    client.force_login(office)
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "由政务公开办填报" in page  # the note stays on the workbench page
    response = client.get(reverse("reports:file", args=[report.pk, "docx"]))
    text = "\n".join(p.text for p in Document(BytesIO(response.content)).paragraphs)
    assert "填报" not in text


def test_the_first_prose_gathers_zeros_in_one_sentence(body, office, monkeypatch):
    from gongkai.reports import providers

    monkeypatch.setattr(providers, "KNOWN_PROVIDERS", KNOWN_PROVIDERS)  # all connected
    report = report_generate(organisation=body, year=2025, actor=office)
    overview = report.overview.splitlines()
    assert not any(line.endswith("：0。") for line in overview)
    zeros = [line for line in overview if line.startswith("本年度以下事项为零：")]
    assert len(zeros) == 1 and "主动公开政府信息、" in zeros[0]
    assert not any("数据来源尚未接入" in line for line in overview)


def test_figures_without_a_source_are_named_once_for_the_office(report):
    unknown = [line for line in report.overview.splitlines() if "数据来源尚未接入" in line]
    assert len(unknown) == 1 and unknown[0].startswith("待公开办核实补充")


@pytest.mark.parametrize(("today", "late"), [("2026-01-31", False), ("2026-02-01", True)])
def test_the_publish_button_warns_past_31_january(client, report, office, monkeypatch, today, late):
    import datetime as dt

    from gongkai.reports.views import workbench

    monkeypatch.setattr(workbench.timezone, "localdate", lambda: dt.date.fromisoformat(today))
    client.force_login(office)
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    warning = "《政府信息公开条例》第四十九条要求于2026-01-31前公布"
    assert (warning in page) is late
