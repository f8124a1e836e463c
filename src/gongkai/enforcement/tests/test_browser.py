"""Browser tests of every public page of 行政执法公示, at desktop width and at 390 px.

Debian's chromium driven by Playwright, headless; skipped with the reason where missing.
Screenshots go to test-artifacts/.
"""

import datetime as dt

import pytest

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.enforcement import services
from gongkai.enforcement.tests.factories import (
    legal_fields,
    make_agency,
    make_decision,
    make_targets,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SIZES = [(1280, 900), (390, 844)]


@pytest.fixture
def register():
    body = OrganisationFactory(name="湛江市公安局", phone="0759-3183110")
    office = make_staff(body, roles=[Role.OFFICE], username="office")
    agency = make_agency(office, body)
    matter = services.matter_create(
        actor=office, body=agency, name="违反治安管理行为的处罚", kind="penalty",
        basis="《中华人民共和国治安管理处罚法》",
        steps=["受案登记", "调查取证（两名以上执法人员，出示执法证件）",
               "告知拟作出处罚的事实、理由、依据及陈述、申辩、听证权利", "作出处罚决定",
               "送达决定书", "7个工作日内公示"],
    )  # fmt: skip
    return body, office, agency, matter


def fits(page, width) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_before_enforcement_and_flowchart(
    page, live_server, artifacts_dir, register, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/xxgk/")
    menu = page.locator("details.xxgk-tree summary")
    if menu.is_visible():  # at 390 px the 政府信息公开 tree is a menu button
        menu.click()
    page.locator("details.xxgk-tree").get_by_role("link", name="行政执法公示").click()
    assert page.get_by_role("heading", name="行政执法公示", level=1).is_visible()
    assert page.get_by_role("row", name="梁志明 44080010231 治安管理").is_visible()
    assert fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"enforcement-index-{width}.png"), full_page=True)
    page.get_by_role("link", name="违反治安管理行为的处罚").click()
    chart = page.get_by_role("img", name="违反治安管理行为的处罚流程图")
    assert chart.is_visible()
    assert page.locator("svg.flowchart rect").count() == 6
    box = chart.bounding_box()
    assert box["width"] <= width and box["height"] > 300
    assert fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"enforcement-matter-{width}.png"), full_page=True)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_decisions_list_and_decision(page, live_server, artifacts_dir, register, width, height):
    body, office, agency, _matter = register
    make_decision(office, body, agency)
    revoked = services.decision_publish(actor=office, decision=services.decision_create(
        actor=office, organisation=body, fields=legal_fields(agency, decided_on=dt.date(2026, 5, 6)),
    ))  # fmt: skip
    services.decision_withdraw(actor=office, decision=revoked, withdrawal="revoked",
                               withdrawn_on=dt.date(2026, 7, 20), reason="经行政复议，决定撤销")  # fmt: skip
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/xxgk/zfgs/decisions/")
    assert page.locator("ol.decisions li").count() == 2
    assert "王小明" not in page.content()
    assert fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"enforcement-decisions-{width}.png"), full_page=True)
    page.get_by_label("搜索").fill("王某")
    page.get_by_role("button", name="搜索").click()
    assert page.locator("ol.decisions li").count() == 1
    page.locator("ol.decisions").get_by_role("link", name="违反治安管理行为的处罚").click()
    assert page.get_by_role("heading", name="违反治安管理行为的处罚", level=1).is_visible()
    text = page.locator("dl.facts").inner_text()
    assert "王某" in text and "139****1234" in text and "2026-03-16" in text
    assert fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"enforcement-decision-{width}.png"), full_page=True)
    page.goto(f"{live_server.url}/xxgk/zfgs/decisions/{revoked.pk}/")
    assert "经行政复议，决定撤销" in page.get_by_role("status").inner_text()
    assert "罚款人民币十万元" not in page.content()
    page.screenshot(path=str(artifacts_dir / f"enforcement-withdrawn-{width}.png"), full_page=True)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_draw_is_rerun_in_the_browser(page, live_server, artifacts_dir, register, width, height):
    body, office, _agency, _matter = register
    make_targets(office, body)
    draw = services.draw_run(actor=office, organisation=body, title="2026年第四季度治安检查抽查",
                             category="", target_count=4, seed=12345678901234567890)  # fmt: skip
    services.result_publish(actor=office, draw=draw, target_code=draw.chosen[0]["target"],
                            inspected_on=draw.drawn_on, outcome="rectify",
                            summary="旅客登记信息上传不及时，责令限期整改。")  # fmt: skip
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/xxgk/zfgs/draws/")
    assert page.locator("h2#targets + .table-wrap tbody tr").count() == 7
    assert fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"enforcement-draws-{width}.png"), full_page=True)
    page.get_by_role("link", name="2026年第四季度治安检查抽查").click()
    assert page.locator("#seed").inner_text() == "12345678901234567890"
    page.get_by_role("button", name="在本浏览器中重新抽取").click()
    assert page.locator("#redraw-result .verdict").inner_text() == "结果与公布的一致。"
    rerun = page.locator("#redraw-result li").all_inner_texts()
    assert rerun == [f"{c['target']}：{'、'.join(c['inspectors'])}" for c in draw.chosen]
    assert "责令整改" in page.locator("ul.results").inner_text()
    assert fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"enforcement-draw-{width}.png"), full_page=True)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_change_history(page, live_server, artifacts_dir, register, width, height):
    _body, office, _agency, matter = register
    services.matter_update(actor=office, matter=matter, reason="增加法制审核环节",
                           steps=[*matter.steps[:3], "重大执法决定法制审核", *matter.steps[3:]])  # fmt: skip
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/xxgk/zfgs/changes/")
    history = page.locator("ol.changes").inner_text()
    assert (
        "增加法制审核环节" in history
        and "办理流程" in history
        and "重大执法决定法制审核" in history
    )
    assert fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"enforcement-changes-{width}.png"), full_page=True)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_workbench_register_forms(page, live_server, artifacts_dir, register, width, height):
    """The office reaches the register from the decisions page, adds an officer (a taken
    certificate number is refused in Chinese first) and corrects a matter."""
    from gongkai.core.tests.twofactor import browser_login

    _body, _office, _agency, matter = register
    page.set_viewport_size({"width": width, "height": height})
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/workbench/enforcement/")
    page.get_by_role("link", name="执法主体、人员、事项和检查对象").click()
    assert page.get_by_role("heading", name="执法主体、人员、事项和检查对象", level=1).is_visible()
    assert fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"enforcement-register-{width}.png"), full_page=True)

    page.get_by_role("link", name="新增执法人员").click()
    page.get_by_label("执法主体").select_option(label="湛江市公安局")
    page.get_by_label("姓名").fill("林国栋")
    page.get_by_label("执法证号").fill("44080010231")
    page.get_by_label("执法类别").fill("出入境管理")
    page.get_by_role("button", name="保存").click()
    assert page.get_by_text("该执法证号已在名单中。").is_visible()
    assert fits(page, width)
    page.screenshot(path=str(artifacts_dir / f"enforcement-officer-{width}.png"), full_page=True)
    page.get_by_label("执法证号").fill("44080010588")
    page.get_by_role("button", name="保存").click()
    assert page.get_by_role("row", name="林国栋 44080010588 出入境管理 湛江市公安局").is_visible()

    page.get_by_role("link", name=matter.name).click()
    page.get_by_label("办理时限").fill("自受案之日起30日")
    page.get_by_label("修改理由").fill("补充办理时限")
    assert fits(page, width)
    page.screenshot(
        path=str(artifacts_dir / f"enforcement-matter-form-{width}.png"), full_page=True
    )
    page.get_by_role("button", name="保存").click()
    assert page.get_by_text("已保存。").is_visible()
    page.goto(f"{live_server.url}/xxgk/zfgs/changes/")
    assert "补充办理时限" in page.locator("ol.changes").inner_text()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_workbench_decision_offers_the_moves_of_its_status(
    page, live_server, artifacts_dir, register, width, height
):
    """A draft offers correction and publication to the office; a refused correction says
    why in Chinese and changes nothing; once published the page offers the withdrawal."""
    from gongkai.core.tests.twofactor import browser_login

    body, office, agency, _matter = register
    draft = make_decision(office, body, agency, publish=False)
    page.set_viewport_size({"width": width, "height": height})
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/workbench/enforcement/{draft.pk}/")
    assert page.get_by_role("button", name="发布").is_visible()
    assert page.get_by_role("button", name="登记撤下").count() == 0
    page.get_by_label("决定日期").fill("2026-03-17")
    page.get_by_role("button", name="保存").click()
    assert page.get_by_text("已登记决定的决定日期或类别不能更改，请重新登记。").is_visible()
    draft.refresh_from_db()
    assert draft.decided_on == dt.date(2026, 3, 16)
    assert fits(page, width)
    page.screenshot(
        path=str(artifacts_dir / f"enforcement-workbench-draft-{width}.png"), full_page=True
    )
    page.get_by_role("button", name="发布").click()
    assert page.get_by_role("heading", name="公示内容").is_visible()
    assert page.get_by_role("button", name="登记撤下").is_visible()
    assert page.get_by_role("button", name="发布").count() == 0
    assert fits(page, width)
    page.screenshot(
        path=str(artifacts_dir / f"enforcement-workbench-published-{width}.png"), full_page=True
    )


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_workbench_draw_refused_on_the_form(
    page, live_server, artifacts_dir, register, width, height
):
    """More targets than the list holds: the refusal shows on the form, no draw is made."""
    from gongkai.core.tests.twofactor import browser_login
    from gongkai.enforcement.models import Draw

    body, office, _agency, _matter = register
    make_targets(office, body)
    page.set_viewport_size({"width": width, "height": height})
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/workbench/enforcement/draws/")
    page.get_by_label("标题").fill("2026年第二季度娱乐场所抽查")
    page.get_by_label("抽取检查对象数").fill("50")
    page.get_by_role("button", name="抽取").click()
    assert page.get_by_text("抽取对象数应在1至7之间。").is_visible()
    assert Draw.objects.count() == 0
    assert fits(page, width)
    page.screenshot(
        path=str(artifacts_dir / f"enforcement-workbench-draw-refused-{width}.png"), full_page=True
    )
