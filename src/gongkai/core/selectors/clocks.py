from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from gongkai.core import holidays
from gongkai.core.clockmath import Step, as_events, explain_working_days
from gongkai.core.law import CLOCK_RULES, LimitUnit
from gongkai.core.models import Clock
from gongkai.core.types import AnyUser


def clocks_visible_to(user: AnyUser) -> QuerySet[Clock]:
    return Clock.objects.visible_to(user).select_related(
        "organisation", "unit", "handler__staff_profile"
    )


def _open(queryset: QuerySet[Clock]) -> QuerySet[Clock]:
    return queryset.filter(state=Clock.State.RUNNING, due_at__isnull=False)


def clocks_overdue(queryset: QuerySet[Clock], now: dt.datetime | None = None) -> QuerySet[Clock]:
    return _open(queryset).filter(due_at__lt=now or timezone.now()).order_by("due_at")


def clocks_due_today(queryset: QuerySet[Clock], today: dt.date | None = None) -> QuerySet[Clock]:
    today = today or timezone.localdate()
    return _open(queryset).filter(due_on=today).order_by("due_at")


def clocks_due_between(
    queryset: QuerySet[Clock], working_days: int, today: dt.date | None = None
) -> QuerySet[Clock]:
    """Due after today and within the next ``working_days`` working days."""
    today = today or timezone.localdate()
    last = holidays.get_calendar().add(today, working_days).value
    return _open(queryset).filter(due_on__gt=today, due_on__lte=last).order_by("due_at")


def clock_explanation(clock: Clock) -> list[Step]:
    rule = CLOCK_RULES[clock.rule]
    events = as_events(clock.events.all())
    if rule.unit == LimitUnit.WORKING_DAYS:
        return explain_working_days(holidays.get_calendar(), rule.amount, clock.started_at, events)
    steps = [Step("start", at=clock.started_at, number=rule.amount)]
    steps += [Step(f"event-{e.kind}", at=e.at, number=e.days) for e in events]
    if clock.due_at:
        steps.append(Step("due-hours", at=clock.due_at, number=rule.amount))
    return steps
