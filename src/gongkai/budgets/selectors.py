"""Reads of 预决算 and 三公经费 for the portal, the API and the exports."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TypedDict

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from gongkai.budgets.law import TABLES, TABLES_BY_CODE, THREE_AMOUNTS, DocumentKind
from gongkai.budgets.models import BudgetCorrection, BudgetDocument, BudgetRow, BudgetTable
from gongkai.budgets.services import previous_document
from gongkai.core.sitescope import scoped

TABLE_ORDER = {t.code: i for i, t in enumerate(TABLES)}


def _published() -> QuerySet[BudgetDocument]:
    # On a body's site (gongkai.sites) only that body's (and its group's) documents.
    return scoped(
        BudgetDocument.objects.filter(status=BudgetDocument.Status.PUBLISHED), pk_field=None
    )


def documents_public(
    *, year: int | None = None, kind: str = "", organisation: int | None = None
) -> QuerySet[BudgetDocument]:
    documents = _published().select_related("organisation", "clock")
    if year:
        documents = documents.filter(year=year)
    if kind in DocumentKind.values:
        documents = documents.filter(kind=kind)
    if organisation:
        documents = documents.filter(organisation_id=organisation)
    return documents.order_by("-year", "organisation_id", "kind")


def years_public() -> list[int]:
    return list(_published().values_list("year", flat=True).distinct().order_by("-year"))


def _with_tables(documents: QuerySet[BudgetDocument]) -> QuerySet[BudgetDocument]:
    return documents.select_related("organisation", "clock").prefetch_related(
        Prefetch(
            "tables",
            queryset=BudgetTable.objects.prefetch_related(
                Prefetch("rows", queryset=BudgetRow.objects.order_by("position"))
            ),
        ),
        Prefetch("corrections", queryset=BudgetCorrection.objects.order_by("-recorded_at")),
    )


def document_public(pk: int) -> BudgetDocument:
    found = _with_tables(_published().filter(pk=pk)).first()
    if found is None:
        raise Http404
    return found


def document_for_staff(pk: int, organisation_ids: list[int] | None) -> BudgetDocument:
    documents = BudgetDocument.objects.filter(pk=pk)
    if organisation_ids is not None:
        documents = documents.filter(organisation_id__in=organisation_ids)
    found = _with_tables(documents).first()
    if found is None:
        raise Http404
    return found


class TableRow(TypedDict):
    code: str
    name: str
    amounts: list[Decimal]


@dataclass
class TableView:
    code: str
    title: str
    columns: tuple[StrOrPromise, ...]
    rows: list[TableRow]
    empty_note: str


def tables_of(document: BudgetDocument) -> list[TableView]:
    """The document's tables in the template's order, each with its columns: every unit's
    document renders the same way."""
    tables = sorted(document.tables.all(), key=lambda t: TABLE_ORDER.get(t.template, 99))
    views = []
    for table in tables:
        template = TABLES_BY_CODE.get(table.template)
        if template is None:
            continue
        rows: list[TableRow] = [
            {"code": r.code, "name": r.name, "amounts": [Decimal(a) for a in r.amounts]}
            for r in table.rows.all()
        ]
        views.append(
            TableView(template.code, str(template.title), template.columns, rows, table.empty_note)
        )
    return views


@dataclass
class ThreeLine:
    field: str
    label: str
    amount: Decimal
    previous: Decimal | None

    @property
    def change(self) -> Decimal | None:
        return None if self.previous is None else self.amount - self.previous

    @property
    def percent(self) -> Decimal | None:
        if self.previous is None or self.previous == 0:
            return None
        return ((self.amount - self.previous) / self.previous * 100).quantize(Decimal("0.1"))


def three_lines(
    document: BudgetDocument, previous: BudgetDocument | None = None
) -> list[ThreeLine]:
    """The 三公 lines with the year before and the change: total first, then each item."""
    if previous is None:
        previous = previous_document(document)

    def prev(field: str) -> Decimal | None:
        if previous is None:
            return None
        return previous.three_total if field == "total" else getattr(previous, field)

    lines = [ThreeLine("total", _("Sum"), document.three_total, prev("total"))]
    lines += [
        ThreeLine(field, str(label), getattr(document, field), prev(field))
        for field, label in THREE_AMOUNTS
    ]
    return lines


def three_series(
    organisation: int | None = None, kind: str = DocumentKind.FINAL
) -> QuerySet[BudgetDocument]:
    """三公 figures of published documents year by year (for the list's table and export)."""
    return documents_public(organisation=organisation, kind=kind).order_by(
        "organisation_id", "-year"
    )
