"""API for the working-day calendar and statutory clocks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from gongkai.core import holidays
from gongkai.core.api_auth import staff_auth
from gongkai.core.apischema import Error, ObjectId, choice
from gongkai.core.errors import NotFoundError, ServiceError
from gongkai.core.explain import step_text
from gongkai.core.law import CLOCK_RULE_CHOICES
from gongkai.core.models import Clock
from gongkai.core.selectors import clock_explanation, clocks_visible_to
from gongkai.core.workdays import DayKind, OutOfRange

router = Router(tags=["calendar"])
T = TypeVar("T")


class DateAnswer(Schema):
    date: dt.date
    provisional: bool


class CountAnswer(Schema):
    working_days: int
    provisional: bool


class DayAnswer(Schema):
    date: dt.date
    kind: Annotated[str, choice(DayKind)]
    holiday: str


def _guard(call: Callable[[], T]) -> T:
    try:
        return call()
    except OutOfRange:
        raise ServiceError(
            "date_out_of_range", _("The date is outside the supported calendar (1990–2100).")
        ) from None


@router.get("/workdays/add", response={200: DateAnswer, 400: Error})
def workdays_add(request: HttpRequest, date: dt.date, n: int) -> dict[str, Any]:
    """The n-th working day after ``date`` (the day itself never counts, 民法典 art. 201)."""
    if n < 0:
        raise ServiceError("negative_n", _("N must be zero or more."))
    answer = _guard(lambda: holidays.get_calendar().add(date, n))
    return {"date": answer.value, "provisional": answer.provisional}


@router.get("/workdays/between", response={200: CountAnswer, 400: Error})
def workdays_between(request: HttpRequest, start: dt.date, end: dt.date) -> dict[str, Any]:
    """How many working days lie after ``start`` up to and including ``end``."""
    answer = _guard(lambda: holidays.get_calendar().between(start, end))
    return {"working_days": answer.value, "provisional": answer.provisional}


@router.get("/workdays/is", response={200: DayAnswer, 400: Error})
def workdays_is(request: HttpRequest, date: dt.date) -> dict[str, Any]:
    calendar = holidays.get_calendar()
    kind = _guard(lambda: calendar.kind(date))
    return {"date": date, "kind": str(kind), "holiday": calendar.holiday_name(date)}


class StepOut(Schema):
    code: str
    date: dt.date | None
    text: str


class ClockOut(Schema):
    id: int
    rule: Annotated[str, choice(code for code, _label in CLOCK_RULE_CHOICES)]
    label: str
    state: Annotated[str, choice(Clock.State.values)]
    started_at: dt.datetime
    due_on: dt.date | None
    due_at: dt.datetime | None
    provisional: bool
    explanation: list[StepOut]


@router.get(
    "/clocks/{clock_id}",
    response={200: ClockOut, 404: Error},
    auth=staff_auth,
    tags=["clocks"],
)
def clock_detail(request: HttpRequest, clock_id: ObjectId) -> dict[str, Any]:
    """A statutory clock with its due date and why it is that date."""
    clock = clocks_visible_to(request.user).filter(pk=clock_id).first()
    if clock is None:
        raise NotFoundError("not_found", _("No such time limit."))
    steps = clock_explanation(clock)
    return {
        "id": clock.pk,
        "rule": clock.rule,
        "label": clock.label,
        "state": clock.state,
        "started_at": clock.started_at,
        "due_on": clock.due_on,
        "due_at": clock.due_at,
        "provisional": clock.is_provisional,
        "explanation": [{"code": s.code, "date": s.day, "text": step_text(s)} for s in steps],
    }
