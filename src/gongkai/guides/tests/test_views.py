"""Portal pages, exports, feeds, API, search, workbench, admin and demo of the guides app."""

import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from gongkai.core import demo
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import make_staff
from gongkai.guides import demo as guides_demo
from gongkai.guides import gazette, places, services
from gongkai.guides.law import OnlineDepth
from gongkai.guides.models import GazetteIssue, Guide, ServicePoint
from gongkai.guides.tests.factories import fields, make_guide, make_normative, make_point
from gongkai.listings import demo as listings_demo
from gongkai.search.selectors import search

pytestmark = pytest.mark.django_db


def test_guide_page_shows_every_element_and_history(client, office, body):
    guide = make_guide(office, body, charges_fee=True, fee_standard="每本120元",
                       fee_basis="发改价格〔2019〕文件")  # fmt: skip
    services.guide_update(
        actor=office, guide=guide, fields=fields(promised_days=7, charges_fee=True,
        fee_standard="每本120元", fee_basis="发改价格〔2019〕文件"),
        approved_on=timezone.localdate(), reason="压缩承诺时限",
    )  # fmt: skip
    text = client.get(reverse("guides:guide", args=[guide.pk])).content.decode()
    for expected in ("《中华人民共和国户口登记条例》第十条", "符合湛江市户籍准入条件的人员。",
                     "原件和复印件", "20 个工作日", "7 个工作日", "每本120元", "发改价格〔2019〕文件",
                     "0759-12345", "到现场 1 次", "三级：网上受理，到现场不超过一次",
                     "第2版", "压缩承诺时限", "按时公开", "<svg", "审核"):  # fmt: skip
        assert expected in text, expected
    assert '<th scope="row">承诺时限（工作日）</th><td>10</td><td>7</td>' in text


def test_flowchart_svg_and_form_download(client, office, body):
    guide = make_guide(office, body)
    added = services.guide_file_add(actor=office, guide=guide, kind="blank", title="申请表",
                                    file_name="apply.pdf", content=b"%PDF-1.4 x")  # fmt: skip
    svg = client.get(reverse("guides:flowchart", args=[guide.pk]))
    assert svg["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert "办理流程图：户口迁移审批（省内迁入）" in svg.content.decode()
    download = client.get(reverse("guides:file", args=[guide.pk, added.pk]))
    assert (download.content, download["Content-Type"]) == (b"%PDF-1.4 x", "application/pdf")


def test_one_visit_page_and_exports(client, office, body):
    make_guide(
        office, body, "A-1", name="机动车驾驶证补领", visits=0, online_depth=OnlineDepth.FOUR
    )
    make_guide(office, body, "A-2", name="外国人停留期限延长", visits=2)
    text = client.get(reverse("guides:one_visit")).content.decode()
    assert "机动车驾驶证补领" in text and "外国人停留期限延长" not in text
    rows = list(csv.reader(io.StringIO(
        client.get(reverse("guides:guides") + "?format=csv").content.decode("utf-8-sig"))))  # fmt: skip
    assert rows[0][:3] == ["事项编码", "事项名称", "实施主体"]
    assert [r[0] for r in rows[1:]] == ["A-1", "A-2"]
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("guides:one_visit") + "?format=xlsx").content)
    ).active
    assert [c.value for c in sheet[2]][:2] == ["A-1", "机动车驾驶证补领"]
    assert sheet.max_row == 2
    data = json.loads(client.get(reverse("guides:guides") + "?q=停留&format=json").content)
    assert [g["code"] for g in data] == ["A-2"]


def test_list_page_query_count_is_fixed(client, office, body, django_assert_num_queries):
    for n in range(55):
        make_guide(office, body, f"G-{n:03d}")
    client.get(reverse("guides:guides"))  # warm the site's footer identity
    with django_assert_num_queries(4):
        response = client.get(reverse("guides:guides"))
    assert len(response.context["page"].object_list) == 50


def test_map_page_without_tiles_shows_list_and_drawing(client, office, body):
    guide = make_guide(office, body)
    make_point(office, body, guide_ids=[guide.pk])
    response = client.get(reverse("guides:map"))
    text = response.content.decode()
    assert 'class="overview-map"' in text and "寸金派出所户籍窗口" in text
    assert "leaflet.js" not in text and "service-map" not in text
    assert "tiles" not in response.get("Content-Security-Policy", "")
    data = json.loads(client.get(reverse("guides:map") + "?format=json").content)
    assert data[0]["datum"] == "GCJ-02" and data[0]["latitude"] == 21.2658
    assert data[0]["guides"][0]["code"] == "440800-GA-BS-002"


def test_map_page_with_tiles_loads_bundled_leaflet_and_allows_the_tile_origin(client, office, body):
    make_point(office, body)
    places.map_settings_set(actor=office, organisation=body,
                            tile_url="https://tiles.zhanjiang.example/{z}/{x}/{y}.png")  # fmt: skip
    response = client.get(reverse("guides:map"))
    text = response.content.decode()
    assert "/static/guides/leaflet/leaflet.js" in text and 'id="map-data"' in text
    assert "unpkg" not in text and "cdn" not in text.lower()
    assert "https://tiles.zhanjiang.example" in response["Content-Security-Policy"]
    assert 'class="overview-map"' in text  # the fallback stays until a tile has loaded


def test_gazette_pages_pdf_and_feed(client, office, body):
    make_normative(
        office, body, "湛公规〔2026〕1号", dt.date(2026, 2, 10), title="关于户籍业务的规定"
    )
    issue = gazette.gazette_issue_compile(actor=office, organisation=body, year=2026, number=1,
                                          period_start=dt.date(2026, 1, 1),
                                          period_end=dt.date(2026, 6, 30))  # fmt: skip
    assert client.get(reverse("guides:issue", args=[issue.pk])).status_code == 404  # draft
    gazette.gazette_issue_publish(actor=office, issue=issue)
    listing = client.get(reverse("guides:issues")).content.decode()
    assert "湛江市公安局公报 2026年第1期" in listing and "1 件文件" in listing
    toc = client.get(reverse("guides:issue", args=[issue.pk])).content.decode()
    assert "关于户籍业务的规定" in toc and "湛公规〔2026〕1号" in toc
    pdf = client.get(reverse("guides:issue_pdf", args=[issue.pk]))
    assert pdf.content.startswith(b"%PDF") and pdf["Content-Type"] == "application/pdf"
    feed = client.get(reverse("guides:gazette_feed")).content.decode()
    assert "湛江市公安局公报 2026年第1期" in feed


def test_guide_changes_feed(client, office, body):
    make_guide(office, body)
    feed = client.get(reverse("guides:guides_feed")).content.decode()
    assert "发布：户口迁移审批（省内迁入）" in feed and "首次公布" in feed


def test_api(client, office, body):
    guide = make_guide(office, body)
    make_point(office, body, guide_ids=[guide.pk])
    page = client.get("/api/v1/guides/services?one_visit=true").json()
    assert page["count"] == 1 and page["results"][0]["materials"][1]["form"] == "both"
    detail = client.get(f"/api/v1/guides/services/{guide.pk}").json()
    assert detail["versions"][0]["reason"] == "首次公布" and detail["in_force"] is True
    missing = client.get("/api/v1/guides/services/999999")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    points = client.get(f"/api/v1/guides/points?service={guide.pk}").json()
    assert [p["name"] for p in points] == ["寸金派出所户籍窗口"]
    assert client.get("/api/v1/guides/points?kind=moon").status_code == 400
    assert client.get("/api/v1/guides/gazette").json() == []
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/guides/services/{guide_id}" in schema["paths"]


def test_search_finds_guides_points_and_hides_withdrawn(
    office, body, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        guide = make_guide(office, body)
        make_point(office, body)
    titles = sorted(hit.title for hit in search("户口迁移", limit=20).hits)
    assert titles == ["户口迁移审批（省内迁入）"]
    assert [hit.title for hit in search("寸金", limit=20).hits] == ["寸金派出所户籍窗口"]
    with django_capture_on_commit_callbacks(execute=True):
        services.guide_set_active(actor=office, guide=guide, active=False,
                                  approved_on=timezone.localdate(), reason="取消")  # fmt: skip
    assert [hit.title for hit in search("户口迁移", limit=20).hits] == []


WORKBENCH_FORM = {
    "action": "update", "code": "440800-GA-BS-009", "name": "居民身份证申领",
    "bases": "《中华人民共和国居民身份证法》第八条", "conditions": "年满十六周岁的中国公民。",
    "materials": "居民户口簿 | 1 | 原件\n近期免冠照片 | 1 | 电子 | 现场采集的免交",
    "steps": "申请 | 派出所窗口\n受理\n制证\n领证", "legal_days": "20", "promised_days": "15",
    "place": "各派出所户籍窗口", "hours": "工作日", "enquiry_phone": "0759-3183110",
    "complaint_phone": "0759-12345", "visits": "1", "online_depth": "3",
    "approved_on": "2026-11-20", "reason": "新增事项",
}  # fmt: skip


def test_office_publishes_a_guide_in_the_workbench(client, office, body):
    client.force_login(office)
    response = client.post(reverse("guides:guide_new"), WORKBENCH_FORM)
    guide = Guide.objects.get()
    assert response.url == reverse("guides:guide_edit", args=[guide.pk])
    assert [(m.name, m.form, m.note) for m in guide.materials.all()] == [
        ("居民户口簿", "original", ""), ("近期免冠照片", "electronic", "现场采集的免交"),
    ]  # fmt: skip
    assert [s.name for s in guide.steps.all()] == ["申请", "受理", "制证", "领证"]
    page = client.get(reverse("guides:guide_edit", args=[guide.pk])).content.decode()
    assert "近期免冠照片 | 1 | 电子 | 现场采集的免交" in page


def test_workbench_refuses_handlers_and_anonymous(client, office, body):
    handler = make_staff(body, roles=[Role.HANDLER], username="handler")
    for user in (None, handler):
        client.logout()
        if user:
            client.force_login(user)
        response = client.post(reverse("guides:guide_new"), WORKBENCH_FORM)
        assert response.status_code in (302, 404)
    assert not Guide.objects.exists()


def test_office_adds_a_point_and_compiles_an_issue(client, office, body):
    make_normative(office, body, "湛公规〔2026〕1号", dt.date(2026, 2, 10))
    client.force_login(office)
    client.post(reverse("guides:map_manage"), {
        "action": "point", "name": "东新派出所户籍窗口", "kind": "station", "address": "霞山区东新路",
        "latitude": "21.196500", "longitude": "110.405800", "hours": "工作日", "phone": "0759-2222110",
    })  # fmt: skip
    assert ServicePoint.objects.get().name == "东新派出所户籍窗口"
    client.post(reverse("guides:gazette_manage"), {
        "action": "compile", "year": "2026", "number": "1",
        "period_start": "2026-01-01", "period_end": "2026-06-30",
    })  # fmt: skip
    issue = GazetteIssue.objects.get()
    client.post(reverse("guides:gazette_manage"), {"action": "publish", "issue": issue.pk})
    issue.refresh_from_db()
    assert issue.published_at is not None and issue.entries.count() == 1


def test_admin_is_read_only(client, admin_user, office, body):
    guide = make_guide(office, body)
    client.force_login(admin_user)
    page = client.get(reverse("admin:guides_guide_change", args=[guide.pk])).content.decode()
    assert "户口迁移审批（省内迁入）" in page and '<input type="text" name="name"' not in page
    assert client.get(reverse("admin:guides_guide_add")).status_code == 403
    for name in ("servicepoint", "mapsettings", "gazetteissue"):
        assert client.get(reverse(f"admin:guides_{name}_changelist")).status_code == 200


def test_demo_loads_once_through_the_services():
    log = []
    context = demo.DemoContext(log=log.append)
    demo.load_organisations(context)
    listings_demo.load_powers(context)
    for loader in (guides_demo.load_guides, guides_demo.load_points, guides_demo.load_gazette):
        loader(context)
    assert Guide.objects.filter(power__isnull=False).count() == 8
    assert ServicePoint.objects.count() == 7
    assert [(i.year, i.number, i.entries.count()) for i in GazetteIssue.objects.order_by("year", "number")] == [
        (2026, 1, 2), (2026, 2, 1),
    ]  # fmt: skip
    entries = LedgerEntry.objects.count()
    for loader in (guides_demo.load_guides, guides_demo.load_points, guides_demo.load_gazette):
        loader(context)
    assert LedgerEntry.objects.count() == entries
