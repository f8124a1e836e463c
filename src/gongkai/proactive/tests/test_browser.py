"""Browser test: draft → secrecy review (mask a planted ID number) → leader → publish.

Debian's chromium driven by Playwright, headless; skipped with the reason where missing.
Screenshots go to test-artifacts/.
"""

import pytest

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff
from gongkai.core.tests.twofactor import browser_login
from gongkai.proactive.models import Item, Status
from gongkai.proactive.tests.factories import PLANTED_ID

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def login(page, live_server, username):
    page.context.clear_cookies()
    browser_login(page, live_server, username)
    page.wait_for_url(f"{live_server.url}/workbench/")


def test_draft_review_mask_and_publish(page, live_server, artifacts_dir):
    body = OrganisationFactory(name="湛江市公安局")
    unit = UnitFactory(parent=body, name="户政科")
    make_staff(body, roles=[Role.HANDLER], units=[unit], username="drafter")
    make_staff(body, roles=[Role.REVIEWER], username="secrecy")
    make_staff(body, roles=[Role.LEADER], username="leader")
    make_staff(body, roles=[Role.OFFICE], username="office")
    page.set_viewport_size({"width": 390, "height": 844})

    login(page, live_server, "drafter")
    page.goto(f"{live_server.url}/workbench/proactive/new/")
    page.get_by_label("标题").fill("关于补领居民身份证的公告")
    page.get_by_label("文号").fill("湛公通〔2026〕3号")
    page.get_by_label("正文").fill(f"<p>当事人身份证号{PLANTED_ID}，请于三日内领取。</p>")
    page.screenshot(path=str(artifacts_dir / "proactive-1-draft.png"), full_page=True)
    page.get_by_role("button", name="保存草稿").click()
    page.get_by_role("button", name="提交审查").click()
    assert page.get_by_text("已提交审查。").is_visible()

    login(page, live_server, "secrecy")
    page.goto(f"{live_server.url}/workbench/proactive/")
    page.get_by_role("link", name="关于补领居民身份证的公告").click()
    assert page.locator("mark.finding").first.inner_text().startswith(PLANTED_ID)
    page.screenshot(path=str(artifacts_dir / "proactive-2-finding.png"), full_page=True)
    page.get_by_role("button", name="遮盖").click()
    page.get_by_label("同意").check()
    page.get_by_label("我确认该公开属性").check()
    page.get_by_role("button", name="提交意见").click()
    assert page.get_by_text("您的意见已记录。").is_visible()

    login(page, live_server, "leader")
    page.goto(f"{live_server.url}/workbench/proactive/")
    page.get_by_role("link", name="关于补领居民身份证的公告").click()
    page.get_by_label("同意").check()
    page.get_by_role("button", name="提交意见").click()

    login(page, live_server, "office")
    item = Item.objects.get()
    page.goto(f"{live_server.url}/workbench/proactive/{item.pk}/")
    page.get_by_role("button", name="发布", exact=True).click()
    assert page.get_by_text("已发布。").is_visible()

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/xxgk/{item.pk}/")
    text = page.locator("main").inner_text()
    assert "440803********123X" in text and PLANTED_ID not in text
    assert page.get_by_role("cell", name="湛公通〔2026〕3号").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(artifacts_dir / "proactive-3-published.png"), full_page=True)
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
