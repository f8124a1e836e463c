"""A year's final scores (定稿): frozen by the office with every deduction and its evidence,
shown as 已定稿 with the date; later changes in the data do not alter them; indicators and
deductions by hand cannot change while the year is final; reopening is the office's own
ledgered act with a reason, and the frozen version stays on record."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from gongkai.assessment import services
from gongkai.assessment.models import Deduction, ScoreSnapshot
from gongkai.assessment.scoring import rubric_scores, year_scores
from gongkai.core.clockmath import CHINA
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.services import clock_start
from gongkai.core.tests.factories import OrganisationFactory, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def rubric(office, body):
    return services.rubric_create(actor=office, organisation=body, year=2026, template="yunnan2017")


@pytest.fixture
def leader(body):
    return make_staff(body, roles=[Role.LEADER], username="leader")


def _missed_clock(office, body, unit, label: str, month: int):
    return clock_start(
        actor=office, rule="foi_reply", label=label, organisation=body, unit=unit,
        started_at=dt.datetime(2026, month, 2, 10, tzinfo=CHINA),
    )  # fmt: skip


def _by_name(scores):
    return {s.organisation.name: s for s in scores}


def test_frozen_scores_do_not_move_when_the_data_does(office, body, tree, rubric):
    huzheng = tree["户政科"]
    first = _missed_clock(office, body, huzheng, "GK-2026-0001 户籍档案", 3)
    at = first.due_at + dt.timedelta(hours=1)
    snapshot = services.assessment_freeze(actor=office, rubric=rubric, now=at)

    assert (snapshot.frozen_by, snapshot.frozen_at, snapshot.in_force) == (office, at, True)
    frozen = _by_name(year_scores(rubric))
    assert frozen["户政科"].total == Decimal(48)
    row = next(i for i in frozen["户政科"].indicators if i.indicator.kind == "foi_overdue")
    assert [(e.points, e.url, e.automatic) for e in row.evidence] == [
        (Decimal(2), reverse("core:clock", args=[first.pk]), True)
    ]
    assert "GK-2026-0001" in row.evidence[0].reason
    assert [s.organisation.name for s in year_scores(rubric)] == [
        s.organisation.name for s in rubric_scores(rubric, now=at)
    ]

    # Later: another clock missed. The live computation moves; the year's scores do not.
    _missed_clock(office, body, huzheng, "GK-2026-0002 户籍证明", 4)
    live = _by_name(rubric_scores(rubric))
    assert live["户政科"].total == Decimal(46)
    assert _by_name(year_scores(rubric))["户政科"].total == Decimal(48)

    entry = LedgerEntry.objects.get(action="assessment.freeze")
    assert entry.actor_id == office.pk
    assert entry.summary["assessment_year"] == 2026
    assert entry.summary["subject_count"] == len(frozen)


def test_nothing_by_hand_changes_while_the_year_is_final(office, body, tree, rubric):
    notices = rubric.indicators.get(kind="notices")
    kept = services.deduction_add(
        actor=office, indicator=notices, organisation=tree["法制支队"], points=Decimal(1),
        reason="通报批评一次",
    )  # fmt: skip
    services.assessment_freeze(actor=office, rubric=rubric)
    with pytest.raises(ServiceError) as refused:
        services.deduction_add(
            actor=office, indicator=notices, organisation=tree["法制支队"], points=Decimal(1),
            reason="再次通报",
        )  # fmt: skip
    assert (refused.value.code, refused.value.message) == (
        "frozen", "2026年度考核已定稿，请先重新打开。"
    )  # fmt: skip
    for attempt in (
        lambda: services.deduction_remove(actor=office, deduction=kept),
        lambda: services.indicator_update(
            actor=office,
            indicator=notices,
            name="通报扣分",
            kind="notices",
            points=Decimal(6),
            per_case=Decimal(1),
            rule="",
        ),  # fmt: skip
        lambda: services.indicator_remove(actor=office, indicator=notices),
        lambda: services.indicator_add(
            actor=office, rubric=rubric, name="舆情回应", kind="manual", points=Decimal(5)
        ),
        lambda: services.assessment_freeze(actor=office, rubric=rubric),
    ):
        with pytest.raises(ServiceError):
            attempt()
    assert list(Deduction.objects.values_list("reason", flat=True)) == ["通报批评一次"]
    assert rubric.indicators.count() == 7
    assert ScoreSnapshot.objects.count() == 1


def test_reopening_is_the_office_s_act_with_a_reason(office, handler, leader, body, tree, rubric):
    huzheng = tree["户政科"]
    first = _missed_clock(office, body, huzheng, "GK-2026-0001 户籍档案", 3)
    snapshot = services.assessment_freeze(
        actor=office, rubric=rubric, now=first.due_at + dt.timedelta(hours=1)
    )
    stranger = make_staff(OrganisationFactory(name="另一个局"), roles=[Role.OFFICE], username="x")
    for actor in (handler, leader, stranger):
        with pytest.raises(PermissionDeniedError):
            services.assessment_reopen(actor=actor, rubric=rubric, reason="复核")
        with pytest.raises(PermissionDeniedError):
            services.assessment_freeze(actor=actor, rubric=rubric)
    with pytest.raises(ServiceError) as refused:
        services.assessment_reopen(actor=office, rubric=rubric, reason="  ")
    assert refused.value.message == "请填写重新打开考核的原因。"
    snapshot.refresh_from_db()
    assert snapshot.in_force
    assert not LedgerEntry.objects.filter(action="assessment.reopen").exists()

    _missed_clock(office, body, huzheng, "GK-2026-0002 户籍证明", 4)
    reopened = services.assessment_reopen(
        actor=office, rubric=rubric, reason="户政科申诉：第0002号申请已于期限内答复，需复核"
    )
    assert (reopened.reopened_by, reopened.in_force) == (office, False)
    entry = LedgerEntry.objects.get(action="assessment.reopen")
    assert entry.summary["reopen_reason"].startswith("户政科申诉")
    # Reopened: computed from the data again (both clocks now count).
    assert _by_name(year_scores(rubric))["户政科"].total == Decimal(46)
    with pytest.raises(ServiceError):
        services.assessment_reopen(actor=office, rubric=rubric, reason="再次")
    # Frozen anew: a new version; the first stays on record, reopened.
    again = services.assessment_freeze(actor=office, rubric=rubric)
    assert again.pk != snapshot.pk
    assert _by_name(year_scores(rubric))["户政科"].total == Decimal(46)
    assert [s.in_force for s in rubric.snapshots.order_by("id")] == [False, True]


# --- the pages -------------------------------------------------------------------------


def test_the_ranking_page_says_final_with_the_date(client, office, leader, handler, body, rubric):
    url = reverse("assessment:scores") + "?year=2026"
    final_url = reverse("assessment:score_final", args=[rubric.pk])
    client.force_login(office)
    page = client.get(url).content.decode()
    assert "确认定稿" in page and "已定稿" not in page
    assert client.post(final_url, {"action": "freeze"}).status_code == 302
    snapshot = ScoreSnapshot.objects.get()
    day = snapshot.frozen_at.astimezone(CHINA).date().isoformat()
    page = client.get(url).content.decode()
    assert "已定稿" in page and f"{day}由" in page
    assert "重新打开考核" in page and "确认定稿" not in page
    assert "编辑考核指标" not in page  # indicators are fixed while final
    detail = client.get(reverse("assessment:score", args=[rubric.pk, body.pk])).content.decode()
    assert "已定稿" in detail and "人工扣分" not in detail

    # A leader reads it, without the forms, and cannot reopen it.
    client.force_login(leader)
    page = client.get(url).content.decode()
    assert "已定稿" in page and "重新打开考核" not in page
    assert client.post(final_url, {"action": "reopen", "reason": "复核"}).status_code == 404
    # A unit's handler does not see the ranking at all.
    client.force_login(handler)
    assert client.get(url).status_code == 404
    assert client.post(final_url, {"action": "reopen", "reason": "复核"}).status_code == 404
    snapshot.refresh_from_db()
    assert snapshot.in_force

    # The office reopens it with a reason; the page keeps the earlier version's record.
    client.force_login(office)
    empty = client.post(final_url, {"action": "reopen", "reason": ""}, follow=True)
    assert "请填写重新打开考核的原因。" in empty.content.decode()
    client.post(final_url, {"action": "reopen", "reason": "指标调整后复核"})
    page = client.get(url).content.decode()
    assert "以往定稿记录" in page and "原因：指标调整后复核" in page
    assert "确认定稿" in page
