"""The index is written by the workers: apply the pending ops of some documents."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gongkai.core.queue import background


@background(label=_("Update the search index"), max_attempts=5, backoff_seconds=10)
def index_apply(doc_ids: list[str]) -> int:
    """Apply the latest pending op of each document; a second run finds none left."""
    from gongkai.search.services import apply_pending

    return apply_pending(doc_ids)
