"""The proactive app's operations under /api/v1/proactive/.

Reading published information is public; drafting and review need staff (session or token).
Errors: ``{"code", "message"}``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Schema

from gongkai.core.api_auth import staff_auth
from gongkai.core.apischema import Error, ObjectId, Year, choice
from gongkai.core.errors import NotFoundError
from gongkai.core.models import Organisation
from gongkai.proactive import selectors, services
from gongkai.proactive.law import DisclosureLabel, Section, Validity
from gongkai.proactive.models import Genre, NegativeListEntry, Topic
from gongkai.proactive.transitions import Status

router = Router(tags=["proactive"])


class ItemOut(Schema):
    id: int
    index_number: str
    title: str
    organisation: str
    document_number: str
    written_on: dt.date | None
    published_at: dt.datetime | None
    section: Annotated[str, choice(Section.values)]
    validity: Annotated[str, choice(Validity.values)]
    withdrawn: bool


class ItemDetailOut(ItemOut):
    body: str
    withdrawal_reason: str
    interprets: int | None
    interpretations: list[int]


class CatalogRowOut(Schema):
    group: str
    section: str
    name: str
    summary: str
    department: str
    carriers: str
    url: str
    index_number: str


class NormativeCountOut(Schema):
    made: int
    repealed: int
    in_force: int


class NormativeCountsOut(Schema):
    """One row per kind of the report's table 第二十条第（一）项."""

    regulation: NormativeCountOut
    normative: NormativeCountOut


class DraftIn(Schema):
    title: str
    section: Annotated[str, choice(Section.values)]
    body: str = ""
    summary: str = ""
    document_number: str = ""
    written_on: dt.date | None = None
    topic: ObjectId | None = None
    genre: ObjectId | None = None
    keywords: str = ""
    label: Annotated[str, choice(DisclosureLabel.values)] = DisclosureLabel.PROACTIVE.value
    label_reason: str = ""
    label_basis: str = ""
    negative_entry: ObjectId | None = None
    unit: ObjectId | None = None
    idempotency_key: str | None = None


class ReviewIn(Schema):
    approve: bool
    comment: str = ""
    confirm_label: bool = False
    step: ObjectId | None = None


class ReasonIn(Schema):
    reason: str


class ItemStatusOut(Schema):
    id: int
    status: Annotated[str, choice(Status.values)]
    index_number: str


def _item_out(item) -> dict:
    return {
        "id": item.pk,
        "index_number": item.index_number,
        "title": item.public_title or item.title,
        "organisation": item.organisation.name,
        "document_number": item.document_number,
        "written_on": item.written_on,
        "published_at": item.published_at,
        "section": item.section,
        "validity": item.validity,
        "withdrawn": item.withdrawn_at is not None,
    }


@router.get("/items", response=list[ItemOut])
def items_list(
    request,
    organisation: ObjectId | None = None,
    year: Year | None = None,
    section: Annotated[str, choice(Section.values)] | None = None,
):
    """Published items, newest first (at most 100)."""
    filters = selectors.ItemFilters(organisation=organisation, year=year, section=section or "")
    return [_item_out(i) for i in selectors.items_published(filters)[:100]]


@router.get("/items/{item_id}", response={200: ItemDetailOut, 404: Error})
def item_detail(request, item_id: ObjectId):
    try:
        item = selectors.item_public(item_id)
    except Http404:
        raise NotFoundError("not_found", _("No such published item.")) from None
    withdrawn = item.withdrawn_at is not None
    return {
        **_item_out(item),
        "body": "" if withdrawn else item.public_body,
        "withdrawal_reason": item.withdrawal_reason,
        "interprets": item.interprets_id,
        "interpretations": [i.pk for i in item.public_interpretations],
    }


@router.get("/catalog", response=list[CatalogRowOut])
def catalog(request, organisation: ObjectId | None = None):
    """The 主动公开基本目录, derived live from the published items."""
    base = request.build_absolute_uri("/")[:-1]
    return [
        r.__dict__ for r in selectors.proactive_catalog(organisation=organisation, base_url=base)
    ]


@router.get("/normative/counts", auth=staff_auth, response={200: NormativeCountsOut, 404: Error})
def normative_counts(request, organisation: ObjectId, year: Year):
    """Yearly report section 二, 第二十条第（一）项: made, repealed and in force per kind."""
    body = Organisation.objects.filter(pk=organisation).first()
    if body is None:
        raise NotFoundError("not_found", _("No such organisation."))
    return selectors.normative_document_counts(body, year)


def _access(request, item_id: ObjectId):
    try:
        return selectors.access_item(request.user, item_id)
    except Http404:
        raise NotFoundError("not_found", _("No such item.")) from None


@router.post("/drafts", auth=staff_auth, response={201: ItemStatusOut, 400: Error, 403: Error})
def draft_create(request, payload: DraftIn):
    profile = getattr(request.user, "staff_profile", None)
    if profile is None:
        raise NotFoundError("not_found", _("No such item."))
    body = profile.organisation.body
    data = payload.dict()
    unit_id = data.pop("unit")
    unit = body.children.filter(pk=unit_id).first() if unit_id else None
    key = data.pop("idempotency_key")
    data["topic"] = Topic.objects.filter(pk=payload.topic).first() if payload.topic else None
    data["genre"] = Genre.objects.filter(pk=payload.genre).first() if payload.genre else None
    data["negative_entry"] = (
        NegativeListEntry.objects.filter(pk=payload.negative_entry).first()
        if payload.negative_entry
        else None
    )
    item = services.item_create(
        actor=request.user, organisation=body, unit=unit,
        fields=services.ItemFields(**data), idempotency_key=key,
    )  # fmt: skip
    return 201, {"id": item.pk, "status": item.status, "index_number": item.index_number}


def _status(item) -> dict:
    return {"id": item.pk, "status": item.status, "index_number": item.index_number}


@router.post(
    "/items/{item_id}/submit",
    auth=staff_auth,
    response={200: ItemStatusOut, 400: Error, 403: Error, 404: Error},
)
def item_submit(request, item_id: ObjectId):
    return _status(services.item_submit(item=_access(request, item_id), actor=request.user))


@router.post(
    "/items/{item_id}/review",
    auth=staff_auth,
    response={200: ItemStatusOut, 400: Error, 403: Error, 404: Error},
)
def item_review(request, item_id: ObjectId, payload: ReviewIn):
    item = services.item_review(
        item=_access(request, item_id), actor=request.user, **payload.dict()
    )
    return _status(item)


@router.post(
    "/items/{item_id}/publish",
    auth=staff_auth,
    response={200: ItemStatusOut, 400: Error, 403: Error, 404: Error},
)
def item_publish(request, item_id: ObjectId):
    return _status(services.item_publish(item=_access(request, item_id), actor=request.user))


@router.post(
    "/items/{item_id}/withdraw",
    auth=staff_auth,
    response={200: ItemStatusOut, 400: Error, 403: Error, 404: Error},
)
def item_withdraw(request, item_id: ObjectId, payload: ReasonIn):
    item = services.item_withdraw(
        item=_access(request, item_id), actor=request.user, reason=payload.reason
    )
    return _status(item)
