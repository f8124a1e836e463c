"""Proactive disclosure figures for the yearly report and the dashboard (proactive.statistics).

Rules under test, each with its source:
- an item counts in the period of its first publication, Beijing time (条例 art. 49: the
  yearly report covers the calendar year; settings TIME_ZONE Asia/Shanghai);
- a policy's interpretation is due within 3 working days of the policy's publication on the
  official calendar (local practice: 西市区2018年政务公开工作要点; 湛江市公安局2017年实施方案
  task 11; core.law.CLOCK_RULES["interpretation"]), counting from the next day (民法典 art. 201);
  2025's 调休 from 国务院办公厅关于2025年部分节假日安排的通知 (春节 1-28..2-4 off, Sunday 1-26 worked).
"""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.core.clockmath import CHINA
from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.proactive import services
from gongkai.proactive.law import Section
from gongkai.proactive.selectors import publication_counts, publication_statistics
from gongkai.proactive.tests.factories import draft, published

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=CHINA)


def staff_of(organisation) -> list:
    """Handler, reviewer, leader and office of a body: who it takes to publish an item."""
    roles = (Role.HANDLER, Role.REVIEWER, Role.LEADER, Role.OFFICE)
    return [make_staff(organisation, roles=[role]) for role in roles]


@pytest.fixture
def clock(monkeypatch):
    """Move the platform's "now" (django.utils.timezone.now) so services act at a moment."""

    def move(text: str) -> None:
        moment = at(text)
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return move


@pytest.fixture
def publish(clock, handler, reviewer, leader, office):
    def make(moment: str, **overrides):
        clock(moment)
        overrides.setdefault("written_on", at(moment).date())
        return published(handler, reviewer, leader, office, **overrides)

    return make


@pytest.fixture
def scenario(publish, clock, handler, reviewer, leader, office):
    """Items of 湛江市公安局 in 2024–2025 and one of another body."""
    publish("2024-12-31 23:30", title="二〇二四年最后一条")  # 2024, Beijing time
    publish("2025-01-06 10:00", title="户籍业务办理通知")
    policy = publish(
        "2025-01-08 10:00",
        title="关于户籍迁移的规定",
        section=Section.POLICY,
        carriers="政府网站、两微一端",
    )
    publish(
        "2025-01-10 09:00",
        title="《关于户籍迁移的规定》解读",
        interprets=policy,
        interpretation_form="qa",
        carriers="政府网站、微信公众号",
    )
    publish("2025-02-10 10:00", title="交通管理规定", section=Section.POLICY)
    withdrawn = publish("2025-03-05 10:00", title="错发的通知", carriers="湛江公安APP")
    clock("2025-03-06 10:00")
    services.item_withdraw(item=withdrawn, actor=office, reason="内容有误")
    publish("2025-12-31 23:30", title="年末通知")
    draft(handler, title="尚未发布的草稿")
    other = OrganisationFactory(name="茂名市公安局")
    clock("2025-01-07 10:00")
    published(*staff_of(other), written_on=D("2025-01-07"))


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (
            2025,
            # 6 published in 2025 (the withdrawn one included); website 5 (the APP-only one
            # not); new media: 两微一端, 微信公众号, APP; one interpretation.
            {
                "items_published": 6,
                "items_website": 5,
                "items_new_media": 3,
                "interpretations": 1,
            },
        ),
        (
            2024,
            {"items_published": 1, "items_website": 1, "items_new_media": 0, "interpretations": 0},
        ),
        (
            2026,
            {"items_published": 0, "items_website": 0, "items_new_media": 0, "interpretations": 0},
        ),
    ],
)
def test_publication_counts_per_calendar_year(
    body, scenario, year, expected, django_assert_num_queries
):
    with django_assert_num_queries(1):
        assert publication_counts(body, year) == expected


def test_dashboard_charts(body, scenario, django_assert_num_queries):
    # body → unit → nothing: two queries for the tree, one per chart.
    with django_assert_num_queries(5):
        charts = publication_statistics(body, D("2025-01-01"), D("2025-03-31"))
    by_section = charts["items_by_section"]
    assert by_section["columns"] == ["目录栏目", "发布条数"]
    assert dict(by_section["rows"]) == {
        str(label): {"business": 2, "policy": 2, "interpretation": 1}.get(code, 0)
        for code, label in Section.choices
    }
    assert charts["items_by_month"] == {
        "columns": ["月份", "发布条数", "政府网站发布", "政务微博、微信及客户端发布"],
        "rows": [["2025-01", 3, 3, 2], ["2025-02", 1, 1, 0], ["2025-03", 1, 0, 1]],
    }
    assert charts["interpretations_on_time"] == {
        "columns": ["月份", "应解读政策文件", "按时解读", "逾期解读", "尚未解读"],
        # January's policy was interpreted 2 working days later; February's has none yet.
        "rows": [["2025-01", 1, 1, 0, 0], ["2025-02", 1, 0, 0, 1], ["2025-03", 0, 0, 0, 0]],
    }


def test_subordinate_bodies_are_included(body, scenario):
    county = OrganisationFactory(parent=body, name="赤坎分局")
    published(*staff_of(county))
    month = timezone.now().astimezone(CHINA).date()
    charts = publication_statistics(body, month, month)
    assert charts["items_by_month"]["rows"] == [[month.strftime("%Y-%m"), 1, 1, 0]]
    # The yearly report figure is the body's own.
    assert publication_counts(county, month.year)["items_published"] == 1


INTERPRETATION_CASES = [
    # (policy published, interpretation published or None, [on time, late, open])
    ("2025-01-08 10:00", "2025-01-13 16:00", [1, 0, 0]),  # Wed → 3rd working day Mon 13th
    ("2025-01-08 10:00", "2025-01-14 09:00", [0, 1, 0]),  # the 4th working day: late
    # 春节 2025: Sunday 1-26 is worked, 1-28..2-4 off, so the 3rd working day after Friday
    # 1-24 is 2-5 (plain weekdays would give 1-29).
    ("2025-01-24 10:00", "2025-02-05 15:00", [1, 0, 0]),
    ("2025-01-24 10:00", "2025-02-06 09:00", [0, 1, 0]),
    ("2025-01-08 10:00", None, [0, 0, 1]),
]


@pytest.mark.parametrize(("policy_at", "interpretation_at", "expected"), INTERPRETATION_CASES)
def test_interpretation_on_time_against_the_official_calendar(
    body, publish, policy_at, interpretation_at, expected
):
    policy = publish(policy_at, title="政策文件", section=Section.POLICY)
    if interpretation_at:
        publish(
            interpretation_at,
            title="政策解读",
            interprets=policy,
            interpretation_form="text",
        )
    table = publication_statistics(body, D("2025-01-01"), D("2025-01-31"))
    assert table["interpretations_on_time"]["rows"] == [["2025-01", 1, *expected]]
