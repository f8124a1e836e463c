"""Browser test of the public 预决算 pages and the workbench page, at 1280 and 390 px.

Debian's chromium driven by Playwright, headless; skipped with the reason where missing.
Screenshots go to test-artifacts/.
"""

import datetime as dt

import pytest

from gongkai.budgets.tests.factories import THREE, make_document
from gongkai.core.tests.twofactor import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_budgets_list_and_document(page, live_server, artifacts_dir, office, body, width, height):
    make_document(
        office, body, year=2024, approved_on=dt.date(2025, 8, 20), publish_on=dt.date(2025, 9, 1)
    )
    make_document(
        office, body, three={**THREE, "reception": "8.00"}, publish_on=dt.date(2026, 9, 4),
        three_explanation="严格执行接待标准，公务接待费减少2万元。",
    )  # fmt: skip
    page.set_viewport_size({"width": width, "height": height})

    page.goto(f"{live_server.url}/xxgk/")
    if width > 700:  # on a phone the 政府信息公开 tree folds into a menu button
        page.get_by_role("link", name="财政预决算").first.click()
    else:
        page.goto(f"{live_server.url}/xxgk/budgets/")
    assert page.get_by_role("heading", name="财政预决算", level=1).is_visible()
    assert page.locator("ol.budgets li").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts_dir / f"budgets-list-{width}.png"), full_page=True)

    page.get_by_role("link", name="湛江市公安局2025年部门决算").click()
    assert page.get_by_role("heading", name="湛江市公安局2025年部门决算").is_visible()
    total = page.locator("table.three tr.total").inner_text()
    assert total.split() == ["合计", "148.00", "150.00", "-2.00", "-1.3%"]
    assert "在公开时限内（2026-09-07）" in page.locator("dl.budget-head").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts_dir / f"budgets-document-{width}.png"), full_page=True)


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_workbench_shows_the_clock_and_what_is_missing(
    page, live_server, artifacts_dir, office, body, width, height
):
    from gongkai.budgets.services import budget_create

    document = budget_create(
        actor=office, organisation=body, year=2025, kind="final",
        approved_on=dt.date(2026, 11, 30), approved_by="湛江市财政局",
    )  # fmt: skip
    page.set_viewport_size({"width": width, "height": height})
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/workbench/budgets/{document.pk}/")
    assert "到期日 2026-12-20" in page.locator("p.clock").inner_text()
    assert page.get_by_role("button", name="发布").is_disabled()
    page.locator("#id_expenditure-rows").fill("\t合计\t10\t5\t4")
    page.locator("#t-expenditure").get_by_role("button", name="保存").click()
    assert "第1行：合计10.00不等于各列之和9.00。" in page.locator("#t-expenditure").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts_dir / f"budgets-workbench-{width}.png"), full_page=True)
