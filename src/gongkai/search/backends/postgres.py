"""The PostgreSQL backend: rows in ``SearchEntry`` on the shared database.

Every term must be a substring of the normalized title + body: terms of three or more
characters use ``LIKE`` served by the pg_trgm GIN index; one- and two-character CJK terms
use the GIN index over distinct bigrams/characters. Ranking (title match, occurrences,
jieba words of the title, recency) is one SQL expression, so only a page leaves the
database.
"""

from __future__ import annotations

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
        recency = (
            "log(2, 2 + greatest(0, extract(epoch from "
            "coalesce(e.published_at, '2000-01-01'::timestamptz) - '2000-01-01'::timestamptz)"
            " / 31557600.0))"
        )
        return f"(({' + '.join(parts) or '0'}) * {recency})", params

    def _search(self, terms, filters, sort, offset, limit) -> SearchResults:
        where, where_params = self._where(terms, filters)
        score, score_params = self._score(terms)
        order = (
            "e.published_at DESC NULLS LAST, e.id DESC"
            if sort == SORT_DATE
            else "score DESC, e.published_at DESC NULLS LAST, e.id DESC"
        )
        # Only fixed fragments from this module are interpolated; values are parameters.
        columns = "e.doc_id, e.title, e.url, e.body, e.published_at"
        sql = " ".join(
            [
                f"SELECT {columns}, {score} AS score, count(*) OVER () AS total",
                "FROM search_searchentry e WHERE",
                " AND ".join(where),
                f"ORDER BY {order} LIMIT %s OFFSET %s",
            ]
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*score_params, *where_params, limit, offset])
            rows = cursor.fetchall()
        if not rows:
            return SearchResults(total=self._count(where, where_params) if offset else 0)
        hits = [
            Hit(
                id=doc_id,
                title=title,
                url=url,
                snippet=self.snippet(body, terms),
                score=0.0 if sort == SORT_DATE else float(score),
                published_at=published,
            )
            for doc_id, title, url, body, published, score, _total in rows
        ]
        return SearchResults(total=rows[0][-1], hits=hits)

    def _count(self, where: list[str], params: list) -> int:
        # A page past the end returns no rows and so no window count.
        with connection.cursor() as cursor:
            sql = f"SELECT count(*) FROM search_searchentry e WHERE {' AND '.join(where)}"  # noqa: S608
            cursor.execute(sql, params)
            return cursor.fetchone()[0]
