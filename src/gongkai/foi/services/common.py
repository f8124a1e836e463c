"""What every disclosure service shares: the guarded transition, the timeline, dates."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gongkai.core.access import has_role
from gongkai.core.clockmath import CHINA
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.hooks import announce
from gongkai.core.models import Clock, ClockEvent
from gongkai.core.services import clock_stop, ledger_append
from gongkai.core.types import Actor
from gongkai.foi.models import FeeNotice, Request, RequestEvent, Supplement
from gongkai.foi.transitions import ACTING_ROLES, TRANSITIONS, Status

# Dated acts (a notice sent, a supplement received) are recorded at noon local time: clocks
# count whole days, and one fixed time keeps same-day events in the order they were made.
_RECORDED_TIME = dt.time(12)


def moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, _RECORDED_TIME, tzinfo=CHINA)


def day(value: dt.date) -> str:
    """A date as people read it in a message (2026年10月29日)."""
    return date_format(value, "DATE_FORMAT")


def today() -> dt.date:
    return timezone.localdate()


def require_staff(actor: Actor, *, allow_system: bool = False) -> None:
    """Staff acts need openness staff; ``allow_system`` lets a scheduled job (actor None)
    record a lapse. Which requests a user may touch is the view's ``access_request``."""
    if actor is None and allow_system:
        return
    if actor is None or not has_role(actor, *ACTING_ROLES):
        raise PermissionDeniedError("staff_only", _("Only openness staff can do this."))


def check_transition(request: Request, to: str) -> None:
    """Refuse a status change the table (``foi.transitions``) does not allow (before
    anything is written)."""
    if to not in TRANSITIONS[Status(request.status)]:
        raise ServiceError(
            "invalid_transition",
            _("Request %(code)s cannot go from “%(from)s” to “%(to)s”.")
            % {"code": request.code, "from": request.get_status_display(), "to": Status(to).label},
        )


def lock(request: Request) -> Request:
    """The first step inside a service's transaction: lock the request's row (PostgreSQL's
    ``SELECT … FOR UPDATE``; SQLite serialises writers anyway) and read it afresh, so every
    guard after it sees the committed state, not the copy the caller loaded before.

    A second staff member acting at the same moment waits here until the first commits,
    then sees the new status and is refused by ``check_transition``.
    """
    fresh = Request.objects.select_for_update().get(pk=request.pk)
    for field in Request._meta.concrete_fields:
        setattr(request, field.attname, getattr(fresh, field.attname))
    request._state.fields_cache.clear()  # related rows (the reply clock) are read again
    return request


def transition(request: Request, to: str, *, fields: tuple[str, ...] = ()) -> None:
    """The guarded status change, written as a conditional update: it only applies if the
    row still has the status the guard saw. Where the row was not locked (SQLite, or a
    caller that forgot ``lock``) a concurrent change makes it refuse instead of overwrite."""
    check_transition(request, to)
    values = {"status": to, **{name: getattr(request, name) for name in fields}}
    changed = Request.objects.filter(pk=request.pk, status=request.status).update(**values)
    if changed != 1:
        raise ServiceError(
            "status_changed",
            _(
                "Request %(code)s was changed by someone else at the same moment; nothing was "
                "done. Open the request again to see its current state."
            )
            % {"code": request.code},
        )
    request.status = to


def record(
    request: Request, *, actor: Actor, type: str, summary: dict[str, Any] | None = None
) -> None:
    """The timeline event and the ledger entry of one service call (inside its transaction)."""
    summary = {"code": request.code, "status": request.status, **(summary or {})}
    RequestEvent.objects.create(
        request=request,
        type=type,
        actor=actor if _is_user(actor) else None,
        payload=_jsonable(summary),
    )
    ledger_append(
        actor=actor if _is_user(actor) else None,
        action=f"foi.{type}",
        obj=request,
        organisation=request.organisation,
        summary=summary,
    )
    announce("foi.request_changed", request_id=request.pk)


def _is_user(actor: Actor) -> bool:
    return actor is not None and actor.is_authenticated


def _jsonable(summary: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v.isoformat() if isinstance(v, dt.date | dt.datetime) else v for k, v in summary.items()
    }


def not_before_receipt(request: Request, day: dt.date) -> None:
    if request.received_on and day < request.received_on:
        raise ServiceError(
            "date_before_receipt",
            _("This date is before the request was received (%(received)s).")
            % {"received": request.received_on},
        )


def not_in_future(day: dt.date) -> None:
    if day > today():
        raise ServiceError("date_in_future", _("A date in the future cannot be recorded."))


def receipt_day(request: Request) -> dt.date:
    """The day a received request was received (set with that status and never unset: the
    check constraint ``foi_request_received_on_after_confirmation``)."""
    if request.received_on is None:
        raise ServiceError("not_received", _("This request has not been received yet."))
    return request.received_on


def due_day(value: dt.date | None) -> dt.date:
    """A due day cached from one of this app's clocks. They all count working days, so the
    clock always computes a day; the columns are nullable only for the hour-counted clocks
    of other apps (incidents), which mypy cannot tell apart."""
    return cast(dt.date, value)


def reply_clock(request: Request) -> Clock:
    if request.reply_clock is None:
        raise ServiceError("no_reply_clock", _("This request has not been received yet."))
    return request.reply_clock


def close_lapsed(
    request: Request,
    *,
    actor: Actor,
    on: dt.date,
    awaited: FeeNotice | Supplement,
    note: str,
    outcome: str,
    event: str,
) -> None:
    """The applicant let the awaited fee or supplement lapse: the request is deemed
    abandoned. ``awaited`` is marked lapsed on ``on``, the reply clock stops that day with
    ``note``, the request closes with ``outcome`` and ``event`` is recorded (inside the
    caller's transaction, after its own checks)."""
    awaited.lapsed_on = on
    awaited.save(update_fields=["lapsed_on"])
    clock_stop(clock=reply_clock(request), actor=actor, at=moment(on), note=note)
    request.outcome = outcome
    transition(request, Status.CLOSED, fields=("outcome",))
    record(request, actor=actor, type=event, summary={"lapsed_on": on, "outcome": outcome})


def working_status(request: Request) -> str:
    """Where a request returns after a consultation or a paid fee: extended or received."""
    extended = reply_clock(request).events.filter(kind=ClockEvent.Kind.EXTEND).exists()
    return Status.EXTENDED if extended else Status.RECEIVED
