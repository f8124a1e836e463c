"""Participation charts for the dashboard (participation.statistics).

Rules under test, each with its source:
- a letter is answered on time when the day of the answer, Beijing time, is not after its due
  date: the category's reply period in working days on the official calendar (local practice,
  participation.law.LETTER_CATEGORY_DEFAULTS: 咨询 5 working days), counted from the day after
  receipt (民法典 art. 201); 2025's 国庆 from 国务院办公厅关于2025年部分节假日安排的通知 (10-1..10-8
  off, Saturday 10-11 worked);
- no rule sets a deadline for the adoption report after a consultation (participation.law has
  none), so consultations are reported as held vs reported, by the month they closed.
"""

import datetime as dt

import pytest

from gongkai.core.tests.factories import OrganisationFactory
from gongkai.participation.models import Consultation
from gongkai.participation.selectors import participation_statistics
from gongkai.participation.services import (
    letter_answer,
    letter_categories_ensure,
    letter_mark_invalid,
    letter_submit,
)
from gongkai.participation.statistics import letters_answered_on_time
from gongkai.participation.tests.conftest import at
from gongkai.participation.tests.factories import ConsultationFactory

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat


def send(category, received: str, n: int = 0):
    return letter_submit(
        category=category,
        subject=f"户籍迁移咨询{n}",
        body=f"请问子女随迁户口需要哪些材料？（{n}）",
        writer_name="李四",
        writer_phone="13812345678",
        received_at=at(received),
    ).letter


@pytest.fixture
def consult(body):
    return next(c for c in letter_categories_ensure(organisation=body) if c.code == "consult")


LETTER_CASES = [
    # (received, answered or None, [received, answered, on time, open past due])
    # Received Tue 9-30: 5 working days are 10-9, 10-10, 10-11 (Sat, worked), 10-13, 10-14.
    ("2025-09-30 10:00", "2025-10-14 23:30", [1, 1, 1, 0]),
    # 00:10 on 10-15 in Beijing is still 10-14 in UTC: late all the same.
    ("2025-09-30 10:00", "2025-10-15 00:10", [1, 1, 0, 0]),
    ("2025-09-30 10:00", None, [1, 0, 0, 1]),
    # Received at 23:30 on 9-30 Beijing time (15:30 UTC): September's letter.
    ("2025-09-30 23:30", "2025-10-09 09:00", [1, 1, 1, 0]),
]


@pytest.mark.parametrize(("received", "answered", "expected"), LETTER_CASES)
def test_letters_answered_on_time(body, office, consult, received, answered, expected):
    letter = send(consult, received)
    assert letter.due_on == D("2025-10-14")
    if answered:
        letter_answer(actor=office, letter=letter, reply="请携带户口簿办理。", at=at(answered))
    table = letters_answered_on_time([body.pk], D("2025-09-01"), D("2025-10-31"), D("2025-11-03"))
    assert table["rows"] == [["2025-09", *expected], ["2025-10", 0, 0, 0, 0]]


def test_dashboard_charts(body, unit, office, consult, django_assert_num_queries):
    answered = send(consult, "2025-01-06 09:00", 1)
    letter_answer(actor=office, letter=answered, reply="已答复。", at=at("2025-01-08 10:00"))
    send(consult, "2025-01-07 09:00", 2)  # still open, long past due
    invalid = send(consult, "2025-01-08 09:00", 3)
    letter_mark_invalid(actor=office, letter=invalid, reason="广告信息")
    send(consult, "2025-02-03 09:00", 4)
    other = OrganisationFactory(name="茂名市公安局")
    send(letter_categories_ensure(organisation=other)[0], "2025-01-06 09:00", 5)
    reported = {
        "status": Consultation.Status.REPORTED,
        "report_published_at": at("2025-02-20 10:00"),
    }
    ConsultationFactory(organisation=body, opens_on=D("2024-12-20"), closes_on=D("2025-01-20"))
    ConsultationFactory(
        organisation=body, opens_on=D("2024-12-25"), closes_on=D("2025-01-25"), **reported
    )
    ConsultationFactory(organisation=body, opens_on=D("2025-01-01"), closes_on=D("2025-02-10"))
    ConsultationFactory(  # a draft never held
        organisation=body,
        opens_on=D("2025-01-01"),
        closes_on=D("2025-02-10"),
        status=Consultation.Status.DRAFT,
    )
    ConsultationFactory(organisation=other, opens_on=D("2025-01-01"), closes_on=D("2025-01-31"))
    # body → unit → nothing: two queries for the tree, one per chart.
    with django_assert_num_queries(4):
        charts = participation_statistics(body, D("2025-01-01"), D("2025-03-31"))
    assert charts["consultations_on_time"] == {
        "columns": ["月份", "开展意见征集", "已公布采纳情况", "待公布采纳情况"],
        "rows": [["2025-01", 2, 1, 1], ["2025-02", 1, 0, 1], ["2025-03", 0, 0, 0]],
    }
    assert charts["letters_on_time"] == {
        "columns": ["月份", "收到有效来信", "已答复来信", "按期答复", "逾期未答复"],
        "rows": [["2025-01", 2, 1, 1, 1], ["2025-02", 1, 0, 0, 1], ["2025-03", 0, 0, 0, 0]],
    }


def test_subordinate_bodies_are_included(body):
    county = OrganisationFactory(parent=body, name="赤坎分局")
    ConsultationFactory(organisation=county, opens_on=D("2025-03-01"), closes_on=D("2025-03-31"))
    charts = participation_statistics(body, D("2025-03-01"), D("2025-03-31"))
    assert charts["consultations_on_time"]["rows"] == [["2025-03", 1, 0, 1]]
    assert participation_statistics(county, D("2025-03-01"), D("2025-03-31"))[
        "consultations_on_time"
    ]["rows"] == [["2025-03", 1, 0, 1]]
    other = OrganisationFactory(name="茂名市公安局")
    assert participation_statistics(other, D("2025-03-01"), D("2025-03-31"))[
        "consultations_on_time"
    ]["rows"] == [["2025-03", 0, 0, 0]]
