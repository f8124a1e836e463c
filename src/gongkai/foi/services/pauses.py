"""Supplements (条例 art. 30) and consultations (arts. 32, 34): the reply clock waits.

Every service here locks the request first inside its transaction (``lock``) and guards
its status change with a conditional update (``transition``): two staff acting at once
cannot both move the same request.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core import holidays
from gongkai.core.clockmath import end_of_day
from gongkai.core.errors import ServiceError
from gongkai.core.law import clock_rule
from gongkai.core.models import Clock
from gongkai.core.services import clock_pause, clock_restart, clock_resume, clock_start, clock_stop
from gongkai.core.types import Actor
from gongkai.foi.models import Consultation, Request, RequestEvent, Status, Supplement
from gongkai.foi.services.common import (
    check_transition,
    close_lapsed,
    day,
    due_day,
    lock,
    moment,
    not_before_receipt,
    not_in_future,
    receipt_day,
    record,
    reply_clock,
    require_staff,
    today,
    transition,
    working_status,
)
from gongkai.foi.services.settings import supplement_minimum_days

SUPPLEMENT_OUTCOME = "other.no_supplement"


def _check_supplement_window(request: Request, notified_on: dt.date) -> None:
    """Art. 30: the notice goes out within 7 working days of receipt (core rule)."""
    limit = clock_rule("foi_supplement_notice").amount
    spent = holidays.get_calendar().between(receipt_day(request), notified_on).value
    if spent > limit:
        raise ServiceError(
            "supplement_too_late",
            _(
                "A supplement can only be asked within %(days)d working days of receipt; "
                "%(spent)d have passed."
            )
            % {"days": limit, "spent": spent},
        )


def _check_supplement_period(
    request: Request, notified_on: dt.date, deadline: dt.date, reason: str
) -> None:
    """Art. 30 "合理的补正期限": at least the office's minimum, or a recorded reason."""
    if deadline <= notified_on:
        raise ServiceError("deadline_too_early", _("The deadline must follow the notice."))
    days = supplement_minimum_days(request.organisation)
    earliest = holidays.get_calendar().add(notified_on, days).value
    if deadline < earliest and not reason.strip():
        raise ServiceError(
            "supplement_period_too_short",
            _(
                "This body gives at least %(days)d working days to supplement (until "
                "%(earliest)s). A shorter period needs a recorded reason."
            )
            % {"days": days, "earliest": day(earliest)},
        )


def request_supplement(
    *,
    request: Request,
    actor: Actor,
    items: str,
    deadline: dt.date,
    notified_on: dt.date | None = None,
    short_period_reason: str = "",
) -> Supplement:
    """Art. 30: once, in one notice, everything to supplement and a reasonable deadline."""
    require_staff(actor)
    notified_on = notified_on or today()
    with transaction.atomic():
        lock(request)
        check_transition(request, Status.AWAITING_SUPPLEMENT)
        not_in_future(notified_on)
        not_before_receipt(request, notified_on)
        if request.supplements.exists():
            raise ServiceError(
                "supplement_once", _("A request can be sent only one supplement notice.")
            )
        if not items.strip():
            raise ServiceError(
                "items_required", _("List everything the applicant must supplement.")
            )
        _check_supplement_period(request, notified_on, deadline, short_period_reason)
        _check_supplement_window(request, notified_on)
        supplement = Supplement.objects.create(
            request=request,
            notified_on=notified_on,
            items=items.strip(),
            deadline=deadline,
            short_period_reason=short_period_reason.strip(),
        )
        clock_pause(
            clock=reply_clock(request), actor=actor, at=moment(notified_on), note="supplement"
        )
        transition(request, Status.AWAITING_SUPPLEMENT)
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.SUPPLEMENT_REQUESTED,
            summary={"notified_on": notified_on, "deadline": deadline},
        )
    return supplement


def _open_supplement(request: Request) -> Supplement:
    supplement = request.supplements.filter(received_on=None, lapsed_on=None).first()
    if supplement is None:
        raise ServiceError("no_open_supplement", _("No supplement is awaited."))
    return supplement


def request_supplement_received(
    *,
    request: Request,
    actor: Actor,
    received_on: dt.date | None = None,
) -> Request:
    """Art. 30: the reply period counts anew from the day the supplement arrives."""
    require_staff(actor)
    received_on = received_on or today()
    with transaction.atomic():
        lock(request)
        check_transition(request, Status.RECEIVED)
        supplement = _open_supplement(request)
        not_in_future(received_on)
        if received_on < supplement.notified_on:
            raise ServiceError("date_before_notice", _("The supplement cannot precede the notice."))
        supplement.received_on = received_on
        supplement.save(update_fields=["received_on"])
        clock = reply_clock(request)
        clock_restart(clock=clock, actor=actor, at=moment(received_on), note="supplement")
        transition(request, Status.RECEIVED)
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.SUPPLEMENT_RECEIVED,
            summary={"received_on": received_on, "due_on": clock.due_on},
        )
    return request


def request_supplement_lapsed(
    *, request: Request, actor: Actor, on: dt.date | None = None
) -> Request:
    """Art. 30: no supplement by the deadline: deemed abandoned (report 三(六)1)."""
    require_staff(actor, allow_system=True)
    on = on or today()
    with transaction.atomic():
        lock(request)
        check_transition(request, Status.CLOSED)
        supplement = _open_supplement(request)
        if on <= supplement.deadline:
            raise ServiceError(
                "deadline_not_passed", _("The deadline for the supplement has not passed yet.")
            )
        close_lapsed(
            request, actor=actor, on=on, awaited=supplement, note="supplement",
            outcome=SUPPLEMENT_OUTCOME, event=RequestEvent.Type.SUPPLEMENT_LAPSED,
        )  # fmt: skip
    return request


_CONSULT_RULES: dict[str, str] = {
    Consultation.Kind.THIRD_PARTY: "foi_third_party",  # art. 32
    Consultation.Kind.OTHER_AGENCY: "foi_other_agency",  # art. 34
}


def request_consult(
    *,
    request: Request,
    actor: Actor,
    kind: str,
    party: str,
    sent_on: dt.date | None = None,
) -> Consultation:
    """Arts. 32–34: consultation time is not counted; the party's own clock starts.

    The party's period counts from the day it receives the letter. Until that delivery
    date is recorded (``consultation_notice_received``) the clock counts from sending and
    its due date is provisional.
    """
    require_staff(actor)
    sent_on = sent_on or today()
    if kind not in _CONSULT_RULES or not party.strip():
        raise ServiceError("invalid_consultation", _("Say whom the request is sent to."))
    with transaction.atomic():
        lock(request)
        check_transition(request, Status.IN_CONSULTATION)
        not_in_future(sent_on)
        not_before_receipt(request, sent_on)
        clock_pause(clock=reply_clock(request), actor=actor, at=moment(sent_on), note=kind)
        party_clock = clock_start(
            actor=actor,
            rule=_CONSULT_RULES[kind],
            label=_("Opinion on request %(code)s") % {"code": request.code},
            organisation=request.organisation,
            unit=request.unit,
            handler=request.handler,
            started_at=moment(sent_on),
            subject=request,
        )
        consultation = Consultation.objects.create(
            request=request,
            kind=kind,
            party=party.strip(),
            sent_on=sent_on,
            answer_due=party_clock.due_on,
            clock=party_clock,
        )
        transition(request, Status.IN_CONSULTATION)
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.CONSULTED,
            summary={"kind": kind, "sent_on": sent_on, "answer_due": party_clock.due_on},
        )
    return consultation


def consultation_due_is_provisional(consultation: Consultation) -> bool:
    """Art. 32 counts from receipt: a third party's due date is provisional until the
    delivery of the letter is recorded. (An agency consulted under art. 34 is reached by
    the government's own document exchange: its period counts from sending.)"""
    return (
        consultation.kind == Consultation.Kind.THIRD_PARTY
        and consultation.notice_received_on is None
    )


def consultation_notice_received(
    *, consultation: Consultation, received_on: dt.date, actor: Actor
) -> Consultation:
    """The party received the consultation letter on ``received_on`` (its delivery date):
    its period counts again from that day (inside the caller's transaction)."""
    if received_on < consultation.sent_on:
        raise ServiceError(
            "date_before_consultation", _("The letter cannot arrive before it was sent.")
        )
    consultation.notice_received_on = received_on
    fields = ["notice_received_on"]
    clock = consultation.clock
    if clock is not None and clock.state != Clock.State.STOPPED:
        clock_restart(clock=clock, actor=actor, at=moment(received_on), note="delivery")
        consultation.answer_due = clock.due_on
        fields.append("answer_due")
    consultation.save(update_fields=fields)
    return consultation


def _open_consultation(request: Request) -> Consultation:
    consultation = request.consultations.filter(answered_on=None).first()
    if consultation is None:
        raise ServiceError("no_open_consultation", _("No consultation is awaited."))
    return consultation


def _party_clock(consultation: Consultation) -> Clock:
    # ``request_consult`` gives every consultation its clock; the column is nullable only
    # because the clock is created after the row's fields are known.
    return cast(Clock, consultation.clock)


def _end_without_answer(request: Request, consultation: Consultation, actor: Actor) -> None:
    """The period ran out at the end of its last day: the consultation ends then and the
    reply clock resumes, counting again from the next working day (art. 32: the agency
    decides; art. 34: the silent agency consents)."""
    last_day = due_day(consultation.answer_due)
    ended_at = end_of_day(last_day)
    consultation.answered_on, consultation.is_silent = last_day, True
    consultation.save(update_fields=["answered_on", "is_silent"])
    clock_stop(clock=_party_clock(consultation), actor=actor, at=ended_at, note="silence")
    clock = reply_clock(request)
    clock_resume(clock=clock, actor=actor, at=ended_at, note="silence")
    transition(request, working_status(request))
    record(
        request,
        actor=actor,
        type=RequestEvent.Type.CONSULTATION_ENDED,
        summary={
            "answer_due": last_day,
            "resumes_on": holidays.get_calendar().add(last_day, 1).value,
            "due_on": clock.due_on,
        },
    )


def request_consult_answered(
    *,
    request: Request,
    actor: Actor,
    answered_on: dt.date | None = None,
    is_silent: bool = False,
    has_objection: bool = False,
    objection_reasons: str = "",
) -> Consultation:
    """The answer arrived (or, ``is_silent``, its period ran out): the reply clock resumes.

    Art. 32: a silent third party leaves the decision to the agency; art. 34: a silent
    agency consents. A silent consultation ended at the end of its last day, whenever it
    is recorded (``consultations_end_silent`` does it without anyone). The objection is
    recorded; by default the reply then withholds (``request_reply``).
    """
    require_staff(actor)
    answered_on = answered_on or today()
    with transaction.atomic():
        lock(request)
        consultation = _open_consultation(request)
        check_transition(request, working_status(request))
        not_in_future(answered_on)
        if answered_on < consultation.sent_on:
            raise ServiceError(
                "date_before_consultation", _("The answer cannot precede the consultation.")
            )
        if is_silent and consultation_due_is_provisional(consultation):
            raise ServiceError(
                "notice_receipt_unknown",
                _(
                    "The third party's period counts from the day it received the letter; "
                    "record the delivery of the consultation letter first."
                ),
            )
        if is_silent and answered_on <= due_day(consultation.answer_due):
            raise ServiceError(
                "answer_period_running",
                _("The period for an answer runs until %(due)s.")
                % {"due": day(due_day(consultation.answer_due))},
            )
        if has_objection and (is_silent or not objection_reasons.strip()):
            raise ServiceError("objection_reasons_required", _("Record the objection's reasons."))
        if is_silent:
            _end_without_answer(request, consultation, actor)
            return consultation
        consultation.answered_on, consultation.is_silent = answered_on, False
        consultation.has_objection = has_objection
        consultation.objection_reasons = objection_reasons.strip()
        consultation.save()
        clock_stop(clock=_party_clock(consultation), actor=actor, at=moment(answered_on))
        clock_resume(
            clock=reply_clock(request), actor=actor, at=moment(answered_on), note=consultation.kind
        )
        transition(request, working_status(request))
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.CONSULTATION_ANSWERED,
            summary={
                "answered_on": answered_on,
                "is_silent": False,
                "has_objection": has_objection,
            },
        )
    return consultation


def consultations_end_silent(*, on: dt.date | None = None) -> int:
    """The periodic job: every consultation whose period ended before ``on`` without an
    answer ends by itself (no staff action); its timeline says when the reply clock resumed.

    A third party whose letter has no recorded delivery is left alone: its due date is
    only provisional, and ending it early would cut the party's statutory 15 days.
    """
    on = on or today()
    ended = 0
    waiting = Consultation.objects.filter(answered_on=None, answer_due__lt=on).select_related(
        "request"
    )
    for consultation in waiting:
        if consultation_due_is_provisional(consultation):
            continue
        request = consultation.request
        try:
            with transaction.atomic():
                lock(request)
                current = _open_consultation(request)
                if current.pk != consultation.pk or due_day(current.answer_due) >= on:
                    continue  # answered or changed meanwhile
                _end_without_answer(request, current, None)
        except ServiceError:
            continue  # changed by staff in the meantime; the next sweep looks again
        ended += 1
    return ended
