"""Supplements (条例 art. 30) and consultations (arts. 32, 34): the reply clock waits."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core import holidays
from gongkai.core.errors import ServiceError
from gongkai.core.law import clock_rule
from gongkai.core.services import clock_pause, clock_restart, clock_resume, clock_start, clock_stop
from gongkai.foi.models import Consultation, Request, RequestEvent, Status, Supplement
from gongkai.foi.services.common import (
    check_transition,
    moment,
    not_before_receipt,
    not_in_future,
    record,
    reply_clock,
    require_staff,
    today,
    transition,
    working_status,
)

SUPPLEMENT_OUTCOME = "other.no_supplement"


def _check_supplement_window(request: Request, notified_on: dt.date) -> None:
    """Art. 30: the notice goes out within 7 working days of receipt (core rule)."""
    limit = clock_rule("foi_supplement_notice").amount
    spent = holidays.get_calendar().between(request.received_on, notified_on).value
    if spent > limit:
        raise ServiceError(
            "supplement_too_late",
            _(
                "A supplement can only be asked within %(days)d working days of receipt; "
                "%(spent)d have passed."
            )
            % {"days": limit, "spent": spent},
        )


def request_supplement(
    *,
    request: Request,
    actor,
    items: str,
    deadline: dt.date,
    notified_on: dt.date | None = None,
) -> Supplement:
    """Art. 30: once, in one notice, everything to supplement and a reasonable deadline."""
    require_staff(actor)
    notified_on = notified_on or today()
    check_transition(request, Status.AWAITING_SUPPLEMENT)
    not_in_future(notified_on)
    not_before_receipt(request, notified_on)
    if request.supplements.exists():
        raise ServiceError(
            "supplement_once", _("A request can be sent only one supplement notice.")
        )
    if not items.strip():
        raise ServiceError("items_required", _("List everything the applicant must supplement."))
    if deadline <= notified_on:
        raise ServiceError("deadline_too_early", _("The deadline must follow the notice."))
    _check_supplement_window(request, notified_on)
    with transaction.atomic():
        supplement = Supplement.objects.create(
            request=request, notified_on=notified_on, items=items.strip(), deadline=deadline
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
    actor,
    received_on: dt.date | None = None,
) -> Request:
    """Art. 30: the reply period counts anew from the day the supplement arrives."""
    require_staff(actor)
    received_on = received_on or today()
    check_transition(request, Status.RECEIVED)
    supplement = _open_supplement(request)
    not_in_future(received_on)
    if received_on < supplement.notified_on:
        raise ServiceError("date_before_notice", _("The supplement cannot precede the notice."))
    with transaction.atomic():
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


def request_supplement_lapsed(*, request: Request, actor, on: dt.date | None = None) -> Request:
    """Art. 30: no supplement by the deadline: deemed abandoned (report 三(六)1)."""
    require_staff(actor, allow_system=True)
    on = on or today()
    check_transition(request, Status.CLOSED)
    supplement = _open_supplement(request)
    if on <= supplement.deadline:
        raise ServiceError(
            "deadline_not_passed", _("The deadline for the supplement has not passed yet.")
        )
    with transaction.atomic():
        supplement.lapsed_on = on
        supplement.save(update_fields=["lapsed_on"])
        clock_stop(clock=reply_clock(request), actor=actor, at=moment(on), note="supplement")
        request.outcome = SUPPLEMENT_OUTCOME
        transition(request, Status.CLOSED, fields=("outcome",))
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.SUPPLEMENT_LAPSED,
            summary={"lapsed_on": on, "outcome": SUPPLEMENT_OUTCOME},
        )
    return request


_CONSULT_RULES = {
    Consultation.Kind.THIRD_PARTY: "foi_third_party",  # art. 32
    Consultation.Kind.OTHER_AGENCY: "foi_other_agency",  # art. 34
}


def request_consult(
    *,
    request: Request,
    actor,
    kind: str,
    party: str,
    sent_on: dt.date | None = None,
) -> Consultation:
    """Arts. 32–34: consultation time is not counted; the party's own clock starts."""
    require_staff(actor)
    sent_on = sent_on or today()
    check_transition(request, Status.IN_CONSULTATION)
    if kind not in _CONSULT_RULES or not party.strip():
        raise ServiceError("invalid_consultation", _("Say whom the request is sent to."))
    not_in_future(sent_on)
    not_before_receipt(request, sent_on)
    with transaction.atomic():
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


def request_consult_answered(
    *,
    request: Request,
    actor,
    answered_on: dt.date | None = None,
    is_silent: bool = False,
    has_objection: bool = False,
    objection_reasons: str = "",
) -> Consultation:
    """The answer arrived (or, ``is_silent``, its period ran out): the reply clock resumes.

    Art. 32: a silent third party leaves the decision to the agency; art. 34: a silent
    agency consents. The objection is recorded; the handler decides the outcome.
    """
    require_staff(actor)
    answered_on = answered_on or today()
    consultation = request.consultations.filter(answered_on=None).first()
    if consultation is None:
        raise ServiceError("no_open_consultation", _("No consultation is awaited."))
    back_to = working_status(request)
    check_transition(request, back_to)
    not_in_future(answered_on)
    if answered_on < consultation.sent_on:
        raise ServiceError(
            "date_before_consultation", _("The answer cannot precede the consultation.")
        )
    if is_silent and answered_on <= consultation.answer_due:
        raise ServiceError(
            "answer_period_running", _("The period for an answer has not run out yet.")
        )
    if has_objection and (is_silent or not objection_reasons.strip()):
        raise ServiceError("objection_reasons_required", _("Record the objection's reasons."))
    with transaction.atomic():
        consultation.answered_on, consultation.is_silent = answered_on, is_silent
        consultation.has_objection = has_objection
        consultation.objection_reasons = objection_reasons.strip()
        consultation.save()
        clock_stop(clock=consultation.clock, actor=actor, at=moment(answered_on))
        clock_resume(
            clock=reply_clock(request), actor=actor, at=moment(answered_on), note=consultation.kind
        )
        transition(request, back_to)
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.CONSULTATION_ANSWERED,
            summary={
                "answered_on": answered_on,
                "is_silent": is_silent,
                "has_objection": has_objection,
            },
        )
    return consultation
