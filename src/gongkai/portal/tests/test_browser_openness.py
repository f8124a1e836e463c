"""The 政府信息公开 column as citizens see it: the left tree on a wide screen, menu buttons on
a phone, and the footer every government website states (screenshots in test-artifacts/)."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
TREE = ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年度报告"]


@pytest.fixture
def demo(settings, tmp_path):
    settings.GONGKAI_SEARCH_DIR = str(tmp_path / "search")  # the demo indexes its items
    call_command("demo", verbosity=0)


def test_the_column_frame_on_a_wide_screen(page, live_server, artifacts_dir, demo):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/zwgk/")
    tree = page.get_by_role("navigation", name="政府信息公开")
    for title in TREE:
        assert tree.get_by_role("link", name=title, exact=True).is_visible()
    assert tree.get_by_role("link", name="政策文件").is_visible()  # 法定主动公开内容's sections
    footer = page.locator("footer")
    assert footer.get_by_text("主办单位：湛江市公安局").is_visible()
    assert footer.get_by_text("网站标识码：4408000000").is_visible()
    report = footer.get_by_role("link", name="我为政府网站找错")
    assert "siteCode=4408000000" in report.get_attribute("href")
    assert footer.get_by_role("link", name="粤ICP备00000000号").is_visible()
    page.screenshot(path=str(artifacts_dir / "openness-wide.png"), full_page=True)
    tree.get_by_role("link", name="政府信息公开指南", exact=True).click()
    page.wait_for_url(f"{live_server.url}/zwgk/gkzn/")
    current = page.locator(".xxgk-tree a[aria-current=page]")
    assert current.inner_text() == "政府信息公开指南"


def test_the_column_frame_on_a_phone(page, live_server, artifacts_dir, demo):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/column/zcwj/")
    # Header menu and column tree are folded behind their buttons: the page starts at once.
    assert not page.get_by_role("link", name="政府信息公开指南", exact=True).is_visible()
    assert page.locator(".site-header").bounding_box()["height"] < 80
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(artifacts_dir / "openness-phone.png"), full_page=True)
    page.locator(".xxgk-tree > summary").click()
    assert page.get_by_role("link", name="政府信息公开指南", exact=True).is_visible()
    current = page.locator(".xxgk-tree a[aria-current=page]")
    assert current.inner_text() == "政策文件"
    page.screenshot(path=str(artifacts_dir / "openness-phone-tree.png"), full_page=True)
    page.locator(".site-menu > summary").click()
    assert page.get_by_role("link", name="依申请公开").first.is_visible()
    page.screenshot(path=str(artifacts_dir / "portal-phone-menu.png"))


def test_pages_inside_the_column_show_its_tree_on_a_phone(page, live_server, demo):
    page.set_viewport_size(PHONE)
    for path in ("/xxgk/", "/xxgk/directory/", "/foi/apply/", "/foi/track/", "/xxgk/ndbg/"):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert page.locator(".xxgk-tree > summary").is_visible(), path
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
