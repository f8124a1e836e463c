"""Browser tests: apply on the portal and follow the application by its code (Playwright
driving Debian's chromium, headless). Screenshots go to test-artifacts/."""

from __future__ import annotations

import pytest

from gongkai.core.tests.factories import OrganisationFactory
from gongkai.foi.models import Request
from gongkai.foi.tests.factories import resident_id

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def _portal(settings):
    settings.GONGKAI_FOI_FORM_MIN_SECONDS = 0  # a robot-fast browser is still a person here
    return OrganisationFactory(name="湛江市公安局")


def fill_application(page, live_server, secret: str) -> None:
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="申请公开").first.click()
    page.get_by_label("申请人类型").select_option(label="自然人")
    page.get_by_label("姓名或名称").fill("陈六")
    page.get_by_label("证件号码").fill(resident_id("44080219850505123"))
    page.get_by_label("联系电话").fill("13700000000")
    page.get_by_label("所需信息的描述").fill("湛江市公安局2025年户籍业务统计数据")
    page.get_by_role("radio", name="电子", exact=True).check()
    page.get_by_role("radio", name="网上查看").check()
    page.get_by_label("自设查询密码（选填）").fill(secret)
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url("**/foi/receipt/**")


def track(page, live_server, code: str, secret: str) -> None:
    page.goto(f"{live_server.url}/foi/track/")
    page.get_by_label("查询码").fill(code)
    page.get_by_label("查询密码").fill(secret)
    page.get_by_role("button", name="查询").click()


def test_apply_and_follow_by_code(page, live_server, artifacts_dir):
    fill_application(page, live_server, "Chen-Liu-2026")
    code = page.locator("#tracking-code").inner_text()
    assert code == Request.objects.get().code
    assert page.locator("#tracking-secret").inner_text() == "Chen-Liu-2026"
    page.screenshot(path=str(artifacts_dir / "foi-receipt.png"), full_page=True)
    track(page, live_server, code, "Chen-Liu-2026")
    assert page.locator("#foi-status").inner_text() == "待确认"
    page.screenshot(path=str(artifacts_dir / "foi-track.png"), full_page=True)


def test_apply_on_a_phone(page, live_server, artifacts_dir):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{live_server.url}/foi/apply/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375  # nothing forces sideways scrolling on a phone
    page.screenshot(path=str(artifacts_dir / "foi-apply-phone.png"), full_page=True)
    fill_application(page, live_server, "Phone-Apply-77")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    code = page.locator("#tracking-code").inner_text()
    track(page, live_server, code, "Phone-Apply-77")
    assert page.locator("#foi-status").inner_text() == "待确认"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=str(artifacts_dir / "foi-track-phone.png"), full_page=True)
