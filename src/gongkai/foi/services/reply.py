"""Extension (条例 art. 33), the reply (art. 36), closing, reviews and lawsuits."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.access import has_role
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Role
from gongkai.core.services import clock_extend, clock_stop
from gongkai.core.types import Actor
from gongkai.foi.models import Consultation, Remedy, ReplyGround, Request, RequestEvent, Status
from gongkai.foi.outcomes import OUTCOME_LEAVES
from gongkai.foi.services.common import (
    check_transition,
    lock,
    moment,
    not_before_receipt,
    not_in_future,
    record,
    reply_clock,
    require_staff,
    today,
    transition,
)
from gongkai.foi.services.fees import check_within_reply_period
from gongkai.foi.services.settings import require_remedy_settings
from gongkai.foi.transitions import DONE_STATUSES

# Outcomes that reach a request only through a lapse service, never through a reply.
LAPSE_OUTCOMES = ("other.no_supplement", "other.no_fee")
# Art. 36(3)–(6) and art. 37: withholding, being unable to provide or not handling a request
# must state the reasons; so must the withheld part of a partial disclosure.
REASONED_GROUPS = ("withheld.", "unable.", "not_processed.")
REASONED_OUTCOMES = ("partial",)


def outcome_needs_basis(outcome: str) -> bool:
    return outcome.startswith(REASONED_GROUPS) or outcome in REASONED_OUTCOMES


def check_approver(request: Request, approved_by: User | None) -> User:
    """Art. 33: the head of the openness office of this body approves an extension."""
    profile = getattr(approved_by, "staff_profile", None)
    same_body = profile is not None and profile.organisation_id == request.organisation_id
    if approved_by is None or not has_role(approved_by, Role.OFFICE) or not same_body:
        raise PermissionDeniedError(
            "approver_not_office",
            _("An extension is approved by the head of this body's openness office."),
        )
    return approved_by


def request_extend(
    *,
    request: Request,
    actor: Actor,
    days: int,
    approved_by: User | None,
    reason: str,
    on: dt.date | None = None,
) -> Request:
    """One extension of at most 20 working days (core ``clock_extend`` enforces both),
    given while the reply period runs (art. 33 para. 2: "需要延长答复期限的")."""
    require_staff(actor)
    on = on or today()
    approver = check_approver(request, approved_by)
    if not reason.strip():
        raise ServiceError("reason_required", _("Give the reason for the extension."))
    with transaction.atomic():
        lock(request)
        not_in_future(on)
        not_before_receipt(request, on)
        check_within_reply_period(request, on, _("an extension"))
        # The clock first: a second extension is refused as such, not as a bad transition.
        clock = clock_extend(
            clock=reply_clock(request),
            actor=actor,
            days=days,
            approved_by=approver,
            at=moment(on),
            note=reason.strip()[:300],
        )
        transition(request, Status.EXTENDED)
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.EXTENDED,
            summary={"days": days, "approved_by": approver.pk, "due_on": clock.due_on},
        )
    return request


def _check_outcome(outcome: str, legal_basis: str) -> None:
    if outcome not in OUTCOME_LEAVES or outcome in LAPSE_OUTCOMES:
        raise ServiceError("invalid_outcome", _("Choose one outcome of the reply."))
    if outcome_needs_basis(outcome) and not legal_basis.strip():
        raise ServiceError(
            "legal_basis_required", _("This outcome must state its reasons and legal basis.")
        )


# Art. 36 paragraphs a reply may rest on, per outcome; the first is the default.
GROUNDS: dict[str, tuple[str, ...]] = {
    "granted": (ReplyGround.DISCLOSED, ReplyGround.ALREADY_PUBLIC),
    "unable.not_held": (ReplyGround.NOT_EXIST, ReplyGround.NOT_OURS),
}


def _check_ground(outcome: str, ground: str, published_at: str) -> str:
    allowed = GROUNDS.get(outcome, ())
    if not allowed:
        return ""
    ground = ground or allowed[0]
    if ground not in allowed:
        raise ServiceError("invalid_ground", _("This ground does not fit the outcome."))
    if ground == ReplyGround.ALREADY_PUBLIC and not published_at.strip():
        raise ServiceError(
            "published_at_required",
            _("Art. 36(1): say where the information was published (a link or a place)."),
        )
    return ground


# 条例 art. 32: outcomes that disclose what a third party objected to.
DISCLOSING_OUTCOMES = ("granted", "partial")


def _objection(request: Request) -> Consultation | None:
    return (
        request.consultations.filter(kind=Consultation.Kind.THIRD_PARTY, has_objection=True)
        .order_by("-id")
        .first()
    )


def _check_objection(request: Request, outcome: str, public_interest_reason: str) -> None:
    """Art. 32: after a reasoned objection the information is withheld, unless the body finds
    that withholding could seriously affect the public interest, which it records."""
    if outcome in DISCLOSING_OUTCOMES and _objection(request) and not public_interest_reason:
        raise ServiceError(
            "public_interest_reason_required",
            _(
                "The third party objected with reasons, so the information is withheld. To "
                "disclose it anyway, record why withholding could seriously affect the public "
                "interest (art. 32)."
            ),
        )


def request_reply(
    *,
    request: Request,
    actor: Actor,
    outcome: str,
    legal_basis: str = "",
    replied_on: dt.date | None = None,
    ground: str = "",
    published_at: str = "",
    responsible_body: str = "",
    public_interest_reason: str = "",
) -> Request:
    """Art. 36: exactly one outcome, a leaf of the yearly report's section 三, and where one
    row holds two paragraphs of art. 36, the ground the letter words."""
    require_staff(actor)
    replied_on = replied_on or today()
    public_interest_reason = public_interest_reason.strip()
    _check_outcome(outcome, legal_basis)
    ground = _check_ground(outcome, ground, published_at)
    require_remedy_settings(request.organisation)
    with transaction.atomic():
        lock(request)
        check_transition(request, Status.REPLIED)
        not_in_future(replied_on)
        not_before_receipt(request, replied_on)
        _check_objection(request, outcome, public_interest_reason)
        clock = clock_stop(
            clock=reply_clock(request), actor=actor, at=moment(replied_on), note=outcome
        )
        request.outcome, request.legal_basis = outcome, legal_basis.strip()
        request.replied_on, request.reply_ground = replied_on, ground
        request.published_at = published_at.strip() if ground else ""
        request.responsible_body = (
            responsible_body.strip() if ground == ReplyGround.NOT_OURS else ""
        )
        request.public_interest_reason = (
            public_interest_reason if outcome in DISCLOSING_OUTCOMES else ""
        )
        transition(
            request,
            Status.REPLIED,
            fields=(
                "outcome",
                "legal_basis",
                "replied_on",
                "reply_ground",
                "published_at",
                "responsible_body",
                "public_interest_reason",
            ),
        )
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.REPLIED,
            summary={
                "outcome": outcome,
                "replied_on": replied_on,
                "on_time": not clock.is_overdue_when_stopped,
                "over_objection": bool(request.public_interest_reason),
            },
        )
    return request


def request_close(*, request: Request, actor: Actor, note: str = "") -> Request:
    """Close a replied request, or drop an online one whose receipt was never confirmed
    (with the reason: the applicant could not be reached, a duplicate submission…)."""
    require_staff(actor)
    with transaction.atomic():
        lock(request)
        check_transition(request, Status.CLOSED)
        if request.status == Status.SUBMITTED and not note.strip():
            raise ServiceError(
                "note_required",
                _("Say why an application whose receipt was never confirmed is closed."),
            )
        transition(request, Status.CLOSED)
        record(request, actor=actor, type=RequestEvent.Type.CLOSED, summary={"note": note})
    return request


def remedy_record(*, request: Request, actor: Actor, kind: str, filed_on: dt.date) -> Remedy:
    """A 行政复议 (60 days) or 行政诉讼 (6 months) against the reply, for report section 四."""
    require_staff(actor)
    if request.status not in DONE_STATUSES:
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


def remedy_decide(*, remedy: Remedy, actor: Actor, result: str, decided_on: dt.date) -> Remedy:
    require_staff(actor)
    if result not in Remedy.Result.values or result == Remedy.Result.PENDING:
        raise ServiceError("invalid_result", _("Choose the result of the review or lawsuit."))
    not_in_future(decided_on)
    with transaction.atomic():
        # Conditional: of two results recorded at once, only the first is kept.
        decided = Remedy.objects.filter(pk=remedy.pk, result=Remedy.Result.PENDING).update(
            result=result, decided_on=decided_on
        )
        if decided != 1:
            raise ServiceError("already_decided", _("This review or lawsuit is already decided."))
        remedy.result, remedy.decided_on = result, decided_on
        record(
            remedy.request,
            actor=actor,
            type=RequestEvent.Type.REMEDY,
            summary={"kind": remedy.kind, "result": result, "decided_on": decided_on},
        )
    return remedy
