"""Whether this moment's reads may go to a read replica (docs/sites.md).

``gongkai.sites.dbrouter`` allows it for what an anonymous visitor reads in a request; the
lower apps cannot import that app, so they say here when a read must see the latest
write: a counter in the shared cache (``core.cache.cache_count``, the rate limits) reads
and writes the primary, or a replica a moment behind would lose counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token

_replica_reads: ContextVar[bool] = ContextVar("gongkai_replica_reads", default=False)


def replica_reads_allowed() -> bool:
    return _replica_reads.get()


def replica_reads_set(allowed: bool) -> Token[bool]:
    return _replica_reads.set(allowed)


def replica_reads_reset(token: Token[bool]) -> None:
    _replica_reads.reset(token)


@contextmanager
def primary_reads() -> Iterator[None]:
    """Reads inside the block see the primary, whatever the request."""
    token = _replica_reads.set(False)
    try:
        yield
    finally:
        _replica_reads.reset(token)
