"""Processing fees (国办函〔2020〕109号): notice, payment, lapse."""

from __future__ import annotations

import datetime as dt
from typing import cast

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.models import Clock
from gongkai.core.services import (
    clock_pause,
    clock_restart,
    clock_resume,
    clock_start,
    clock_stop,
)
from gongkai.core.types import Actor
from gongkai.foi import law
from gongkai.foi.models import FeeNotice, Request, RequestEvent, Status
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

FEE_OUTCOME = "other.no_fee"


def application_ordinal(request: Request) -> int:
    """Which application of its calendar month this is for the same applicant (by id number)
    to the same body, which charges the fee.

    The month is the month of receipt; requests received the same day count in arrival order.
    """
    received = receipt_day(request)
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


def check_within_reply_period(request: Request, on: dt.date, action: str) -> None:
    """Extensions (条例 art. 33) and fee notices (109号 art. 8: "在答复期限内") are acts of
    the running reply period: after its last day they are refused and the request stays
    overdue."""
    clock = reply_clock(request)
    if clock.due_on is not None and on > clock.due_on:
        raise ServiceError(
            "reply_period_over",
            _(
                "The reply period of request %(code)s ended on %(due)s: %(action)s can only "
                "be given while it runs. The request stays overdue; reply to it."
            )
            % {"code": request.code, "due": day(clock.due_on), "action": action},
        )


def check_one_basis(request: Request, basis: str) -> None:
    """109号 art. 4: one application is charged per application or per page, never both."""
    other = request.fee_notices.exclude(basis=basis).first()
    if other is not None:
        raise ServiceError(
            "fee_basis_fixed",
            _(
                "Request %(code)s was already charged %(basis)s; one application is charged "
                "on one basis only."
            )
            % {"code": request.code, "basis": other.get_basis_display()},
        )


def request_fee_notice(
    *,
    request: Request,
    actor: Actor,
    basis: str,
    pages: int = 0,
    sent_on: dt.date | None = None,
) -> FeeNotice:
    """Send a fee notice within the reply period; the applicant has 20 working days to pay,
    counted from the day after receiving it (provisional until that day is recorded)."""
    require_staff(actor)
    sent_on = sent_on or today()
    with transaction.atomic():
        lock(request)
        check_transition(request, Status.AWAITING_FEE)
        not_in_future(sent_on)
        not_before_receipt(request, sent_on)
        check_within_reply_period(request, sent_on, _("a fee notice"))
        check_one_basis(request, basis)
        quantity, amount = fee_quote(request, basis, pages)
        if amount == 0:
            raise ServiceError("no_fee_due", _("No fee is due at this quantity."))
        pauses = law.fee_notice_pauses_clock()
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


def fee_notice_received(*, notice: FeeNotice, received_on: dt.date, actor: Actor) -> FeeNotice:
    """The applicant received the fee notice on ``received_on`` (its letter's delivery date):
    the 20 working days count from the next day (inside the caller's transaction)."""
    if received_on < notice.sent_on:
        raise ServiceError("date_before_notice", _("The notice cannot arrive before it was sent."))
    notice.notice_received_on = received_on
    fields = ["notice_received_on"]
    clock = notice.clock
    if clock is not None and clock.state != Clock.State.STOPPED:
        clock_restart(clock=clock, actor=actor, at=moment(received_on), note="delivery")
        notice.payment_due = clock.due_on
        fields.append("payment_due")
    notice.save(update_fields=fields)
    return notice


def _payment_clock(notice: FeeNotice) -> Clock:
    # ``request_fee_notice`` gives every notice its clock; the column is nullable only
    # because the clock is created after the row's fields are known.
    return cast(Clock, notice.clock)


def _open_notice(request: Request) -> FeeNotice:
    notice = request.fee_notices.filter(paid_on=None, lapsed_on=None).first()
    if notice is None:
        raise ServiceError("no_open_fee_notice", _("No fee is awaited."))
    return notice


def request_fee_paid(
    *, request: Request, actor: Actor, paid_on: dt.date | None = None
) -> FeeNotice:
    require_staff(actor)
    paid_on = paid_on or today()
    with transaction.atomic():
        lock(request)
        notice = _open_notice(request)
        back_to = working_status(request)
        check_transition(request, back_to)
        not_in_future(paid_on)
        if paid_on < notice.sent_on:
            raise ServiceError("date_before_notice", _("The payment cannot precede the notice."))
        notice.paid_on = paid_on
        notice.save(update_fields=["paid_on"])
        clock_stop(clock=_payment_clock(notice), actor=actor, at=moment(paid_on))
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


def request_fee_lapsed(*, request: Request, actor: Actor, on: dt.date | None = None) -> Request:
    """Not paid in 20 working days from receipt of the notice: deemed abandoned (三(六)2)."""
    require_staff(actor, allow_system=True)
    on = on or today()
    with transaction.atomic():
        lock(request)
        notice = _open_notice(request)
        check_transition(request, Status.CLOSED)
        if notice.notice_received_on is None:
            raise ServiceError(
                "notice_receipt_unknown",
                _(
                    "The payment period counts from the day the applicant received the fee "
                    "notice; record the delivery of the notice letter first."
                ),
            )
        payment_due = due_day(notice.payment_due)
        if on <= payment_due:
            raise ServiceError(
                "payment_period_running",
                _("The period for payment runs until %(due)s.") % {"due": day(payment_due)},
            )
        clock_stop(clock=_payment_clock(notice), actor=actor, at=moment(on))
        close_lapsed(
            request, actor=actor, on=on, awaited=notice, note="fee",
            outcome=FEE_OUTCOME, event=RequestEvent.Type.FEE_LAPSED,
        )  # fmt: skip
    return request
