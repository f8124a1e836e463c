"""Browser tests: commenting on a consultation article; sending and following a letter.

Debian's chromium driven by Playwright, headless; skipped with the reason shown where
chromium or Playwright is missing. Screenshots go to test-artifacts/.
"""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.participation.models import Comment, Letter
from gongkai.participation.services import (
    consultation_create,
    consultation_open,
    letter_answer,
)
from gongkai.participation.tests.factories import DRAFT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_comment_on_an_article(page, live_server, artifacts_dir, body, office):
    today = timezone.localdate()
    consultation = consultation_create(
        actor=office,
        organisation=body,
        title="《湛江市公安局重大行政决策程序规定（征求意见稿）》",
        kind="major_decision",
        draft_text=DRAFT,
        explanation="起草说明。",
        opens_on=today,
        closes_on=today + dt.timedelta(days=30),
    )
    consultation_open(actor=office, consultation=consultation)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{live_server.url}/hdjl/yjzj/{consultation.pk}/")
    page.get_by_role("link", name="对第二条提意见").click()
    assert page.get_by_label("针对部分").input_value() == str(
        consultation.provisions.get(label="第二条").pk
    )
    page.get_by_label("您的意见").fill("建议明确本规定的适用范围，联系电话13812345678。")
    page.get_by_role("button", name="提交意见").click()
    assert page.get_by_text("感谢您的参与，您的意见已公开。").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=str(artifacts_dir / "participation-comment.png"), full_page=True)
    comment = Comment.objects.get()
    assert comment.provision.label == "第二条"
    page.goto(f"{live_server.url}/hdjl/yjzj/{consultation.pk}/comments/")
    assert page.get_by_text("13812345678").count() == 0  # masked before display


def test_send_and_follow_a_letter(page, live_server, artifacts_dir, body, office):
    page.goto(f"{live_server.url}/hdjl/xx/")
    page.get_by_label("网上信箱").select_option(label="咨询（5个工作日内答复）")
    page.get_by_label("主题").fill("户籍迁移咨询")
    page.get_by_label("来信内容").fill("请问子女随迁户口需要哪些材料？")
    page.get_by_label("您的姓名").fill("李四")
    page.get_by_label("电话").fill("13812345678")
    page.get_by_role("button", name="提交来信").click()
    code = page.locator("#letter-code").inner_text()
    secret = page.locator("#letter-secret").inner_text()
    page.screenshot(path=str(artifacts_dir / "participation-letter-sent.png"), full_page=True)
    letter = Letter.objects.get(code=code)
    letter_answer(actor=office, letter=letter, reply="请携带户口簿到户籍窗口办理。")
    page.goto(f"{live_server.url}/hdjl/xx/follow/")
    page.get_by_label("查询码").fill(code)
    page.get_by_label("查询密码").fill(secret)
    page.get_by_role("button", name="查询").click()
    assert page.locator("#letter-reply").inner_text() == "请携带户口簿到户籍窗口办理。"
    page.get_by_label("4").check()
    page.get_by_role("button", name="提交评价").click()
    assert page.get_by_text("感谢您的评价。").is_visible()
    page.screenshot(path=str(artifacts_dir / "participation-letter-follow.png"), full_page=True)
    assert Letter.objects.get().rating == 4
