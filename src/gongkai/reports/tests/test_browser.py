"""Browser tests: the published report and the dashboard in Debian's chromium (Playwright).

Screenshots go to test-artifacts/ for review. They skip, with the reason shown, where chromium
or Playwright is missing.
"""

import datetime as dt

import pytest

from gongkai.core.models import Role
from gongkai.core.tests.factories import make_staff
from gongkai.core.tests.twofactor import browser_login
from gongkai.reports.services import report_generate

from .factories import OpenRequestFactory, RepliedRequestFactory, publish_signed

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
D = dt.date.fromisoformat


@pytest.fixture
def published(body):
    outcomes = ["granted", "granted", "partial", "unable.not_held", "withheld.third_party"]
    for i, outcome in enumerate(outcomes):
        RepliedRequestFactory(
            organisation=body,
            outcome=outcome,
            channel=["online", "letter"][i % 2],
            received_on=D("2025-01-06") + dt.timedelta(days=30 * i),
            replied_on=D("2025-01-20") + dt.timedelta(days=30 * i),
        )
    OpenRequestFactory(organisation=body, received_on=D("2025-12-23"))
    return publish_signed(report_generate(organisation=body, year=2025, actor=None))


def watch(page) -> list[str]:
    """Script errors, CSP violations and failed requests (the browser's own favicon aside)."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and "Failed to load resource" not in m.text
            else None
        ),
    )
    page.on(
        "response",
        lambda r: (
            errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico")
            else None
        ),
    )
    return errors


def login(page, live_server, username):
    browser_login(page, live_server, username)


def test_published_report_page(page, live_server, artifacts_dir, published):
    errors = watch(page)
    page.goto(f"{live_server.url}/xxgk/ndbg/")
    page.get_by_role("link", name="湛江市公安局2025年度报告").click()
    assert page.get_by_role("heading", name="三、收到和处理政府信息公开申请情况").is_visible()
    assert page.get_by_role("rowheader", name="一、本年新收政府信息公开申请数量").is_visible()
    page.screenshot(path=str(artifacts_dir / "reports-yearly-report.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 740})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=str(artifacts_dir / "reports-yearly-report-phone.png"), full_page=True)
    assert errors == []


def test_dashboard_draws_charts(page, live_server, artifacts_dir, body, published):
    make_staff(body, roles=[Role.OFFICE], username="office")
    errors = watch(page)
    login(page, live_server, "office")
    page.wait_for_url(f"{live_server.url}/workbench/")
    page.goto(f"{live_server.url}/workbench/reports/dashboard/?start=2025-01-01&end=2025-12-31")
    page.wait_for_selector("#chart-by_channel[data-drawn=true] canvas")
    # Three charts have data; no time limit is overdue, so that chart is only its empty table.
    assert page.locator(".chart[data-drawn=true]").count() == 3
    assert page.locator("#section-overdue_by_unit").get_by_text("本期间无数据。").is_visible()
    assert page.get_by_text("数据来源尚未接入").first.is_visible()
    page.screenshot(path=str(artifacts_dir / "reports-dashboard.png"), full_page=True)
    assert errors == []  # no CSP violation, no script error
