"""Browser test of the 对内公开 pages (workbench) at 1280 and 390 px: staff read, and the
public site has no way in."""

import pytest

from gongkai.core.tests.twofactor import browser_login
from gongkai.internal.services import notice_publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_staff_read_a_notice_and_the_public_cannot(
    page, live_server, artifacts_dir, office, handler, body, width, height
):
    notice = notice_publish(
        actor=office, organisation=body, category="appointments",
        title="关于林志强等同志任职前公示的通知", body="经局党委研究，拟对下列同志予以任用，现予公示。",
        table_text="姓名\t现任职务\t拟任职务\n林志强\t户政科副科长\t户政科科长\n陈海燕\t指挥中心一级警长\t指挥中心副主任",
    )  # fmt: skip
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/workbench/internal/{notice.pk}/")
    assert "/workbench/login/" in page.url  # the public is sent to sign in

    browser_login(page, live_server, "handler")
    page.goto(f"{live_server.url}/workbench/internal/")
    assert page.get_by_role("heading", name="对内公开", level=1).is_visible()
    page.get_by_role("link", name="关于林志强等同志任职前公示的通知").click()
    assert page.get_by_role("cell", name="指挥中心副主任").is_visible()
    assert page.get_by_role("button", name="撤回").count() == 0  # handlers only read
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts_dir / f"internal-notice-{width}.png"), full_page=True)
