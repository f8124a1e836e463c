"""Browser tests of each public page of the guides app, at 1280 px and at 390 px (phone).

Debian's chromium driven by Playwright, headless; skipped with the reason where missing.
Screenshots go to test-artifacts/.
"""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.guides import gazette, places, services
from gongkai.guides.law import OnlineDepth, PointKind
from gongkai.guides.tests.factories import fields, make_guide, make_normative, make_point

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTHS = [(1280, 900), (390, 844)]
MARKER = Path(__file__).parents[1] / "static/guides/leaflet/images/marker-icon.png"


@pytest.fixture
def bureau():
    body = OrganisationFactory(name="湛江市公安局")
    office = make_staff(body, roles=[Role.OFFICE], username="office")
    migration = make_guide(office, body)
    services.guide_update(
        actor=office, guide=migration, approved_on=timezone.localdate(),
        fields=fields(promised_days=7), reason="承诺时限由10个工作日压缩至7个工作日",
    )  # fmt: skip
    licence = make_guide(office, body, "440800-GA-BS-006", name="机动车驾驶证补领", visits=0,
                         online_depth=OnlineDepth.FOUR)  # fmt: skip
    make_guide(office, body, "440800-GA-BS-004", name="外国人停留期限延长", visits=2)
    make_point(office, body, guide_ids=[migration.pk])
    make_point(office, body, "湛江市公安局交通警察支队车辆管理所", kind=PointKind.VEHICLES,
               latitude=Decimal("21.241700"), longitude=Decimal("110.312800"), guide_ids=[licence.pk])  # fmt: skip
    make_normative(office, body, "湛公规〔2026〕1号", dt.date(2026, 2, 10),
                   title="湛江市公安局关于优化户籍业务“跨省通办”办理流程的规定")  # fmt: skip
    issue = gazette.gazette_issue_compile(
        actor=office, organisation=body, year=2026, number=1,
        period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 6, 30),
    )  # fmt: skip
    gazette.gazette_issue_publish(actor=office, issue=issue)
    return {"body": body, "office": office, "migration": migration, "issue": issue}


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_guides_list_and_search(page, live_server, artifacts_dir, bureau, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/xxgk/guides/")
    assert page.get_by_role("heading", name="办事指南", level=1).is_visible()
    assert page.locator("ol.guides li").count() == 3
    _fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"guides-list-{width}.png"), full_page=True)
    page.get_by_label("搜索").fill("户口")
    page.get_by_role("button", name="搜索").click()
    assert page.locator("ol.guides li").all_inner_texts()[0].startswith("户口迁移审批（省内迁入）")
    assert page.locator("ol.guides li").count() == 1


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_guide_page(page, live_server, artifacts_dir, bureau, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/xxgk/guides/{bureau['migration'].pk}/")
    assert page.get_by_role("heading", name="户口迁移审批（省内迁入）", level=1).is_visible()
    assert page.get_by_role("img", name="办理流程图：户口迁移审批（省内迁入）").is_visible()
    assert page.get_by_role("link", name="0759-12345").get_attribute("href") == "tel:0759-12345"
    history = page.locator("ol.history").inner_text()
    assert "第2版" in history and "按时公开" in history and "压缩至7个工作日" in history
    assert page.locator("table.materials tbody tr").count() == 2
    _fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"guides-guide-{width}.png"), full_page=True)
    page.get_by_role("link", name="寸金派出所户籍窗口").click()
    assert page.get_by_role("heading", name="寸金派出所户籍窗口", level=1).is_visible()


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_one_visit_page(page, live_server, artifacts_dir, bureau, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/xxgk/guides/")
    page.locator(".services-nav").get_by_role("link", name="最多跑一次").click()
    assert page.get_by_role("heading", name="最多跑一次", level=1).is_visible()
    names = page.locator("ol.guides li > a").all_inner_texts()
    assert names == ["户口迁移审批（省内迁入）", "机动车驾驶证补领"]
    _fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"guides-one-visit-{width}.png"), full_page=True)


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_map_without_tiles_shows_list_and_drawing(
    page, live_server, artifacts_dir, bureau, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/xxgk/")
    if width < 720:  # on a phone the 政府信息公开 tree folds into a menu
        page.locator("details.xxgk-tree summary").click()
    page.locator(".xxgk-tree").get_by_role("link", name="便民网上地图").click()
    assert page.get_by_role("heading", name="便民网上地图", level=1).is_visible()
    assert page.get_by_role("img", name="服务网点分布示意图").is_visible()
    assert page.locator("ol.point-list li").count() == 2
    assert page.locator("#service-map").count() == 0
    _fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"guides-map-{width}.png"), full_page=True)


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_map_with_tiles_uses_bundled_leaflet(
    page, live_server, artifacts_dir, bureau, width, height
):
    places.map_settings_set(actor=bureau["office"], organisation=bureau["body"],
                            tile_url="https://tiles.zhanjiang.example/{z}/{x}/{y}.png")  # fmt: skip
    tile = MARKER.read_bytes()
    page.route("https://tiles.zhanjiang.example/**",
               lambda route: route.fulfill(status=200, content_type="image/png", body=tile))  # fmt: skip
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/xxgk/map/")
    page.wait_for_selector("#service-map:not([hidden]) .leaflet-marker-icon")
    assert page.locator(".leaflet-marker-icon").count() == 2
    page.locator("#overview").wait_for(state="hidden")
    _fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"guides-map-tiles-{width}.png"), full_page=True)


def test_unreachable_tiles_leave_the_drawing(page, live_server, bureau):
    places.map_settings_set(actor=bureau["office"], organisation=bureau["body"],
                            tile_url="https://tiles.zhanjiang.example/{z}/{x}/{y}.png")  # fmt: skip
    page.route("https://tiles.zhanjiang.example/**", lambda route: route.abort())
    page.goto(f"{live_server.url}/xxgk/map/")
    page.locator("#service-map").wait_for(state="hidden", timeout=15000)
    assert page.get_by_role("img", name="服务网点分布示意图").is_visible()


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_point_page(page, live_server, artifacts_dir, bureau, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/xxgk/map/")
    page.locator("ol.point-list").get_by_role(
        "link", name="湛江市公安局交通警察支队车辆管理所"
    ).click()
    assert page.get_by_role("heading", name="湛江市公安局交通警察支队车辆管理所").is_visible()
    assert "21.241700, 110.312800 (GCJ-02)" in page.locator("dl.guide").inner_text()
    _fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"guides-point-{width}.png"), full_page=True)
    page.get_by_role("link", name="机动车驾驶证补领").click()
    assert page.get_by_role("heading", name="机动车驾驶证补领", level=1).is_visible()


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_gazette_list_and_issue(page, live_server, artifacts_dir, bureau, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/xxgk/gazette/")
    assert page.get_by_role("heading", name="政府公报", level=1).is_visible()
    assert page.get_by_role("heading", name="2026年").is_visible()
    _fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"guides-gazette-{width}.png"), full_page=True)
    page.get_by_role("link", name="湛江市公安局公报 2026年第1期").click()
    assert page.get_by_role("heading", name="湛江市公安局公报 2026年第1期", level=1).is_visible()
    assert "湛公规〔2026〕1号" in page.locator("ol.toc").inner_text()
    _fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"guides-issue-{width}.png"), full_page=True)
    with page.expect_response(lambda r: r.url.endswith("/issue.pdf")) as response:
        page.evaluate(
            "url => fetch(url)", f"{live_server.url}/xxgk/gazette/{bureau['issue'].pk}/issue.pdf"
        )
    assert response.value.headers["content-type"] == "application/pdf"


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_import_preview(page, live_server, artifacts_dir, bureau, width, height, tmp_path):
    """The staff import page: a file with one good and one bad row is previewed row by row,
    the bad row's error in Chinese, and nothing can be saved."""
    import io

    from openpyxl import load_workbook

    from gongkai.core.tests.twofactor import browser_login
    from gongkai.guides import formats
    from gongkai.guides.models import Guide

    workbook = load_workbook(io.BytesIO(formats.to_xlsx(
        Guide.objects.order_by("code"), formats.GUIDE_COLUMNS, sheet="办事指南")))  # fmt: skip
    sheet = workbook.active
    headers = [c.value for c in sheet[1]]
    good = {"事项编码": "440800-GA-CR-010", "事项名称": "居住证签注", "实施主体": "湛江市公安局",
            "设定依据": "《居住证暂行条例》第十三条", "申请材料": "居民身份证（1份，原件）",
            "办理流程": "申请→受理→签注", "法定时限（工作日）": 1, "网办深度": "三级"}  # fmt: skip
    for row in (good, {**good, "事项编码": "440800-GA-CR-011", "法定时限（工作日）": "三天"}):
        sheet.append([row.get(h, "") for h in headers])
    path = tmp_path / "guides.xlsx"
    workbook.save(path)
    page.set_viewport_size({"width": width, "height": height})
    browser_login(page, live_server, "office")
    page.wait_for_url(f"{live_server.url}/workbench/")
    page.goto(f"{live_server.url}/workbench/guides/import/")
    page.get_by_label("办事指南（.xlsx）").set_input_files(str(path))
    page.get_by_role("button", name="预览").click()
    preview = page.locator("#import-preview")
    assert "共 5 行：待新增 1 行，有错误 1 行。" in preview.inner_text()
    assert "法定时限（工作日）“三天”不是非负整数" in preview.inner_text()
    assert page.locator("table.import-rows tbody tr").count() == 5
    assert page.get_by_role("button", name="导入并发布").count() == 0
    _fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"guides-import-{width}.png"), full_page=True)
    assert not Guide.objects.filter(code="440800-GA-CR-010").exists()


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_guide_workbench_clock(page, live_server, artifacts_dir, bureau, width, height):
    """The guide's workbench page shows each version's publication clock."""
    from gongkai.core.tests.twofactor import browser_login

    page.set_viewport_size({"width": width, "height": height})
    browser_login(page, live_server, "office")
    page.wait_for_url(f"{live_server.url}/workbench/")
    page.goto(f"{live_server.url}/workbench/guides/{bureau['migration'].pk}/")
    card = page.locator("#publication-clock")
    assert card.get_by_role("heading", name="公开时限（批准后1个工作日）").is_visible()
    assert card.locator("tbody tr").count() == 2
    assert "按时公开" in card.inner_text()
    _fits(page, width)
    card.screenshot(path=str(artifacts_dir / f"guides-workbench-clock-{width}.png"))
