"""The 20-day publication clock, table-driven (预算法 第十四条第二款: "经本级政府财政部门批复的
部门预算、决算及报表，应当在批复后二十日内由各部门向社会公开"). Twenty calendar days, counted
from the day after the approval (民法典 第二百零一条): the last day is the approval date + 20."""

import datetime as dt

import pytest

from gongkai.budgets.law import LAW_SOURCE, PUBLICATION_CLOCK_RULE, TABLES
from gongkai.budgets.tests.factories import make_document
from gongkai.core.law import CLOCK_RULES, LimitUnit

pytestmark = pytest.mark.django_db


def test_the_rule_is_twenty_calendar_days_from_the_budget_law():
    rule = CLOCK_RULES[PUBLICATION_CLOCK_RULE]
    assert (rule.unit, rule.amount) == (LimitUnit.DAYS, 20)
    assert rule.source == LAW_SOURCE == "《中华人民共和国预算法》第十四条第二款"


@pytest.mark.parametrize(
    ("approved", "last_day"),
    [
        (dt.date(2026, 2, 10), dt.date(2026, 3, 2)),  # across February (28 days)
        (dt.date(2026, 8, 18), dt.date(2026, 9, 7)),
        (dt.date(2025, 12, 20), dt.date(2026, 1, 9)),  # across the year's end
        (dt.date(2024, 2, 10), dt.date(2024, 3, 1)),  # leap year
        (dt.date(2026, 9, 25), dt.date(2026, 10, 15)),  # calendar days: 国庆 holidays count
    ],
)
def test_due_on_the_twentieth_day_after_the_approval(office, body, approved, last_day):
    document = make_document(office, body, approved_on=approved)
    assert document.clock.due_on == last_day
    assert document.clock.state == "running"


@pytest.mark.parametrize(
    ("published", "late"),
    [(dt.date(2026, 9, 7), False), (dt.date(2026, 9, 8), True), (dt.date(2026, 8, 18), False)],
)
def test_published_on_the_last_day_is_on_time(office, body, published, late):
    document = make_document(office, body, approved_on=dt.date(2026, 8, 18), publish_on=published)
    assert document.clock.state == "stopped"
    assert document.clock.is_overdue_when_stopped is late


def test_the_template_has_the_eight_tables_in_order():
    assert [t.code for t in TABLES] == [
        "summary", "revenue", "expenditure", "appropriation", "general", "general_basic",
        "fund", "state_capital",
    ]  # fmt: skip
