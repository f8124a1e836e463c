"""The 台账: every ledger per body and year, as xlsx, as a print view, and all of them as
one zip with an index, built by a background task; the test reads the zip back."""

import datetime as dt
import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.assessment import services
from gongkai.assessment.law import Channel, TrainingKind
from gongkai.assessment.ledgers import LEDGERS, bundle_zip, file_name
from gongkai.assessment.models import LedgerBundle
from gongkai.participation.tests.factories import ConsultationFactory
from gongkai.reports.tests.factories import RepliedRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(office, body):
    RepliedRequestFactory(
        organisation=body, applicant_name="张三", description="2025年户籍迁移政策文件",
        received_on=dt.date(2025, 4, 7),
    )  # fmt: skip
    ConsultationFactory(organisation=body, title="《湛江市养犬管理规定（征求意见稿）》",
                        opens_on=dt.date(2025, 5, 6), closes_on=dt.date(2025, 6, 6))  # fmt: skip
    services.training_record(
        actor=office, organisation=body, kind=TrainingKind.MEETING,
        title="政务公开工作领导小组会议", held_on=dt.date(2025, 3, 18), attendees=12,
    )  # fmt: skip
    for topic in ("户口迁移", '=HYPERLINK("http://x")'):
        services.enquiry_record(
            actor=office, organisation=body, channel=Channel.HOTLINE_96128, topic=topic,
            received_on=dt.date(2025, 8, 1),
        )  # fmt: skip


def test_the_zip_opens_with_every_sheet(office, body, records, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        bundle = services.ledger_bundle_request(actor=office, organisation=body, year=2025)
    bundle.refresh_from_db()
    assert (bundle.status, bundle.done, bundle.total) == ("done", len(LEDGERS), len(LEDGERS))

    archive = zipfile.ZipFile(io.BytesIO(bytes(bundle.content)))
    names = archive.namelist()
    assert names[-1] == "00-目录.xlsx"
    assert names[:-1] == [file_name(ledger, 2025) for ledger in LEDGERS]
    index = load_workbook(io.BytesIO(archive.read("00-目录.xlsx"))).active
    listed = [
        row for row in index.iter_rows(min_row=3, values_only=True) if isinstance(row[0], int)
    ]
    assert [row[2] for row in listed] == names[:-1]
    counts = {}
    for ledger, row in zip(LEDGERS, listed, strict=True):
        sheet = load_workbook(io.BytesIO(archive.read(row[2]))).active
        assert sheet.title == str(ledger.title)[:31]
        assert sheet["A1"].value == f"湛江市公安局2025年{ledger.title}台账"
        assert [c.value for c in sheet[2]] == ledger.columns()
        counts[ledger.code] = sheet.max_row - 2
        assert counts[ledger.code] == row[3]
    assert counts["ysqgk"] == 1 and counts["yjzj"] == 1 and counts["pxhy"] == 1
    assert counts["zx"] == 2
    foi = load_workbook(io.BytesIO(archive.read(file_name(LEDGERS[1], 2025)))).active
    row = [c.value for c in foi[3]]
    assert row[2] == "张三" and row[4] == "2025年户籍迁移政策文件"
    enquiries = load_workbook(io.BytesIO(archive.read(file_name(LEDGERS[9], 2025)))).active
    assert enquiries["D4"].value == '\'=HYPERLINK("http://x")'  # never run as a formula


def test_each_ledger_as_xlsx_and_print_view(client, office, body, records):
    client.force_login(office)
    for ledger in LEDGERS:
        url = reverse("assessment:ledger", args=[ledger.code])
        page = client.get(url, {"year": 2025, "organisation": body.pk})
        assert page.status_code == 200
        assert str(ledger.title) in page.content.decode()
        download = client.get(url, {"year": 2025, "organisation": body.pk, "format": "xlsx"})
        assert download.status_code == 200
        load_workbook(io.BytesIO(download.content))
    page = client.get(reverse("assessment:ledger", args=["ysqgk"]), {"year": 2025})
    assert "张三" in page.content.decode()


def test_the_bundle_page_shows_progress_and_the_download(client, office, body):
    bundle = LedgerBundle.objects.create(
        organisation=body, year=2025, total=len(LEDGERS), done=3, requested_by=office,
        status=LedgerBundle.Status.RUNNING,
    )  # fmt: skip
    client.force_login(office)
    page = client.get(reverse("assessment:bundle", args=[bundle.pk])).content.decode()
    assert 'value="3"' in page and 'http-equiv="refresh"' in page
    assert (
        client.get(reverse("assessment:bundle", args=[bundle.pk]), {"download": 1}).status_code
        == 200
    )
    LedgerBundle.objects.filter(pk=bundle.pk).update(
        status=LedgerBundle.Status.DONE, content=bundle_zip(body, 2025)
    )
    download = client.get(reverse("assessment:bundle", args=[bundle.pk]), {"download": 1})
    assert download["Content-Type"] == "application/zip"
    assert zipfile.ZipFile(io.BytesIO(download.content)).testzip() is None


def test_the_ledgers_are_the_office_s(client, handler, body):
    client.force_login(handler)
    assert client.get(reverse("assessment:ledgers")).status_code == 404
    assert client.get(reverse("assessment:ledger", args=["ysqgk"])).status_code == 404
    assert LedgerBundle.objects.count() == 0
