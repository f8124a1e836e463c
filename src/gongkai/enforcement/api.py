"""The enforcement register under /api/v1/enforcement/: public, read-only.

Errors: ``{"code", "message"}`` (the shared ``Error`` schema).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from gongkai.core.apischema import Error, ObjectId, Year, choice
from gongkai.core.errors import NotFoundError
from gongkai.enforcement import selectors
from gongkai.enforcement.formats import decision_json
from gongkai.enforcement.law import BodyKind, DecisionKind, InspectionOutcome, Withdrawal
from gongkai.enforcement.models import ChangeRecord
from gongkai.enforcement.transitions import PUBLIC_STATUSES

router = Router(tags=["enforcement"])
MAX_PAGE = 200
Offset = Annotated[int, Field(ge=0, le=1_000_000)]
Limit = Annotated[int, Field(ge=1, le=MAX_PAGE)]
Kind = Annotated[str, choice(DecisionKind.values)]


class EnforcementOfficerOut(Schema):
    name: str
    certificate: str
    area: str


class EnforcementMatterOut(Schema):
    id: int
    name: str
    kind: Kind
    legal_basis: str
    steps: list[str]
    time_limit: str


class EnforcementBodyOut(Schema):
    id: int
    name: str
    kind: Annotated[str, choice(BodyKind.values)]
    legal_basis: str
    duties: str
    remedy: str
    address: str
    phone: str
    officers: list[EnforcementOfficerOut]
    matters: list[EnforcementMatterOut]


@router.get("/bodies", response=list[EnforcementBodyOut])
def bodies(request):
    """事前公开: every enforcement body with its officers (name and certificate number) and
    its matters (依据 and procedure steps)."""
    return [
        {
            "id": b.pk, "name": b.name, "kind": b.kind, "legal_basis": b.basis, "duties": b.duties,
            "remedy": b.remedy, "address": b.address, "phone": b.phone,
            "officers": [
                {"name": o.name, "certificate": o.certificate, "area": o.area}
                for o in b.officers.all()
            ],
            "matters": [
                {"id": m.pk, "name": m.name, "kind": m.kind, "legal_basis": m.basis,
                 "steps": m.steps, "time_limit": m.time_limit}
                for m in b.matters.all()
            ],
        }
        for b in selectors.bodies_public()
    ]  # fmt: skip


class EnforcementDecisionOut(Schema):
    id: int
    number: str
    kind: Kind
    kind_label: str
    title: str
    party: str
    party_credit_code: str
    facts: str
    legal_basis: str
    content: str
    decided_on: dt.date
    agency: str
    status: Annotated[str, choice(list(PUBLIC_STATUSES))]
    withdrawal: Annotated[str, choice(["", *Withdrawal.values])]
    withdrawn_on: dt.date | None
    withdrawal_reason: str
    replaced_by: int | None


class EnforcementDecisionPageOut(Schema):
    count: int
    results: list[EnforcementDecisionOut]


@router.get("/decisions", response=EnforcementDecisionPageOut)
def decisions(
    request,
    kind: Kind | None = None,
    q: str = "",
    year: Year | None = None,
    offset: Offset = 0,
    limit: Limit = 50,
):
    """Published decisions, newest first (withdrawn ones keep only their withdrawal)."""
    found = selectors.decisions_public(kind=kind or "", query=q, year=year)
    return {
        "count": found.count(),
        "results": [decision_json(d) for d in found[offset : offset + limit]],
    }


@router.get("/decisions/{decision_id}", response={200: EnforcementDecisionOut, 404: Error})
def decision(request, decision_id: ObjectId):
    try:
        return decision_json(selectors.decision_public(decision_id))
    except Http404:
        raise NotFoundError("not_found", _("No such decision.")) from None


class DrawEntryOut(Schema):
    code: str
    name: str


class DrawPickOut(Schema):
    target: str
    inspectors: list[str]


class InspectionResultOut(Schema):
    target_code: str
    target_name: str
    inspected_on: dt.date
    outcome: Annotated[str, choice(InspectionOutcome.values)]
    summary: str


class RandomDrawOut(Schema):
    id: int
    title: str
    drawn_on: dt.date
    seed: str
    algorithm: str
    targets: list[DrawEntryOut]
    inspectors: list[DrawEntryOut]
    targets_sha256: str
    inspectors_sha256: str
    target_count: int
    inspectors_per_target: int
    chosen: list[DrawPickOut]
    results: list[InspectionResultOut]


def _draw(d) -> dict:
    return {
        "id": d.pk, "title": d.title, "drawn_on": d.drawn_on, "seed": d.seed,
        "algorithm": d.algorithm, "targets": d.targets, "inspectors": d.inspectors,
        "targets_sha256": d.targets_sha256, "inspectors_sha256": d.inspectors_sha256,
        "target_count": d.target_count, "inspectors_per_target": d.inspectors_per_target,
        "chosen": d.chosen,
        "results": [
            {"target_code": r.target_code, "target_name": r.target_name,
             "inspected_on": r.inspected_on, "outcome": r.outcome, "summary": r.summary}
            for r in d.results.all()
        ],
    }  # fmt: skip


@router.get("/draws", response=list[RandomDrawOut])
def draws(request, offset: Offset = 0, limit: Limit = 50):
    """双随机 draws with everything needed to re-run them, and their published results."""
    return [_draw(d) for d in selectors.draws_public()[offset : offset + limit]]


@router.get("/draws/{draw_id}", response={200: RandomDrawOut, 404: Error})
def draw(request, draw_id: ObjectId):
    try:
        return _draw(selectors.draw_public(draw_id))
    except Http404:
        raise NotFoundError("not_found", _("No such draw.")) from None


class RegisterChangeOut(Schema):
    changed_on: dt.date
    subject: Annotated[str, choice(ChangeRecord.Subject.values)]
    subject_id: int
    action: Annotated[str, choice(ChangeRecord.Action.values)]
    title: str
    reason: str
    fields_changed: list[dict]


@router.get("/changes", response=list[RegisterChangeOut])
def changes(request, offset: Offset = 0, limit: Limit = 50):
    """The public history of the register, newest first."""
    return list(ChangeRecord.objects.all()[offset : offset + limit])
