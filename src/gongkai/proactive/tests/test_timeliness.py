"""条例 art. 26 from the right day (issue 11, point 10).

"属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。" The period
counts from the day the information was formed (成文日期) or changed (a revised item's change
date), not from the day the draft was typed in; the day itself does not count (民法典 art.
201). Dates below are counted by hand on the State Council's holiday notices:

* 2025 (《国务院办公厅关于2025年部分节假日安排的通知》, 2024-11-12): 春节 01-28..02-04 off, Sunday 01-26 and Saturday 02-08 worked;
  国庆 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked.
* 2026 (《国务院办公厅关于2026年部分节假日安排的通知》, 2025-11-04): 春节 02-15..02-23 off, Saturdays 02-14 and 02-28 worked;
  中秋 09-25..09-27 off, Sunday 09-20 worked; 国庆 10-01..10-07 off, Saturday 10-10 worked.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from gongkai.core.errors import ServiceError
from gongkai.core.models import Clock
from gongkai.core.selectors import clocks_overdue
from gongkai.proactive import selectors, services
from gongkai.proactive.models import StandardCatalogItem
from gongkai.proactive.tests.factories import draft, published
from gongkai.proactive.timeliness import (
    BASIS_CHANGED,
    BASIS_WRITTEN,
    Formation,
    formation_of,
    item_timeliness,
    publication_timeliness,
)

pytestmark = pytest.mark.django_db

D = dt.date

# (formed, due: the 20th working day after it, how it was counted)
ART_26 = [
    # Fri 01-24 → 01-26 (Sun, worked) 1, 01-27 2, holiday 01-28..02-04, 02-05..07 5,
    # 02-08 (Sat, worked) 6, 02-10..14 11, 02-17..21 16, 02-24..27 20.
    (D(2025, 1, 24), D(2025, 2, 27), "春节 2025"),
    # Fri 09-26 → 09-28 (Sun, worked) 1, 09-29..30 3, holiday 10-01..08, 10-09..10 5,
    # 10-11 (Sat, worked) 6, 10-13..17 11, 10-20..24 16, 10-27..30 20.
    (D(2025, 9, 26), D(2025, 10, 30), "国庆 2025"),
    # Fri 02-06 → 02-09..13 5, 02-14 (Sat, worked) 6, holiday 02-15..23, 02-24..27 10,
    # 02-28 (Sat, worked) 11, 03-02..06 16, 03-09..12 20.
    (D(2026, 2, 6), D(2026, 3, 12), "春节 2026"),
    # Fri 02-13 → 02-14 (Sat, worked) 1, holiday, 02-24..27 5, 02-28 6, 03-02..06 11,
    # 03-09..13 16, 03-16..19 20.
    (D(2026, 2, 13), D(2026, 3, 19), "春节 2026, formed the day before the worked Saturday"),
    # Fri 09-18 → 09-20 (Sun, worked) 1, 09-21..24 5, 中秋 09-25..27, 09-28..30 8,
    # 国庆 10-01..07, 10-08..09 10, 10-10 (Sat, worked) 11, 10-12..16 16, 10-19..22 20.
    (D(2026, 9, 18), D(2026, 10, 22), "中秋 and 国庆 2026"),
    # Wed 09-30 → 10-08..09 2, 10-10 3, 10-12..16 8, 10-19..23 13, 10-26..30 18, 11-02..03 20.
    (D(2026, 9, 30), D(2026, 11, 3), "国庆 2026"),
]


@pytest.mark.parametrize(("formed", "due", "why"), ART_26, ids=[c[2] for c in ART_26])
def test_the_clock_and_the_catalog_count_20_working_days_from_the_date_written(
    formed, due, why, handler
):
    """条例 art. 26: one rule: the item's clock and its timeliness agree on the due day."""
    item = draft(handler, written_on=formed)
    assert item.publish_clock.due_on == due
    timeliness = item_timeliness(item, today=formed)
    assert (timeliness.formed_on, timeliness.due_on, timeliness.formation.basis) == (
        formed, due, BASIS_WRITTEN,
    )  # fmt: skip


@pytest.mark.parametrize(("formed", "due", "why"), ART_26, ids=[c[2] for c in ART_26])
def test_on_time_to_the_due_day_late_the_day_after(formed, due, why):
    """条例 art. 26: "20个工作日内": published on the 20th working day is on time."""
    formation = Formation(formed, BASIS_WRITTEN)
    on_time = publication_timeliness(formation, published_on=due, today=D(2026, 12, 31))
    late = publication_timeliness(
        formation, published_on=due + dt.timedelta(days=1), today=D(2026, 12, 31)
    )
    assert (on_time.late, late.late) == (False, True)
    # Not yet published: not late on the due day, late from the next day.
    assert publication_timeliness(formation, published_on=None, today=due).late is False
    after = due + dt.timedelta(days=1)
    assert publication_timeliness(formation, published_on=None, today=after).late is True


def test_an_item_entered_late_is_overdue_from_its_formation_date(handler):
    """Typed in long after its 成文日期 (2026-02-06, due 2026-03-12): the clock started on the
    formation day, so the item is on the overdue list the moment it is entered."""
    item = draft(handler, written_on=D(2026, 2, 6))
    clock = item.publish_clock
    assert timezone.localtime(clock.started_at).date() == D(2026, 2, 6)
    assert clock.due_on == D(2026, 3, 12)
    assert item.created_at.date() > D(2026, 3, 12)  # the row was typed in after the due day
    assert list(clocks_overdue(Clock.objects.filter(pk=clock.pk))) == [clock]
    assert item_timeliness(item).late is True


def test_a_revised_item_counts_from_its_change_date(handler, reviewer, leader, office):
    """条例 art. 26 "形成或者变更之日": the change date of a revised item starts the clock again."""
    item = published(handler, reviewer, leader, office, written_on=D(2025, 6, 2))
    item = services.item_revise(
        item=item, actor=handler, reason="更正办理时限", changed_on=D(2026, 2, 13)
    )
    assert item.changed_on == D(2026, 2, 13)
    assert item.publish_clock.due_on == D(2026, 3, 19)
    timeliness = item_timeliness(item, today=D(2026, 3, 19))
    assert (timeliness.formation.basis, timeliness.published_on, timeliness.late) == (
        BASIS_CHANGED, None, False,
    )  # fmt: skip
    assert item_timeliness(item, today=D(2026, 3, 20)).late is True


@pytest.mark.parametrize(
    ("changed_on", "code"),
    [
        (D(2025, 6, 1), "changed_before_written"),  # before the 成文日期 2025-06-02
        (timezone.localdate() + dt.timedelta(days=1), "changed_in_future"),
    ],
)
def test_the_change_date_is_checked(changed_on, code, handler, reviewer, leader, office):
    item = published(handler, reviewer, leader, office, written_on=D(2025, 6, 2))
    with pytest.raises(ServiceError) as error:
        services.item_revise(item=item, actor=handler, reason="更正", changed_on=changed_on)
    assert error.value.code == code
    item.refresh_from_db()
    assert (item.status, item.changed_on) == ("published", None)


def test_correcting_the_date_written_restarts_the_clock(handler):
    from gongkai.proactive.tests.factories import fields

    item = draft(handler, written_on=D(2026, 9, 30))
    first = item.publish_clock
    item = services.item_update(item=item, actor=handler, fields=fields(written_on=D(2026, 2, 6)))
    first.refresh_from_db()
    assert first.state == Clock.State.STOPPED
    assert item.publish_clock.due_on == D(2026, 3, 12)
    assert formation_of(item).on == D(2026, 2, 6)
    # Saving again without a change keeps the clock.
    again = services.item_update(item=item, actor=handler, fields=fields(written_on=D(2026, 2, 6)))
    assert again.publish_clock_id == item.publish_clock_id


def _entry(body, limit=20):
    return StandardCatalogItem.objects.create(
        organisation=body, number=1, level1="户籍管理", level2="出生登记",
        time_limit=f"形成或者变更之日起{limit}个工作日内予以公开", limit_working_days=limit,
        method="主动",
    )  # fmt: skip


def test_catalog_status_uses_the_same_rule(body, handler, reviewer, leader, office):
    """RULES.md "Standard catalogs" (户籍管理): 20 working days from formed or changed. An
    item written today and published today is on time; one written 2026-02-06 (due
    2026-03-12) is late, published or not; one written today and not yet published is in
    preparation."""
    entry = _entry(body)
    today = timezone.localdate()
    published(handler, reviewer, leader, office, catalog_item=entry, written_on=today)
    assert [(s.published, s.late, s.state) for s in selectors.standard_catalog_status(body)] == [
        (1, 0, "ok")
    ]
    late = draft(
        handler, title="出生登记办事指南（旧）", catalog_item=entry, written_on=D(2026, 2, 6)
    )
    status = selectors.standard_catalog_status(body)[0]
    assert (status.published, status.late, status.state) == (1, 1, "late")
    [(item, timeliness)] = [(i, t) for i, t in status.items if t.late]
    assert (item.pk, timeliness.due_on, timeliness.published_on) == (late.pk, D(2026, 3, 12), None)


def test_catalog_pending_until_due(body, handler):
    entry = _entry(body)
    draft(handler, catalog_item=entry, written_on=timezone.localdate())
    status = selectors.standard_catalog_status(body)[0]
    assert (status.published, status.late, status.pending, status.state) == (0, 0, 1, "pending")


def test_the_item_page_shows_the_time_limit(client, handler):
    item = draft(handler, written_on=D(2026, 2, 6))
    client.force_login(handler)
    page = client.get(reverse("proactive:item_detail", args=[item.pk])).content.decode()
    assert (
        "公开时限（条例第二十六条）：自成文日期2026-02-06起20个工作日，应于2026-03-12前公开。"
        in page
    )
    assert "已逾期：到期仍未公开。" in page


def test_the_revise_form_records_the_change_date(client, handler, reviewer, leader, office):
    item = published(handler, reviewer, leader, office, written_on=D(2025, 6, 2))
    client.force_login(handler)
    url = reverse("proactive:item_revise", args=[item.pk])
    client.post(url, {"reason": "更正办理时限", "changed_on": "2026-02-13"})
    item.refresh_from_db()
    assert (item.status, item.changed_on, item.publish_clock.due_on) == (
        "draft", D(2026, 2, 13), D(2026, 3, 19),
    )  # fmt: skip
    page = client.get(reverse("proactive:item_detail", args=[item.pk])).content.decode()
    assert "自变更日期2026-02-13起20个工作日，应于2026-03-19前公开" in page
