"""The one interface both index backends implement."""

from __future__ import annotations

import abc
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Any, Literal, Protocol

from ..analysis import QueryTerm, Synonyms, highlight, parse_query
from ..documents import SORT_DATE, SORT_RELEVANCE, Filters, SearchDocument, SearchResults

MAX_LIMIT = 100


class BulkWriter(Protocol):
    """What ``bulk_writer()`` yields for a reindex: empty the index, add documents."""

    def clear(self) -> None: ...

    def add_new(self, docs: Iterable[SearchDocument]) -> int: ...


class SearchBackend(abc.ABC):
    name = ""

    @abc.abstractmethod
    def index_documents(self, docs: Iterable[SearchDocument]) -> int:
        """Insert or replace documents (by id); returns how many were written."""

    @abc.abstractmethod
    def delete_documents(self, ids: Iterable[str]) -> None: ...

    @abc.abstractmethod
    def clear(self) -> None: ...

    @abc.abstractmethod
    def count(self) -> int: ...

    def is_empty(self) -> bool:
        """Whether the index holds no document (backends may answer faster than count)."""
        return self.count() == 0

    @abc.abstractmethod
    def _search(
        self, terms: list[QueryTerm], filters: Filters, sort: str, offset: int, limit: int
    ) -> SearchResults: ...

    def bulk_writer(self) -> AbstractContextManager[BulkWriter]:
        """A context manager for reindexing: backends may batch commits inside it."""
        return _NoBatch(self)

    def search(
        self,
        query: str,
        *,
        filters: Filters | dict | None = None,
        sort: str = SORT_RELEVANCE,
        offset: int = 0,
        limit: int = 20,
        synonyms: Synonyms | None = None,
    ) -> SearchResults:
        """Ranked hits; every term of the query must occur contiguously (title or body),
        as typed or as one of its ``synonyms`` (see ``analysis.synonym_map``).

        An empty query lists documents matching the filters, newest first.
        """
        if sort not in (SORT_RELEVANCE, SORT_DATE):
            raise ValueError(f"unknown sort {sort!r}")
        terms = parse_query(query, synonyms)
        if not terms:
            sort = SORT_DATE
        offset = max(0, int(offset))
        limit = max(0, min(int(limit), MAX_LIMIT))
        return self._search(terms, Filters.coerce(filters), sort, offset, limit)

    @staticmethod
    def snippet(body: str, terms: list[QueryTerm]) -> str:
        return highlight(body, [v for t in terms for v in t.variants])


class _NoBatch:
    """Bulk interface over the plain methods, for backends with nothing to batch."""

    def __init__(self, backend: SearchBackend):
        self.backend = backend

    def __enter__(self) -> _NoBatch:
        return self

    def __exit__(self, *exc: Any) -> Literal[False]:
        return False

    def clear(self) -> None:
        self.backend.clear()

    def index_documents(self, docs: Iterable[SearchDocument]) -> int:
        return self.backend.index_documents(docs)

    add_new = index_documents
