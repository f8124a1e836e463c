"""Browser tests of the portal: Debian's chromium driven by Playwright, headless.

Home, a document page with its QR code, the catalog filters, search, the elder-friendly
mode and a phone-sized viewport; screenshots go to test-artifacts/.
"""

import pytest

from gongkai.portal.models import ColumnKind
from gongkai.portal.tests.factories import ColumnFactory, published_item
from gongkai.proactive.models import Topic
from gongkai.proactive.services.search import item_document

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def site(search_index, body):
    ColumnFactory(title="政策文件", slug="zcwj", show_on_home=True)
    ColumnFactory(title="办事服务", slug="bsfw", kind=ColumnKind.PAGE, source="", body="办事指南。")
    traffic = Topic.objects.create(name="交通管理")
    household = Topic.objects.create(name="户籍管理")
    items = [
        published_item(
            title="关于全面落实河长制的通知",
            body="<p>全面落实河长制。</p>",
            organisation=body,
            topic=traffic,
        ),
        published_item(
            title="户籍迁移办事指南",
            body="<p>办理户籍迁移请携带户口簿。</p>",
            organisation=body,
            topic=household,
        ),
    ]
    search_index.index_documents([item_document(i) for i in items])
    return items


def test_home_and_a_document_page(page, live_server, artifacts_dir, site):
    page.goto(live_server.url + "/")
    assert page.get_by_role("heading", name="政府信息公开", level=1).is_visible()
    assert page.get_by_role("heading", name="最新信息").is_visible()
    page.screenshot(path=str(artifacts_dir / "portal-home.png"), full_page=True)
    page.get_by_role("link", name="关于全面落实河长制的通知").first.click()
    page.wait_for_url(f"{live_server.url}/xxgk/{site[0].pk}/")
    assert page.get_by_text("全面落实河长制。").is_visible()
    assert page.get_by_role("cell", name="交通管理").is_visible()  # 主题分类 in the table
    assert page.evaluate("document.querySelector('.qr img').naturalWidth") > 0
    page.screenshot(path=str(artifacts_dir / "portal-document.png"), full_page=True)
    page.get_by_role("link", name="打印版").click()
    page.wait_for_url(f"{live_server.url}/xxgk/{site[0].pk}/print/")
    assert page.get_by_role("button", name="打印").is_visible()
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="打印").is_visible()
    assert page.get_by_text("全面落实河长制。").is_visible()
    page.screenshot(path=str(artifacts_dir / "portal-document-print.png"), full_page=True)


def test_column_print_view_with_qr_code(page, live_server, artifacts_dir, site):
    page.goto(live_server.url + "/column/zcwj/print/")
    image = page.get_by_alt_text("二维码：用手机扫描即可打开本页")
    assert image.is_visible()
    assert page.evaluate("document.querySelector('.qr img').naturalWidth") > 0
    page.emulate_media(media="print")
    assert not page.locator(".portal-tools").is_visible()
    page.screenshot(path=str(artifacts_dir / "portal-print.png"), full_page=True)


def test_catalog_filters(page, live_server, artifacts_dir, site):
    page.goto(live_server.url + "/xxgk/")
    page.get_by_label("主题").select_option(label="户籍管理")
    page.get_by_role("button", name="筛选").click()
    assert page.get_by_role("link", name="户籍迁移办事指南").is_visible()
    assert page.get_by_role("link", name="关于全面落实河长制的通知").count() == 0
    page.screenshot(path=str(artifacts_dir / "portal-catalog-filtered.png"), full_page=True)


def test_search_with_the_keyboard(page, live_server, artifacts_dir, site):
    page.goto(live_server.url + "/search/")
    assert page.get_by_text("请输入检索词。").is_visible()
    page.get_by_label("检索词").fill('"河长制"')
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.get_by_role("link", name="关于全面落实河长制的通知").is_visible()
    assert page.locator(".snippet mark").first.inner_text() == "河长制"
    page.screenshot(path=str(artifacts_dir / "portal-search.png"), full_page=True)
    page.get_by_label("检索词").fill("蜘蛛池")
    page.get_by_role("button", name="搜索").last.click()
    assert page.get_by_text("未找到与“蜘蛛池”相关的结果").is_visible()


def test_elder_friendly_mode_one_click_away(page, live_server, artifacts_dir, site):
    page.goto(live_server.url + "/zwgk/")
    normal = page.evaluate("getComputedStyle(document.body).fontSize")
    page.get_by_role("link", name="长者模式").click()
    page.wait_for_url(f"{live_server.url}/zwgk/")
    assert page.evaluate("document.body.classList.contains('elder')")
    larger = page.evaluate("getComputedStyle(document.body).fontSize")
    assert (normal, larger) == ("16px", "22px")
    page.screenshot(path=str(artifacts_dir / "portal-elder.png"), full_page=True)
    page.get_by_role("link", name="标准版").click()
    assert not page.evaluate("document.body.classList.contains('elder')")


def test_phone_viewport(page, live_server, artifacts_dir, site):
    page.set_viewport_size({"width": 375, "height": 740})
    for path, name in [("/", "phone-home"), ("/search/?q=户籍", "phone-search")]:
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        page.screenshot(path=str(artifacts_dir / f"portal-{name}.png"), full_page=True)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "跳到正文"
