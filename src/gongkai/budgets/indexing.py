"""Keeping the site search (gongkai.search) in step with the published 预决算 documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.budgets.models import BudgetDocument
from gongkai.search.documents import SearchDocument, register_source
from gongkai.search.services import enqueue_upsert

KIND = "budgets_document"
PREFIX = "budgets-document:"


def _published():
    return BudgetDocument.objects.filter(status=BudgetDocument.Status.PUBLISHED)


def budget_document(document: BudgetDocument) -> SearchDocument:
    title = _("%(organisation)s %(year)d %(kind)s") % {
        "organisation": document.organisation.name,
        "year": document.year,
        "kind": document.get_kind_display(),
    }
    body = "\n".join(
        [
            str(_("Three public expenses")),
            document.explanation,
            document.three_explanation,
            *(str(t.get_template_display()) for t in document.tables.all()),
        ]
    )
    published = document.published_at or timezone.now()
    return SearchDocument(
        id=f"{PREFIX}{document.pk}",
        title=title,
        body=body,
        url=reverse("budgets:document", args=[document.pk]),
        organisation=document.organisation.name,
        year=document.year,
        kind=KIND,
        published_at=published if isinstance(published, dt.datetime) else timezone.now(),
    )


def budget_index(document: BudgetDocument) -> None:
    if document.status == BudgetDocument.Status.PUBLISHED:
        enqueue_upsert(budget_document(document))


def budgets_source() -> Iterator[SearchDocument]:
    documents = _published().select_related("organisation").prefetch_related("tables")
    for document in documents.iterator(chunk_size=200):
        yield budget_document(document)


def _visible(pks: list[int]) -> Iterable[int]:
    return _published().filter(pk__in=pks).values_list("pk", flat=True)


def register_budget_source() -> None:
    register_source(
        budgets_source,
        count=lambda: _published().count(),
        kind=KIND,
        label=gettext_lazy("Budgets and final accounts"),
        prefix=PREFIX,
        visible=_visible,
    )
