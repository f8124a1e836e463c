"""The workbench page in Debian's chromium at 1280 and 390 px: no sideways scrolling, the
trend drawn by the bundled ECharts under the page's CSP, open alerts and the week's
availability shown, "check now" runs a check; the daily report prints without its links."""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.core.tests.twofactor import browser_login
from gongkai.monitor.models import Alert, Finding, Kind, Probe, Run

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


@pytest.mark.parametrize("width", [1280, 390])
def test_workbench_at_desktop_and_phone_width(page, live_server, artifacts_dir, people, width):
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
    Finding.objects.create(
        run=run,
        kind=Kind.WRONG_TITLE,
        is_veto=True,
        page="http://127.0.0.1/column/ldhd/",
        detail="“国家主席李强”应为“国务院总理李强”",
    )
    Alert.objects.create(
        key="a", kind=Kind.WRONG_TITLE, detail="“国家主席李强”应为“国务院总理李强”"
    )
    today = timezone.localdate()
    zone = timezone.get_current_timezone()
    for n in range(24):
        slot = dt.datetime.combine(today, dt.time(n), tzinfo=zone)
        Probe.objects.create(
            at=slot, slot=slot, url="http://127.0.0.1/", status_code=200 if n != 3 else 503,
            elapsed_ms=300, is_ok=n != 3,
        )  # fmt: skip
    errors = watch(page)
    page.set_viewport_size({"width": width, "height": 844})
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/workbench/monitor/")
    page.wait_for_selector("#monitor-trend[data-drawn=true] canvas")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator("#kind-hidden_link .monitor-badge").inner_text() == "单项否决"
    assert page.locator("#monitor-alerts").get_by_text("国务院总理李强").is_visible()
    today_row = page.locator("#monitor-availability tbody tr").last
    assert today_row.inner_text().split() == [
        today.strftime("%m-%d"),
        "24",
        "1",
        "4.2",
        "%",
        "合格",
    ]
    page.screenshot(path=str(artifacts_dir / f"monitor-workbench-{width}.png"), full_page=True)
    page.get_by_role("link", name="今日报告").click()
    page.wait_for_selector("#day-availability")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.get_by_text("抽查 24 次，失败 1 次（4.2 %）。").is_visible()
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="打印").is_visible()
    page.emulate_media(media="screen")
    page.screenshot(path=str(artifacts_dir / f"monitor-day-{width}.png"), full_page=True)
    page.go_back()
    last_year = today.year - 1
    page.get_by_role("link", name=f"{last_year}年政府网站工作年度报表").click()
    page.wait_for_selector(".monitor-year")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator(".monitor-hand").count() == 29  # no letters: no average either
    page.screenshot(path=str(artifacts_dir / f"monitor-year-{width}.png"), full_page=True)
    page.go_back()
    page.get_by_role("button", name="立即检查").click()
    page.wait_for_load_state()
    assert page.get_by_text("检查已排队").first.is_visible()
    assert Run.objects.count() == 3
    assert errors == []
