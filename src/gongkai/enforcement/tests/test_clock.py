"""The publicity deadline of a decision on the official calendar, dates computed by hand.

国办发〔2018〕118号 (加强事后公开): "行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个
工作日内公开"; other decisions "在执法决定作出之日起20个工作日内". The decision day does not
count (民法典 art. 201); holidays and 调休 working days come from the State Council's notices
(2025: 春节 1月28日—2月4日, 1月26日(日)、2月8日(六)上班; 国庆 10月1日—8日, 9月28日(日)、10月11日(六)
上班. 2026: 春节 2月15日—23日, 2月14日(六)、2月28日(六)上班; 国庆 10月1日—7日, 9月20日(日)、
10月10日(六)上班).
"""

import datetime as dt

import pytest

from gongkai.core.models import Clock
from gongkai.enforcement import services
from gongkai.enforcement.law import DecisionKind
from gongkai.enforcement.selectors import publicity_due
from gongkai.enforcement.tests.factories import fields

pytestmark = pytest.mark.django_db

D = dt.date
CASES = [
    # (decided on, kind, due by, how it was counted by hand)
    (D(2026, 2, 12), DecisionKind.PENALTY, D(2026, 2, 28),
     "13日(五)1, 14日(六,调休上班)2, 15—23日春节, 24—27日3—6, 28日(六,调休上班)7"),
    (D(2026, 9, 28), DecisionKind.LICENSING, D(2026, 10, 13),
     "29、30日1—2, 10月1—7日国庆, 8、9日3—4, 10日(六,调休上班)5, 12、13日6—7"),
    (D(2025, 1, 24), DecisionKind.PENALTY, D(2025, 2, 10),
     "25日(六)休, 26日(日,调休上班)1, 27日2, 28日—2月4日春节, 5—7日3—5, 8日(六,上班)6, 10日7"),
    (D(2025, 9, 26), DecisionKind.LICENSING, D(2025, 10, 13),
     "28日(日,上班)1, 29、30日2—3, 10月1—8日国庆中秋, 9、10日4—5, 11日(六,上班)6, 13日7"),
    (D(2026, 6, 1), DecisionKind.PENALTY, D(2026, 6, 10), "no holiday: 2—5日1—4, 8—10日5—7"),
    (D(2026, 9, 28), DecisionKind.COERCION, D(2026, 10, 30),
     "20 working days: 9月29、30日, 10月8、9、10日(上班), 12—16, 19—23, 26—30日"),
]  # fmt: skip


@pytest.mark.parametrize(("decided_on", "kind", "due", "counted"), CASES)
def test_publicity_due_on_the_official_calendar(decided_on, kind, due, counted):
    from gongkai.enforcement.models import Decision

    assert publicity_due(Decision(kind=kind, decided_on=decided_on)) == due, counted


@pytest.mark.parametrize(("decided_on", "kind", "due", "counted"), CASES[:5])
def test_the_core_clock_runs_the_same_deadline(
    office, body, agency, decided_on, kind, due, counted
):
    decision = services.decision_create(
        actor=office, organisation=body, fields=fields(agency, kind=kind, decided_on=decided_on)
    )
    clock = Clock.objects.get(pk=decision.publish_clock_id)
    assert (clock.rule, clock.due_on, clock.state) == ("enforcement_publicity", due, "running")
    assert clock.rule_definition.source == "国办发〔2018〕118号"


def test_coercion_and_inspection_run_no_core_clock(office, body, agency):
    decision = services.decision_create(
        actor=office, organisation=body,
        fields=fields(agency, kind=DecisionKind.COERCION, decided_on=D(2026, 9, 28)),
    )  # fmt: skip
    assert decision.publish_clock is None
    assert publicity_due(decision) == D(2026, 10, 30)


def test_publishing_stops_the_clock(office, body, agency):
    decision = services.decision_create(actor=office, organisation=body, fields=fields(agency))
    services.decision_publish(actor=office, decision=decision)
    clock = Clock.objects.get(pk=decision.publish_clock_id)
    assert clock.state == "stopped"
