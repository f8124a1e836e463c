"""Processing fees (国办函〔2020〕109号): notice, payment, lapse."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.services import clock_pause, clock_resume, clock_start, clock_stop
from gongkai.foi import law
from gongkai.foi.models import FeeNotice, Request, RequestEvent, Status
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

FEE_OUTCOME = "other.no_fee"


def application_ordinal(request: Request) -> int:
    """Which application of its calendar month this is for the same applicant (by id number)
    to the same body, which charges the fee.

    The month is the month of receipt; requests received the same day count in arrival order.
    """
    received = request.received_on
    same_month = Request.objects.filter(
        organisation_id=request.organisation_id,
        id_type=request.id_type,
        id_number=request.id_number,
        received_on__year=received.year,
        received_on__month=received.month,
    )
    return same_month.filter(
        Q(received_on__lt=received) | Q(received_on=received, pk__lte=request.pk)
    ).count()


def fee_quote(request: Request, basis: str, pages: int = 0) -> tuple[int, int]:
    """(quantity, amount in 元): never both bases at once (art. 4)."""
    if basis == FeeNotice.Basis.PER_PAGE:
        return pages, law.fee_per_pages(pages)
    if basis == FeeNotice.Basis.PER_APPLICATION:
        ordinal = application_ordinal(request)
        return ordinal, law.application_rate(ordinal)
    raise ServiceError("invalid_fee_basis", _("Choose per application or per page."))


def request_fee_notice(
    *,
    request: Request,
    actor,
    basis: str,
    pages: int = 0,
    sent_on: dt.date | None = None,
) -> FeeNotice:
    """Send a fee notice within the reply period; the applicant has 20 working days to pay."""
    require_staff(actor)
    sent_on = sent_on or today()
    check_transition(request, Status.AWAITING_FEE)
    not_in_future(sent_on)
    not_before_receipt(request, sent_on)
    quantity, amount = fee_quote(request, basis, pages)
    if amount == 0:
        raise ServiceError("no_fee_due", _("No fee is due at this quantity."))
    pauses = law.fee_notice_pauses_clock()
    with transaction.atomic():
        if pauses:
            clock_pause(clock=reply_clock(request), actor=actor, at=moment(sent_on), note="fee")
        payment_clock = clock_start(
            actor=actor,
            rule="foi_fee_payment",
            label=_("Fee for request %(code)s") % {"code": request.code},
            organisation=request.organisation,
            unit=request.unit,
            handler=request.handler,
            started_at=moment(sent_on),
            subject=request,
        )
        notice = FeeNotice.objects.create(
            request=request,
            basis=basis,
            quantity=quantity,
            amount=amount,
            sent_on=sent_on,
            payment_due=payment_clock.due_on,
            paused_reply_clock=pauses,
            clock=payment_clock,
        )
        transition(request, Status.AWAITING_FEE)
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.FEE_NOTIFIED,
            summary={
                "basis": basis,
                "quantity": quantity,
                "amount": amount,
                "payment_due": payment_clock.due_on,
            },
        )
    return notice


def _open_notice(request: Request) -> FeeNotice:
    notice = request.fee_notices.filter(paid_on=None, lapsed_on=None).first()
    if notice is None:
        raise ServiceError("no_open_fee_notice", _("No fee is awaited."))
    return notice


def request_fee_paid(*, request: Request, actor, paid_on: dt.date | None = None) -> FeeNotice:
    require_staff(actor)
    paid_on = paid_on or today()
    notice = _open_notice(request)
    back_to = working_status(request)
    check_transition(request, back_to)
    not_in_future(paid_on)
    if paid_on < notice.sent_on:
        raise ServiceError("date_before_notice", _("The payment cannot precede the notice."))
    with transaction.atomic():
        notice.paid_on = paid_on
        notice.save(update_fields=["paid_on"])
        clock_stop(clock=notice.clock, actor=actor, at=moment(paid_on))
        # The notice's own choice, not today's setting: a clock paused stays consistent.
        if notice.paused_reply_clock:
            clock_resume(clock=reply_clock(request), actor=actor, at=moment(paid_on), note="fee")
        transition(request, back_to)
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.FEE_PAID,
            summary={"paid_on": paid_on, "amount": notice.amount},
        )
    return notice


def request_fee_lapsed(*, request: Request, actor, on: dt.date | None = None) -> Request:
    """Not paid in 20 working days: deemed abandoned (report 三(六)2)."""
    require_staff(actor, allow_system=True)
    on = on or today()
    notice = _open_notice(request)
    check_transition(request, Status.CLOSED)
    if on <= notice.payment_due:
        raise ServiceError(
            "payment_period_running", _("The period for payment has not run out yet.")
        )
    with transaction.atomic():
        notice.lapsed_on = on
        notice.save(update_fields=["lapsed_on"])
        clock_stop(clock=notice.clock, actor=actor, at=moment(on))
        clock_stop(clock=reply_clock(request), actor=actor, at=moment(on), note="fee")
        request.outcome = FEE_OUTCOME
        transition(request, Status.CLOSED, fields=("outcome",))
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.FEE_LAPSED,
            summary={"lapsed_on": on, "outcome": FEE_OUTCOME},
        )
    return request
