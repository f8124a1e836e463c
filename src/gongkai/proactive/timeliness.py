"""When information must be public: 条例 art. 26, one rule for every place that asks.

条例 art. 26: "属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。"
The period counts from the day the information was *formed or changed*: the 成文日期 of an
item, or the change date of a revised one, never the day a member of staff typed the draft
in. The day itself does not count (民法典 art. 201); the 20th working day on the official
calendar (调休 included) is the last day to publish.

Used by the publication clock of an item (``services.items``: the clock starts on the
formation day, so an item entered late is overdue at once) and by the status of the standard
catalog (``selectors.standard_catalog_status``, whose entries may set another number of
working days, "形成或者变更之日起N个工作日内"): both go through ``formation_of`` and
``publication_due``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core import holidays
from gongkai.core.clockmath import CHINA, local_date
from gongkai.core.law import CLOCK_RULES
from gongkai.proactive.law import PUBLISH_CLOCK_RULE
from gongkai.proactive.transitions import Status

# 20 working days (条例 art. 26), declared once in core.law.
ART_26_WORKING_DAYS = CLOCK_RULES[PUBLISH_CLOCK_RULE].amount

# What the formation day was taken from.
BASIS_CHANGED = "changed"
BASIS_WRITTEN = "written"
BASIS_ENTERED = "entered"
BASIS_LABELS = {
    BASIS_CHANGED: _("date changed"),
    BASIS_WRITTEN: _("date written"),
    # No 成文日期 recorded: the day it was entered is the only date there is.
    BASIS_ENTERED: _("date entered (no date written)"),
}


@dataclass(frozen=True)
class Formation:
    on: dt.date
    basis: str

    @property
    def basis_label(self) -> str:
        return str(BASIS_LABELS[self.basis])

    @property
    def moment(self) -> dt.datetime:
        """The start of the formation day (a clock's start; the day itself is not counted)."""
        return dt.datetime.combine(self.on, dt.time.min, tzinfo=CHINA)


def formation_of(item) -> Formation:
    """The day ``item`` was formed or changed: the change date of a revised item, else its
    成文日期, else (nothing recorded) the day it was entered."""
    if item.changed_on:
        return Formation(item.changed_on, BASIS_CHANGED)
    if item.written_on:
        return Formation(item.written_on, BASIS_WRITTEN)
    entered = local_date(item.created_at) if item.created_at else timezone.localdate()
    return Formation(entered, BASIS_ENTERED)


@dataclass(frozen=True)
class Timeliness:
    formation: Formation
    working_days: int
    due_on: dt.date
    provisional: bool  # the period runs into a year whose holidays are not loaded
    published_on: dt.date | None  # publication of this formation or change; None: not yet
    late: bool  # published after the due day, or not published and the due day has passed

    @property
    def formed_on(self) -> dt.date:
        return self.formation.on


def publication_due(formed_on: dt.date, working_days: int = ART_26_WORKING_DAYS):
    """The last day to publish: the ``working_days``-th working day after ``formed_on``
    (an ``Answer`` with ``value`` and ``provisional``)."""
    return holidays.get_calendar().add(formed_on, working_days)


def publication_timeliness(
    formation: Formation,
    *,
    published_on: dt.date | None,
    today: dt.date,
    working_days: int = ART_26_WORKING_DAYS,
) -> Timeliness:
    due = publication_due(formation.on, working_days)
    late = (published_on or today) > due.value
    return Timeliness(formation, working_days, due.value, due.provisional, published_on, late)


def current_publication_on(item) -> dt.date | None:
    """The day the item's current formation or change was published: the publication clock
    stops at that moment (a republished revision keeps its first 发布日期); items that never
    ran a clock (imported) have only their publication date."""
    if item.status != Status.PUBLISHED:
        return None
    clock = item.publish_clock
    if clock is not None and clock.stopped_at is not None:
        return local_date(clock.stopped_at)
    return local_date(item.published_at) if item.published_at else None


def item_timeliness(
    item, *, working_days: int = ART_26_WORKING_DAYS, today: dt.date | None = None
) -> Timeliness:
    return publication_timeliness(
        formation_of(item),
        published_on=current_publication_on(item),
        today=today or timezone.localdate(),
        working_days=working_days,
    )
