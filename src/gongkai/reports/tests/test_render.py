"""The rendered report keeps the official layout: the checker (国办公开办函〔2021〕30号 relations)
reads the portal HTML and the .docx back with 0 errors and the same numbers."""

import datetime as dt
from io import BytesIO

import pytest
from pypdf import PdfReader

from gongkai.reports import format as fmt
from gongkai.reports.checker import check_tables
from gongkai.reports.checker.extract import tables_from_docx, tables_from_html
from gongkai.reports.render.document import build
from gongkai.reports.render.docx import docx_bytes
from gongkai.reports.render.pdf import pdf_bytes
from gongkai.reports.services import report_generate

from .factories import (
    OpenRequestFactory,
    RemedyFactory,
    RepliedRequestFactory,
    lapsed_request,
    publish_signed,
)

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat


@pytest.fixture
def report(body, office):
    for i, outcome in enumerate(fmt.OUTCOME_LEAVES):
        if outcome in ("other.no_supplement", "other.no_fee"):
            continue
        RepliedRequestFactory(
            organisation=body,
            outcome=outcome,
            applicant_type=fmt.APPLICANT_PARTS[i % 6],
            received_on=D("2024-12-16") + dt.timedelta(days=9 * i),
            replied_on=D("2025-01-06") + dt.timedelta(days=9 * i),
        )
    OpenRequestFactory(organisation=body, received_on=D("2025-12-22"))
    lapsed_request(organisation=body, received_on=D("2025-04-01"), lapsed_on=D("2025-05-20"))
    lapsed_request(
        organisation=body, received_on=D("2025-07-01"), lapsed_on=D("2025-08-20"), fee=True
    )
    RemedyFactory(request__organisation=body, result="upheld", decided_on=D("2025-08-01"))
    RemedyFactory(request__organisation=body, kind="litigation_direct")
    report = report_generate(organisation=body, year=2025, actor=office)
    return publish_signed(report, office)


def test_portal_html_is_consistent_by_the_checker(client, report):
    response = client.get("/xxgk/ndbg/zjga/2025/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'rowspan="3" colspan="3"' in html  # the official header corner
    checked = check_tables(tables_from_html(html))
    assert checked.format == "2021"
    assert checked.errors == []
    assert checked.findings == []
    assert checked.section3.values == report.tables["section3"]
    assert checked.section4.values == report.tables["section4"]
    # 19 replies (one per non-lapse outcome), 2 lapses, the 2 requests under review or lawsuit.
    assert report.tables["section3"]["total"]["total"] == 19 + 2 + 2
    assert report.tables["section4"]["review"] == {
        "upheld": 1,
        "corrected": 0,
        "other": 0,
        "pending": 0,
        "total": 1,
    }


def test_docx_is_consistent_by_the_checker(client, report):
    response = client.get("/xxgk/ndbg/zjga/2025/report.docx")
    assert response.status_code == 200
    checked = check_tables(tables_from_docx(response.content))
    assert checked.findings == []
    assert checked.section3.values == report.tables["section3"]
    assert checked.section4.values == report.tables["section4"]


def test_every_section_heading_is_official_and_in_order(report):
    document = build(report)
    assert [p.heading for p in document.parts] == [s.label for s in fmt.SECTIONS]
    assert document.title == "湛江市公安局2025年政府信息公开工作年度报告"


def test_pdf_has_the_title_and_the_tables(report):
    data = pdf_bytes(build(report))
    assert data.startswith(b"%PDF")
    reader = PdfReader(BytesIO(data))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "政府信息公开工作年度报告" in text
    assert "本年新收政府信息公开申请数量" in text
    assert "行政复议" in text and "复议后起诉" in text


def test_docx_bytes_hold_the_prose(report):
    checked = tables_from_docx(docx_bytes(build(report)))
    assert len(checked) == 3  # section 二, 三, 四
