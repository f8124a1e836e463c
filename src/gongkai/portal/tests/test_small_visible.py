"""Issue 16 point 10, "small but visible": one test per point, each as a citizen sees it."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from gongkai.participation.models import Consultation
from gongkai.participation.tests.factories import ConsultationFactory, ProvisionFactory
from gongkai.proactive.law import NormativeKind
from gongkai.proactive.models import NormativeDocument
from gongkai.proactive.tests.factories import TopicFactory

from .factories import published_item
from .test_pages import parse_xml

pytestmark = pytest.mark.django_db


def test_catalog_filters_offer_all_not_dashes(client, body):
    TopicFactory(name="户籍管理")
    published_item(title="甲", organisation=body)
    page = client.get(reverse("proactive:catalog")).content.decode()
    assert "---------" not in page
    # Each select (topic, genre, body, year, section) starts with 全部.
    selects = re.findall(r"<select[^>]*>\s*<option[^>]*>([^<]*)</option>", page)
    assert selects and set(selects) == {"全部"}


def normative(body, title="湛江市公安局关于规范户口迁移审批的规定"):
    return NormativeDocument.objects.create(
        organisation=body,
        kind=NormativeKind.NORMATIVE,
        title=title,
        document_number="湛公规〔2019〕1号",
        issued_on=dt.date(2019, 3, 1),
        effective_from=dt.date(2019, 3, 1),
    )


def test_sitemap_lists_directory_registers_reports_participation_and_apply(client, body):
    document = normative(body)
    consultation = ConsultationFactory(organisation=body)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    index = [e.text for e in parse_xml(client.get("/sitemap.xml").content).iter(f"{ns}loc")]
    assert "http://testserver/sitemap-records.xml" in index
    locs = []
    for part in ("pages", "records"):
        xml = parse_xml(client.get(f"/sitemap-{part}.xml").content)
        locs += [e.text.removeprefix("http://testserver") for e in xml.iter(f"{ns}loc")]
    for path in (
        "/xxgk/directory/",  # 主动公开基本目录
        "/xxgk/normative/",
        f"/xxgk/normative/{document.pk}/",
        "/xxgk/powers/",  # 权责清单
        "/xxgk/jgzn/",  # 机构职能
        "/xxgk/ndbg/",  # 年度报告
        "/hdjl/",  # 互动交流
        f"/hdjl/yjzj/{consultation.pk}/",
        "/foi/apply/",
    ):
        assert path in locs, path


def test_register_titles_are_links(client, body):
    document = normative(body)
    page = client.get(reverse("proactive:normative")).content.decode()
    link = f'<a href="/xxgk/normative/{document.pk}/">{document.title}</a>'
    assert link in page
    entry = client.get(f"/xxgk/normative/{document.pk}/").content.decode()
    assert "湛公规〔2019〕1号" in entry and "全文未在本网站发布" in entry
    assert client.get("/xxgk/normative/999999/").status_code == 404


def test_comment_form_names_each_article_once(client, body):
    consultation = ConsultationFactory(organisation=body)
    ProvisionFactory(consultation=consultation, label="第一条", text="第一条 为了规范程序。")
    page = client.get(reverse("participation:consultation", args=[consultation.pk]))
    options = re.findall(r"<option[^>]*>([^<]*)</option>", page.content.decode())
    assert "第一条 为了规范程序。" in options
    assert not any("第一条 第一条" in o for o in options)


@pytest.mark.parametrize(
    ("closes_in", "accepting"),
    [(0, True), (-1, False)],  # the last day is inside the period; the day after is not
)
def test_consultation_is_open_through_its_last_day(client, body, closes_in, accepting):
    today = timezone.localdate()
    consultation = ConsultationFactory(
        organisation=body,
        opens_on=today - dt.timedelta(days=30),
        closes_on=today + dt.timedelta(days=closes_in),
        status=Consultation.Status.OPEN,
    )
    page = client.get(reverse("participation:consultation", args=[consultation.pk]))
    assert ('id="comment-form"' in page.content.decode()) is accepting
    from gongkai.participation.services import consultations_close_due

    consultations_close_due(on=today)
    consultation.refresh_from_db()
    assert (consultation.status == Consultation.Status.OPEN) is accepting
