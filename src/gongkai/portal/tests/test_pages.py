"""Public pages, JSON, feeds, sitemap, QR codes, elder mode, cache, workbench permissions."""

import json
import xml.etree.ElementTree as ET

import pytest
from django.template import Context, Template
from django.urls import reverse

from gongkai.core.models import LedgerEntry
from gongkai.portal.cache import ELDER_COOKIE
from gongkai.portal.models import Column, ColumnKind
from gongkai.portal.tests.factories import ColumnFactory, published_item

pytestmark = pytest.mark.django_db


def parse_xml(content: bytes):
    return ET.fromstring(content)  # noqa: S314 - our own responses, not untrusted input


@pytest.fixture
def policies(body):
    return [
        published_item(title=f"关于户籍管理的通知{n}", section="policy", organisation=body)
        for n in range(3)
    ]


def test_home_shows_latest_items_and_home_columns(client, policies):
    ColumnFactory(title="政策文件", slug="zcwj", show_on_home=True)
    ColumnFactory(title="不在首页", slug="hidden", show_on_home=False)
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("关于户籍管理的通知0") == 3  # latest, policies, the zcwj column
    assert "不在首页" in html  # in the column menu only
    data = client.get("/?format=json").json()
    assert [c["title"] for c in data["columns"]] == ["政策文件"]
    assert [e["title"] for e in data["policies"]] == [p.title for p in reversed(policies)]


def test_withdrawn_and_unpublished_items_never_show(client, body):
    shown = published_item(title="公开的文件", organisation=body)
    gone = published_item(title="已撤回的文件", organisation=body)
    type(gone).objects.filter(pk=gone.pk).update(withdrawn_at="2024-06-01T00:00:00+08:00")
    ColumnFactory(slug="zcwj")
    data = client.get("/column/zcwj.json").json()
    assert [e["title"] for e in data["entries"]] == [shown.title]
    assert data["total"] == 1


def test_column_list_pages_pin_their_queries(client, body, django_assert_max_num_queries):
    ColumnFactory(slug="zcwj")
    for n in range(25):
        published_item(title=f"文件{n}", organisation=body)
    with django_assert_max_num_queries(8):
        response = client.get("/column/zcwj/?page=2")
    assert response.status_code == 200
    assert response.content.decode().count('<li><a href="/xxgk/') == 5


def test_column_json_matches_the_page(client, body):
    ColumnFactory(slug="zcwj", title="政策文件")
    item = published_item(title="湛江市公安局政务公开实施方案", organisation=body)
    data = client.get("/column/zcwj.json").json()
    assert data == client.get("/column/zcwj/?format=json").json()
    assert data["entries"] == [
        {
            "title": item.title,
            "url": f"/xxgk/{item.pk}/",
            "published_at": "2024-05-06T01:00:00+00:00",
            "summary": "",
            "organisation": "湛江市公安局",
            "index_number": item.index_number,
        }
    ]


@pytest.mark.parametrize("query", ["page=0", "page=abc", "page=9999"])
def test_bad_page_numbers(client, query):
    ColumnFactory(slug="zcwj")
    assert client.get(f"/column/zcwj/?{query}").status_code == 404
    response = client.get(f"/column/zcwj.json?{query}")
    assert (response.status_code, response.json()["code"]) == (400, "invalid_page")


def test_static_page_and_link_columns(client):
    ColumnFactory(slug="gkzd", kind=ColumnKind.PAGE, source="", body="第一段。\n\n第二段。")
    ColumnFactory(slug="ysq", kind=ColumnKind.LINK, source="", link="/foi/apply/")
    html = client.get("/column/gkzd/").content.decode()
    assert '<p class="pre">第一段。</p>' in html and '<p class="pre">第二段。</p>' in html
    response = client.get("/column/ysq/")
    assert (response.status_code, response["Location"]) == (302, "/foi/apply/")


def test_inactive_and_missing_columns_are_the_same_404(client):
    ColumnFactory(slug="old", is_active=False)
    assert client.get("/column/old/").status_code == 404
    assert client.get("/column/none/").status_code == 404
    assert client.get("/column/old/rss/").status_code == 404


def test_catalog_json_filters(client, body):
    other = type(body).objects.create(name="廉江市公安局", code="lj")
    published_item(title="甲", organisation=body, section="policy")
    published_item(title="乙", organisation=other, section="policy")
    published_item(title="丙", organisation=body, section="laws")
    data = client.get(f"/catalog.json?section=policy&organisation={body.pk}").json()
    assert [e["title"] for e in data["entries"]] == ["甲"]
    response = client.get("/catalog.json?year=20x4")
    assert (response.status_code, response.json()["code"]) == (400, "invalid_filter")


def test_openness_page_counts_items_by_catalog_section(client, body):
    published_item(title="甲", organisation=body, section="policy")
    published_item(title="乙", organisation=body, section="policy")
    sections = client.get("/zwgk/?format=json").json()["sections"]
    counts = {s["section"]: s["count"] for s in sections}
    assert counts["policy"] == 2 and counts["laws"] == 0
    assert len(sections) == 9  # every 主动公开基本目录 section of seed 001


def test_rss_and_atom_feeds(client, body):
    ColumnFactory(slug="zcwj", title="政策文件")
    item = published_item(title="关于河长制的通知", organisation=body)
    rss = parse_xml(client.get("/column/zcwj/rss/").content)
    assert [t.text for t in rss.iter("title")] == ["政策文件", "关于河长制的通知"]
    assert rss.find("channel/item/link").text == f"http://testserver/xxgk/{item.pk}/"
    atom = parse_xml(client.get("/column/zcwj/atom/").content)
    ns = "{http://www.w3.org/2005/Atom}"
    assert [e.find(f"{ns}title").text for e in atom.iter(f"{ns}entry")] == ["关于河长制的通知"]


def test_sitemap_lists_pages_columns_and_items(client, body):
    ColumnFactory(slug="zcwj")
    item = published_item(title="甲", organisation=body)
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    sections = [e.text for e in parse_xml(index.content).iter(f"{ns}loc")]
    assert sections == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-columns.xml",
        "http://testserver/sitemap-items.xml",
        "http://testserver/sitemap-records.xml",
    ]
    items = parse_xml(client.get("/sitemap-items.xml").content)
    assert [e.text for e in items.iter(f"{ns}loc")] == [f"http://testserver/xxgk/{item.pk}/"]
    pages = parse_xml(client.get("/sitemap-pages.xml").content)
    locs = [e.text.removeprefix("http://testserver") for e in pages.iter(f"{ns}loc")]
    for path in [
        "/",
        "/xxgk/directory/",
        "/xxgk/negative-list/",
        "/xxgk/normative/",
        "/xxgk/ndbg/",
        "/hdjl/",
        "/hdjl/yjzj/",
        "/hdjl/jyta/",
        "/foi/apply/",
        "/foi/track/",
    ]:
        assert path in locs, path
    assert len(locs) == len(set(locs))


def test_catalog_filters_offer_all_in_chinese(client, body):
    page = client.get("/xxgk/").content.decode()
    assert "---------" not in page
    assert page.count(">全部</option>") == 5


def test_qr_codes_png_and_svg(client):
    ColumnFactory(slug="zcwj")
    png = client.get("/qr/column/zcwj.png")
    assert png["Content-Type"] == "image/png" and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    svg = client.get("/qr/column/zcwj.svg?download=1")
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    assert svg["Content-Disposition"] == 'attachment; filename="qr-column-zcwj.svg"'
    assert client.get("/qr/section/policy.png").status_code == 200
    assert client.get("/qr/section/nothing.png").status_code == 404
    assert client.get("/qr/column/none.png").status_code == 404


@pytest.mark.parametrize("path", ["", "https://evil.example/", "//evil.example/", "x/y"])
def test_page_qr_codes_only_for_this_site(client, path):
    assert client.get("/qr/page.png", {"path": path}).status_code == 404


def test_page_qr_code_encodes_the_absolute_address(client):
    from gongkai.portal.qr import qr_bytes

    response = client.get("/qr/page.png", {"path": "/xxgk/42/"})
    assert response.content == qr_bytes("http://testserver/xxgk/42/", "png")
    assert response.content != qr_bytes("http://testserver/xxgk/43/", "png")


def test_a_pages_png_and_svg_share_one_made_code():
    from gongkai.portal import qr

    qr._made.cache_clear()
    png = qr.qr_bytes("http://testserver/xxgk/42/", "png")
    svg = qr.qr_bytes("http://testserver/xxgk/42/", "svg")
    assert (qr._made.cache_info().misses, qr._made.cache_info().hits) == (1, 1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and b"<svg" in svg
    # Reused, the made code gives the same bytes as a code made afresh.
    qr._made.cache_clear()
    assert qr.qr_bytes("http://testserver/xxgk/42/", "svg") == svg
    assert qr.qr_bytes("http://testserver/xxgk/42/", "png") == png


def test_qr_template_tag_for_document_pages(rf):
    request = rf.get("/xxgk/42/?a=1")
    html = Template("{% load portal %}{% qr_code_for request.build_absolute_uri %}").render(
        Context({"request": request})
    )
    assert 'src="/qr/page.png?path=%2Fxxgk%2F42%2F%3Fa%3D1"' in html
    assert 'href="/qr/page.svg?path=%2Fxxgk%2F42%2F%3Fa%3D1&amp;download=1"' in html
    # The PNG download is the image's own address (the download attribute): browsers
    # and the site check fetch one PNG, not the same bytes again under another address.
    assert 'href="/qr/page.png?path=%2Fxxgk%2F42%2F%3Fa%3D1" download="qr-page.png"' in html
    assert "page.png?path=%2Fxxgk%2F42%2F%3Fa%3D1&amp;download=1" not in html
    assert 'alt="' in html


def test_print_view(client, body):
    ColumnFactory(slug="zcwj", title="政策文件")
    published_item(title="关于河长制的通知", organisation=body)
    html = client.get("/column/zcwj/print/").content.decode()
    assert "print-view" in html and "关于河长制的通知" in html
    assert "/qr/page.png?path=%2Fcolumn%2Fzcwj%2F" in html


def test_elder_mode_is_a_cookie_toggle(client):
    response = client.get("/elder/on/", {"next": "/zwgk/"})
    assert (response.status_code, response["Location"]) == (302, "/zwgk/")
    assert response.cookies[ELDER_COOKIE].value == "1"
    assert 'class="portal elder"' in client.get("/zwgk/").content.decode()
    client.get("/elder/off/", {"next": "/zwgk/"})
    assert 'class="portal"' in client.get("/zwgk/").content.decode()


def test_elder_toggle_never_redirects_elsewhere(client):
    response = client.get("/elder/on/", {"next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_pages_have_no_inline_script_or_style(client, body):
    ColumnFactory(slug="zcwj", show_on_home=True)
    published_item(title="甲", organisation=body)
    for url in ["/", "/zwgk/", "/zwgk/gkzn/", "/column/zcwj/", "/search/?q=甲"]:
        html = client.get(url).content.decode()
        assert "style=" not in html and "<style" not in html, url
        assert "<script>" not in html and "onclick" not in html, url


def test_anonymous_pages_are_cached_until_the_office_changes_a_column(
    client, people, django_capture_on_commit_callbacks
):
    ColumnFactory(slug="zcwj", title="旧标题")
    assert client.get("/")["X-Portal-Cache"] == "miss"
    assert client.get("/")["X-Portal-Cache"] == "hit"
    client.force_login(people["office"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("portal:workbench-column-new"),
            {
                "title": "新栏目",
                "slug": "xin",
                "kind": "page",
                "body": "正文",
                "order": 1,
                "is_active": "on",
            },
        )
    client.logout()
    response = client.get("/")
    assert response["X-Portal-Cache"] == "miss"
    assert "新栏目" in response.content.decode()


WORKBENCH = ["portal:workbench-columns", "portal:workbench-column-new", "portal:workbench-guide"]


@pytest.mark.parametrize("name", WORKBENCH)
@pytest.mark.parametrize(("who", "status"), [("public", 404), ("handler", 404), ("office", 200)])
def test_workbench_pages_are_for_the_office(client, people, name, who, status):
    assert client.get(reverse(name)).status_code == 302  # anonymous: to the login page
    client.force_login(people[who])
    assert client.get(reverse(name)).status_code == status


COLUMN_POST = {"title": "政策文件", "slug": "zcwj", "kind": "list", "order": 0}
COLUMN_POST |= {"source": "proactive_section", "source_param": "policy", "is_active": "on"}


@pytest.mark.parametrize("who", [None, "public", "handler"])
def test_refused_column_posts_change_nothing(client, people, who):
    if who:
        client.force_login(people[who])
    response = client.post(reverse("portal:workbench-column-new"), COLUMN_POST)
    assert response.status_code == (302 if who is None else 404)
    assert Column.objects.count() == 0 and LedgerEntry.objects.count() == 0


def test_office_creates_a_column_once_even_when_posting_twice(client, people):
    client.force_login(people["office"])
    for _ in range(2):
        response = client.post(reverse("portal:workbench-column-new"), COLUMN_POST)
        assert response.status_code == 302
    assert list(Column.objects.values_list("slug", "source_param")) == [("zcwj", "policy")]
    assert LedgerEntry.objects.count() == 1


def test_bad_column_post_shows_a_chinese_message(client, people):
    client.force_login(people["office"])
    response = client.post(reverse("portal:workbench-column-new"), {**COLUMN_POST, "slug": "中文"})
    assert response.status_code == 400
    assert "只能包含小写字母、数字和连字符" in response.content.decode()
    assert Column.objects.count() == 0


def test_office_edits_the_guide(client, people):
    from gongkai.portal.tests.test_services import GUIDE

    client.force_login(people["office"])
    response = client.post(reverse("portal:workbench-guide"), {**GUIDE, "phone": ""})
    assert response.status_code == 400
    assert "联系电话" in response.content.decode() or "电话" in response.content.decode()
    assert client.post(reverse("portal:workbench-guide"), GUIDE).status_code == 302
    client.logout()
    html = client.get("/zwgk/gkzn/").content.decode()
    assert "0759-3183111" in html and "按主动公开基本目录分类编排。" in html


def test_json_errors_are_structured(client):
    response = client.get("/search/?format=json&q=")
    assert response.status_code == 400
    assert json.loads(response.content) == {"code": "empty_query", "message": "请输入检索词。"}
