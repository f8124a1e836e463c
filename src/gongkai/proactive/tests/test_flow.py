"""The publishing flow: draft → review (secrecy, leader) → publish, schedule, withdraw,
revise; with the ledger, the clocks and the search index kept in step."""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Clock
from gongkai.proactive import services
from gongkai.proactive.law import Section
from gongkai.proactive.models import Item, ReviewDecision, Status
from gongkai.proactive.tests.factories import (
    approve_all,
    draft,
    ledger_actions,
    published,
)
from gongkai.search.models import PendingIndexOp

pytestmark = pytest.mark.django_db


def test_the_whole_flow_is_in_the_ledger(handler, reviewer, leader, office, unit):
    item = published(handler, reviewer, leader, office, unit=unit)
    assert item.status == Status.PUBLISHED
    assert item.label_confirmed_by == reviewer
    assert ledger_actions(item) == [
        "proactive.create",
        "proactive.scan",
        "proactive.submit",
        "proactive.approve",
        "proactive.approve",
        "proactive.publish",
    ]
    assert list(ReviewDecision.objects.filter(item=item).values_list("kind", "actor")) == [
        ("secrecy", reviewer.pk),
        ("approval", leader.pk),
    ]


def test_publishing_enqueues_an_upsert_and_withdrawal_a_delete(handler, reviewer, leader, office):
    item = published(handler, reviewer, leader, office)
    upsert = PendingIndexOp.objects.get(doc_id=f"proactive-item:{item.pk}")
    assert upsert.op == PendingIndexOp.Op.UPSERT
    assert upsert.payload["title"] == "关于户籍业务办理的通知"
    services.item_withdraw(item=item, actor=office, reason="内容已过时")
    ops = list(PendingIndexOp.objects.filter(doc_id=f"proactive-item:{item.pk}").order_by("id"))
    assert [op.op for op in ops] == [PendingIndexOp.Op.UPSERT, PendingIndexOp.Op.DELETE]


def test_withdrawal_needs_a_reason_and_keeps_the_notice(handler, reviewer, leader, office):
    item = published(handler, reviewer, leader, office)
    with pytest.raises(ServiceError) as error:
        services.item_withdraw(item=item, actor=office, reason="  ")
    assert error.value.code == "reason_required"
    item = services.item_withdraw(item=item, actor=office, reason="政策已废止")
    item.refresh_from_db()
    assert (item.status, item.withdrawal_reason) == (Status.WITHDRAWN, "政策已废止")
    assert item.published_revision_id is not None  # the page stays, as a notice


def test_send_back_needs_comments_and_returns_to_draft(handler, reviewer, unit):
    item = services.item_submit(item=draft(handler, unit=unit), actor=handler)
    with pytest.raises(ServiceError) as error:
        services.item_review(item=item, actor=reviewer, approve=False, comment="")
    assert error.value.code == "comment_required"
    item = services.item_review(item=item, actor=reviewer, approve=False, comment="请补充文号")
    assert (item.status, item.review_step) == (Status.DRAFT, 0)
    assert ledger_actions(item)[-1] == "proactive.send_back"


@pytest.mark.parametrize(
    ("who", "code"),
    [
        # 谁起草谁提出, 谁审查谁认定 (国办发〔2016〕80号; seed 003): the drafter never reviews.
        ("drafter_with_reviewer_role", "own_item"),
        # 条例 art. 17 secrecy review is the reviewer's step; a leader cannot skip it.
        ("leader", "not_your_step"),
    ],
)
def test_who_may_take_the_secrecy_step(who, code, body, unit, leader):
    from gongkai.core.models import Role
    from gongkai.core.tests.factories import make_staff

    drafter = make_staff(body, roles=[Role.HANDLER, Role.REVIEWER], units=[unit])
    item = services.item_submit(item=draft(drafter, unit=unit), actor=drafter)
    actor = drafter if who == "drafter_with_reviewer_role" else leader
    with pytest.raises(PermissionDeniedError) as error:
        services.item_review(item=item, actor=actor, approve=True, confirm_label=True)
    assert error.value.code == code
    item.refresh_from_db()
    assert (item.status, item.review_step, ReviewDecision.objects.count()) == (
        Status.IN_REVIEW,
        0,
        0,
    )


def test_secrecy_step_confirms_the_label(handler, reviewer):
    item = services.item_submit(item=draft(handler), actor=handler)
    with pytest.raises(ServiceError) as error:
        services.item_review(item=item, actor=reviewer, approve=True)
    assert error.value.code == "label_unconfirmed"


def test_a_repeated_decision_is_refused_not_duplicated(handler, reviewer):
    item = services.item_submit(item=draft(handler), actor=handler)
    services.item_review(item=item, actor=reviewer, approve=True, confirm_label=True, step=0)
    with pytest.raises(ServiceError) as error:
        services.item_review(item=item, actor=reviewer, approve=True, confirm_label=True, step=0)
    assert error.value.code == "stale_review"
    assert ReviewDecision.objects.count() == 1


def test_configured_steps_replace_the_defaults(body, handler, reviewer, office):
    services.review_steps_configure(
        actor=office, organisation=body, steps=[("secrecy", "reviewer")]
    )
    item = services.item_submit(item=draft(handler), actor=handler)
    item = services.item_review(item=item, actor=reviewer, approve=True, confirm_label=True)
    assert item.status == Status.APPROVED
    with pytest.raises(ServiceError):
        services.review_steps_configure(
            actor=office, organisation=body, steps=[("approval", "leader")]
        )


def test_scheduled_publication_is_done_by_the_periodic_job(handler, reviewer, leader, office):
    item = approve_all(services.item_submit(item=draft(handler), actor=handler), reviewer, leader)
    later = timezone.now() + dt.timedelta(hours=2)
    item = services.item_publish(item=item, actor=office, at=later)
    assert (item.status, item.publish_at) == (Status.APPROVED, later)
    assert services.items_publish_due(moment=later - dt.timedelta(minutes=1)) == 0
    assert services.items_publish_due(moment=later) == 1
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert services.items_publish_due(moment=later) == 0  # idempotent


def test_only_the_office_publishes(handler, reviewer, leader):
    item = approve_all(services.item_submit(item=draft(handler), actor=handler), reviewer, leader)
    with pytest.raises(PermissionDeniedError):
        services.item_publish(item=item, actor=leader)
    item.refresh_from_db()
    assert item.status == Status.APPROVED


def test_a_withheld_item_is_filed_and_its_clock_stopped(handler, reviewer, leader):
    item = draft(handler, label="withheld", label_reason="内部事务", label_basis="条例第十六条")
    assert item.publish_clock is None
    item = approve_all(services.item_submit(item=item, actor=handler), reviewer, leader)
    assert item.status == Status.FILED


def test_revision_keeps_the_public_version_and_restarts_the_clock(
    handler, reviewer, leader, office
):
    item = published(handler, reviewer, leader, office)
    first_clock = item.publish_clock_id
    item = services.item_revise(item=item, actor=handler, reason="更正办理时限")
    changed = services.item_update(
        item=item,
        actor=handler,
        fields=_with_body("<p>自2026年起，户籍业务可在网上办理，时限3日。</p>"),
    )
    changed.refresh_from_db()
    assert changed.status == Status.DRAFT
    assert changed.public_body == "<p>自2026年起，户籍业务可在网上办理。</p>"
    assert Item.objects.filter(pk=item.pk, published_revision__isnull=False).exists()
    assert changed.publish_clock_id != first_clock
    assert changed.publish_clock.rule == "proactive_publish"
    assert list(changed.revisions.values_list("number", flat=True)) == [1, 2]


def _with_body(body):
    from gongkai.proactive.tests.factories import fields

    return fields(body=body)


def test_clocks_publication_and_interpretation(body, handler, reviewer, leader, office, unit):
    """条例 art. 26 (20 working days) stops at publication; a published policy starts the
    3-working-day interpretation clock for the drafting unit, stopped by its interpretation."""
    policy = published(handler, reviewer, leader, office, unit=unit, section=Section.POLICY)
    assert policy.publish_clock.state == Clock.State.STOPPED
    clock = policy.interpretation_clock
    assert (clock.rule, clock.unit, clock.handler, clock.state) == (
        "interpretation", unit, handler, Clock.State.RUNNING,
    )  # fmt: skip
    published(
        handler, reviewer, leader, office, unit=unit, title="政策解读", interprets=policy,
        interpretation_form="qa",
    )  # fmt: skip
    clock.refresh_from_db()
    assert clock.state == Clock.State.STOPPED


def test_publish_clock_counts_working_days_from_the_date_written(handler):
    # 条例 art. 26: 20 working days. 2026-09-30 (Wed): the National Day holiday 10-01..10-07
    # does not count, Saturday 10-10 is a working day (the State Council's 2026 notice)
    # → the 20th working day is 2026-11-03 (plain weekdays would give 10-28).
    item = draft(handler, written_on=dt.date(2026, 9, 30))
    assert item.publish_clock.due_on == dt.date(2026, 11, 3)
