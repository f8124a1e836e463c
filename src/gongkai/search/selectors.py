"""Reads: the search entry point for views, the API and the CLI."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from .backends import get_backend
from .documents import SORT_RELEVANCE, Filters, SearchResults, visibility_filters
from .health import database_search, index_unusable, warn_degraded
from .models import PendingIndexOp
from .synonyms import synonym_table

log = logging.getLogger(__name__)

VisibleIds = Callable[[list[str]], Iterable[str]]


def search(
    query: str,
    *,
    filters: Filters | dict[str, Any] | None = None,
    sort: str = SORT_RELEVANCE,
    offset: int = 0,
    limit: int = 20,
    visible_ids_filter: VisibleIds | None = None,
) -> SearchResults:
    """Search the index, dropping ids the database says are not (or no longer) public.

    When the index cannot be read, or is empty while the database has documents, the
    answer comes from a bounded database scan (``results.from_database``) until
    ``services.search_index_heal`` has rebuilt it.

    A term also matches its synonyms from the office's table (``synonyms.py``).

    Ids with a pending delete op are always dropped; ``visible_ids_filter`` and filters
    registered with ``register_visibility_filter`` may drop more. ``total`` is lowered by
    the hits dropped from this page (the index count is otherwise exact).
    """
    try:
        results = get_backend().search(
            query,
            filters=filters,
            sort=sort,
            offset=offset,
            limit=limit,
            synonyms=synonym_table(),  # the office's table, cached per process
        )
    except Exception:  # a broken index must not break the page
        log.exception("The search index failed; answering from the database.")
        results = None
    if results is None or (results.total == 0 and index_unusable()):
        # Missing or empty while the database has documents: never "nothing found", and
        # a rebuild in the background.
        warn_degraded()
        from .services import search_index_heal_soon

        search_index_heal_soon()
        return database_search(query, filters=filters, offset=offset, limit=limit)
    if not results.hits:
        return results
    ids = [h.id for h in results.hits]
    visible = set(ids) - _pending_deletes(ids)
    for fn in [*visibility_filters(), *([visible_ids_filter] if visible_ids_filter else [])]:
        visible &= set(fn(sorted(visible)))
    if len(visible) == len(ids):
        return results
    hits = [h for h in results.hits if h.id in visible]
    return replace(results, total=max(0, results.total - (len(ids) - len(hits))), hits=hits)


def _pending_deletes(ids: list[str]) -> set[str]:
    """Ids whose latest pending op is a delete: withdrawn, index not yet caught up."""
    latest: dict[str, str] = {}
    rows = PendingIndexOp.objects.filter(doc_id__in=ids).order_by("id")
    for doc_id, op in rows.values_list("doc_id", "op"):
        latest[doc_id] = op
    return {doc_id for doc_id, op in latest.items() if op == PendingIndexOp.Op.DELETE}
