"""The service map (points in GCJ-02, the office's tile server) and the gazette's issues."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import make_staff
from gongkai.guides import gazette, places, selectors
from gongkai.guides.models import GazetteEntry, ServicePoint
from gongkai.guides.pdf import issue_pdf
from gongkai.guides.tests.factories import make_guide, make_normative, make_point, point_fields

pytestmark = pytest.mark.django_db


def test_point_with_the_services_it_handles(office, body):
    guide = make_guide(office, body)
    point = make_point(office, body, guide_ids=[guide.pk])
    assert list(point.guides.all()) == [guide]
    assert [p.name for p in selectors.points_public(guide=guide.pk)] == ["寸金派出所户籍窗口"]
    assert LedgerEntry.objects.filter(action="guides.point_save").count() == 1


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [("110.354900", "21.265800"), ("0", "0"), ("21.2658", "150.0")],  # swapped, null island
)
def test_points_outside_china_are_refused(office, body, latitude, longitude):
    with pytest.raises(ServiceError) as refused:
        make_point(office, body, latitude=Decimal(latitude), longitude=Decimal(longitude))
    assert refused.value.code == "outside_china"
    assert not ServicePoint.objects.exists()


def test_closing_a_point_takes_it_off_the_map(office, body):
    point = make_point(office, body)
    places.point_set_active(actor=office, point=point, active=False)
    assert list(selectors.points_public()) == []
    with pytest.raises(ServiceError):
        places.point_set_active(actor=office, point=point, active=False)


def test_handler_cannot_add_points(office, body):
    handler = make_staff(body, roles=[Role.HANDLER])
    with pytest.raises(PermissionDeniedError):
        places.point_save(actor=handler, organisation=body, fields=point_fields())
    assert not ServicePoint.objects.exists()


@pytest.mark.parametrize(
    ("url", "accepted"),
    [
        ("", True),
        ("https://tiles.zhanjiang.example/{z}/{x}/{y}.png", True),
        ("http://tiles.zhanjiang.example/{z}/{x}/{y}.png", False),
        ("https://tiles.zhanjiang.example/tile.png", False),
    ],
)
def test_tile_server_url(office, body, url, accepted):
    if accepted:
        assert (
            places.map_settings_set(actor=office, organisation=body, tile_url=url).tile_url == url
        )
    else:
        with pytest.raises(ServiceError) as refused:
            places.map_settings_set(actor=office, organisation=body, tile_url=url)
        assert refused.value.code == "invalid_tile_url"


def test_issue_collects_the_periods_normative_documents_once(office, body):
    first = make_normative(office, body, "湛公规〔2026〕1号", dt.date(2026, 2, 10))
    second = make_normative(office, body, "湛公规〔2026〕2号", dt.date(2026, 5, 20))
    make_normative(office, body, "湛公规〔2026〕3号", dt.date(2026, 8, 3))
    issue = gazette.gazette_issue_compile(
        actor=office, organisation=body, year=2026, number=1,
        period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 6, 30),
    )  # fmt: skip
    assert [e.document for e in issue.entries.all()] == [first, second]
    assert list(selectors.issues_published()) == []  # a draft is not public
    with pytest.raises(ServiceError) as again:
        gazette.gazette_issue_compile(
            actor=office, organisation=body, year=2026, number=2,
            period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 3, 31),
        )  # fmt: skip
    assert again.value.code == "empty_issue"  # its documents are already in issue 1
    gazette.gazette_issue_publish(actor=office, issue=issue)
    assert [i.documents for i in selectors.issues_published(2026)] == [2]
    with pytest.raises(ServiceError):
        gazette.gazette_issue_publish(actor=office, issue=issue)
    assert GazetteEntry.objects.count() == 2


def test_issue_pdf_has_the_contents(office, body):
    make_normative(
        office, body, "湛公规〔2026〕1号", dt.date(2026, 2, 10), title="关于优化户籍业务的规定"
    )
    issue = gazette.gazette_issue_compile(
        actor=office, organisation=body, year=2026, number=1,
        period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 6, 30),
    )  # fmt: skip
    gazette.gazette_issue_publish(actor=office, issue=issue)
    content = issue_pdf(selectors.issue_public(issue.pk))
    reader = PdfReader(io.BytesIO(content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == 2
    assert "关于优化户籍业务的规定" in text and "湛公规〔2026〕1号" in text
    assert reader.metadata.title == "湛江市公安局公报 2026年第1期"


def test_draft_can_be_discarded_and_its_documents_reused(office, body):
    make_normative(office, body, "湛公规〔2026〕1号", dt.date(2026, 2, 10))
    period = {"period_start": dt.date(2026, 1, 1), "period_end": dt.date(2026, 6, 30)}
    issue = gazette.gazette_issue_compile(
        actor=office, organisation=body, year=2026, number=1, **period
    )
    gazette.gazette_issue_discard(actor=office, issue=issue)
    again = gazette.gazette_issue_compile(
        actor=office, organisation=body, year=2026, number=1, **period
    )
    assert again.entries.count() == 1
