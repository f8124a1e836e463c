"""Browser tests (Debian chromium through Playwright) at 1280 px and 390 px: the import
preview of seed 000's task table, a unit reporting progress, and the ranking page.
Screenshots go to test-artifacts/."""

import datetime as dt

import pytest

from gongkai.assessment import services
from gongkai.core.clockmath import CHINA
from gongkai.core.services import clock_start
from gongkai.core.tests.twofactor import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SIZES = [(1280, 900), (390, 844)]


def _fits(page, width) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_import_preview(page, live_server, artifacts_dir, office, tree, seed_000, tmp_path,
                        width, height):  # fmt: skip
    page.set_viewport_size({"width": width, "height": height})
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/workbench/assessment/")
    page.get_by_label("方案名称").fill("湛江市公安局2017年政务公开实施方案")
    page.get_by_label("年份").fill("2017")
    annex = tmp_path / "重点任务分解表.txt"
    annex.write_bytes(seed_000)
    page.get_by_label("任务分解表（.txt、.docx 或 .xlsx）").set_input_files(str(annex))
    page.get_by_role("button", name="预览").click()

    assert page.get_by_role("heading", name="任务分解表预览").is_visible()
    assert "共识别23项任务。" in page.get_by_role("status").inner_text()
    assert page.locator("table.preview tbody tr").count() == 23
    assert page.locator("tr.problem").count() == 1
    assert _fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"assessment-import-{width}.png"), full_page=True)

    page.get_by_label("警校").select_option(label="政治处")
    page.get_by_role("button", name="对应").click()
    assert page.locator("tr.problem").count() == 0
    row = page.locator("table.preview tbody tr").nth(18).inner_text()
    assert "2017-06-30 基础性制度梳理" in row and "2020-12-31 全面完善" in row
    page.get_by_role("button", name="保存方案及任务").click()
    assert page.get_by_role("heading", name="湛江市公安局2017年政务公开实施方案").is_visible()
    assert page.locator("tbody tr").count() == 23
    assert _fits(page, width)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_progress_reporting(page, live_server, artifacts_dir, office, handler, body, seed_000,
                            width, height):  # fmt: skip
    services.unit_alias_set(actor=office, organisation=body, name="警校", target=None)
    upload = services.plan_import_upload(
        actor=office, organisation=body, title="2017年实施方案", year=2017,
        file_name="000.txt", content=seed_000,
    )  # fmt: skip
    services.plan_import_apply(actor=office, upload=upload)
    page.set_viewport_size({"width": width, "height": height})
    browser_login(page, live_server, "fazhi")
    page.goto(f"{live_server.url}/workbench/")
    link = page.get_by_role("link", name="2017年实施方案 · 2. 落实政策公开解读机制")
    assert link.is_visible()
    page.screenshot(path=str(artifacts_dir / f"assessment-home-{width}.png"), full_page=True)
    link.click()
    assert page.get_by_role("heading", name="第2项任务").is_visible()
    page.get_by_label("进展情况").fill("已印发《政策解读工作规定》，解读与文件同步发布。")
    page.get_by_label("已公开信息链接").fill("/xxgk/")
    page.get_by_label("任务已完成").check()
    page.get_by_role("button", name="报送", exact=True).click()
    assert "进展情况已报送。" in page.content()
    history = page.locator("ol.progress").inner_text()
    assert "法制支队" in history and "已印发《政策解读工作规定》" in history
    assert "已完成" in page.locator("dl.facts").inner_text()
    assert _fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"assessment-task-{width}.png"), full_page=True)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_ranking_page(page, live_server, artifacts_dir, office, body, tree, width, height):
    year = 2026  # the clock below is due in February 2026: missed whenever this runs
    services.rubric_create(actor=office, organisation=body, year=year, template="yunnan2017")
    clock_start(
        actor=office, rule="foi_reply", label="GK-0001 户籍档案查询", organisation=body,
        unit=tree["户政科"], started_at=dt.datetime(year, 1, 5, 9, tzinfo=CHINA),
    )  # fmt: skip
    page.set_viewport_size({"width": width, "height": height})
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/workbench/assessment/scores/?year={year}")
    assert page.get_by_role("heading", name="考核与排名").is_visible()
    units = page.locator("table.ranking").nth(1)
    last = units.locator("tbody tr").last.inner_text()
    assert "户政科" in last and "48" in last
    assert page.locator("table.ranking").nth(0).locator("tbody tr").count() == 7
    assert _fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"assessment-ranking-{width}.png"), full_page=True)
    units.get_by_role("link", name="户政科").click()
    assert page.get_by_role("heading", name="户政科").is_visible()
    evidence = page.locator("ul.evidence").first.inner_text()
    assert "GK-0001 户籍档案查询" in evidence and "系统自动" in evidence
    assert _fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"assessment-score-{width}.png"), full_page=True)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_import_preview_of_a_prose_plan(page, live_server, artifacts_dir, tmp_path, width, height):
    """Seed 001 has no table: its numbered items show as 29 tasks under their sections."""
    from gongkai.core.models import Role
    from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff

    from .test_prose import DISTRICT_UNITS, SEED_001

    district = OrganisationFactory(name="西市区人民政府")
    units = [UnitFactory(parent=district, name=name) for name in DISTRICT_UNITS]
    office = make_staff(district, roles=[Role.OFFICE], units=units[:1], username="office")
    page.set_viewport_size({"width": width, "height": height})
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/workbench/assessment/")
    page.get_by_label("方案名称").fill("西市区2018年政务公开工作要点")
    page.get_by_label("年份").fill("2018")
    plan = tmp_path / "工作要点.txt"
    plan.write_bytes(SEED_001.read_bytes())
    page.get_by_label("任务分解表（.txt、.docx 或 .xlsx）").set_input_files(str(plan))
    page.get_by_role("button", name="预览").click()

    assert page.get_by_role("heading", name="任务分解表预览").is_visible()
    assert "共识别29项任务。" in page.get_by_role("status").inner_text()
    assert page.locator("table.preview tbody tr").count() == 29
    assert "（三）加强平台建设 · 1" in page.locator("table.preview tbody tr").nth(14).inner_text()
    assert _fits(page, width)
    page.screenshot(
        path=str(artifacts_dir / f"assessment-import-prose-{width}.png"), full_page=True
    )

    # Mapped once, saved: the plan's task list cites each task's place (一、（三）1.).
    from gongkai.assessment.importing import preview_build
    from gongkai.assessment.models import PlanImport

    office_unit = district.children.get(name="区政府办公室")
    for name in preview_build(PlanImport.objects.get()).unknown_names:
        target = office_unit if name == "区政办公室" else None
        services.unit_alias_set(actor=office, organisation=district, name=name, target=target)
    page.reload()
    page.get_by_role("button", name="保存方案及任务").click()
    assert page.get_by_role("heading", name="西市区2018年政务公开工作要点").is_visible()
    rows = page.locator("tbody tr")
    assert rows.count() == 29
    assert "一、（三）1." in rows.nth(14).inner_text()
    assert "（三）加强平台建设 · 1" in rows.nth(14).inner_text()
    assert "70%的行政许可事项实现网上办理" in rows.nth(19).inner_text()
    assert _fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"assessment-plan-prose-{width}.png"), full_page=True)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_making_the_year_final_and_reopening_it(page, live_server, artifacts_dir, office,
                                                  handler, body, tree, width, height):  # fmt: skip
    """The office makes 2026 final on the ranking page; a leader reads 已定稿 with the date;
    a unit's handler has no ranking; the office reopens it with a reason."""
    from gongkai.core.models import Role
    from gongkai.core.tests.factories import make_staff

    make_staff(body, roles=[Role.LEADER], username="leader")
    year = 2026
    services.rubric_create(actor=office, organisation=body, year=year, template="yunnan2017")
    clock_start(
        actor=office, rule="foi_reply", label="GK-0001 户籍档案查询", organisation=body,
        unit=tree["户政科"], started_at=dt.datetime(year, 1, 5, 9, tzinfo=CHINA),
    )  # fmt: skip
    url = f"{live_server.url}/workbench/assessment/scores/?year={year}"
    page.set_viewport_size({"width": width, "height": height})
    browser_login(page, live_server, "office")
    page.goto(url)
    page.get_by_role("button", name="确认定稿").click()
    status = page.locator("p.final")
    assert "已定稿" in status.inner_text() and "定稿：以下得分为定稿时的得分" in status.inner_text()
    assert page.get_by_role("button", name="重新打开考核").is_visible()
    assert _fits(page, width)
    page.screenshot(
        path=str(artifacts_dir / f"assessment-final-office-{width}.png"), full_page=True
    )

    # A clock missed after the freeze does not move the final scores.
    clock_start(
        actor=office, rule="foi_reply", label="GK-0002 户籍证明", organisation=body,
        unit=tree["户政科"], started_at=dt.datetime(year, 2, 2, 9, tzinfo=CHINA),
    )  # fmt: skip
    page.context.clear_cookies()
    browser_login(page, live_server, "leader")
    page.goto(url)
    assert "已定稿" in page.locator("p.final").inner_text()
    assert page.get_by_role("button", name="重新打开考核").count() == 0
    last = page.locator("table.ranking").nth(1).locator("tbody tr").last.inner_text()
    assert "户政科" in last and "48" in last
    assert _fits(page, width)
    page.screenshot(
        path=str(artifacts_dir / f"assessment-final-leader-{width}.png"), full_page=True
    )

    page.context.clear_cookies()
    browser_login(page, live_server, "fazhi")
    response = page.goto(url)
    assert response.status == 404

    page.context.clear_cookies()
    browser_login(page, live_server, "office")
    page.goto(url)
    page.get_by_label("重新打开原因").fill("户政科申诉，复核第0001号申请的答复时间")
    page.get_by_role("button", name="重新打开考核").click()
    assert "考核已重新打开。" in page.content()
    assert page.locator("p.final").count() == 0
    assert "原因：户政科申诉" in page.locator("ul.history").inner_text()
    last = page.locator("table.ranking").nth(1).locator("tbody tr").last.inner_text()
    assert "户政科" in last and "46" in last  # computed again: both clocks count
    assert _fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"assessment-reopened-{width}.png"), full_page=True)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_quarterly_task_by_period(page, live_server, artifacts_dir, office, handler, body, tree,
                                  width, height):  # fmt: skip
    """A 每季度 task's page shows each quarter of 2023, due on the official calendar, with
    the unit's reports; the handler reports from the same page."""
    from gongkai.assessment.models import Progress

    from .test_periods import QUARTERLY_TABLE

    upload = services.plan_import_upload(
        actor=office, organisation=body, title="2023年政务公开工作要点", year=2023,
        file_name="quarterly.txt", content=QUARTERLY_TABLE.encode(),
    )  # fmt: skip
    task = services.plan_import_apply(actor=office, upload=upload).tasks.get()
    report = services.progress_report(
        actor=handler, task=task, organisation=tree["法制支队"], text="一季度进展已报送"
    )
    Progress.objects.filter(pk=report.pk).update(
        reported_at=dt.datetime(2023, 3, 20, 10, tzinfo=CHINA)
    )
    page.set_viewport_size({"width": width, "height": height})
    browser_login(page, live_server, "fazhi")
    page.goto(f"{live_server.url}/workbench/assessment/tasks/{task.pk}/?year=2023")
    assert page.get_by_role("heading", name="2023年各期报送情况").is_visible()
    rows = page.locator("table.periods tbody tr")
    assert rows.count() == 8
    assert "2023-03-20已报送" in rows.nth(0).inner_text()
    third = rows.nth(4).inner_text()
    assert "2023年第3季度" in third and "2023-10-07" in third and "2023-09-30为休息日" in third
    assert "2024-01-02" in rows.nth(6).inner_text()
    assert page.locator("table.periods span.overdue").count() == 7
    assert _fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"assessment-quarterly-{width}.png"), full_page=True)
