"""The PostgreSQL backend: rows in ``SearchEntry`` on the shared database.

Every term must be a substring of the normalized title + body: terms of three or more
characters use ``LIKE`` served by the pg_trgm GIN index; one- and two-character CJK terms
use the GIN index over distinct bigrams/characters. Ranking (title match, occurrences,
jieba words of the title, recency) is one SQL expression, so only a page leaves the
database.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from contextlib import contextmanager
from itertools import islice

from django.db import connection, transaction

from ..analysis import QueryTerm, char_tokens, gram_tokens, is_cjk, normalize, words
from ..documents import SORT_DATE, Filters, Hit, SearchDocument, SearchResults
from ..models import SearchEntry
from .base import SearchBackend

TITLE_BOOST = 4.0
WORD_BOOST = 1.5
BATCH = 1000
# Matches counted exactly and ranked in full. A query matching more (a common word such
# as 公开 in nearly every document) ranks a bounded candidate set and reports the total
# as "CAP or more" (SearchResults.total_is_estimate), so it never counts or ranks them all.
CAP = 500
# Over the cap, candidates come from a window of (first) FIRST_WINDOW x cap newest entries.
FIRST_WINDOW = 4
# At least this many candidates are ranked (more when the page asks for more).
MIN_RANKED = 60
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
]


def _entry(doc: SearchDocument) -> SearchEntry:
    norm_title, norm_body = normalize(doc.title), normalize(doc.body)
    norm = norm_title + "\n" + norm_body
    lexemes = set(gram_tokens(norm)) | set(char_tokens(norm))
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
    )


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _tsquery(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _uses_grams(term: QueryTerm) -> bool:
    return len(term.text) <= 2 and all(is_cjk(c) for c in term.text)


class PostgresBackend(SearchBackend):
    name = "postgres"
    cap = CAP

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
        return n

    @contextmanager
    def bulk_writer(self):
        """Reindex in one transaction: readers keep the old entries until it commits."""
        with transaction.atomic(), super().bulk_writer() as bulk:
            yield bulk
        # Fresh statistics, or the planner may scan instead of using the GIN indexes.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")

    def delete_documents(self, ids: Iterable[str]) -> None:
        SearchEntry.objects.filter(doc_id__in=list(ids)).delete()

    def clear(self) -> None:
        # TRUNCATE is transactional on PostgreSQL and leaves no dead rows in the GIN
        # indexes (a DELETE of every row bloats them until the next VACUUM).
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE search_searchentry")

    def count(self) -> int:
        return SearchEntry.objects.count()

    # ------------------------------------------------------------ reads

    def _where(self, terms: list[QueryTerm], filters: Filters) -> tuple[list[str], list]:
        where, params = [], []
        for term in terms:
            if _uses_grams(term):
                where.append(f"{GRAMS_SQL} @@ %s::tsquery")
                params.append(_tsquery(term.text))
            else:
                where.append("e.norm LIKE %s")
                params.append(_like(term.text))
        for name in ("organisation", "section", "kind"):
            if value := getattr(filters, name):
                where.append(f"e.{name} = %s")
                params.append(value)
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
        # Probe: at most cap + 1 matching ids, in whatever order is cheapest. Rare terms
        # come from the GIN indexes; a common word stops after cap + 1 rows.
        ids = self._probe(condition, params)
        if not ids:
            return SearchResults(total=0)
        if len(ids) <= self.cap:
            # Every match is known: exact total, ranking over all of them.
            rows = self._page("e.id = ANY(%s)", [ids], terms, sort, offset, limit)
            return SearchResults(total=len(ids), hits=self._hits(rows, terms, sort))
        if sort == SORT_DATE:
            # Newest first is exact without counting: the page comes off the date index.
            rows = self._page(condition, params, terms, sort, offset, limit)
        else:
            candidates = self._recent_candidates(condition, params, max(offset + limit, MIN_RANKED))
            rows = self._page("e.id = ANY(%s)", [candidates], terms, sort, offset, limit)
        return SearchResults(
            total=self.cap, hits=self._hits(rows, terms, sort), total_is_estimate=True
        )

    def _ids(self, condition: str, params: list, order: str, limit: int) -> list[int]:
        # Only fixed fragments from this module are interpolated; values are parameters.
        sql = f"SELECT e.id FROM search_searchentry e WHERE {condition} {order} LIMIT %s"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit])
            return [row[0] for row in cursor.fetchall()]

    def _recent_candidates(self, condition: str, params: list, need: int) -> list[int]:
        """Too many matches to rank: the newest matches, looked for in a window of the
        newest entries, so the rows PostgreSQL rechecks stay bounded.

        The window is a date range on the recency index combined with the GIN match. It
        starts at FIRST_WINDOW x cap entries; when it holds fewer than ``need`` matches it
        grows in proportion to the density seen, and the third try is the whole table.
        """
        window, found = self.cap * FIRST_WINDOW, []
        for attempt in range(3):
            since = self._nth_newest(window) if attempt < 2 else None  # third: the table
            extra = " AND e.published_at >= %s" if since else ""
            found = self._ids(
                condition + extra, [*params, *([since] if since else [])], RECENT_ORDER, need
            )
            if len(found) >= need or since is None:
                break
            window = window * 16 if not found else math.ceil(window * 1.5 * need / len(found))
        return found

    def _nth_newest(self, n: int):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT e.published_at FROM search_searchentry e {RECENT_ORDER} "  # noqa: S608
                "OFFSET %s LIMIT 1",
                [n - 1],
            )
            row = cursor.fetchone()
        return row[0] if row else None

    def _probe(self, condition: str, params: list) -> list[int]:
        """At most cap + 1 matching ids, from the GIN indexes.

        With a LIMIT the planner likes a sequential scan that stops early, but it costs
        each row as a cheap filter when the filter detoasts a large tsvector or body; the
        bitmap over the index reads the heap without that. Scoped to this one query.
        """
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            sql = f"SELECT e.id FROM search_searchentry e WHERE {condition} LIMIT %s"  # noqa: S608
            cursor.execute(sql, [*params, self.cap + 1])
            return [row[0] for row in cursor.fetchall()]

    def _page(self, condition: str, params: list, terms, sort, offset: int, limit: int):
        score, score_params = self._score(terms)
        order = RECENT_ORDER if sort == SORT_DATE else f"ORDER BY score DESC, {RECENT_KEYS}"
        outer = RECENT_ORDER if sort == SORT_DATE else f"ORDER BY p.score DESC, {RECENT_KEYS}"
        # Rank ids first, then fetch the columns (the body, for snippets) of the page only.
        sql = (
            "SELECT e.doc_id, e.title, e.url, e.body, e.published_at, p.score FROM ("  # noqa: S608
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
            )
            for doc_id, title, url, body, published, score in rows
        ]
