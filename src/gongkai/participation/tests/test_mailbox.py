"""The mailbox: reply clock on the official calendar, forwarding, rating, Q&A, statistics."""

import datetime as dt

import pytest

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.participation.models import Letter, LetterCategory
from gongkai.participation.selectors import letter_follow, letter_statistics, site_check
from gongkai.participation.services import (
    letter_answer,
    letter_assign,
    letter_categories_ensure,
    letter_category_update,
    letter_forward,
    letter_mark_invalid,
    letter_publish,
    letter_rate,
    letter_submit,
)
from gongkai.participation.tests.conftest import at, counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def categories(body):
    return {c.code: c for c in letter_categories_ensure(organisation=body)}


def send(category, received="2026-09-30 10:00", **overrides):
    values = {
        "subject": "户籍迁移咨询",
        "body": "请问子女随迁户口需要哪些材料？",
        "writer_name": "李四",
        "writer_phone": "13812345678",
        "received_at": at(received),
    }
    values.update(overrides)
    return letter_submit(category=category, **values)


@pytest.mark.parametrize(
    ("code", "received", "due"),
    [
        # Local practice defaults: 咨询 5, 建议/投诉 15 working days, on the official
        # calendar (国庆 2026: 10-01..07 off, Saturday 10-10 worked).
        ("consult", "2026-09-30 10:00", "2026-10-13"),
        ("consult", "2026-04-30 16:00", "2026-05-11"),
        ("suggestion", "2026-09-30 10:00", "2026-10-27"),
        ("complaint", "2026-03-02 09:00", "2026-03-23"),
    ],
)
def test_reply_due_on_the_official_calendar(categories, code, received, due):
    letter = send(categories[code], received).letter
    assert letter.due_on == dt.date.fromisoformat(due)
    assert letter.due_is_provisional is False


def test_the_office_edits_the_reply_period(categories, office):
    letter_category_update(
        actor=office,
        category=categories["consult"],
        name="咨询",
        reply_working_days=3,
        is_active=True,
    )
    # 10-08, 10-09, then Saturday 10-10, a declared working day (调休).
    assert send(categories["consult"]).letter.due_on == dt.date(2026, 10, 10)


def test_category_edit_needs_the_office(categories, handler, public_user):
    for actor in (None, public_user, handler):
        with pytest.raises(PermissionDeniedError):
            letter_category_update(
                actor=actor,
                category=categories["consult"],
                name="咨询",
                reply_working_days=1,
                is_active=True,
            )
    assert LetterCategory.objects.get(code="consult").reply_working_days == 5


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"subject": ""}, "subject_required"),
        ({"body": ""}, "body_required"),
        ({"body": "字" * 10001}, "body_too_long"),
        ({"body": "<script>alert(1)</script>"}, "body_markup"),
        ({"writer_name": " "}, "name_required"),
        ({"writer_phone": "", "writer_email": ""}, "contact_required"),
        ({"writer_phone": "abc"}, "invalid_phone"),
        ({"writer_phone": "", "writer_email": "not-an-email"}, "invalid_email"),
    ],
)
def test_bad_letters_are_refused_and_change_nothing(categories, overrides, code):
    before = counts()
    with pytest.raises(ServiceError) as error:
        send(categories["consult"], **overrides)
    assert error.value.code == code
    assert counts() == before


def test_a_repeated_letter_is_stored_once(categories):
    send(categories["consult"])
    before = counts()
    with pytest.raises(ServiceError) as error:
        send(categories["consult"])
    assert error.value.code == "duplicate_letter"
    assert counts() == before


def test_follow_by_code_and_secret(categories):
    submission = send(categories["consult"])
    assert letter_follow(submission.letter.code.lower(), submission.secret) == submission.letter
    with pytest.raises(ServiceError):
        letter_follow(submission.letter.code, "wrong")
    with pytest.raises(ServiceError):
        letter_follow("XX000", submission.secret)


def test_assign_forward_answer_rate(categories, office, handler, unit, other_unit):
    submission = send(categories["complaint"], subject="交通违法处理投诉")
    letter = letter_assign(actor=office, letter=submission.letter, unit=unit)
    letter = letter_forward(actor=handler, letter=letter, unit=other_unit, note="属交警职责")
    assert (letter.unit, letter.status) == (other_unit, Letter.Status.ASSIGNED)
    letter = letter_answer(
        actor=office, letter=letter, reply="已核查处理。", at=at("2026-10-09 10:00")
    )
    assert letter.answered_on_time is True
    with pytest.raises(PermissionDeniedError):
        letter_rate(letter=letter, secret="wrong", rating=5)
    with pytest.raises(ServiceError) as error:
        letter_rate(letter=letter, secret=submission.secret, rating=6)
    assert error.value.code == "invalid_rating"
    letter_rate(letter=letter, secret=submission.secret, rating=4, comment="满意")
    with pytest.raises(ServiceError) as error:
        letter_rate(letter=letter, secret=submission.secret, rating=1)
    assert error.value.code == "already_rated"
    assert list(letter.events.values_list("type", flat=True)) == [
        "received",
        "assigned",
        "forwarded",
        "answered",
        "rated",
    ]


def test_publication_needs_consent_and_de_identification(categories, office):
    no_consent = send(categories["consult"]).letter
    letter_answer(actor=office, letter=no_consent, reply="需要户口簿。")
    with pytest.raises(ServiceError) as error:
        letter_publish(actor=office, letter=no_consent, question="问", answer="答")
    assert error.value.code == "no_consent"
    consenting = send(categories["consult"], subject="出入境", consent_to_publish=True).letter
    letter_answer(actor=office, letter=consenting, reply="可在线预约。")
    with pytest.raises(ServiceError) as error:
        letter_publish(
            actor=office, letter=consenting, question="李四问：电话13812345678", answer="可预约"
        )
    assert error.value.code == "personal_data"
    letter_publish(
        actor=office, letter=consenting, question="如何办理港澳通行证？", answer="可预约"
    )
    consenting.refresh_from_db()
    assert (consenting.is_public, no_consent.is_public) == (True, False)


def test_statistics_and_the_site_check(categories, office):
    on_time = send(categories["consult"], "2026-03-02 09:00").letter
    letter_answer(actor=office, letter=on_time, reply="答复", at=at("2026-03-04 09:00"))
    late = send(categories["consult"], "2026-03-03 09:00", subject="迟复").letter
    letter_answer(actor=office, letter=late, reply="答复", at=at("2026-07-01 09:00"))
    open_old = send(categories["suggestion"], "2026-04-01 09:00", subject="久未答复").letter
    spam = send(categories["suggestion"], "2026-04-02 09:00", subject="广告").letter
    letter_mark_invalid(actor=office, letter=spam, reason="广告信息")
    letters = Letter.objects.all()
    stats = letter_statistics(letters, today=dt.date(2026, 7, 10))
    assert (stats.received, stats.valid, stats.answered, stats.on_time, stats.open) == (
        4,
        3,
        2,
        1,
        1,
    )
    assert stats.overdue == 1
    assert stats.median_days == 61.0
    check = site_check(letters, today=dt.date(2026, 7, 10))
    # 国办秘函〔2019〕19号: the April letter is over 3 months unanswered; March's answered late.
    assert check.passed is False
    assert [x.pk for x in check.unanswered] == [open_old.pk]
    assert [x.pk for x in check.answered_late] == [late.pk]
    assert site_check(
        letters.exclude(pk__in=[late.pk, open_old.pk]), today=dt.date(2026, 7, 10)
    ).passed
