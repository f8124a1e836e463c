"""预决算 and 三公经费 under /api/v1/budgets/: public, read-only.

Errors: ``{"code", "message"}``.
"""

from __future__ import annotations

from typing import Annotated

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from gongkai.budgets import selectors
from gongkai.budgets.formats import document_json
from gongkai.budgets.law import DocumentKind
from gongkai.core.apischema import Error, ObjectId, choice
from gongkai.core.errors import NotFoundError

router = Router(tags=["budgets"])

Kind = Annotated[str, choice(DocumentKind.values)]
Year = Annotated[int, Field(ge=2000, le=2100)]


class DocumentSummaryOut(Schema):
    id: int
    title: str
    organisation: str
    year: int
    kind: Kind
    kind_label: str
    approved_on: str
    published_at: str | None
    due_on: str | None


class TableOut(Schema):
    code: str
    title: str
    columns: list[str]
    rows: list[dict]
    empty_note: str


class ThreeLineOut(Schema):
    item: str
    label: str
    amount: str
    previous: str | None
    change: str | None
    change_percent: str | None


class ThreeOut(Schema):
    lines: list[ThreeLineOut]
    counts: dict[str, int]
    explanation: str


class CorrectionOut(Schema):
    corrected_on: str
    what: str
    reason: str


class DocumentOut(DocumentSummaryOut):
    approved_by: str
    explanation: str
    unit: str
    tables: list[TableOut]
    three_public_expenses: ThreeOut
    corrections: list[CorrectionOut]


SUMMARY_KEYS = list(DocumentSummaryOut.model_fields)


@router.get("/documents", response=list[DocumentSummaryOut])
def documents_list(
    request,
    year: Year | None = None,
    kind: Kind | None = None,
    organisation: ObjectId | None = None,
):
    """Published budgets and final accounts, newest year first."""
    documents = selectors.documents_public(year=year, kind=kind or "", organisation=organisation)
    return [
        {key: value for key, value in document_json(d, brief=True).items() if key in SUMMARY_KEYS}
        for d in documents
    ]


@router.get("/documents/{document_id}", response={200: DocumentOut, 404: Error})
def document_detail(request, document_id: ObjectId):
    """One published document: its tables, the 三公 figures with the year before, corrections."""
    try:
        found = selectors.document_public(document_id)
    except Http404:
        raise NotFoundError("not_found", _("No such budget document.")) from None
    return document_json(found)
