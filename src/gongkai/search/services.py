"""Writes: keep the index consistent with the domain tables.

A domain service calls ``enqueue_upsert`` / ``enqueue_delete`` inside its own
transaction. The op row commits (or rolls back) with the domain change and a task
(``search.tasks.index_apply``, one per transaction) applies it to the index right after
commit, in a worker. If the process dies in between, or the index is locked or failing,
the row stays and ``sync_pending`` (run when a ``search`` command starts and by the
periodic sweep) applies it later. Meanwhile ``selectors.search`` drops ids that have
a pending delete, so a withdrawn item never shows, even before the index catches up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Max

from .backends import get_backend
from .documents import SearchDocument, all_documents, expected_total
from .health import IndexHealth, index_health
from .models import PendingIndexOp

log = logging.getLogger(__name__)
SYNC_BATCH = 500
REINDEX_BATCH = 1000

Progress = Callable[[int, int | None], None]


def enqueue_upsert(doc: SearchDocument) -> PendingIndexOp:
    """Record that ``doc`` must be (re)indexed; applied when the transaction commits."""
    op = PendingIndexOp.objects.create(
        doc_id=doc.id, op=PendingIndexOp.Op.UPSERT, payload=doc.to_payload()
    )
    _apply_on_commit(doc.id)
    return op


def enqueue_delete(doc_id: str) -> PendingIndexOp:
    """Record that ``doc_id`` must leave the index (withdrawn, deleted, unpublished)."""
    op = PendingIndexOp.objects.create(doc_id=doc_id, op=PendingIndexOp.Op.DELETE)
    _apply_on_commit(doc_id)
    return op


def _apply_on_commit(doc_id: str) -> None:
    """After commit, one task per transaction applies its documents' ops (the worker
    writes the index, not the request). robust: a failing enqueue must not turn a
    committed change into an error page; the op rows stay for sync_pending."""
    connection = transaction.get_connection()
    batch: _IndexBatch | None = getattr(connection, "_gongkai_index_batch", None)
    registered = batch is not None and any(
        callback is batch.flush for _ids, callback, _robust in connection.run_on_commit
    )
    if batch is None or not registered:
        batch = _IndexBatch()
        connection._gongkai_index_batch = batch
        transaction.on_commit(batch.flush, robust=True)
    batch.doc_ids.append(doc_id)


class _IndexBatch:
    def __init__(self) -> None:
        self.doc_ids: list[str] = []

    def flush(self) -> None:
        from .tasks import index_apply

        doc_ids = sorted(set(self.doc_ids))
        for start in range(0, len(doc_ids), SYNC_BATCH):
            index_apply.enqueue(doc_ids=doc_ids[start : start + SYNC_BATCH])


def apply_pending(doc_ids: Iterable[str]) -> int:
    """Apply the latest pending op of each of ``doc_ids``; returns ops applied."""
    ops = PendingIndexOp.objects.filter(doc_id__in=set(doc_ids))
    return _apply(list(ops))


def sync_pending() -> int:
    """Apply every pending op (oldest first, the latest per document wins)."""
    applied = 0
    while True:
        batch = list(PendingIndexOp.objects.order_by("id")[:SYNC_BATCH])
        if not batch:
            return applied
        doc_ids = {op.doc_id for op in batch}
        # Include later ops of the same documents so none is applied out of order.
        applied += _apply(list(PendingIndexOp.objects.filter(doc_id__in=doc_ids)))


def pending_count() -> int:
    return PendingIndexOp.objects.count()


def _apply(ops: list[PendingIndexOp]) -> int:
    if not ops:
        return 0
    latest: dict[str, PendingIndexOp] = {}
    for op in sorted(ops, key=lambda o: o.id):
        latest[op.doc_id] = op
    upserts = [
        SearchDocument.from_payload(op.payload)
        for op in latest.values()
        if op.op == PendingIndexOp.Op.UPSERT and op.payload is not None
    ]
    deletes = [op.doc_id for op in latest.values() if op.op == PendingIndexOp.Op.DELETE]
    backend = get_backend()
    if deletes:
        backend.delete_documents(deletes)
    if upserts:
        backend.index_documents(upserts)
    # Only rows up to the applied one: an op enqueued meanwhile stays for its own apply.
    for op in latest.values():
        PendingIndexOp.objects.filter(doc_id=op.doc_id, id__lte=op.id).delete()
    return len(latest)


def reindex(progress: Progress | None = None, batch_size: int = REINDEX_BATCH) -> int:
    """Rebuild the index from every registered source; readers keep the old index until
    the new one is committed. Returns the number of documents indexed."""
    # Ops up to here are reflected in what the sources yield now; later ones are applied
    # by the sync at the end.
    covered = PendingIndexOp.objects.aggregate(m=Max("id"))["m"] or 0
    total, done = expected_total(), 0
    with get_backend().bulk_writer() as bulk:
        bulk.clear()
        batch: list[SearchDocument] = []
        for doc in all_documents():
            batch.append(doc)
            if len(batch) >= batch_size:
                done += bulk.add_new(batch)
                batch = []
                if progress:
                    progress(done, total)
        done += bulk.add_new(batch)
    if progress:
        progress(done, total)
    PendingIndexOp.objects.filter(id__lte=covered).delete()
    sync_pending()
    return done


HEAL_LOCK = "search:heal"
HEAL_LOCK_SECONDS = 30 * 60  # longer than a rebuild of 200,000 documents (about 6 min)


class IndexUnhealthyError(RuntimeError):
    """The index is still missing or empty after a rebuild while there are documents."""


@dataclass(frozen=True)
class Healing:
    before: IndexHealth
    after: IndexHealth
    rebuilt: int | None  # documents indexed by a rebuild; None when none was needed
    applied: int  # pending operations applied


def search_index_heal(progress: Progress | None = None) -> Healing:
    """Bring the index up to date: rebuild it when missing or empty while the sources hold
    documents, else apply the pending operations. Idempotent; one rebuild at a time.

    Run by ``gongkai search sync`` and the periodic sweep (and by a background task once
    the task queue is there). Raises ``IndexUnhealthyError`` when the index is still
    missing or empty afterwards, so no caller reports success on an empty index.
    """
    before = index_health()
    rebuilt = None
    applied = 0
    if before.needs_rebuild:
        if cache.add(HEAL_LOCK, 1, HEAL_LOCK_SECONDS):
            try:
                log.warning("Search index %s: rebuilding from the sources.", before.state)
                rebuilt = reindex(progress=progress)
            finally:
                cache.delete(HEAL_LOCK)
        else:
            log.info("Search index %s: another process is rebuilding it.", before.state)
    else:
        applied = sync_pending()
    after = index_health() if rebuilt is not None or before.needs_rebuild else before
    if after.needs_rebuild:
        raise IndexUnhealthyError(
            f"search index {after.state}: {after.indexed} of {after.expected} documents"
        )
    return Healing(before=before, after=after, rebuilt=rebuilt, applied=applied)


HEAL_QUEUED = "search:heal-queued"
HEAL_QUEUED_SECONDS = 10 * 60  # one queued rebuild at a time, whichever worker noticed


def search_index_heal_soon() -> bool:
    """Queue one background ``search_index_heal`` when a search finds the index missing or
    empty (the page answers from the database meanwhile); False when one is queued already."""
    if not cache.add(HEAL_QUEUED, 1, HEAL_QUEUED_SECONDS):
        return False
    from gongkai.core.queue import enqueue

    from .tasks import index_heal_run

    enqueue(index_heal_run)
    return True
