"""Browser tests: Debian's chromium driven by Playwright, headless.

They skip, with the reason shown, where chromium or Playwright is missing.
Screenshots go to test-artifacts/ for review.
"""

import pytest

from gongkai.core.models import CalendarYear, Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.core.tests.test_notice import HYPOTHETICAL_2027
from gongkai.core.tests.twofactor import browser_login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def login(page, live_server, username):
    browser_login(page, live_server, username)


def test_office_loads_a_holiday_notice(page, live_server, artifacts_dir, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    body = OrganisationFactory(name="湛江市公安局")
    make_staff(body, roles=[Role.OFFICE], username="office")
    login(page, live_server, "office")
    page.wait_for_url(f"{live_server.url}/workbench/")
    assert page.get_by_role("heading", name="我的待办").is_visible()
    page.get_by_text("记录与管理", exact=True).click()  # the menu group
    page.get_by_role("link", name="节假日日历").first.click()
    page.get_by_label("通知全文").fill(HYPOTHETICAL_2027)
    page.get_by_role("button", name="解析并预览").click()
    assert page.get_by_role("cell", name="春节").is_visible()
    page.screenshot(path=str(artifacts_dir / "calendar-preview.png"), full_page=True)
    page.get_by_role("button", name="确认并保存").click()
    page.wait_for_url(f"{live_server.url}/workbench/calendar/")
    assert CalendarYear.objects.get().year == 2027


def test_workday_calculator_on_a_phone(page, live_server, artifacts_dir, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_staff(OrganisationFactory(), roles=[Role.HANDLER], username="handler")
    page.set_viewport_size({"width": 375, "height": 740})
    login(page, live_server, "handler")
    page.goto(f"{live_server.url}/workbench/workdays/?date=2026-09-30&n=3")
    assert page.get_by_text("2026-10-10").first.is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375  # nothing forces sideways scrolling on a phone
    page.screenshot(path=str(artifacts_dir / "workdays-phone.png"), full_page=True)


def test_a_partial_notice_needs_a_ticked_confirmation_on_a_phone(
    page, live_server, artifacts_dir, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_staff(OrganisationFactory(name="湛江市公安局"), roles=[Role.OFFICE], username="office")
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server, "office")
    page.goto(f"{live_server.url}/workbench/calendar/")
    partial = "\n".join(HYPOTHETICAL_2027.split("\n")[:3])  # title, 元旦, 春节
    page.get_by_label("通知全文").fill(partial)
    page.get_by_role("button", name="解析并预览").click()
    warning = page.get_by_role("alert").filter(has_text="清明节、劳动节、端午节、中秋节、国庆节")
    assert warning.is_visible()
    page.screenshot(path=str(artifacts_dir / "calendar-partial-phone.png"), full_page=True)
    page.get_by_role("button", name="确认并保存").click()
    assert page.get_by_text("请粘贴通知全文").is_visible()
    assert CalendarYear.objects.count() == 0
    page.get_by_label("我已核对通知").check()
    page.get_by_role("button", name="确认并保存").click()
    page.wait_for_url(f"{live_server.url}/workbench/calendar/")
    assert page.get_by_text("2027年节假日安排已保存，0个未办结事项的期限随之调整。").is_visible()
    assert CalendarYear.objects.get().year == 2027
