"""The assessment recomputes from the platform's data: a statutory clock missed costs its
points at once, with a link to its evidence; deductions by hand and by 通报 add up; the
ranking orders units and subordinate bodies."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from gongkai.assessment import services
from gongkai.assessment.scoring import rubric_scores
from gongkai.core.clockmath import CHINA
from gongkai.core.services import clock_start, clock_stop

pytestmark = pytest.mark.django_db
HOUR = dt.timedelta(hours=1)


@pytest.fixture
def rubric(office, body):
    return services.rubric_create(actor=office, organisation=body, year=2026, template="yunnan2017")


def _score(rubric, name, now):
    return next(s for s in rubric_scores(rubric, now=now) if s.organisation.name == name)


def test_the_seed_003_scheme_is_worth_50_points(rubric):
    assert sum(i.points for i in rubric.indicators.all()) == Decimal(50)
    assert rubric.indicators.count() == 7


def test_a_missed_disclosure_clock_costs_its_points_at_once(office, body, tree, rubric):
    unit = tree["户政科"]
    clock = clock_start(
        actor=office, rule="foi_reply", label="GK-2026-0007 户籍档案",
        organisation=body, unit=unit, started_at=dt.datetime(2026, 3, 2, 10, tzinfo=CHINA),
    )  # fmt: skip
    assert clock.due_at is not None
    before = _score(rubric, "户政科", clock.due_at - HOUR)
    assert before.total == Decimal(50)
    assert before.deducted == Decimal(0)

    after = _score(rubric, "户政科", clock.due_at + HOUR)
    assert after.total == Decimal(48)  # 每件超期答复扣2分
    row = next(i for i in after.indicators if i.indicator.kind == "foi_overdue")
    assert [(e.points, e.url, e.automatic) for e in row.evidence] == [
        (Decimal(2), reverse("core:clock", args=[clock.pk]), True)
    ]
    assert "GK-2026-0007" in row.evidence[0].reason
    own = _score(rubric, "湛江市公安局", clock.due_at + HOUR)
    # The body counts its units' cases (−2), and its 2025 report, due by 2026-01-31, is
    # not published (−4, 条例第四十九条).
    assert own.total == Decimal(44)
    report = next(i for i in own.indicators if i.indicator.kind == "yearly_report_late")
    assert [(e.points, e.url) for e in report.evidence] == [
        (Decimal(4), reverse("reports:workbench"))
    ]
    assert _score(rubric, "法制支队", clock.due_at + HOUR).total == Decimal(50)

    # Answered a day late: still deducted, now saying when it was done.
    clock_stop(clock=clock, actor=office, at=clock.due_at + dt.timedelta(days=1))
    late = _score(rubric, "户政科", clock.due_at + dt.timedelta(days=30))
    row = next(i for i in late.indicators if i.indicator.kind == "foi_overdue")
    assert late.total == Decimal(48)
    assert clock.due_on.isoformat() in row.evidence[0].reason


def test_a_clock_stopped_in_time_costs_nothing(office, body, tree, rubric):
    clock = clock_start(
        actor=office, rule="interpretation", label="《户口迁移办法》解读",
        organisation=body, unit=tree["法制支队"],
        started_at=dt.datetime(2026, 5, 6, 9, tzinfo=CHINA),
    )  # fmt: skip
    clock_stop(clock=clock, actor=office, at=clock.due_at - HOUR)
    assert _score(rubric, "法制支队", clock.due_at + dt.timedelta(days=9)).total == Decimal(50)


def test_deductions_by_hand_and_by_notice_and_the_ranking(office, body, tree, rubric):
    notices = rubric.indicators.get(kind="notices")
    services.deduction_add(
        actor=office, indicator=notices, organisation=tree["户政科"], points=Decimal("1.5"),
        reason="办事指南变更后未及时更新", evidence_url="/xxgk/",
    )  # fmt: skip
    notice = services.notice_create(
        actor=office, organisation=body, year=2026, title="关于重点任务逾期情况的通报",
        text="", entries=[{"organisation": tree["廉江市公安局"].pk, "name": "廉江市公安局",
                            "task": 0, "what": "任务逾期", "due_on": "2026-06-30"}],
    )  # fmt: skip
    now = dt.datetime(2026, 12, 1, 12, tzinfo=CHINA)
    # Its 2025 report is not published (−4); a draft notice costs nothing.
    assert _score(rubric, "廉江市公安局", now).total == Decimal(46)
    services.notice_publish(actor=office, notice=notice)
    scores = rubric_scores(rubric, now=now)
    by_name = {s.organisation.name: s for s in scores}
    assert by_name["廉江市公安局"].total == Decimal(45)
    assert by_name["户政科"].total == Decimal("48.5")
    manual = next(i for i in by_name["户政科"].indicators if i.indicator.kind == "notices")
    assert [(e.reason, e.url, e.automatic) for e in manual.evidence] == [
        ("办事指南变更后未及时更新", "/xxgk/", False)
    ]
    # A deduction never takes an indicator below zero.
    services.deduction_add(
        actor=office, indicator=notices, organisation=tree["户政科"], points=Decimal(5),
        reason="多次通报", evidence_url="",
    )  # fmt: skip
    capped = next(s for s in rubric_scores(rubric, now=now) if s.organisation.name == "户政科")
    assert capped.total == Decimal(45)


def test_overdue_plan_tasks_cost_their_lead_units(office, body, tree, seed_000):
    rubric = services.rubric_create(
        actor=office, organisation=body, year=2017, template="yunnan2017"
    )
    services.unit_alias_set(actor=office, organisation=body, name="警校", target=None)
    upload = services.plan_import_upload(
        actor=office, organisation=body, title="实施方案", year=2017, file_name="000.txt",
        content=seed_000,
    )  # fmt: skip
    plan = services.plan_import_apply(actor=office, upload=upload)
    now = dt.datetime(2017, 7, 3, 9, tzinfo=CHINA)
    # Due 2017-06-30 and open on 3 July: tasks 2 and 4 (法制支队, 政治处), 7 (政治处, 公关科), 8.
    assert _score(rubric, "法制支队", now).total == Decimal(49)
    assert _score(rubric, "政治处", now).total == Decimal(48)
    assert _score(rubric, "一门一网办", now).total == Decimal(49)
    county = _score(rubric, "廉江市公安局", now)
    tasks = next(i for i in county.indicators if i.indicator.kind == "tasks_overdue")
    assert tasks.deducted == Decimal(4)  # tasks 2, 4, 7 and 8: a co-responsible body
    fazhi_task = plan.tasks.get(number=2)
    assert fazhi_task.due_on == dt.date(2017, 6, 30)


def test_the_site_monitor_indicator_reads_the_monitors_year(office, body, rubric):
    from gongkai.monitor.models import Finding, Kind, Run

    now = dt.datetime(2026, 12, 1, tzinfo=CHINA)
    own = _score(rubric, "湛江市公安局", now)
    row = next(i for i in own.indicators if i.indicator.kind == "site_monitor")
    assert row.note and row.evidence == []  # no check that year: scored by hand

    run = Run.objects.create(status=Run.Status.DONE, trigger=Run.Trigger.SCHEDULED, finished_at=now)
    for kind in (Kind.COLUMN_STALE, Kind.BROKEN_LINK, Kind.BROKEN_LINK, Kind.SLOW_PAGE):
        Finding.objects.create(run=run, kind=kind, url="/x/")
    own = _score(rubric, "湛江市公安局", now)
    row = next(i for i in own.indicators if i.indicator.kind == "site_monitor")
    assert row.note == ""
    # One stale column and two broken links (a slow page is not a problem the year counts).
    (evidence,) = row.evidence
    assert "3" in evidence.reason and evidence.url == "/workbench/monitor/year/2026/"
    assert evidence.points == row.indicator.per_case * 3
