"""Browser test of subscribing, confirming and unsubscribing, at desktop width and at 390 px.

Debian's chromium driven by Playwright, headless; skipped with the reason where missing.
Screenshots go to test-artifacts/.
"""

import pytest

from gongkai.subscriptions.models import State, Subscription
from gongkai.subscriptions.tests.helpers import messages_to, tokens

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_subscribe_confirm_and_unsubscribe(page, live_server, artifacts_dir, body, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/dingyue/")
    assert page.get_by_role("heading", name="订阅推送", level=1).is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts_dir / f"subscriptions-form-{width}.png"), full_page=True)

    items = page.locator("#subscribe-items")
    items.locator("input[name=kind][value=keyword]").check()
    items.locator("#id_keyword").fill("户")
    items.locator("input[name=channel][value=email]").check()
    items.locator("#id_address").fill("reader@example.com")
    items.get_by_role("button", name="订阅推送").click()
    assert page.get_by_role("alert").inner_text() == "关键词为 2 至 30 个字。"
    assert Subscription.objects.count() == 0

    items = page.locator("#subscribe-items")
    items.locator("#id_keyword").fill("户籍")
    items.get_by_role("button", name="订阅推送").click()
    assert page.get_by_role("heading", name="请查收确认消息").is_visible()

    links = tokens(messages_to("reader@example.com")[0])
    page.goto(f"{live_server.url}/dingyue/confirm/{links['confirm']}/")
    page.get_by_role("button", name="确认").click()
    assert page.get_by_role("status").inner_text() == "谢谢，您的订阅已生效。"
    assert Subscription.objects.get().state == State.ACTIVE

    page.goto(f"{live_server.url}/dingyue/end/{links['end']}/")
    page.get_by_role("button", name="退订").click()
    assert "您的地址已删除" in page.get_by_role("status").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts_dir / f"subscriptions-ended-{width}.png"), full_page=True)
    assert Subscription.objects.get().address == ""
