"""Browser test: a citizen searches from the portal at desktop and phone width and finds a
published Q&A, a consultation and a yearly report, with a traditional-character query
and a synonym; the office edits the synonym table.

Debian's chromium driven by Playwright, headless; skipped with the reason shown where
chromium or Playwright is missing. Screenshots go to test-artifacts/.
"""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.core.tests.twofactor import browser_login
from gongkai.foi.models import Status as FoiStatus
from gongkai.participation.services import (
    consultation_create,
    consultation_open,
    letter_answer,
    letter_categories_ensure,
    letter_publish,
    letter_submit,
)
from gongkai.participation.tests.factories import DRAFT
from gongkai.reports.services import report_generate
from gongkai.reports.tests.factories import RepliedRequestFactory, publish_signed
from gongkai.search.backends import get_backend, reset_backend
from gongkai.search.models import SearchSynonym
from gongkai.search.synonyms import forget_table

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(settings, tmp_path):
    """A Q&A, a consultation and a yearly report, published through their services (the
    index follows through the queue, run inline in tests)."""
    settings.GONGKAI_SEARCH_BACKEND = "tantivy"
    settings.GONGKAI_SEARCH_DIR = str(tmp_path / "search")
    reset_backend()
    # The synonym rows the migration seeds do not survive an earlier transactional test's
    # flush: this test's own row, and no table remembered from before.
    SearchSynonym.objects.get_or_create(words="年报 年度报告")
    forget_table()
    body = OrganisationFactory(name="湛江市公安局")
    office = make_staff(body, roles=[Role.OFFICE], username="office")
    category = {c.code: c for c in letter_categories_ensure(organisation=body)}["consult"]
    letter = letter_submit(
        category=category,
        subject="子女随迁落户咨询",
        body="请问子女随迁落户需要哪些材料？",
        writer_name="李四",
        writer_phone="13812345678",
        consent_to_publish=True,
    ).letter
    letter_answer(actor=office, letter=letter, reply="请携带户口簿到户籍窗口办理。")
    letter_publish(
        actor=office,
        letter=letter,
        question="子女随迁落户需要哪些材料？",
        answer="请携带户口簿、出生医学证明到户籍窗口办理。",
    )
    today = timezone.localdate()
    consultation = consultation_create(
        actor=office,
        organisation=body,
        title="《湛江市公安局重大行政决策程序规定（征求意见稿）》",
        kind="major_decision",
        draft_text=DRAFT,
        explanation="为规范重大行政决策程序起草本规定。",
        opens_on=today,
        closes_on=today + dt.timedelta(days=30),
    )
    consultation_open(actor=office, consultation=consultation)
    RepliedRequestFactory(
        organisation=body,
        received_on=dt.date(2025, 3, 3),
        replied_on=dt.date(2025, 3, 20),
        status=FoiStatus.REPLIED,
    )
    publish_signed(report_generate(organisation=body, year=2025, actor=office), actor=office)
    assert get_backend().count() == 3
    yield {"office": office}
    reset_backend()


def search_from_portal(page, base: str, query: str) -> None:
    """The search box of the portal's home page (the search page's own box where a
    narrow screen folds the header's box away)."""
    page.goto(base + "/")
    box = page.locator("#portal-q")
    if not box.is_visible():
        page.goto(base + "/search/")
        box = page.locator("#s-q")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")


def result(page, title: str):
    return page.locator("ol.hits li").filter(has=page.get_by_role("link", name=title))


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_search_finds_every_public_kind(page, live_server, artifacts_dir, site, width, height):
    page.set_viewport_size({"width": width, "height": height})
    base = live_server.url
    # A published question and answer, by a word of its answer.
    search_from_portal(page, base, "出生医学证明")
    hit = result(page, "子女随迁落户咨询")
    assert hit.locator(".hit-kind").inner_text() == "公开问答"
    assert hit.locator(".snippet mark").first.inner_text() == "出生医学证明"
    page.screenshot(path=str(artifacts_dir / f"search-qa-{width}.png"), full_page=True)
    hit.get_by_role("link").click()
    assert page.get_by_role("heading", name="子女随迁落户咨询").is_visible()
    # The consultation, typed in traditional characters.
    search_from_portal(page, base, "重大行政決策程序")
    hit = result(page, "《湛江市公安局重大行政决策程序规定（征求意见稿）》")
    assert hit.locator(".hit-kind").inner_text() == "意见征集"
    page.screenshot(path=str(artifacts_dir / f"search-traditional-{width}.png"), full_page=True)
    # The yearly report, by the short form the synonym table knows.
    search_from_portal(page, base, "年报")
    hit = result(page, "湛江市公安局2025年政府信息公开工作年度报告")
    assert hit.locator(".hit-kind").inner_text() == "政府信息公开工作年度报告"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts_dir / f"search-synonym-{width}.png"), full_page=True)
    hit.get_by_role("link").click()
    assert "/xxgk/ndbg/" in page.url


def test_office_adds_a_synonym_and_citizens_find_with_it(page, live_server, artifacts_dir, site):
    browser_login(page, live_server, "office")
    page.goto(live_server.url + "/workbench/search/synonyms/")
    page.get_by_label("同义词语").fill("入户 落户")
    page.get_by_role("button", name="添加").click()
    assert page.get_by_text("已添加这组同义词。").is_visible()
    assert page.get_by_role("cell", name="入户 ＝ 落户").is_visible()
    assert page.get_by_role("button", name="删除").first.is_visible()
    page.screenshot(path=str(artifacts_dir / "search-synonyms-workbench.png"), full_page=True)
    search_from_portal(page, live_server.url, "随迁入户")
    assert result(page, "子女随迁落户咨询").is_visible()
