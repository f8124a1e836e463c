"""Browser test: the forms the blind evaluation set found missing, as a secrecy reviewer
sees them on the review page (a table row pasted as text, a given name after the full
name, an address with no cue word, a mistyped ID after 身份证号). 1280 px and 390 px."""

import pytest

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff
from gongkai.core.tests.twofactor import browser_login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

BODY = (
    "<p>序号\t姓名\t性别\t联系电话</p>"
    "<p>1\t洪海燕\t女\t13826081179</p>"
    "<p>村民陈丽娟报警称其电动车被盗，丽娟称车辆停在雷州市附城镇东山村121号楼下。</p>"
    "<p>陈丽娟提供的身份证号码为440802199103154415，经核查与户籍信息不符。</p>"
)


def test_reviewer_sees_the_new_forms(page, live_server, artifacts_dir):
    from gongkai.proactive import services
    from gongkai.proactive.tests.factories import draft

    body = OrganisationFactory(name="湛江市公安局")
    unit = UnitFactory(parent=body, name="户政科")
    drafter = make_staff(body, roles=[Role.HANDLER], units=[unit], username="drafter")
    make_staff(body, roles=[Role.REVIEWER], username="secrecy")
    item = draft(drafter, title="关于电动车被盗的情况通报", body=BODY)
    services.item_submit(item=item, actor=drafter)

    page.context.clear_cookies()
    browser_login(page, live_server, "secrecy")
    page.wait_for_url(f"{live_server.url}/workbench/")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}/workbench/proactive/{item.pk}/review/")
        # The reviewer's list shows each finding's text; the body highlights each one.
        listed = page.locator("li.finding-row strong").all_inner_texts()
        for text in ("洪海燕", "13826081179", "陈丽娟", "丽娟", "雷州市附城镇东山村121号"):
            assert text in listed
        assert "440802199103154415" in listed
        assert page.locator("mark.finding").count() == len(listed)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(artifacts_dir / f"privacy-forms-{width}.png"), full_page=True)
