"""Starting statutory clocks and recording their events.

The due moment is always recomputed from the rule and the events
(``clockmath``); these functions record events and refresh the cached due
fields, each in one transaction with its ledger entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core import holidays
from gongkai.core.clockmath import (
    Due,
    Event,
    EventKind,
    as_events,
    compute_days,
    compute_hours,
    compute_working_days,
)
from gongkai.core.errors import ServiceError
from gongkai.core.law import CLOCK_RULES, MAX_EXTENSION_WORKING_DAYS, LimitUnit
from gongkai.core.models import Clock, ClockEvent, Organisation
from gongkai.core.services.ledger import ledger_append
from gongkai.core.services.organisation import notification_send
from gongkai.core.types import Actor


def clock_due(clock: Clock, extra: Sequence[Event] = ()) -> Due:
    """The pure computation over the clock's recorded events (plus ``extra``)."""
    rule = CLOCK_RULES[clock.rule]
    events = as_events(clock.events.all())
    events.extend(extra)
    if rule.unit == LimitUnit.HOURS:
        return compute_hours(rule.amount, clock.started_at, events)
    if rule.unit == LimitUnit.DAYS:
        return compute_days(rule.amount, clock.started_at, events)
    return compute_working_days(holidays.get_calendar(), rule.amount, clock.started_at, events)


def clock_recompute(clock: Clock) -> bool:
    """Refresh the cached due fields; True when the due moment changed."""
    due = clock_due(clock)
    state = (
        Clock.State.STOPPED
        if due.stopped_at
        else Clock.State.PAUSED
        if due.paused
        else Clock.State.RUNNING
    )
    changed = due.due_at != clock.due_at
    clock.due_on, clock.due_at = due.due_on, due.due_at
    clock.is_provisional, clock.state, clock.stopped_at = due.provisional, state, due.stopped_at
    clock.save(update_fields=["due_on", "due_at", "is_provisional", "state", "stopped_at"])
    return changed


def clock_start(
    *,
    actor: Actor,
    rule: str,
    label: str,
    organisation: Organisation,
    started_at: dt.datetime | None = None,
    unit: Organisation | None = None,
    handler: User | None = None,
    subject: models.Model | None = None,
) -> Clock:
    if rule not in CLOCK_RULES:
        raise ServiceError("unknown_rule", _("Unknown time-limit rule %(rule)s.") % {"rule": rule})
    clock = Clock(
        rule=rule,
        label=label,
        organisation=organisation,
        unit=unit,
        handler=handler,
        started_at=started_at or timezone.now(),
    )
    if subject is not None:
        clock.subject_type = ContentType.objects.get_for_model(subject)
        clock.subject_id = subject.pk
    with transaction.atomic():
        clock.save()
        clock_recompute(clock)
        ledger_append(
            actor=actor,
            action="clock.start",
            obj=clock,
            organisation=organisation,
            summary={"rule": rule, "started_at": clock.started_at, "due_on": clock.due_on},
        )
    return clock


def _record(
    clock: Clock,
    *,
    actor: Actor,
    kind: EventKind,
    at: dt.datetime | None,
    days: int = 0,
    approved_by: User | None = None,
    note: str = "",
) -> Clock:
    at = at or timezone.now()
    if at < clock.started_at:
        raise ServiceError("event_before_start", _("An event cannot precede the clock's start."))
    if clock.state == Clock.State.STOPPED:
        raise ServiceError("clock_stopped", _("This time limit has already stopped."))
    with transaction.atomic():
        before = clock.due_on
        ClockEvent.objects.create(
            clock=clock,
            kind=kind,
            at=at,
            days=days,
            actor=actor,
            approved_by=approved_by,
            note=note,
        )
        clock_recompute(clock)
        ledger_append(
            actor=actor,
            action=f"clock.{kind}",
            obj=clock,
            organisation=clock.organisation,
            summary={
                "at": at,
                "days": days,
                "note": note,
                "approved_by": approved_by.pk if approved_by else None,
                "due_before": before,
                "due_after": clock.due_on,
            },
        )
    return clock


def clock_pause(
    *, clock: Clock, actor: Actor, at: dt.datetime | None = None, note: str = ""
) -> Clock:
    if clock.state != Clock.State.RUNNING:
        raise ServiceError("clock_not_running", _("Only a running time limit can be paused."))
    return _record(clock, actor=actor, kind=EventKind.PAUSE, at=at, note=note)


def clock_resume(
    *, clock: Clock, actor: Actor, at: dt.datetime | None = None, note: str = ""
) -> Clock:
    if clock.state != Clock.State.PAUSED:
        raise ServiceError("clock_not_paused", _("Only a paused time limit can be resumed."))
    return _record(clock, actor=actor, kind=EventKind.RESUME, at=at, note=note)


def clock_restart(
    *, clock: Clock, actor: Actor, at: dt.datetime | None = None, note: str = ""
) -> Clock:
    return _record(clock, actor=actor, kind=EventKind.RESTART, at=at, note=note)


def clock_stop(
    *, clock: Clock, actor: Actor, at: dt.datetime | None = None, note: str = ""
) -> Clock:
    return _record(clock, actor=actor, kind=EventKind.STOP, at=at, note=note)


def clock_extend(
    *,
    clock: Clock,
    actor: Actor,
    days: int,
    approved_by: User | None,
    at: dt.datetime | None = None,
    note: str = "",
) -> Clock:
    """条例 art. 33: one extension of at most 20 working days, approved by name."""
    if approved_by is None:
        raise ServiceError("approval_required", _("An extension needs its approver."))
    if not 1 <= days <= MAX_EXTENSION_WORKING_DAYS:
        raise ServiceError(
            "extension_too_long",
            _("An extension is 1 to %(max)d working days.") % {"max": MAX_EXTENSION_WORKING_DAYS},
        )
    if clock.events.filter(kind=EventKind.EXTEND).exists():
        raise ServiceError("already_extended", _("This time limit was already extended once."))
    return _record(
        clock,
        actor=actor,
        kind=EventKind.EXTEND,
        at=at,
        days=days,
        approved_by=approved_by,
        note=note,
    )


def clock_postpone(
    *,
    clock: Clock,
    actor: Actor,
    days: int,
    approved_by: User | None,
    at: dt.datetime | None = None,
    note: str = "",
) -> Clock:
    """条例 art. 35: after the applicant's reasons, a later reasonable reply time. Not an
    art. 33 extension: neither once-only nor capped at 20 working days; it needs its
    approver and a positive number of days."""
    if approved_by is None:
        raise ServiceError("approval_required", _("A later reply time needs its approver."))
    if days < 1:
        raise ServiceError("postpone_too_short", _("A later reply time adds at least one day."))
    return _record(
        clock,
        actor=actor,
        kind=EventKind.POSTPONE,
        at=at,
        days=days,
        approved_by=approved_by,
        note=note,
    )


def clocks_recompute_open(*, actor: Actor, reason: str) -> int:
    """After a calendar change: recompute every open clock, log and announce changes."""
    changed = 0
    open_clocks = Clock.objects.exclude(state=Clock.State.STOPPED).select_related("handler")
    for clock in open_clocks.prefetch_related("events").iterator(chunk_size=500):
        before = clock.due_on
        if not clock_recompute(clock):
            continue
        changed += 1
        ledger_append(
            actor=actor,
            action="clock.recompute",
            obj=clock,
            organisation=clock.organisation,
            summary={"reason": reason, "due_before": before, "due_after": clock.due_on},
        )
        if clock.handler is not None:
            notification_send(
                recipient=clock.handler,
                message=_(
                    "The due date of “%(label)s” changed from %(before)s to %(after)s: %(reason)s"
                )
                % {
                    "label": clock.label,
                    "before": before,
                    "after": clock.due_on,
                    "reason": reason,
                },
                url=f"/workbench/clocks/{clock.pk}/",
            )
    return changed
