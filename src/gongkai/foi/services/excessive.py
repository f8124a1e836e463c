"""条例 art. 35: clearly excessive requests.

"申请人申请公开政府信息的数量、频次明显超过合理范围，行政机关可以要求申请人说明理由。行政机关认为
申请理由不合理的，告知申请人不予处理；行政机关认为申请理由合理，但是无法在本条例第三十三条规定的
期限内答复申请人的，可以确定延迟答复的合理期限并告知申请人。"

Asking for reasons does not stop the reply period (art. 35 does not say it does); the later
reasonable reply time, set when the reasons are accepted, moves the due date
(``clock_postpone``). Unreasonable reasons, or none by the deadline, end in a reply "not
handled" (report row 三（五）4 无正当理由大量反复申请).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core import holidays
from gongkai.core.errors import ServiceError
from gongkai.core.models import Clock
from gongkai.core.services import clock_postpone
from gongkai.core.types import Actor
from gongkai.foi.models import ReasonsInquiry, Request, RequestEvent, Status
from gongkai.foi.services.common import (
    check_transition,
    day,
    lock,
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
from gongkai.foi.services.reply import check_approver, request_reply

MASSIVE_OUTCOME = "not_processed.massive"


def request_reasons_ask(
    *,
    request: Request,
    actor: Actor,
    grounds: str,
    deadline: dt.date,
    asked_on: dt.date | None = None,
) -> ReasonsInquiry:
    """Ask the applicant, once, to explain a request whose quantity or frequency clearly
    exceeds a reasonable range (``grounds`` says why it looks so)."""
    require_staff(actor)
    asked_on = asked_on or today()
    with transaction.atomic():
        lock(request)
        check_transition(request, Status.AWAITING_REASONS)
        not_in_future(asked_on)
        not_before_receipt(request, asked_on)
        if ReasonsInquiry.objects.filter(request=request).exists():
            raise ServiceError("reasons_once", _("The reasons of this request were already asked."))
        if not grounds.strip():
            raise ServiceError(
                "grounds_required", _("Say why the quantity or frequency is clearly excessive.")
            )
        if deadline <= asked_on:
            raise ServiceError("deadline_too_early", _("The deadline must follow the notice."))
        inquiry = ReasonsInquiry.objects.create(
            request=request, asked_on=asked_on, grounds=grounds.strip(), deadline=deadline
        )
        transition(request, Status.AWAITING_REASONS)
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.REASONS_ASKED,
            summary={"notified_on": asked_on, "deadline": deadline},
        )
    return inquiry


def request_reasons_decide(
    *,
    request: Request,
    actor: Actor,
    is_reasonable: bool,
    answer: str = "",
    answered_on: dt.date | None = None,
    reply_by: dt.date | None = None,
    approved_by: User | None = None,
    decided_on: dt.date | None = None,
) -> Request:
    """The body's decision on the reasons (or on their absence after the deadline).

    Reasonable: the request goes on; with ``reply_by`` after the current due date, the
    reply period runs until then (approved by the office, like an extension). Not
    reasonable, or no reasons by the deadline: the request is not handled (三（五）4).
    """
    require_staff(actor)
    decided_on = decided_on or today()
    with transaction.atomic():
        lock(request)
        inquiry = ReasonsInquiry.objects.filter(request=request, is_reasonable=None).first()
        if inquiry is None or request.status != Status.AWAITING_REASONS:
            raise ServiceError("no_open_inquiry", _("No reasons are awaited."))
        not_in_future(decided_on)
        if answered_on is None and decided_on <= inquiry.deadline:
            raise ServiceError(
                "reasons_period_running",
                _("The applicant has until %(due)s to give reasons.")
                % {"due": day(inquiry.deadline)},
            )
        if answered_on is not None and (answered_on < inquiry.asked_on or answered_on > decided_on):
            raise ServiceError(
                "invalid_answer_date",
                _("The reasons arrive after the notice and before the decision."),
            )
        inquiry.answered_on, inquiry.answer = answered_on, answer.strip()
        inquiry.is_reasonable = bool(is_reasonable and answered_on is not None)
        if not inquiry.is_reasonable:
            inquiry.save(update_fields=["answered_on", "answer", "is_reasonable"])
            basis = (
                _("The reasons given are not reasonable: %(answer)s") % {"answer": inquiry.answer}
                if answered_on
                else _("No reasons were given by %(due)s.") % {"due": day(inquiry.deadline)}
            )
            return request_reply(
                request=request,
                actor=actor,
                outcome=MASSIVE_OUTCOME,
                legal_basis=basis,
                replied_on=decided_on,
            )
        clock = reply_clock(request)
        if reply_by is not None:
            _postpone(request, clock, reply_by, approved_by, actor, decided_on)
            inquiry.reply_by = reply_by
        inquiry.save(update_fields=["answered_on", "answer", "is_reasonable", "reply_by"])
        transition(request, working_status(request))
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.REASONS_ACCEPTED,
            summary={"answered_on": answered_on, "due_on": clock.due_on},
        )
    return request


def _postpone(
    request: Request,
    clock: Clock,
    reply_by: dt.date,
    approved_by: User | None,
    actor: Actor,
    decided_on: dt.date,
) -> None:
    approver = check_approver(request, approved_by)
    if clock.due_on is None or reply_by <= clock.due_on:
        raise ServiceError(
            "reply_by_not_later",
            _("A later reply time must follow the current due date (%(due)s).")
            % {"due": day(clock.due_on) if clock.due_on else "—"},
        )
    days = holidays.get_calendar().between(clock.due_on, reply_by).value
    if days < 1:
        raise ServiceError(
            "reply_by_not_working_day", _("The later reply time must add working days.")
        )
    clock_postpone(
        clock=clock,
        actor=actor,
        days=days,
        approved_by=approver,
        at=moment(decided_on),
        note="art35",
    )
