"""Consultations: creation, comments and their moderation, decisions, the report."""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry
from gongkai.participation.models import Comment, Consultation, Provision
from gongkai.participation.selectors import adoption_report
from gongkai.participation.services import (
    comment_decide,
    comment_moderate,
    comment_submit,
    consultation_close,
    consultation_create,
    consultation_open,
    consultation_report_publish,
    consultations_close_due,
    moderation_word_add,
)
from gongkai.participation.tests.conftest import counts
from gongkai.participation.tests.factories import DRAFT

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(body, office, unit):
    today = timezone.localdate()
    consultation = consultation_create(
        actor=office,
        organisation=body,
        unit=unit,
        title="《湛江市公安局重大行政决策程序规定（征求意见稿）》",
        kind=Consultation.Kind.MAJOR_DECISION,
        draft_text=DRAFT,
        explanation="起草说明：依据《重大行政决策程序暂行条例》。",
        opens_on=today,
        closes_on=today + dt.timedelta(days=30),
    )
    return consultation_open(actor=office, consultation=consultation)


def article(consultation, label):
    return consultation.provisions.get(label=label)


def test_create_splits_the_draft_and_writes_the_ledger(consultation):
    labels = list(consultation.provisions.values_list("kind", "label"))
    assert labels == [
        ("heading", ""),
        ("heading", "第一章"),
        ("article", "第一条"),
        ("article", "第二条"),
        ("heading", "第二章"),
        ("article", "第三条"),
    ]
    actions = list(LedgerEntry.objects.values_list("action", flat=True))
    assert actions == ["participation.consultation.create", "participation.consultation.open"]


def test_comment_on_an_article_is_published_masked(consultation):
    comment = comment_submit(
        consultation=consultation,
        provision=article(consultation, "第三条"),
        body="建议延长期限，联系电话13812345678。",
        author_name="张三",
    )
    assert comment.status == Comment.Status.PUBLISHED
    assert "13812345678" not in comment.body_public
    assert comment.body == "建议延长期限，联系电话13812345678。"
    assert comment.provision.label == "第三条"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "body_required"),
        ("   \n ", "body_required"),
        ("意" * 5001, "body_too_long"),
        ("<script>alert(1)</script>好", "body_markup"),
        ('<img src=x onerror="x()">', "body_markup"),
        ("点击 javascript:alert(1)", "body_markup"),
    ],
)
def test_bad_comments_are_refused_and_change_nothing(consultation, text, code):
    before = counts()
    with pytest.raises(ServiceError) as error:
        comment_submit(consultation=consultation, body=text)
    assert error.value.code == code
    assert counts() == before


def test_a_repeated_comment_is_stored_once(consultation):
    comment_submit(consultation=consultation, body="建议增加听证。")
    before = counts()
    with pytest.raises(ServiceError) as error:
        comment_submit(consultation=consultation, body=" 建议增加 听证。 ")
    assert error.value.code == "duplicate_comment"
    assert counts() == before
    # The same words on another article are a different comment.
    comment_submit(
        consultation=consultation, body="建议增加听证。", provision=article(consultation, "第一条")
    )
    assert Comment.objects.count() == 2


def test_word_list_and_spam_hold_comments_for_review(consultation, office, body):
    moderation_word_add(actor=office, organisation=body, word="代开发票")
    held = comment_submit(consultation=consultation, body="代开发票，请联系")
    spam = comment_submit(consultation=consultation, body="看 http://a.cn http://b.cn http://c.cn")
    repeated = comment_submit(consultation=consultation, body="顶" * 20)
    assert [c.status for c in (held, spam, repeated)] == ["held", "held", "held"]
    assert "代开发票" in held.moderation_reason
    comment_moderate(actor=office, comment=spam, publish=False, reason="广告")
    assert Comment.objects.get(pk=spam.pk).status == Comment.Status.REJECTED


def test_a_heading_or_foreign_provision_cannot_be_anchored(consultation, body, office):
    heading = consultation.provisions.filter(kind=Provision.Kind.HEADING).first()
    with pytest.raises(ServiceError) as error:
        comment_submit(consultation=consultation, body="意见", provision=heading)
    assert error.value.code == "invalid_provision"


def test_no_comments_outside_the_period(consultation, office):
    consultation_close(actor=office, consultation=consultation)
    before = counts()
    with pytest.raises(ServiceError) as error:
        comment_submit(consultation=consultation, body="迟到的意见")
    assert error.value.code == "consultation_closed"
    assert counts() == before


def test_decisions_then_the_adoption_report(consultation, office):
    first = comment_submit(consultation=consultation, body="意见一")
    second = comment_submit(
        consultation=consultation, body="意见二", provision=article(consultation, "第一条")
    )
    third = comment_submit(consultation=consultation, body="意见三")
    consultation_close(actor=office, consultation=consultation)
    with pytest.raises(ServiceError) as error:
        comment_decide(actor=office, comment=third, decision="not_adopted", reason="")
    assert error.value.code == "reason_required"
    comment_decide(actor=office, comment=first, decision="adopted")
    comment_decide(actor=office, comment=second, decision="partly", reason="部分采纳")
    with pytest.raises(ServiceError) as error:
        consultation_report_publish(
            actor=office, consultation=consultation, report_text="报告", final_document_title="定稿"
        )
    assert error.value.code == "undecided_comments"
    comment_decide(actor=office, comment=third, decision="not_adopted", reason="与上位法不符")
    consultation_report_publish(
        actor=office,
        consultation=consultation,
        report_text="共收到意见3条。",
        final_document_title="《湛江市公安局重大行政决策程序规定》",
        final_document_url="https://example.gov.cn/final",
    )
    report = adoption_report(consultation)
    assert (report.received, report.adopted, report.partly, report.not_adopted) == (3, 1, 1, 1)
    assert report.reasons == [{"decision_reason": "与上位法不符", "total": 1}]
    # NULL (the whole draft) sorts first on SQLite and last on PostgreSQL.
    assert {r["provision__label"]: r["total"] for r in report.by_provision} == {
        "第一条": 1,
        None: 2,
    }
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.REPORTED


def test_sweep_closes_consultations_after_their_last_day(consultation):
    assert consultations_close_due(on=consultation.closes_on) == 0
    assert consultations_close_due(on=consultation.closes_on + dt.timedelta(days=1)) == 1
    assert consultations_close_due(on=consultation.closes_on + dt.timedelta(days=1)) == 0
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.CLOSED


def test_only_staff_create(body, public_user, reviewer):
    for actor in (None, public_user, reviewer):
        with pytest.raises(PermissionDeniedError):
            consultation_create(
                actor=actor,
                organisation=body,
                title="《草案》",
                kind="normative",
                draft_text="第一条 内容。",
                explanation="",
                opens_on=dt.date(2026, 6, 1),
                closes_on=dt.date(2026, 7, 1),
            )
    assert Consultation.objects.count() == 0
