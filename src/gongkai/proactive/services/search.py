"""Keeping the search index in step with published items (gongkai.search)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db.models import Q
from django.urls import reverse

from gongkai.proactive.models import PUBLIC, Item
from gongkai.search.analysis import plain_text
from gongkai.search.documents import Filters, ScanResult, SearchDocument
from gongkai.search.services import enqueue_delete, enqueue_upsert


def document_id(item: Item) -> str:
    return f"proactive-item:{item.pk}"


def item_document(item: Item) -> SearchDocument:
    """What the index holds of an item: only the published, redacted text."""
    return SearchDocument(
        id=document_id(item),
        title=item.public_title,
        body=plain_text(item.public_body),  # tags dropped, entities decoded
        url=reverse("proactive:item", args=[item.pk]),
        organisation=item.organisation.name,
        section=item.section,
        year=item.published_at.year if item.published_at else 0,
        kind=KIND,
        published_at=item.published_at,
    )


def item_index(item: Item) -> None:
    enqueue_upsert(item_document(item))


def item_unindex(item: Item) -> None:
    enqueue_delete(document_id(item))


def published_items_source() -> Iterator[SearchDocument]:
    """The reindex source: every item the public can read now."""
    items = Item.objects.filter(PUBLIC).select_related("organisation")
    for item in items.iterator(chunk_size=500):
        yield item_document(item)


def published_items_count() -> int:
    return Item.objects.filter(PUBLIC).count()


def visible_item_ids(ids: list[str]) -> Iterable[str]:
    """Search visibility: ids of other sources pass; items must be published now."""
    prefix = "proactive-item:"
    wanted = {
        int(i[len(prefix) :]) for i in ids if i.startswith(prefix) and i[len(prefix) :].isdigit()
    }
    public = set(Item.objects.filter(PUBLIC, pk__in=wanted).values_list("pk", flat=True))
    return [i for i in ids if not i.startswith(prefix) or int(i[len(prefix) :]) in public]


KIND = "proactive_item"


def published_items_scan(
    terms: list[str], filters: Filters, *, limit: int, cap: int, rows: int
) -> ScanResult:
    """Search without the index (while it is rebuilt): published items whose public title
    or text contains every term, newest first; only the newest ``rows`` items are looked
    at and at most ``cap + 1`` matches counted, so the scan stays bounded."""
    items = Item.objects.filter(PUBLIC)
    if filters.kind and filters.kind != KIND:
        return ScanResult(documents=[], matches=0, scanned_all=True)
    if filters.organisation:
        items = items.filter(organisation__name=filters.organisation)
    if filters.organisations:  # a body's site on a shared platform (gongkai.sites)
        items = items.filter(organisation__name__in=filters.organisations)
    if filters.section:
        items = items.filter(section=filters.section)
    if filters.year:
        items = items.filter(published_at__year=filters.year)
    newest = items.order_by("-published_at", "-id")
    # The date of the rows-th newest item, when there are more than ``rows``.
    edge = list(newest.values_list("published_at", flat=True)[rows - 1 : rows + 1])
    scanned_all = len(edge) < 2
    if not scanned_all:
        items = items.filter(published_at__gte=edge[0])
    for term in terms:
        items = items.filter(Q(public_title__icontains=term) | Q(public_body__icontains=term))
    ids = list(items.order_by("-published_at", "-id").values_list("pk", flat=True)[: cap + 1])
    page = Item.objects.select_related("organisation").in_bulk(ids[:limit])
    return ScanResult(
        documents=[item_document(page[pk]) for pk in ids[:limit]],
        matches=len(ids),
        scanned_all=scanned_all,
    )
