"""Quarterly (half-yearly, monthly) plan work is due and scored per period, each period's
report due on the official calendar (民法典第二百零三条: a period ending on a rest day ends
on the next working day). Dates worked out by hand from the State Council's arrangements:

- 2023: 中秋节、国庆节 29 September–6 October, Saturday 7 October a working day (调休);
  31 December a Sunday, 1 January 2024 元旦.
- 2024: 31 March, 30 June a Sunday; 31 August, 30 November a Saturday; 29 September (Sunday)
  a working day, 30 September a Monday.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from gongkai.assessment import services
from gongkai.assessment.models import Progress
from gongkai.assessment.periods import periods_of
from gongkai.assessment.scoring import rubric_scores
from gongkai.core.clockmath import CHINA

D = dt.date.fromisoformat
pytestmark = pytest.mark.django_db  # the calendar reads the arrangements the office loaded


def test_quarters_of_2023_due_on_the_official_calendar():
    found = [(p.label, p.start, p.end, p.due_on) for p in periods_of("quarterly", 2023)]
    assert found == [
        ("2023年第1季度", D("2023-01-01"), D("2023-03-31"), D("2023-03-31")),
        ("2023年第2季度", D("2023-04-01"), D("2023-06-30"), D("2023-06-30")),
        # Saturday in the National Day holiday: the 调休 Saturday after it.
        ("2023年第3季度", D("2023-07-01"), D("2023-09-30"), D("2023-10-07")),
        # Sunday, then 元旦: Tuesday 2 January of the next year.
        ("2023年第4季度", D("2023-10-01"), D("2023-12-31"), D("2024-01-02")),
    ]
    third = periods_of("quarterly", 2023)[2]
    assert third.moved  # the rest day's name, shown on the page


def test_quarters_and_half_years_of_2024():
    assert [p.due_on for p in periods_of("quarterly", 2024)] == [
        D("2024-04-01"), D("2024-07-01"), D("2024-09-30"), D("2024-12-31")
    ]  # fmt: skip
    assert [p.moved == "" for p in periods_of("quarterly", 2024)] == [False, False, True, True]
    assert [(p.label, p.due_on) for p in periods_of("half_yearly", 2024)] == [
        ("2024年上半年", D("2024-07-01")), ("2024年下半年", D("2024-12-31"))
    ]  # fmt: skip


def test_months_of_2024():
    assert [p.due_on for p in periods_of("monthly", 2024)] == [
        D("2024-01-31"), D("2024-02-29"), D("2024-04-01"), D("2024-04-30"),
        D("2024-05-31"), D("2024-07-01"), D("2024-07-31"), D("2024-09-02"),
        D("2024-09-30"), D("2024-10-31"), D("2024-12-02"), D("2024-12-31"),
    ]  # fmt: skip


def test_no_periods_before_the_work_starts_or_for_other_work():
    assert periods_of("quarterly", 2022, starts_year=2023) == []
    assert periods_of("yearly", 2023) == []
    assert periods_of("", 2023) == []


QUARTERLY_TABLE = "序号\n工作任务\n负责单位\n完成时间\n1\n按季度报送政务公开工作进展情况\n法制支队,户政科\n每季度\n"


@pytest.fixture
def quarterly(office, body):
    upload = services.plan_import_upload(
        actor=office, organisation=body, title="2023年政务公开工作要点", year=2023,
        file_name="quarterly.txt", content=QUARTERLY_TABLE.encode(),
    )  # fmt: skip
    plan = services.plan_import_apply(actor=office, upload=upload)
    task = plan.tasks.get()
    assert (task.recurrence, task.starts_year) == ("quarterly", 2023)
    return task


def _report(actor, task, organisation, on: str) -> None:
    progress = services.progress_report(
        actor=actor, task=task, organisation=organisation, text=f"{on} 报送本季度进展"
    )
    at = dt.datetime.combine(D(on), dt.time(10), tzinfo=CHINA)
    Progress.objects.filter(pk=progress.pk).update(reported_at=at)  # backdated for the test


def _tasks_row(rubric, name, now):
    score = next(s for s in rubric_scores(rubric, now=now) if s.organisation.name == name)
    return next(i for i in score.indicators if i.indicator.kind == "tasks_overdue")


def test_each_missing_quarter_is_its_own_deduction(office, handler, body, tree, quarterly):
    rubric = services.rubric_create(
        actor=office, organisation=body, year=2023, template="yunnan2017"
    )
    fazhi = tree["法制支队"]
    _report(handler, quarterly, fazhi, "2023-03-20")  # Q1 in time
    _report(handler, quarterly, fazhi, "2023-07-03")  # nothing in Q2: this one answers Q3
    _report(handler, quarterly, fazhi, "2023-10-07")  # Q3's due day, taken by Q4 (Q3 is answered)

    # 2 January 2024, Q4's due day: Q4 not yet missing for anyone.
    on_due = dt.datetime(2024, 1, 2, 18, tzinfo=CHINA)
    row = _tasks_row(rubric, "法制支队", on_due)
    assert [e.reason for e in row.evidence] == [
        "第1项任务（每季度）：2023年第2季度未报送，应于2023-06-30前报送。"
    ]
    assert row.evidence[0].url == reverse("assessment:task", args=[quarterly.pk]) + "?year=2023"
    huzheng_row = _tasks_row(rubric, "户政科", on_due)
    assert huzheng_row.deducted == Decimal(3)  # Q1–Q3, one point each

    after = dt.datetime(2024, 1, 3, 9, tzinfo=CHINA)
    assert _tasks_row(rubric, "法制支队", after).deducted == Decimal(1)
    assert _tasks_row(rubric, "户政科", after).deducted == Decimal(4)
    reasons = [e.reason for e in _tasks_row(rubric, "户政科", after).evidence]
    assert reasons[2].endswith("2023年第3季度未报送，应于2023-10-07前报送。")
    assert reasons[3].endswith("2023年第4季度未报送，应于2024-01-02前报送。")


def test_the_task_page_shows_each_quarter(client, office, handler, tree, quarterly):
    _report(handler, quarterly, tree["法制支队"], "2023-03-20")
    client.force_login(handler)
    page = client.get(reverse("assessment:task", args=[quarterly.pk]) + "?year=2023")
    html = page.content.decode()
    assert "2023年各期报送情况" in html
    assert html.count("<tr class=") == 8  # 4 quarters × 2 units
    assert "2023-03-20已报送" in html
    assert "2023-10-07" in html and "2023-09-30为休息日" in html
    assert (
        html.count('class="overdue">未报送') == 7
    )  # the year is over: every other period is missing


def test_the_home_page_dates_the_running_quarter_as_it_is_scored(handler, quarterly):
    from gongkai.assessment.navigation import plan_tasks

    def due(today: str):
        [duty] = plan_tasks(handler, D(today))
        return duty.due_on

    assert due("2023-08-15") == D("2023-10-07")  # Q3 ends on a holiday Saturday
    assert due("2023-10-03") == D("2023-10-07")  # still Q3's report in the holiday
    assert due("2023-10-08") == D("2024-01-02")  # then Q4, after 元旦
