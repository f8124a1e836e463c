"""Browser test of the open data catalog, a dataset page and the workbench catalog, at
desktop width and at 390 px.

Debian's chromium driven by Playwright, headless; skipped with the reason where missing.
Screenshots go to test-artifacts/.
"""

import pytest

from gongkai.core.tests.twofactor import browser_login
from gongkai.listings.tests.factories import make_power
from gongkai.opendata import services
from gongkai.opendata.tests.conftest import make_dataset

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_catalog_filter_dataset_page_and_workbench(
    page, live_server, artifacts_dir, office, body, width, height
):
    services.builtin_datasets_sync()
    make_dataset(office, body)
    make_power(office, body, "440800-GA-XK-001", name="户口迁移审批")
    page.set_viewport_size({"width": width, "height": height})

    page.goto(f"{live_server.url}/opendata/")
    assert page.get_by_role("heading", name="数据开放", level=1).is_visible()
    assert page.locator("ul.datasets > li").count() == 7
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts_dir / f"opendata-catalog-{width}.png"), full_page=True)

    page.get_by_label("开放条件").select_option("conditional")
    page.get_by_role("button", name="筛选").click()
    assert page.locator("ul.datasets > li").count() == 1
    page.get_by_role("link", name="司法与公共安全").click()
    # 权责清单, 行政执法决定 and the bureau's 110 statistics.
    assert page.locator("ul.datasets > li").count() == 3
    page.locator("ul.datasets").get_by_role("link", name="权责清单").click()

    assert page.get_by_role("heading", name="权责清单", level=1).is_visible()
    assert page.locator("table.fields tbody tr").count() == 12
    assert "法律法规名称及条款" in page.locator("table.fields").inner_text()
    with page.expect_download() as download:
        page.locator("ul.downloads").get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename == "powers.csv"
    page.reload()
    assert "下载 1 次" in page.locator("ul.downloads").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts_dir / f"opendata-dataset-{width}.png"), full_page=True)

    page.goto(f"{live_server.url}/opendata/police-calls/")
    page.get_by_role("link", name="申请使用该数据集").click()
    page.get_by_label("您的姓名").fill("郑海峰")
    page.get_by_label("数据用途").fill("开展社会治安态势课题研究，仅用于学术分析。")
    page.get_by_label("电子邮件").fill("zhenghf@example.edu.cn")
    page.get_by_label("我同意").check()
    page.get_by_role("button", name="提交申请").click()
    assert page.get_by_role("heading", name="您的数据申请").is_visible()
    assert "待审核" in page.locator("dl.meta").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    office.set_password("correct horse battery")
    office.save()
    browser_login(page, live_server, "office", "correct horse battery")
    page.goto(f"{live_server.url}/workbench/opendata/")
    assert page.get_by_role("heading", name="数据开放目录", level=1).is_visible()
    page.get_by_role("link", name="110接处警警情分类统计 · 郑海峰").click()
    page.get_by_label("不予同意").check()
    page.get_by_label("理由").fill("用途与开放范围不符")
    page.get_by_role("button", name="作出决定").click()
    assert "不予同意" in page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts_dir / f"opendata-workbench-{width}.png"), full_page=True)
