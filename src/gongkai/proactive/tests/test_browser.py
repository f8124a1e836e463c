"""Browser test: draft → secrecy review (mask a planted ID number) → leader → publish.

Debian's chromium driven by Playwright, headless; skipped with the reason where missing.
Screenshots go to test-artifacts/.
"""

import pytest

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff
from gongkai.core.tests.twofactor import browser_login
from gongkai.proactive.models import Item, Status
from gongkai.proactive.tests.factories import PLANTED_ID

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def login(page, live_server, username):
    page.context.clear_cookies()
    browser_login(page, live_server, username)
    page.wait_for_url(f"{live_server.url}/workbench/")


def test_draft_review_mask_and_publish(page, live_server, artifacts_dir):
    body = OrganisationFactory(name="湛江市公安局")
    unit = UnitFactory(parent=body, name="户政科")
    make_staff(body, roles=[Role.HANDLER], units=[unit], username="drafter")
    make_staff(body, roles=[Role.REVIEWER], username="secrecy")
    make_staff(body, roles=[Role.LEADER], username="leader")
    make_staff(body, roles=[Role.OFFICE], username="office")
    page.set_viewport_size({"width": 390, "height": 844})

    login(page, live_server, "drafter")
    page.goto(f"{live_server.url}/workbench/proactive/new/")
    page.get_by_label("标题").fill("关于补领居民身份证的公告")
    page.get_by_label("文号").fill("湛公通〔2026〕3号")
    page.get_by_label("正文").fill(f"<p>当事人身份证号{PLANTED_ID}，请于三日内领取。</p>")
    page.screenshot(path=str(artifacts_dir / "proactive-1-draft.png"), full_page=True)
    page.get_by_role("button", name="保存草稿").click()
    page.get_by_role("button", name="提交审查").click()
    assert page.get_by_text("已提交审查。").is_visible()

    login(page, live_server, "secrecy")
    page.goto(f"{live_server.url}/workbench/proactive/")
    page.get_by_role("link", name="关于补领居民身份证的公告").click()
    assert page.locator("mark.finding").first.inner_text().startswith(PLANTED_ID)
    page.screenshot(path=str(artifacts_dir / "proactive-2-finding.png"), full_page=True)
    page.get_by_role("button", name="遮盖", exact=True).click()
    page.get_by_label("同意").check()
    page.get_by_label("我确认该公开属性").check()
    page.get_by_role("button", name="提交意见").click()
    assert page.get_by_text("您的意见已记录。").is_visible()

    login(page, live_server, "leader")
    page.goto(f"{live_server.url}/workbench/proactive/")
    page.get_by_role("link", name="关于补领居民身份证的公告").click()
    page.get_by_label("同意").check()
    page.get_by_role("button", name="提交意见").click()

    login(page, live_server, "office")
    item = Item.objects.get()
    page.goto(f"{live_server.url}/workbench/proactive/{item.pk}/")
    page.get_by_role("button", name="发布", exact=True).click()
    assert page.get_by_text("已发布。").is_visible()

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/xxgk/{item.pk}/")
    text = page.locator("main").inner_text()
    assert "440803********123X" in text and PLANTED_ID not in text
    assert page.get_by_role("cell", name="湛公通〔2026〕3号").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(artifacts_dir / "proactive-3-published.png"), full_page=True)
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED


def test_office_rule_and_reviewers_span(page, live_server, artifacts_dir):
    """The office adds a rule (a nickname masked everywhere); the drafter's item and its
    attachment are masked by it at submission; the reviewer marks words the detector
    missed; the published page shows neither."""
    body = OrganisationFactory(name="湛江市公安局")
    unit = UnitFactory(parent=body, name="户政科")
    drafter = make_staff(body, roles=[Role.HANDLER], units=[unit], username="drafter")
    make_staff(body, roles=[Role.REVIEWER], username="secrecy")
    make_staff(body, roles=[Role.OFFICE], username="office")

    login(page, live_server, "office")
    page.goto(f"{live_server.url}/workbench/proactive/settings/")
    page.get_by_role("link", name="隐私规则").click()
    page.get_by_label("凡出现处一律遮盖").check()
    page.get_by_label("个人信息类别").select_option("name")
    page.get_by_label("文字或模式").fill("阿强")
    page.get_by_label("理由").fill("当事人小名")
    page.get_by_role("button", name="添加该规则").click()
    assert page.get_by_text("规则已添加，自下次检测起适用。").is_visible()
    assert page.get_by_role("cell", name="当事人小名").is_visible()
    page.screenshot(path=str(artifacts_dir / "privacy-1-rules.png"), full_page=True)

    from gongkai.proactive import services
    from gongkai.proactive.tests.factories import draft

    item = draft(
        drafter, title="关于走失人员的情况通报", body="<p>阿强于5月1日走失，外号黑皮。</p>"
    )
    services.item_attach(
        item=item, actor=drafter, name="笔录.txt", content="阿强称不知情。".encode()
    )
    services.item_submit(item=item, actor=drafter)

    login(page, live_server, "secrecy")
    page.goto(f"{live_server.url}/workbench/proactive/{item.pk}/review/")
    assert page.locator("li.finding-row", has_text="公开办规则").count() == 2
    form = page.locator("form.finding-add")
    form.get_by_label("要遮盖的文字（与原文完全一致）").fill("黑皮")
    form.get_by_label("个人信息类别").select_option("other")
    form.get_by_label("理由").fill("绰号可识别特定个人")
    form.get_by_role("button", name="遮盖这些文字").click()
    assert page.get_by_text("已遮盖 1 处。").is_visible()
    row = page.locator("li.finding-row", has_text="黑皮")
    assert "审查人标注" in row.inner_text() and "**" in row.inner_text()
    page.screenshot(path=str(artifacts_dir / "privacy-2-review.png"), full_page=True)

    item.refresh_from_db()
    masked = sorted((f.origin, f.text, f.state) for f in item.findings.all())
    assert masked == [
        ("manual", "黑皮", "masked"),
        ("rule", "阿强", "masked"),
        ("rule", "阿强", "masked"),
    ]


def test_spam_is_shown_to_drafter_and_reviewer(page, live_server):
    body = OrganisationFactory(name="湛江市公安局")
    make_staff(body, roles=[Role.HANDLER], username="drafter")
    make_staff(body, roles=[Role.REVIEWER], username="secrecy")
    spam = "无码人妻久久精品一区二区免费看"

    login(page, live_server, "drafter")
    page.goto(f"{live_server.url}/workbench/proactive/new/")
    page.get_by_label("标题").fill("关于开展政务公开工作的通知")
    page.get_by_label("正文").fill(f"<p>通知如下。</p><p>{spam}</p>")
    page.get_by_role("button", name="保存草稿").click()
    assert page.get_by_text("有 1 行疑似被植入的垃圾信息，请在提交前核查。").is_visible()
    assert page.locator("#spam").get_by_text(spam).is_visible()
    page.get_by_role("button", name="提交审查").click()

    login(page, live_server, "secrecy")
    item = Item.objects.get()
    page.goto(f"{live_server.url}/workbench/proactive/{item.pk}/review/")
    assert page.locator("#spam").get_by_text(spam).is_visible()


def test_directory_pages_and_filters_on_a_phone(page, live_server, settings, tmp_path):
    """The 主动公开基本目录 in pages of 50 at a phone's width: the table scrolls inside its
    box, the page itself never sideways; the section filter keeps its pages."""
    from django.core.management import call_command

    settings.GONGKAI_SEARCH_DIR = str(tmp_path / "search")
    call_command("demo", verbosity=0, items=200)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/xxgk/directory/")
    assert page.locator("tbody tr").count() == 50
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("link", name="下一页").click()
    page.wait_for_url("**/xxgk/directory/?page=2")
    assert page.locator("tbody tr").count() == 50
    page.get_by_label("目录栏目").select_option("business")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**/xxgk/directory/?section=business")
    assert page.get_by_role("heading", name="共性信息").count() == 0
    assert page.get_by_role("heading", name="个性信息").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
