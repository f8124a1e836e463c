"""NPC suggestions and CPPCC proposals: register, assign, reply, publish or withhold."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.models import Organisation
from gongkai.core.types import Actor
from gongkai.participation import law
from gongkai.participation.indexing import proposal_index
from gongkai.participation.models import Proposal
from gongkai.participation.services.common import (
    add_months,
    check_transition,
    clean_text,
    lock,
    move,
    now,
    record,
    require_office,
    require_staff,
    today,
)
from gongkai.participation.transitions import PROPOSAL_TRANSITIONS


def proposal_due_on(received_on: dt.date) -> dt.date:
    """3 months from assignment (《代表法》 art. 43; 政协提案工作条例)."""
    return add_months(received_on, law.PROPOSAL_REPLY_MONTHS)


def proposal_register(
    *,
    actor: Actor,
    organisation: Organisation,
    kind: str,
    session: str,
    number: str,
    title: str,
    proposers: str,
    body: str,
    received_on: dt.date,
) -> Proposal:
    require_office(actor)
    if kind not in Proposal.Kind.values:
        raise ServiceError("invalid_kind", _("Unknown kind of suggestion or proposal."))
    values = {
        "session": clean_text(session, field="session", label=_("the session"), max_chars=100),
        "number": clean_text(number, field="number", label=_("the number"), max_chars=20),
        "title": clean_text(title, field="title", label=_("the title"), max_chars=200),
        "proposers": clean_text(
            proposers, field="proposers", label=_("the proposers"), max_chars=200
        ),
        "body": clean_text(body, field="body", label=_("the text"), max_chars=50_000),
    }
    if received_on > today():
        raise ServiceError("date_in_future", _("A date in the future cannot be recorded."))
    try:
        with transaction.atomic():
            proposal = Proposal.objects.create(
                organisation=organisation,
                kind=kind,
                received_on=received_on,
                due_on=proposal_due_on(received_on),
                **values,
            )
            record(
                actor=actor,
                action="proposal.register",
                obj=proposal,
                summary={"kind": kind, "number": proposal.number, "due_on": proposal.due_on},
            )
    except IntegrityError:
        raise ServiceError(
            "duplicate_proposal", _("This suggestion or proposal is already registered.")
        ) from None
    return proposal


def proposal_assign(
    *, actor: Actor, proposal: Proposal, unit: Organisation, handler: User | None = None
) -> Proposal:
    require_office(actor)
    if unit.kind != Organisation.Kind.UNIT or unit.parent_id != proposal.organisation_id:
        raise ServiceError("invalid_unit", _("Please choose a unit of this body."))
    with transaction.atomic():
        lock(proposal)
        proposal.unit, proposal.handler = unit, handler
        move(PROPOSAL_TRANSITIONS, proposal, Proposal.Status.ASSIGNED, ("unit", "handler"))
        record(actor=actor, action="proposal.assign", obj=proposal, summary={"unit": unit.pk})
    return proposal


def proposal_reply(
    *,
    actor: Actor,
    proposal: Proposal,
    reply_text: str,
    reply_summary: str,
    signatory: str,
    replied_on: dt.date | None = None,
) -> Proposal:
    require_staff(actor)
    check_transition(PROPOSAL_TRANSITIONS, proposal, Proposal.Status.REPLIED)
    replied_on = replied_on or today()
    if replied_on < proposal.received_on or replied_on > today():
        raise ServiceError("invalid_date", _("The reply date must lie between receipt and today."))
    with transaction.atomic():
        lock(proposal)
        proposal.reply_text = clean_text(
            reply_text, field="reply", label=_("the reply"), max_chars=50_000
        )
        proposal.reply_summary = clean_text(
            reply_summary, field="summary", label=_("the content summary"), max_chars=200
        )
        proposal.signatory = clean_text(
            signatory, field="signatory", label=_("the signatory"), max_chars=50
        )
        proposal.replied_on = replied_on
        move(PROPOSAL_TRANSITIONS, proposal, Proposal.Status.REPLIED,
             ("reply_text", "reply_summary", "signatory", "replied_on"))  # fmt: skip
        record(
            actor=actor,
            action="proposal.reply",
            obj=proposal,
            summary={"replied_on": replied_on, "on_time": replied_on <= proposal.due_on},
        )
    return proposal


def proposal_publish(*, actor: Actor, proposal: Proposal) -> Proposal:
    """Publish the reply in full (西市区2018年要点: 建议提案办理结果公开)."""
    require_office(actor)
    with transaction.atomic():
        lock(proposal)
        proposal.published_at, proposal.withheld_reason = now(), ""
        move(PROPOSAL_TRANSITIONS, proposal, Proposal.Status.PUBLISHED,
             ("published_at", "withheld_reason"))  # fmt: skip
        record(actor=actor, action="proposal.publish", obj=proposal)
        proposal_index(proposal)  # the site search, through its queue
    return proposal


def proposal_withhold(*, actor: Actor, proposal: Proposal, reason: str) -> Proposal:
    require_office(actor)
    check_transition(PROPOSAL_TRANSITIONS, proposal, Proposal.Status.WITHHELD)
    reason = clean_text(reason, field="reason", label=_("the reason"), max_chars=300)
    with transaction.atomic():
        lock(proposal)
        proposal.withheld_reason = reason
        move(PROPOSAL_TRANSITIONS, proposal, Proposal.Status.WITHHELD, ("withheld_reason",))
        record(actor=actor, action="proposal.withhold", obj=proposal, summary={"reason": reason})
    return proposal
