"""Service guides, the service map and the gazette under /api/v1/guides/: public,
read-only. Errors: ``{"code", "message"}`` (the shared ``Error`` schema)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from gongkai.core.apischema import Error, ObjectId, Year, choice
from gongkai.core.errors import NotFoundError
from gongkai.guides import selectors
from gongkai.guides.formats import guide_json, point_json
from gongkai.guides.law import MaterialForm, PointKind
from gongkai.guides.models import GuideVersion
from gongkai.proactive.law import NormativeKind

router = Router(tags=["guides"])
MAX_PAGE = 200
Offset = Annotated[int, Field(ge=0, le=1_000_000)]
Limit = Annotated[int, Field(ge=1, le=MAX_PAGE)]
Kind = Annotated[str, choice(PointKind.values)]
Form = Annotated[str, choice(MaterialForm.values)]
DocumentKind = Annotated[str, choice(NormativeKind.values)]
Change = Annotated[str, choice(GuideVersion.Change.values)]


class GuideBasisOut(Schema):
    law: str
    article: str


class GuideMaterialOut(Schema):
    name: str
    copies: int
    form: Form
    note: str


class GuideStepOut(Schema):
    name: str
    description: str


class GuidePowerOut(Schema):
    id: int
    code: str


class GuideOut(Schema):
    id: int
    code: str
    name: str
    organisation: str
    power: GuidePowerOut | None
    bases: list[GuideBasisOut]
    conditions: str
    materials: list[GuideMaterialOut]
    steps: list[GuideStepOut]
    legal_days: int
    promised_days: int
    charges_fee: bool
    fee_standard: str
    fee_basis: str
    place: str
    hours: str
    enquiry_phone: str
    complaint_phone: str
    visits: int
    online_depth: int
    online_url: str
    version: int
    changed_on: dt.date


class GuidePageOut(Schema):
    count: int
    results: list[GuideOut]


class GuideChangeOut(Schema):
    field: str
    old: str | int | bool | None
    new: str | int | bool | None


class GuideVersionOut(Schema):
    number: int
    change: Change
    approved_on: dt.date
    effective_on: dt.date
    published_at: dt.datetime
    on_time: bool | None
    reason: str
    fields_changed: list[GuideChangeOut]


class GuideDetailOut(GuideOut):
    in_force: bool
    versions: list[GuideVersionOut]


@router.get("/services", response=GuidePageOut)
def guides_list(
    request, q: str = "", one_visit: bool = False, offset: Offset = 0, limit: Limit = 50
):
    """Guides in force by code; ``q`` a substring of name or code; ``one_visit`` the
    一次办 list (at most one visit in person)."""
    guides = selectors.guides_export(query=q, one_visit=one_visit)
    return {
        "count": guides.count(),
        "results": [guide_json(g) for g in guides[offset : offset + limit]],
    }


@router.get("/services/{guide_id}", response={200: GuideDetailOut, 404: Error})
def guide_detail(request, guide_id: ObjectId):
    """One guide (also a withdrawn one) with its public history of changes."""
    try:
        guide = selectors.guide_public(guide_id)
    except Http404:
        raise NotFoundError("not_found", _("No such service guide.")) from None
    return {
        **guide_json(guide),
        "in_force": guide.is_active,
        "versions": [
            {
                "number": v.number, "change": v.change, "approved_on": v.approved_on,
                "effective_on": v.effective_on, "published_at": v.published_at,
                "on_time": selectors.on_time(v), "reason": v.reason,
                "fields_changed": v.fields_changed,
            }
            for v in guide.versions.all()
        ],
    }  # fmt: skip


class PointGuideOut(Schema):
    id: int
    code: str
    name: str


class ServicePointOut(Schema):
    id: int
    name: str
    kind: Kind
    kind_label: str
    address: str
    datum: str
    latitude: float
    longitude: float
    hours: str
    phone: str
    guides: list[PointGuideOut]


@router.get("/points", response=list[ServicePointOut])
def points_list(request, kind: Kind | None = None, service: ObjectId | None = None):
    """Open service points (coordinates in GCJ-02); ``service`` those handling a guide."""
    return [point_json(p) for p in selectors.points_public(kind=kind or "", guide=service)]


class GazetteIssueOut(Schema):
    id: int
    title: str
    year: int
    number: int
    period_start: dt.date
    period_end: dt.date
    published_at: dt.datetime
    pdf: str


class GazetteEntryOut(Schema):
    position: int
    title: str
    document_number: str
    issued_on: dt.date
    kind: DocumentKind


class GazetteIssueDetailOut(GazetteIssueOut):
    contents: list[GazetteEntryOut]


def _issue(issue) -> dict:
    from django.urls import reverse

    return {
        "id": issue.pk, "title": selectors.issue_title(issue), "year": issue.year,
        "number": issue.number, "period_start": issue.period_start,
        "period_end": issue.period_end, "published_at": issue.published_at,
        "pdf": reverse("guides:issue_pdf", args=[issue.pk]),
    }  # fmt: skip


@router.get("/gazette", response=list[GazetteIssueOut])
def issues_list(request, year: Year | None = None):
    """Published gazette issues, newest first."""
    return [_issue(i) for i in selectors.issues_published(year)]


@router.get("/gazette/{issue_id}", response={200: GazetteIssueDetailOut, 404: Error})
def issue_detail(request, issue_id: ObjectId):
    """One published issue with its table of contents."""
    try:
        issue = selectors.issue_public(issue_id)
    except Http404:
        raise NotFoundError("not_found", _("No such gazette issue.")) from None
    contents = [
        {"position": e.position, "title": e.document.title,
         "document_number": e.document.document_number, "issued_on": e.document.issued_on,
         "kind": e.document.kind}
        for e in issue.entries.all()
    ]  # fmt: skip
    return {**_issue(issue), "contents": contents}
