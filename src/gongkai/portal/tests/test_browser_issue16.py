"""Issue 16 as people meet it in a browser, at desktop and phone width (390 px): the leader's
sign-off of the yearly report, pages in the 政府信息公开 frame, the small visible fixes and
the seeds under their real publishers. Screenshots go to test-artifacts/."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from gongkai.core.models import Role
from gongkai.core.tests.factories import make_staff
from gongkai.core.tests.twofactor import browser_login
from gongkai.foi.tests.factories import resident_id
from gongkai.proactive.models import Item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


@pytest.fixture
def demo(settings, tmp_path):
    settings.GONGKAI_SEARCH_DIR = str(tmp_path / "search")
    settings.GONGKAI_FOI_FORM_MIN_SECONDS = 0
    call_command("demo", verbosity=0)


def test_seeds_under_their_publishers_and_registers_in_the_frame(
    page, live_server, artifacts_dir, demo
):
    """Points 10, 11 and E as a citizen on a phone."""
    page.set_viewport_size(PHONE)
    yunnan = Item.objects.get(organisation__name="云南省公安厅")
    page.goto(f"{live_server.url}/xxgk/{yunnan.pk}/")
    meta = page.locator("table.meta, .item-meta, dl, table").first
    assert meta.is_visible()
    assert page.get_by_role("cell", name="云南省公安厅").first.is_visible()
    assert page.get_by_text("2018-01-15").first.is_visible()
    assert page.get_by_text("本文由转载").count() == 0
    assert fits(page)
    page.screenshot(path=str(artifacts_dir / "issue16-seed-yunnan-phone.png"), full_page=True)
    plan = Item.objects.get(title="关于湛江市公安局全面推进政务公开工作实施方案")
    page.goto(f"{live_server.url}/xxgk/{plan.pk}/")
    table = page.locator("article table, .item-body table, main table").filter(has_text="负责单位")
    assert table.count() == 1
    assert table.locator("tbody tr").count() == 23
    assert page.get_by_text("日期:2017-06-26").count() == 0
    assert fits(page)  # the wide table scrolls inside its own box
    page.screenshot(path=str(artifacts_dir / "issue16-seed-table-phone.png"), full_page=True)
    # The powers list and 机构职能 in the 政府信息公开 frame: a tree button, no old link bar.
    for path in ("/xxgk/powers/", "/xxgk/jgzn/"):
        page.goto(f"{live_server.url}{path}")
        assert page.locator(".xxgk-tree > summary").is_visible(), path
        assert page.locator("nav.xxgk-nav").count() == 0, path
        assert fits(page), path
    page.locator(".xxgk-tree > summary").click()
    tree = page.get_by_role("navigation", name="政府信息公开")
    assert tree.get_by_role("link", name="权责清单").is_visible()
    page.screenshot(path=str(artifacts_dir / "issue16-jgzn-phone-tree.png"), full_page=True)
    # Catalog filters say 全部; register titles are links.
    page.goto(f"{live_server.url}/xxgk/")
    assert page.get_by_label("发布机构").locator("option").first.inner_text() == "全部"
    assert page.get_by_label("发布机构").locator("option", has_text="云南省公安厅").count() == 1
    page.goto(f"{live_server.url}/xxgk/normative/")
    page.get_by_role("link", name="湛江市公安局机动车临时号牌管理办法").click()
    assert page.get_by_role("heading", name="湛江市公安局机动车临时号牌管理办法").is_visible()
    assert fits(page)
    page.screenshot(path=str(artifacts_dir / "issue16-normative-entry-phone.png"), full_page=True)
    # The sitemap lists the records.
    page.goto(f"{live_server.url}/sitemap-records.xml")
    assert "/xxgk/normative/" in page.content() and "/xxgk/ndbg/zjga/2025/" in page.content()


def test_foi_email_delivery_needs_an_address_and_keeps_the_input(
    page, live_server, artifacts_dir, demo
):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/foi/apply/")
    page.get_by_label("申请人类型").select_option(label="自然人")
    page.get_by_label("姓名或名称").fill("陈六")
    page.get_by_label("证件号码").fill(resident_id("44080219850505123"))
    page.get_by_label("联系电话").fill("13700000000")
    page.get_by_label("所需信息的描述").fill("湛江市公安局2025年户籍业务统计数据")
    page.get_by_role("radio", name="电子", exact=True).check()
    page.get_by_role("radio", name="电子邮件").check()
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_load_state()
    assert page.get_by_text("您选择通过电子邮件获取信息，请填写电子邮箱地址。").is_visible()
    assert page.get_by_label("所需信息的描述").input_value() == "湛江市公安局2025年户籍业务统计数据"
    assert fits(page)
    page.screenshot(path=str(artifacts_dir / "issue16-foi-email-phone.png"), full_page=True)


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
def test_leader_signs_off_the_yearly_report_before_the_office_publishes(
    page, live_server, artifacts_dir, viewport
):
    from gongkai.core.tests.factories import OrganisationFactory
    from gongkai.reports.models import YearlyReport
    from gongkai.reports.services import report_generate

    body = OrganisationFactory(name="湛江市公安局", code="zjga")
    make_staff(body, roles=[Role.OFFICE], username="office")
    make_staff(body, roles=[Role.LEADER], username="leader")
    year = timezone.localdate().year - 1
    report = report_generate(organisation=body, year=year, actor=None)
    page.set_viewport_size(viewport)
    name = "wide" if viewport is WIDE else "phone"
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/workbench/reports/{report.pk}/")
    assert page.get_by_role("button", name="在门户发布").count() == 0
    page.get_by_role("button", name="提请领导审签").click()
    assert page.get_by_text("报告已提请领导审签。").is_visible()
    page.screenshot(
        path=str(artifacts_dir / f"issue16-report-submitted-{name}.png"), full_page=True
    )
    page.context.clear_cookies()
    browser_login(page, live_server, "leader")
    page.goto(f"{live_server.url}/workbench/")
    row = page.get_by_role("link", name=f"湛江市公安局 {year}")
    assert page.get_by_text("审签年度报告").first.is_visible()
    page.screenshot(path=str(artifacts_dir / f"issue16-leader-home-{name}.png"), full_page=True)
    row.first.click()
    page.get_by_role("button", name="签发同意发布").click()
    assert page.get_by_text("您已审签同意发布。").is_visible()
    page.context.clear_cookies()
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/workbench/reports/{report.pk}/")
    page.get_by_role("button", name="在门户发布").click()
    assert page.get_by_text("报告已在门户发布。").first.is_visible()
    assert YearlyReport.objects.get(pk=report.pk).status == "published"
    assert fits(page)
    page.screenshot(
        path=str(artifacts_dir / f"issue16-report-published-{name}.png"), full_page=True
    )
