"""The index is written by the workers: apply the pending ops of some documents."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gongkai.core.queue import background


@background(label=_("Update the search index"), max_attempts=5, backoff_seconds=10)
def index_apply(doc_ids: list[str]) -> int:
    """Apply the latest pending op of each document; a second run finds none left."""
    from gongkai.search.services import apply_pending

    return apply_pending(doc_ids)


@background(
    label=_("Rebuild the search index"), max_attempts=3, backoff_seconds=60, timeout_seconds=1800
)
def index_heal_run() -> int:
    """Rebuild a missing or empty index (a second run finds it healthy and applies only what
    is pending); the number of documents a rebuild indexed, 0 when none was needed."""
    from gongkai.search.services import search_index_heal

    return search_index_heal().rebuilt or 0
