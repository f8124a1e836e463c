"""The workbench page in Debian's chromium at 390 px: no sideways scrolling, the trend
drawn by the bundled ECharts under the page's CSP, "check now" runs a check."""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.core.tests.twofactor import browser_login
from gongkai.monitor.models import Finding, Kind, Run

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch(page) -> list[str]:
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


def test_workbench_at_phone_width(page, live_server, artifacts_dir, people):
    for days, vetoes in ((2, 0), (1, 1)):
        run = Run.objects.create(
            trigger=Run.Trigger.SCHEDULED,
            status=Run.Status.DONE,
            finished_at=timezone.now() - dt.timedelta(days=days),
            base_url="http://127.0.0.1/",
            pages_checked=40,
            findings_count=1 + vetoes,
            veto_count=vetoes,
        )
    Finding.objects.create(
        run=run,
        kind=Kind.HIDDEN_LINK,
        is_veto=True,
        url="http://spider-pool.example/a-very-long-path/that/should/wrap/on/a/phone/screen/",
        page="http://127.0.0.1/",
        detail="以“left:-9999”隐藏",
    )
    Finding.objects.create(run=run, kind=Kind.BROKEN_LINK, url="http://127.0.0.1/old/")
    errors = watch(page)
    page.set_viewport_size({"width": 390, "height": 844})
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/workbench/monitor/")
    page.wait_for_selector("#monitor-trend[data-drawn=true] canvas")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("#kind-hidden_link .monitor-badge").inner_text() == "单项否决"
    page.screenshot(path=str(artifacts_dir / "monitor-workbench-phone.png"), full_page=True)
    page.get_by_role("button", name="立即检查").click()
    page.wait_for_load_state()
    assert page.get_by_text("检查已排队").first.is_visible()
    assert Run.objects.count() == 3
    assert errors == []
