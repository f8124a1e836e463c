"""Is the index fit to answer? A missing or empty index while the database holds
published documents must never make search answer "nothing found".

``index_health`` tells; ``selectors.search`` answers from the database meanwhile
(``database_search``); ``services.search_index_heal`` rebuilds.
"""

from __future__ import annotations

import heapq
import logging
import time
from dataclasses import dataclass

from .analysis import highlight, parse_query
from .backends import get_backend
from .documents import Filters, Hit, SearchResults, database_scans, expected_total

log = logging.getLogger(__name__)

# The database scan: matches counted (beyond: "more than"), newest documents looked at.
SCAN_CAP = 500
SCAN_ROWS = 20_000
_WARN_EVERY_SECONDS = 60
_last_warning = 0.0


@dataclass(frozen=True)
class IndexHealth:
    state: str  # "ok", "missing" (unreadable) or "empty"
    indexed: int | None  # documents in the index; None when it cannot be read
    expected: int | None  # documents the sources hold; None when a source cannot tell

    @property
    def needs_rebuild(self) -> bool:
        return self.state != "ok"


def _reopen_if_files_lost() -> None:
    """An embedded index whose files were deleted under the running process still answers
    from the files it holds open: forget it, so it reopens (empty) from its folder."""
    from pathlib import Path

    from .backends import reset_backend

    path = getattr(get_backend(), "path", None)
    if path is not None and not (Path(path) / "meta.json").exists():
        reset_backend()


def index_health() -> IndexHealth:
    """The index's state against the sources: empty only matters when there are documents."""
    try:
        _reopen_if_files_lost()
        indexed = get_backend().count()
    except Exception:  # any failure to read it means it must be rebuilt
        log.exception("The search index cannot be read.")
        return IndexHealth("missing", None, expected_total())
    if indexed:
        return IndexHealth("ok", indexed, None)
    expected = expected_total()
    return IndexHealth("empty" if expected else "ok", 0, expected)


def index_unusable() -> bool:
    """Cheap check after a search found nothing: is the index empty or unreadable while
    the database has documents?"""
    try:
        if not get_backend().is_empty():
            return False
    except Exception:
        log.exception("The search index cannot be read.")
        return True
    return bool(expected_total())


def warn_degraded() -> None:
    global _last_warning
    now = time.monotonic()
    if now - _last_warning >= _WARN_EVERY_SECONDS:
        _last_warning = now
        log.warning(
            "The search index is missing or empty: answering from the database while a "
            "background task (or `gongkai search sync`) rebuilds it."
        )


def database_search(
    query: str, *, filters: Filters | dict | None, offset: int, limit: int
) -> SearchResults:
    """Every term as a substring, newest first, from the registered database scans."""
    terms = parse_query(query)
    texts = [t.text for t in terms]
    wanted = max(0, offset) + max(0, limit)
    found = [
        scan(texts, Filters.coerce(filters), limit=wanted, cap=SCAN_CAP, rows=SCAN_ROWS)
        for scan in database_scans()
    ]
    newest = heapq.merge(
        *(r.documents for r in found),
        key=lambda d: d.published_at.timestamp() if d.published_at else 0.0,
        reverse=True,
    )
    page = list(newest)[offset:wanted]
    matches = sum(r.matches for r in found)
    hits = [
        Hit(
            id=doc.id,
            title=doc.title,
            url=doc.url,
            snippet=highlight(doc.body, texts),
            score=0.0,
            published_at=doc.published_at,
            kind=doc.kind,
        )
        for doc in page
    ]
    return SearchResults(
        total=min(matches, SCAN_CAP),
        hits=hits,
        total_is_estimate=matches > SCAN_CAP or not all(r.scanned_all for r in found),
        from_database=True,
    )


def index_check() -> dict:
    """The health endpoint's ``index`` figures (registered with core in apps.ready)."""
    from pathlib import Path

    from .services import pending_count

    backend = get_backend()
    path = getattr(backend, "path", None)  # the embedded index's directory
    if path is not None and not (Path(path) / "meta.json").exists():
        # Deleted under the running site: the sweep's index job rebuilds it.
        return {"ok": False, "documents": 0, "pending": pending_count()}
    return {"ok": True, "documents": backend.count(), "pending": pending_count()}


def rebuild_after_restore() -> None:
    """A restored database needs its embedded index rebuilt (PostgreSQL's search lives in
    the database and came back with it)."""
    from .backends import backend_name
    from .services import reindex

    if backend_name() != "postgres":
        reindex()
