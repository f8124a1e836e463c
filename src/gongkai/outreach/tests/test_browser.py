"""Browser tests of the open days (public registration until full, the office's attendance
and summary), the supervisors' page and the new-media channels, at 1280 and 390 px.

Debian's chromium driven by Playwright, headless; skipped with the reason where missing.
Screenshots go to test-artifacts/.
"""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.core.tests.twofactor import browser_login
from gongkai.outreach import services
from gongkai.outreach.models import OpenDay, Registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SIZES = [(1280, 900), (390, 844)]


def fits(page, width: int) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_open_day_registration_attendance_and_summary(
    page, live_server, artifacts_dir, body, office, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    start = timezone.now() + dt.timedelta(days=7)
    day = services.open_day_create(
        actor=office, organisation=body, title="走进湛江公安·户政服务开放日",
        description="参观办证中心和户籍业务窗口。", place="湛江市公安局赤坎办证中心",
        starts_at=start, registration_closes_at=start - dt.timedelta(days=1), capacity=1,
    )  # fmt: skip
    page.goto(f"{live_server.url}/hdjl/kfr/")
    page.get_by_role("link", name="走进湛江公安·户政服务开放日").click()
    page.get_by_label("姓名").fill("王芳")
    page.get_by_label("手机号码").fill("13800138000")
    page.get_by_role("button", name="我要报名").click()
    assert "报名成功" in page.get_by_role("status").inner_text()
    assert fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"outreach-open-day-{width}.png"), full_page=True)

    page.goto(f"{live_server.url}/hdjl/kfr/{day.pk}/")
    assert (
        page.get_by_role("alert").inner_text() == "很抱歉，1 个名额已全部报满，请关注下一次开放日。"
    )
    assert not page.get_by_role("button", name="我要报名").is_visible()

    # The office marks attendance once the day has come, then publishes the summary.
    OpenDay.objects.filter(pk=day.pk).update(starts_at=timezone.now() - dt.timedelta(hours=2),
                                             registration_closes_at=timezone.now() - dt.timedelta(days=1))  # fmt: skip
    browser_login(page, live_server, "office")
    code = Registration.objects.get().code
    page.goto(f"{live_server.url}/workbench/outreach/open-days/{day.pk}/")
    assert "138****8000" in page.locator("table").inner_text()
    page.get_by_role("button", name=f"将 {code} 标记为已到场").click()
    page.get_by_label("活动总结").fill("共接待群众1人，介绍了户口迁移“跨省通办”流程。")
    page.get_by_role("button", name="发布活动总结").click()
    assert "已报名 1 / 1，到场 1 人" in page.locator("main").inner_text()
    assert fits(page, width)
    page.screenshot(
        path=str(artifacts_dir / f"outreach-open-day-office-{width}.png"), full_page=True
    )

    page.goto(f"{live_server.url}/hdjl/kfr/{day.pk}/")
    assert "跨省通办" in page.locator("#summary").inner_text()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_supervisor_files_and_reads_the_answer(
    page, live_server, artifacts_dir, body, office, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    supervisor = services.supervisor_appoint(
        actor=office, organisation=body, username="jdy-lin", full_name="林国华",
        password="jiandu-2026-secret", appointed_on=dt.date(2026, 1, 10), affiliation="市人大代表",
    )  # fmt: skip
    page.goto(f"{live_server.url}/hdjl/jdy/")
    page.get_by_label("用户名").fill("jdy-lin")
    page.get_by_label("密码").fill("jiandu-2026-secret")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"{live_server.url}/hdjl/jdy/")
    page.get_by_label("标题").fill("政策解读栏目更新不及时")
    page.get_by_label("意见建议").fill("3月公布的通知未见解读材料。")
    page.get_by_role("button", name="提交").click()
    assert "待答复" in page.locator("ol.observations").inner_text()
    observation = supervisor.observations.get()
    services.observation_answer(actor=office, observation=observation, answer="已补发解读。")
    page.reload()
    assert "已补发解读。" in page.locator("ol.observations").inner_text()
    assert fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"outreach-supervisor-{width}.png"), full_page=True)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_channels_workbench_and_public_page(
    page, live_server, artifacts_dir, body, office, publish, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/workbench/outreach/channels/")
    page.get_by_label("渠道类型").select_option("wechat")
    page.get_by_label("账号名称").fill("湛江公安")
    page.get_by_role("button", name="添加渠道").click()
    publish(title="关于户籍业务办理的通知")
    page.reload()
    assert page.get_by_role("row", name="政务微信公众号 湛江公安 1 0 0 暂停推送").is_visible()
    assert "关于户籍业务办理的通知" in page.locator("main").inner_text()
    assert fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"outreach-channels-{width}.png"), full_page=True)
    page.goto(f"{live_server.url}/hdjl/xmt/")
    assert page.get_by_text("湛江公安").is_visible()
    assert fits(page, width)
    page.screenshot(
        path=str(artifacts_dir / f"outreach-channels-public-{width}.png"), full_page=True
    )
