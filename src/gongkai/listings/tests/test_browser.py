"""Browser test of the public powers list and item page, at desktop width and at 390 px.

Debian's chromium driven by Playwright, headless; skipped with the reason where missing.
Screenshots go to test-artifacts/.
"""

import datetime as dt

import pytest

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.listings.law import PowerKind
from gongkai.listings.services import power_update
from gongkai.listings.tests.factories import fields, make_power

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_BASIS = [
    ("中华人民共和国道路交通安全法", "第九十一条第一款"),
    ("中华人民共和国道路交通安全法实施条例", "第一百零四条"),
]


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_powers_list_search_and_item_history(page, live_server, artifacts_dir, width, height):
    body = OrganisationFactory(name="湛江市公安局")
    office = make_staff(body, roles=[Role.OFFICE], username="office")
    migration = make_power(office, body, "440800-GA-XK-001")
    make_power(office, body, "440800-GA-XK-002", name="居民身份证核发")
    make_power(
        office, body, "440800-GA-CF-001", name="对饮酒后驾驶机动车的处罚",
        kind=PowerKind.PENALTY, bases=LONG_BASIS, exercised_by="湛江市公安局交通警察支队",
    )  # fmt: skip
    power_update(
        actor=office, power=migration, changed_on=dt.date(2026, 9, 1),
        reason="落实户籍业务“跨省通办”，派出所可受理迁移申请",
        fields=fields("440800-GA-XK-001", name="户口迁移审批（含跨省通办）", exercised_by="各公安派出所"),
    )  # fmt: skip
    page.set_viewport_size({"width": width, "height": height})

    page.goto(f"{live_server.url}/xxgk/powers/")
    assert page.get_by_role("heading", name="权责清单", level=1).is_visible()
    assert page.locator("ol.powers li").count() == 3
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts_dir / f"listings-powers-{width}.png"), full_page=True)

    page.get_by_role("link", name="行政处罚 1").click()
    assert page.locator("ol.powers li").all_inner_texts()[0].startswith("对饮酒后驾驶机动车的处罚")
    assert page.locator("ol.powers li").count() == 1

    page.goto(f"{live_server.url}/xxgk/powers/")
    page.get_by_label("搜索").fill("户口")
    page.get_by_role("button", name="搜索").click()
    assert page.locator("ol.powers li").count() == 1
    page.locator("ol.powers").get_by_role("link", name="户口迁移审批（含跨省通办）").click()

    assert page.get_by_role("heading", name="户口迁移审批（含跨省通办）").is_visible()
    history = page.locator("ol.history").inner_text()
    assert "第2版" in history and "2026-09-01" in history and "跨省通办" in history
    assert page.get_by_role("row", name="行使主体 湛江市公安局（户政科） 各公安派出所").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts_dir / f"listings-power-{width}.png"), full_page=True)


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_organisation_profile_page(page, live_server, artifacts_dir, width, height):
    from gongkai.core.tests.factories import UnitFactory
    from gongkai.listings.profiles import leader_add, profile_set

    body = OrganisationFactory(
        name="湛江市公安局",
        address="湛江市赤坎区军民大道",
        phone="0759-3183110",
        office_hours="工作日 8:00–12:00，14:30–17:30",
    )
    office = make_staff(body, roles=[Role.OFFICE], username="office")
    unit = UnitFactory(parent=body, name="户政科")
    county = OrganisationFactory(parent=body, name="廉江市公安局")
    profile_set(
        actor=office,
        organisation=body,
        functions="预防、制止和侦查违法犯罪活动，维护社会治安秩序。",
    )
    profile_set(actor=office, organisation=unit, functions="负责户籍管理。", phone="0759-3180000")
    leader_add(actor=office, organisation=body, name="周建国", title="党委书记、局长",
               duties="主持全面工作；分管政治处、指挥中心。")  # fmt: skip
    page.set_viewport_size({"width": width, "height": height})

    page.goto(f"{live_server.url}/xxgk/")
    page.get_by_role("link", name="机构职能").first.click()
    assert page.get_by_role("heading", name="湛江市公安局", level=1).is_visible()
    assert page.get_by_role("link", name="0759-3180000").get_attribute("href") == "tel:0759-3180000"
    assert "主持全面工作" in page.locator("ul.leaders").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts_dir / f"listings-organisation-{width}.png"), full_page=True)
    page.get_by_role("link", name="廉江市公安局").click()
    page.wait_for_url(f"{live_server.url}/xxgk/jgzn/{county.pk}/")
    assert page.get_by_role("heading", name="廉江市公安局", level=1).is_visible()
