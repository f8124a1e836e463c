"""The PostgreSQL backend: rows in ``SearchEntry`` on the shared database.

Every term must be a substring of the normalized title + body: terms of three or more
characters use ``LIKE`` served by the pg_trgm GIN index; one- and two-character CJK terms
use the GIN index over distinct bigrams/characters. Both indexes lead with the day of
publication, so a query can be narrowed to the newest entries inside one index scan: a
common word is counted up to a cap and ranked among its newest matches (docs/search.md).
Ranking (title match, jieba words of the title, recency) is one SQL expression, so only
a page leaves the database.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Any

from django.db import connection, transaction

from ..analysis import QueryTerm, gram_lexemes, is_cjk, normalize, words
from ..documents import SORT_DATE, Filters, Hit, SearchDocument, SearchResults
from ..models import SearchEntry
from .base import BulkWriter, SearchBackend

TITLE_BOOST = 4.0
WORD_BOOST = 1.5
BATCH = 1000
# Matches counted exactly and ranked in full. A query matching more (a common word such
# as 公开 in nearly every document) ranks a bounded candidate set and reports the total
# as "CAP or more" (SearchResults.total_is_estimate), so it never counts or ranks them all.
CAP = 500
# Windows of the newest entries: a query's newest matches are looked for among the newest
# FIRST_WINDOW x cap entries, then in a window sized from the density seen there, up to
# LAST_WINDOW x cap entries (then the whole table). The window is a range of ``day`` in
# the same GIN index as the text (migration 0004), so PostgreSQL intersects both inside
# one index scan and rechecks only the window's matches; that scan costs in proportion
# to the window's entries, so windows are kept no larger than the matches need.
FIRST_WINDOW = 4
LAST_WINDOW = 32
# The days of the newest entries and the table's size change only as entries are added:
# read at most this often (and after every write in this process).
RECENT_SECONDS = 60
# At least this many candidates are ranked (more when the page asks for more).
MIN_RANKED = 60
# A search inside some bodies (a body's own site on a shared platform) whose entries are
# at most this many reads them through the (organisation, year) index and tests the terms
# on those rows only: exact, and a few milliseconds, where the text indexes would walk
# every body's matches of a common word (bench/sites.py: p95 273 ms at a million entries).
SCOPE_SCAN = 20_000
RECENT_KEYS = "e.published_at DESC NULLS LAST, e.id DESC"  # index of migration 0003
RECENT_ORDER = f"ORDER BY {RECENT_KEYS}"
GRAMS_SQL = "e.grams_tsv"  # generated column, see migration 0002
UPDATE_FIELDS = [
    "title",
    "body",
    "url",
    "organisation",
    "section",
    "year",
    "kind",
    "published_at",
    "norm_title",
    "norm",
    "grams",
    "title_words",
    "day",
]


def _entry(doc: SearchDocument) -> SearchEntry:
    norm_title, norm_body = normalize(doc.title), normalize(doc.body)
    norm = norm_title + "\n" + norm_body
    lexemes = gram_lexemes(norm)
    return SearchEntry(
        doc_id=doc.id,
        title=doc.title,
        body=doc.body,
        url=doc.url,
        organisation=doc.organisation,
        section=doc.section,
        year=int(doc.year or 0),
        kind=doc.kind,
        published_at=doc.published_at,
        norm_title=norm_title,
        norm=norm,
        grams=" ".join(sorted(lexemes)),
        title_words=" ".join(words(doc.title)),
        day=_day(doc.published_at),
    )


@dataclass(frozen=True)
class _OverCap:
    """A query with more than cap matches: ``newest`` are all its matches from some day
    on (maybe none), ``window`` a condition known to hold more than cap of them, and
    ``density`` the share of entries that matched in the newest entries probed."""

    newest: list[int]
    window: tuple[str, list]
    density: float


def _window(condition: str, params: list, day: int | None) -> tuple[str, list]:
    """The condition restricted to entries published on or after ``day`` (None: all)."""
    if day is None:
        return condition, params
    return f"{condition} AND e.day >= %s", [*params, day]


def _grow(size: int, found: int, want: int) -> int:
    """The next window: expected to hold ``want`` matches with a margin, at least double."""
    return max(2 * size, math.ceil(size * 1.5 * want / max(found, 1)))


def _day(moment) -> int:
    """Days since 1970-01-01 UTC (0 without a date): the window key of the GIN indexes."""
    return int(moment.timestamp() // 86400) if moment else 0


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _tsquery(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _uses_grams(text: str) -> bool:
    return len(text) <= 2 and all(is_cjk(c) for c in text)


class PostgresBackend(SearchBackend):
    name = "postgres"
    cap = CAP
    _recent = None  # see _recent_days

    def index_documents(self, docs: Iterable[SearchDocument]) -> int:
        docs, n = iter(docs), 0
        while batch := list(islice(docs, BATCH)):
            # Last write wins for an id repeated inside one batch.
            entries = list({e.doc_id: e for e in map(_entry, batch)}.values())
            SearchEntry.objects.bulk_create(
                entries,
                update_conflicts=True,
                unique_fields=["doc_id"],
                update_fields=UPDATE_FIELDS,
            )
            n += len(batch)
        self._recent = None
        return n

    @contextmanager
    def bulk_writer(self) -> Iterator[BulkWriter]:
        """Reindex in one transaction (readers wait on the table's lock, then see the new
        entries). After ``clear`` the rows are loaded with ``COPY``; a load that starts
        with a full batch drops the GIN indexes and builds them once at the end, several
        times faster than updating them row by row. A failed reindex rolls all of it
        back."""
        with transaction.atomic():
            bulk = _Bulk(self)
            yield bulk
            bulk.finish()
        # Fresh statistics, or the planner may scan instead of using the GIN indexes.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")

    def delete_documents(self, ids: Iterable[str]) -> None:
        SearchEntry.objects.filter(doc_id__in=list(ids)).delete()
        self._recent = None

    def clear(self) -> None:
        # TRUNCATE is transactional on PostgreSQL and leaves no dead rows in the GIN
        # indexes (a DELETE of every row bloats them until the next VACUUM).
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE search_searchentry")
        self._recent = None

    def count(self) -> int:
        return SearchEntry.objects.count()

    def is_empty(self) -> bool:
        return not SearchEntry.objects.exists()

    # ------------------------------------------------------------ reads

    def _where(self, terms: list[QueryTerm], filters: Filters) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        for term in terms:
            # Any spelling of the term (synonyms from the office's table) matches.
            either = []
            for text in term.variants:
                if _uses_grams(text):
                    either.append(f"{GRAMS_SQL} @@ %s::tsquery")
                    params.append(_tsquery(text))
                else:
                    either.append("e.norm LIKE %s")
                    params.append(_like(text))
            where.append(either[0] if len(either) == 1 else "(" + " OR ".join(either) + ")")
        for name in ("organisation", "section", "kind"):
            if value := getattr(filters, name):
                where.append(f"e.{name} = %s")
                params.append(value)
        if filters.organisations:
            where.append("e.organisation = ANY(%s)")
            params.append(list(filters.organisations))
        if filters.year:
            where.append("e.year = %s")
            params.append(int(filters.year))
        return where or ["TRUE"], params

    def _score(self, terms: list[QueryTerm]) -> tuple[str, list]:
        parts, params = [], []
        for term in terms:
            # A title match is the signal; counting body occurrences would detoast every
            # matching body, which costs seconds for common words on large tables.
            parts.append("CASE WHEN strpos(e.norm_title, %s) > 0 THEN %s ELSE 1 END")
            params += [term.text, TITLE_BOOST]
        for word in dict.fromkeys(w for t in terms for w in words(t.text)):
            parts.append("CASE WHEN strpos(' ' || e.title_words || ' ', %s) > 0 THEN %s ELSE 0 END")
            params += [f" {word} ", WORD_BOOST]
        # log2 in double precision: extract() returns numeric, whose log costs ~20 µs a row.
        recency = (
            "(ln(2 + greatest(0, extract(epoch from "
            "coalesce(e.published_at, '2000-01-01'::timestamptz) - '2000-01-01'::timestamptz)"
            "::double precision / 31557600.0)) / ln(2.0::double precision))"
        )
        return f"(({' + '.join(parts) or '0'}) * {recency})", params

    def _search(self, terms, filters, sort, offset, limit) -> SearchResults:
        where, params = self._where(terms, filters)
        condition = " AND ".join(where)
        need = offset + limit if sort == SORT_DATE else max(offset + limit, MIN_RANKED)
        bodies = list(filters.organisations)
        if bodies and (found := self._in_bodies(bodies, condition, params)) is not None:
            if not found:
                return SearchResults(total=0)
            rows = self._page("e.id = ANY(%s)", [found], terms, sort, offset, limit)
            return SearchResults(total=len(found), hits=self._hits(rows, terms, sort))
        with transaction.atomic(), connection.cursor() as cursor:
            # With a LIMIT the planner likes a sequential scan that stops early, but it
            # costs each row as a cheap filter when the filter detoasts a large tsvector
            # or body; the bitmap over the GIN indexes reads the heap without that.
            cursor.execute("SET LOCAL enable_seqscan = off")
            # A one- or two-character word may be in nearly every document (公开), and
            # its whole posting list costs tens of milliseconds: such queries look in
            # the newest entries first. Longer terms intersect trigram lists, which
            # stay short, so the whole table is probed first and exact more often.
            if all(_uses_grams(v) for term in terms for v in term.variants):
                found = self._newest_first(condition, params)
            else:
                found = self._table_first(condition, params, need)
            if found == []:
                return SearchResults(total=0)
            if isinstance(found, list):
                # Every match is known: exact total, ranking over all of them.
                rows = self._page("e.id = ANY(%s)", [found], terms, sort, offset, limit)
                return SearchResults(total=len(found), hits=self._hits(rows, terms, sort))
            # More than cap matches: the total is a lower bound, and ranking (or the
            # date order) works on the newest matches. ``found.newest`` holds every match
            # from some day on; when it is too short for the page, the newest ``need``
            # are looked for in a window sized from the density seen, then in the
            # window that overflowed (more than cap matches), or in the table for a page
            # deeper than the cap.
            newest = found.newest
            if len(newest) < need:
                window = (condition, params) if need > self.cap else found.window
                newest = self._newest_in(condition, params, need, found.density, window)
            rows = self._page("e.id = ANY(%s)", [newest], terms, sort, offset, limit)
        return SearchResults(
            total=self.cap, hits=self._hits(rows, terms, sort), total_is_estimate=True
        )

    def _in_bodies(self, bodies: list[str], condition: str, params: list) -> list[int] | None:
        """Every match of ``condition`` when ``bodies`` hold at most SCOPE_SCAN entries
        (None: more, search the indexes as for the whole table)."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM search_searchentry "
                "WHERE organisation = ANY(%s) LIMIT %s) s",
                [bodies, SCOPE_SCAN + 1],
            )
            if cursor.fetchone()[0] > SCOPE_SCAN:
                return None
            # MATERIALIZED: the bodies' rows first (by the organisation index), then the
            # terms on them; inlined, the planner would start from the text indexes.
            cursor.execute(
                "WITH e AS MATERIALIZED (SELECT * FROM search_searchentry "  # noqa: S608
                f"WHERE organisation = ANY(%s)) SELECT e.id FROM e WHERE {condition}",
                [bodies, *params],
            )
            return [row[0] for row in cursor.fetchall()]

    def _table_first(self, condition: str, params: list, need: int):
        """Every match (a list) when at most cap, else an ``_OverCap``: windows grow
        until one holds ``need`` matches."""
        days, _ = self._recent_days()
        size = self.cap * FIRST_WINDOW
        # A common phrase (政务公开) has hundreds of thousands of trigram matches, and the
        # whole table's bitmap costs ~80 ms at a million entries before the first row:
        # over cap in the newest window already, it is known to be over cap for ~10 ms.
        # Otherwise that window's matches are the walk's first step below.
        known = None
        if size <= len(days):
            window = _window(condition, params, days[size - 1])
            known = self._probe(*window)
            if len(known) > self.cap:
                return _OverCap([], window, (self.cap + 1) / size)
        found = self._probe(condition, params)
        if len(found) <= self.cap:
            return found
        over = _OverCap([], (condition, params), 0.0)
        while size <= len(days):
            window = _window(condition, params, days[size - 1])
            matches = self._probe(*window) if known is None else known
            known = None
            if len(matches) > self.cap:
                return _OverCap(over.newest, window, (self.cap + 1) / size)
            over = _OverCap(matches, over.window, len(matches) / size)
            if len(matches) >= need:
                break
            size = _grow(size, len(matches), need)
        return over

    def _newest_first(self, condition: str, params: list):
        """As ``_table_first``, from the newest entries to the table: stops at the first
        window with more than cap matches. The next window is sized to hold cap + 1
        matches at the density seen, unless the whole table is cheaper: its posting list
        (the matches expected in the table) is shorter than that window."""
        days, entries = self._recent_days()
        newest: list[int] = []
        density, size = 0.0, self.cap * FIRST_WINDOW
        while size <= len(days):
            window = _window(condition, params, days[size - 1])
            matches = self._probe(*window)
            if len(matches) > self.cap:
                return _OverCap(newest, window, (self.cap + 1) / size)
            newest, density = matches, len(matches) / size
            size = _grow(size, len(matches), self.cap + 1)
            if density * entries <= size:
                break
        matches = self._probe(condition, params)
        if len(matches) > self.cap:
            return _OverCap(newest, (condition, params), density)
        return matches

    def _newest_in(
        self,
        condition: str,
        params: list[Any],
        need: int,
        density: float,
        fallback: tuple[str, list[Any]],
    ) -> list[int]:
        """The newest ``need`` matches: first in the newest entries that should hold
        them at ``density`` (with a margin), else in ``fallback``, which holds them."""
        days, _ = self._recent_days()
        if density > 0:
            size = math.ceil(1.5 * need / density)
            if size <= len(days):
                recent, recent_params = _window(condition, params, days[size - 1])
                found = self._newest(recent, recent_params, need)
                if len(found) >= need:
                    return found
        return self._newest(fallback[0], fallback[1], need)

    def _newest(self, condition: str, params: list, limit: int) -> list[int]:
        # Only fixed fragments from this module are interpolated; values are parameters.
        sql = f"SELECT e.id FROM search_searchentry e WHERE {condition} {RECENT_ORDER} LIMIT %s"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit])
            return [row[0] for row in cursor.fetchall()]

    def _recent_days(self) -> tuple[list[int], float]:
        """The ``day`` of the newest LAST_WINDOW x cap entries, newest first, and the
        number of entries (the planner's estimate is close enough for sizing)."""
        now = time.monotonic()
        if self._recent and self._recent[0] > now and self._recent[1] == self.cap:
            return self._recent[2]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT e.day FROM search_searchentry e {RECENT_ORDER} LIMIT %s",  # noqa: S608
                [self.cap * LAST_WINDOW],
            )
            days = [row[0] for row in cursor.fetchall()]
            cursor.execute(
                "SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'search_searchentry'::regclass"
            )
            entries = max(float(cursor.fetchone()[0]), len(days))
        self._recent = (now + RECENT_SECONDS, self.cap, (days, entries))
        return days, entries

    def _probe(self, condition: str, params: list) -> list[int]:
        """At most cap + 1 matching ids, in whatever order is cheapest."""
        # Only fixed fragments from this module are interpolated; values are parameters.
        sql = f"SELECT e.id FROM search_searchentry e WHERE {condition} LIMIT %s"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, self.cap + 1])
            return [row[0] for row in cursor.fetchall()]

    def _page(self, condition: str, params: list, terms, sort, offset: int, limit: int):
        score, score_params = self._score(terms)
        order = RECENT_ORDER if sort == SORT_DATE else f"ORDER BY score DESC, {RECENT_KEYS}"
        outer = RECENT_ORDER if sort == SORT_DATE else f"ORDER BY p.score DESC, {RECENT_KEYS}"
        # Rank ids first, then fetch the columns (the body, for snippets) of the page only.
        sql = (
            "SELECT e.doc_id, e.title, e.url, e.body, e.published_at, p.score, e.kind FROM ("  # noqa: S608
            f"SELECT e.id, {score} AS score FROM search_searchentry e "
            f"WHERE {condition} {order} LIMIT %s OFFSET %s"
            f") p JOIN search_searchentry e ON e.id = p.id {outer}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*score_params, *params, limit, offset])
            return cursor.fetchall()

    def _hits(self, rows, terms, sort) -> list[Hit]:
        return [
            Hit(
                id=doc_id,
                title=title,
                url=url,
                snippet=self.snippet(body, terms),
                score=0.0 if sort == SORT_DATE else float(score),
                published_at=published,
                kind=kind,
            )
            for doc_id, title, url, body, published, score, kind in rows
        ]


COPY_COLUMNS = ["doc_id", *UPDATE_FIELDS]


def _row(entry: SearchEntry) -> tuple:
    return tuple(getattr(entry, name) for name in COPY_COLUMNS)


class _Bulk:
    """The reindex of ``PostgresBackend.bulk_writer``, inside its transaction."""

    # A load that starts with a batch this large drops the GIN indexes and builds them at
    # the end; a smaller reindex (a new installation, a test) updates them as it goes,
    # which costs less than building them.
    DROP_INDEXES_FROM = BATCH

    def __init__(self, backend: PostgresBackend):
        self.backend = backend
        self.cleared = False
        self.started = False
        self.indexes: list[str] = []  # definitions of the GIN indexes dropped for the load
        self.written: set[str] = set()

    def clear(self) -> None:
        self.backend.clear()  # TRUNCATE: the table is locked until the commit
        self.cleared = True

    def _drop_indexes(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes "
                "WHERE tablename = 'search_searchentry' AND indexdef LIKE '%%USING gin%%'"
            )
            for name, definition in cursor.fetchall():
                cursor.execute(f'DROP INDEX "{name}"')
                self.indexes.append(definition)

    def index_documents(self, docs: Iterable[SearchDocument]) -> int:
        return self.backend.index_documents(docs)

    def add_new(self, docs: Iterable[SearchDocument]) -> int:
        """Add documents known to be absent (after ``clear``): one ``COPY`` a batch once
        the GIN indexes are dropped."""
        if not self.cleared:
            return self.backend.index_documents(docs)
        docs = list(docs)
        if not self.started:
            self.started = True
            if len(docs) >= self.DROP_INDEXES_FROM:
                self._drop_indexes()
        if not self.indexes:
            return self.backend.index_documents(docs)  # a small reindex: upserts
        rows, again = [], []
        for doc in docs:
            if doc.id in self.written:
                again.append(doc)  # given twice: the later one replaces it (upsert)
            else:
                self.written.add(doc.id)
                rows.append(_row(_entry(doc)))
        columns = ", ".join(COPY_COLUMNS)
        with connection.cursor() as cursor:
            with cursor.cursor.copy(f"COPY search_searchentry ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        if again:
            self.backend.index_documents(again)
        self.backend._recent = None
        return len(rows) + len(again)

    def finish(self) -> None:
        """Build the GIN indexes dropped by ``clear`` (their definitions as they were)."""
        with connection.cursor() as cursor:
            if self.indexes:
                cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            for definition in self.indexes:
                cursor.execute(definition)
