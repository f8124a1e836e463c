"""The staff menu in a browser: grouped, folded on a phone, and every link opens for every
demo role (screenshots in test-artifacts/)."""

import pytest
from django.core.management import call_command

from gongkai.core.demo import DEMO_PASSWORD, STAFF
from gongkai.core.tests.twofactor import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def login(page, live_server, username):
    """The sign-in pages, second factor included for the roles that need one."""
    browser_login(page, live_server, username, DEMO_PASSWORD)
    page.goto(f"{live_server.url}/workbench/")


def menu_links(page) -> list[str]:
    return page.eval_on_selector_all(
        "details.wb-menu a[href^='/workbench/']", "links => links.map(a => a.getAttribute('href'))"
    )


def test_every_menu_link_opens_for_every_demo_role_on_a_phone(page, live_server, artifacts_dir):
    call_command("demo", verbosity=0)
    page.set_viewport_size(PHONE)
    failures = []
    for username, _name, _roles, _units in STAFF:
        login(page, live_server, username)
        menu = page.locator("details.wb-menu")
        # Folded: the header is one line high, the home page's heading shows at once.
        assert not menu.evaluate("m => m.open")
        assert page.locator(".site-header").bounding_box()["height"] < 80
        assert page.get_by_role("heading", name="我的待办").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.screenshot(path=str(artifacts_dir / f"home-phone-{username}.png"), full_page=True)
        for href in menu_links(page):
            response = page.goto(f"{live_server.url}{href}")
            if response.status >= 400:
                failures.append((username, href, response.status))
            elif page.evaluate("document.documentElement.scrollWidth") > PHONE["width"] + 1:
                failures.append((username, href, "wider than the phone"))
        page.context.clear_cookies()
    assert failures == []


def test_the_phone_menu_opens_group_by_group(page, live_server, artifacts_dir):
    call_command("demo", verbosity=0)
    page.set_viewport_size(PHONE)
    login(page, live_server, "gongkaiban")
    page.get_by_text("菜单").click()
    assert page.get_by_role("link", name="我的待办").is_visible()
    foi = page.locator("details.wb-group > summary").get_by_text("依申请公开", exact=True)
    assert not page.get_by_role("link", name="超期申请").is_visible()  # groups start folded
    foi.click()
    assert page.get_by_role("link", name="超期申请").is_visible()
    page.screenshot(path=str(artifacts_dir / "menu-phone-open.png"), full_page=True)
    page.get_by_role("link", name="超期申请").click()
    page.wait_for_url(f"{live_server.url}/workbench/foi/overdue/")


def test_the_wide_menu_shows_the_groups_in_one_line(page, live_server, artifacts_dir):
    call_command("demo", verbosity=0)
    page.set_viewport_size({"width": 1280, "height": 800})
    login(page, live_server, "gongkaiban")
    assert not page.get_by_text("菜单").is_visible()  # opened by menu.js
    # The site name, then the whole menu on one line below it (one line holds ~90 px).
    assert page.locator(".site-header").bounding_box()["height"] < 100
    page.locator("details.wb-group > summary").get_by_text("互动交流", exact=True).click()
    assert page.get_by_role("link", name="网上信箱").is_visible()
    page.screenshot(path=str(artifacts_dir / "menu-wide-open.png"))
    page.mouse.click(640, 600)  # a click elsewhere folds the group
    assert not page.locator("details.wb-group[open]").count()
