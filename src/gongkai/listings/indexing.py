"""Keeping the site search (gongkai.search) in step with the powers list.

A power in force is a document; a removed one leaves the index. An import enqueues its
documents in one bulk insert and applies them in one batch after commit (one index write
for the whole list, not one per power).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from django.db import transaction
from django.urls import reverse

from gongkai.core.clockmath import CHINA
from gongkai.listings.models import Power
from gongkai.search.documents import SearchDocument
from gongkai.search.models import PendingIndexOp
from gongkai.search.services import apply_pending, enqueue_delete, enqueue_upsert

KIND = "listings_power"
PREFIX = "listings-power:"


def document_id(power: Power) -> str:
    return f"{PREFIX}{power.pk}"


def power_document(power: Power, bases: Iterable | None = None) -> SearchDocument:
    bases = power.bases.all() if bases is None else bases
    body = "\n".join(
        [
            power.code,
            str(power.get_kind_display()),
            *(str(b) for b in bases),
            power.exercised_by,
            power.responsibilities,
        ]
    )
    return SearchDocument(
        id=document_id(power),
        title=power.name,
        body=body,
        url=reverse("listings:power", args=[power.pk]),
        organisation=power.organisation.name,
        year=power.changed_on.year,
        kind=KIND,
        published_at=dt.datetime.combine(power.changed_on, dt.time(), tzinfo=CHINA),
    )


def power_index(power: Power) -> None:
    if power.is_active:
        enqueue_upsert(power_document(power))
    else:
        enqueue_delete(document_id(power))


def powers_index(powers: list[Power], bases: dict[int, list]) -> None:
    """Many powers at once (an import): one insert, one index write after commit."""
    if not powers:
        return
    documents = [power_document(p, bases.get(p.pk, [])) for p in powers]
    PendingIndexOp.objects.bulk_create(
        PendingIndexOp(doc_id=d.id, op=PendingIndexOp.Op.UPSERT, payload=d.to_payload())
        for d in documents
    )
    ids = [d.id for d in documents]
    transaction.on_commit(lambda: apply_pending(ids), robust=True)


def powers_unindex(powers: list[Power]) -> None:
    """Many powers leave the index at once (an import that removes them)."""
    if not powers:
        return
    ids = [document_id(p) for p in powers]
    PendingIndexOp.objects.bulk_create(
        PendingIndexOp(doc_id=i, op=PendingIndexOp.Op.DELETE) for i in ids
    )
    transaction.on_commit(lambda: apply_pending(ids), robust=True)


def powers_source() -> Iterator[SearchDocument]:
    """The reindex source: every power in force."""
    powers = (
        Power.objects.filter(is_active=True)
        .select_related("organisation")
        .prefetch_related("bases")
    )
    for power in powers.iterator(chunk_size=500):
        yield power_document(power)


def powers_count() -> int:
    return Power.objects.filter(is_active=True).count()


def visible_power_ids(ids: list[str]) -> Iterable[str]:
    """Search visibility: ids of other sources pass; powers must be in force now."""
    wanted = {
        int(i[len(PREFIX) :]) for i in ids if i.startswith(PREFIX) and i[len(PREFIX) :].isdigit()
    }
    active = set(Power.objects.filter(is_active=True, pk__in=wanted).values_list("pk", flat=True))
    return [i for i in ids if not i.startswith(PREFIX) or int(i[len(PREFIX) :]) in active]
