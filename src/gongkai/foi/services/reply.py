"""Extension (条例 art. 33), the reply (art. 36), closing, reviews and lawsuits."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.access import has_role
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Role
from gongkai.core.services import clock_extend, clock_stop
from gongkai.foi.models import Remedy, Request, RequestEvent, Status
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
)
from gongkai.reports.format import OUTCOME_LEAVES

# Outcomes that reach a request only through a lapse service, never through a reply.
LAPSE_OUTCOMES = ("other.no_supplement", "other.no_fee")
# Art. 36(3)–(6) and art. 37: withholding, being unable to provide or not handling a request
# must state the reasons; so must the withheld part of a partial disclosure.
REASONED_GROUPS = ("withheld.", "unable.", "not_processed.")
REASONED_OUTCOMES = ("partial",)


def outcome_needs_basis(outcome: str) -> bool:
    return outcome.startswith(REASONED_GROUPS) or outcome in REASONED_OUTCOMES


def _check_approver(request: Request, approved_by) -> None:
    """Art. 33: the head of the openness office of this body approves an extension."""
    profile = getattr(approved_by, "staff_profile", None)
    same_body = profile is not None and profile.organisation_id == request.organisation_id
    if approved_by is None or not has_role(approved_by, Role.OFFICE) or not same_body:
        raise PermissionDeniedError(
            "approver_not_office",
            _("An extension is approved by the head of this body's openness office."),
        )


def request_extend(
    *,
    request: Request,
    actor,
    days: int,
    approved_by,
    reason: str,
    on: dt.date | None = None,
) -> Request:
    """One extension of at most 20 working days (core ``clock_extend`` enforces both)."""
    require_staff(actor)
    on = on or today()
    _check_approver(request, approved_by)
    if not reason.strip():
        raise ServiceError("reason_required", _("Give the reason for the extension."))
    not_in_future(on)
    not_before_receipt(request, on)
    with transaction.atomic():
        # The clock first: a second extension is refused as such, not as a bad transition.
        clock = clock_extend(
            clock=reply_clock(request),
            actor=actor,
            days=days,
            approved_by=approved_by,
            at=moment(on),
            note=reason.strip()[:300],
        )
        transition(request, Status.EXTENDED)
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.EXTENDED,
            summary={"days": days, "approved_by": approved_by.pk, "due_on": clock.due_on},
        )
    return request


def _check_outcome(outcome: str, legal_basis: str) -> None:
    if outcome not in OUTCOME_LEAVES or outcome in LAPSE_OUTCOMES:
        raise ServiceError("invalid_outcome", _("Choose one outcome of the reply."))
    if outcome_needs_basis(outcome) and not legal_basis.strip():
        raise ServiceError(
            "legal_basis_required", _("This outcome must state its reasons and legal basis.")
        )


def request_reply(
    *,
    request: Request,
    actor,
    outcome: str,
    legal_basis: str = "",
    replied_on: dt.date | None = None,
) -> Request:
    """Art. 36: exactly one outcome, a leaf of the yearly report's section 三."""
    require_staff(actor)
    replied_on = replied_on or today()
    check_transition(request, Status.REPLIED)
    _check_outcome(outcome, legal_basis)
    not_in_future(replied_on)
    not_before_receipt(request, replied_on)
    with transaction.atomic():
        clock = clock_stop(
            clock=reply_clock(request), actor=actor, at=moment(replied_on), note=outcome
        )
        request.outcome, request.legal_basis = outcome, legal_basis.strip()
        request.replied_on = replied_on
        transition(request, Status.REPLIED, fields=("outcome", "legal_basis", "replied_on"))
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.REPLIED,
            summary={
                "outcome": outcome,
                "replied_on": replied_on,
                "on_time": not clock.is_overdue_when_stopped,
            },
        )
    return request


def request_close(*, request: Request, actor, note: str = "") -> Request:
    """Close a replied request, or drop an online one whose receipt was never confirmed."""
    require_staff(actor)
    check_transition(request, Status.CLOSED)
    with transaction.atomic():
        transition(request, Status.CLOSED)
        record(request, actor=actor, type=RequestEvent.Type.CLOSED, summary={"note": note})
    return request


def remedy_record(*, request: Request, actor, kind: str, filed_on: dt.date) -> Remedy:
    """A 行政复议 (60 days) or 行政诉讼 (6 months) against the reply, for report section 四."""
    require_staff(actor)
    if request.status not in (Status.REPLIED, Status.CLOSED):
        raise ServiceError("not_replied", _("Only a decided request can be reviewed."))
    if kind not in Remedy.Kind.values:
        raise ServiceError("invalid_remedy", _("Choose a review or a lawsuit."))
    not_in_future(filed_on)
    with transaction.atomic():
        remedy = Remedy.objects.create(request=request, kind=kind, filed_on=filed_on)
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.REMEDY,
            summary={"kind": kind, "filed_on": filed_on},
        )
    return remedy


def remedy_decide(*, remedy: Remedy, actor, result: str, decided_on: dt.date) -> Remedy:
    require_staff(actor)
    if result not in Remedy.Result.values or result == Remedy.Result.PENDING:
        raise ServiceError("invalid_result", _("Choose the result of the review or lawsuit."))
    if remedy.result != Remedy.Result.PENDING:
        raise ServiceError("already_decided", _("This review or lawsuit is already decided."))
    not_in_future(decided_on)
    with transaction.atomic():
        remedy.result, remedy.decided_on = result, decided_on
        remedy.save(update_fields=["result", "decided_on"])
        record(
            remedy.request,
            actor=actor,
            type=RequestEvent.Type.REMEDY,
            summary={"kind": remedy.kind, "result": result, "decided_on": decided_on},
        )
    return remedy
