"""The embedded backend: a tantivy index of character bigrams under var/search/.

Recall comes from phrase queries over the bigrams of the folded text: every pair of
neighbouring characters, whatever the script (沁源县统计局 → 沁源 源县 县统 统计 计局),
with spaces as ``␣`` so a bigram is never split. A term of two or more characters is a
phrase of consecutive bigrams, so only contiguous occurrences match: exactly a substring
test of the folded text (``analysis.index_text``). The text ends with an end mark, so
every character begins a bigram and a one-character term is a prefix query (局 → 局?).

Building the bigram string is one ``map``/``join`` in C; tantivy's whitespace tokenizer
does the rest in Rust. (Bigrams of CJK runs found by a regex in Python, a separate
stream of single characters and jieba on every title made the build 7× slower than
Sphinx's indexer; tantivy's own regex tokenizer measured slower still, and its n-gram
tokenizer gives every gram position 0, so phrases cannot be built on it.)

Ranking is BM25 on those bigrams, a title boost and a mild recency weight. Raw title/body
are stored once as a JSON payload for snippets.
"""

from __future__ import annotations

import json
import threading
import time
from array import array
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import tantivy

from ..analysis import QueryTerm, index_text
from ..documents import SORT_DATE, Filters, Hit, SearchDocument, SearchResults
from .base import BulkWriter, SearchBackend

# Bump when the schema or the analysis changes: a new directory forces a reindex.
SCHEMA_VERSION = "v2"
TITLE_BOOST = 4.0
_EPOCH_2000 = datetime(2000, 1, 1, tzinfo=UTC)
SPACE = "\u2423"  # a space inside a bigram (the tokenizer splits on whitespace)
END = "\u2403"  # after the last character: every character starts a bigram


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("title_grams", tokenizer_name="whitespace", index_option="position")
    sb.add_text_field("body_grams", tokenizer_name="whitespace", index_option="position")
    for name in ("organisation", "section", "kind"):
        sb.add_text_field(name, tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("year", indexed=True)
    sb.add_integer_field("ts", fast=True)
    sb.add_float_field("recency", fast=True)
    sb.add_bytes_field("payload", stored=True)
    return sb.build()


def bigrams(folded: str) -> list[str]:
    """The bigrams of folded text (spaces marked), as the index and queries see them."""
    text = folded.replace(" ", SPACE)
    return list(map(str.__add__, text[:-1], text[1:]))


def _grams(text: str) -> str:
    """The field value: the space-joined bigrams of the folded text and its end mark.

    Made without a Python object per bigram: the code points go through an array
    (``abc`` → ``a b ␠ b c ␠``), which is about 3× faster than joining bigram strings and
    keeps the Python side of a build well below tantivy's own indexing work."""
    folded = index_text(text)
    if not folded:
        return ""
    points = array("I")
    points.frombytes((folded.replace(" ", SPACE) + END).encode("utf-32-le"))
    out = _BLANK * (len(points) - 1)
    out[0::3] = points[:-1]
    out[1::3] = points[1:]
    return out.tobytes()[:-4].decode("utf-32-le")  # without the last separator


_BLANK = array("I", [32, 32, 32])  # three code points per bigram: two and a space


def _timestamp(value: datetime | None) -> int:
    return int(value.timestamp()) if value else 0


def _recency(value: datetime | None) -> float:
    # weight_by_field multiplies scores by log2(2 + value): years since 2000 gives a
    # newer document a gentle lift without burying an exact older match.
    if not value:
        return 0.0
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return max(0.0, (value - _EPOCH_2000).days / 365.25)


def _to_tantivy(doc: SearchDocument, schema: tantivy.Schema) -> tantivy.Document:
    payload = {
        "title": doc.title,
        "body": doc.body,
        "url": doc.url,
        "kind": doc.kind,
        "published_at": doc.published_at.isoformat() if doc.published_at else None,
    }
    # One call with the schema (its types convert the values) costs half as much as
    # ten ``add_*`` calls.
    return tantivy.Document.from_dict(
        {
            "id": doc.id,
            "title_grams": _grams(doc.title),
            "body_grams": _grams(doc.body),
            "organisation": doc.organisation,
            "section": doc.section,
            "kind": doc.kind,
            "year": int(doc.year or 0),
            "ts": _timestamp(doc.published_at),
            "recency": _recency(doc.published_at),
            "payload": json.dumps(payload, ensure_ascii=False).encode(),
        },
        schema,
    )


class EmbeddedBackend(SearchBackend):
    name = "tantivy"

    def __init__(self, path: Path | str, *, heap_size: int = 64_000_000):
        self.path = Path(path) / SCHEMA_VERSION
        self.schema = _schema()
        self.heap_size = heap_size
        self._lock = threading.Lock()  # one writer per process; tantivy also locks files
        self._open()

    def _open(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        self.index = tantivy.Index(self.schema, path=str(self.path), reuse=True)

    def _reload(self) -> None:
        """Reload the newest commit; if the folder was removed, start an empty index there
        (found empty, the index is rebuilt by ``search_index_heal``)."""
        if not (self.path / "meta.json").exists():
            self._open()
        self.index.reload()

    # ------------------------------------------------------------ writes

    @contextmanager
    def _writer(self, heap_size: int | None = None, threads: int = 1, timeout: float = 30.0):
        """Open the index writer, waiting while another process holds its lock."""
        with self._lock:
            if not (self.path / "meta.json").exists():
                self._open()
            deadline = time.monotonic() + timeout
            while True:
                try:
                    writer = self.index.writer(heap_size or self.heap_size, threads)
                    break
                except ValueError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            try:
                yield writer
                writer.commit()
            except BaseException:
                writer.rollback()
                raise
            finally:
                writer.wait_merging_threads()
            self.index.reload()

    def index_documents(self, docs: Iterable[SearchDocument]) -> int:
        with self._writer() as writer:
            return self._add(writer, docs)

    def _add(self, writer, docs: Iterable[SearchDocument]) -> int:
        n = 0
        for doc in docs:
            # Delete first: within one commit tantivy orders operations by opstamp, so
            # the delete removes only the older copy.
            writer.delete_documents_by_term("id", doc.id)
            writer.add_document(_to_tantivy(doc, self.schema))
            n += 1
        return n

    def delete_documents(self, ids: Iterable[str]) -> None:
        with self._writer() as writer:
            for doc_id in ids:
                writer.delete_documents_by_term("id", doc_id)

    def clear(self) -> None:
        with self._writer() as writer:
            writer.delete_all_documents()

    @contextmanager
    def bulk_writer(self) -> Iterator[BulkWriter]:
        """Reindex with a large heap and every core, committing once at the end."""
        with self._writer(heap_size=512_000_000, threads=0, timeout=120) as writer:
            yield _BulkAdder(self, writer)

    def count(self) -> int:
        self._reload()
        return self.index.searcher().num_docs

    # ------------------------------------------------------------ reads

    def _term_clause(self, term: QueryTerm) -> tantivy.Query:
        """Any spelling of the term (synonyms) in the body or the title (boosted)."""
        clauses = []
        for text in term.variants:
            clauses.append(self._phrase("body_grams", text))
            clauses.append(
                tantivy.Query.boost_query(self._phrase("title_grams", text), TITLE_BOOST)
            )
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in clauses])

    def _phrase(self, field: str, text: str) -> tantivy.Query:
        if len(text) == 1:
            # One character: any bigram it begins (the end mark makes that every one).
            char = text.replace(" ", SPACE)
            return tantivy.Query.regex_query(self.schema, field, f"\\x{{{ord(char):x}}}.")
        grams = bigrams(text)
        if len(grams) == 1:
            return tantivy.Query.term_query(self.schema, field, grams[0])
        phrase: list[str | tuple[int, str]] = list(grams)
        return tantivy.Query.phrase_query(self.schema, field, phrase)

    def _filter_clauses(self, filters: Filters) -> list[tantivy.Query]:
        clauses = [
            tantivy.Query.term_query(self.schema, name, value)
            for name in ("organisation", "section", "kind")
            if (value := getattr(filters, name))
        ]
        if filters.organisations:
            either = [
                (tantivy.Occur.Should, tantivy.Query.term_query(self.schema, "organisation", name))
                for name in filters.organisations
            ]
            clauses.append(tantivy.Query.boolean_query(either))
        if filters.year:
            clauses.append(tantivy.Query.term_query(self.schema, "year", int(filters.year)))
        return clauses

    def _query(self, terms: list[QueryTerm], filters: Filters) -> tantivy.Query:
        clauses = [(tantivy.Occur.Must, self._term_clause(t)) for t in terms]
        clauses += [(tantivy.Occur.Must, q) for q in self._filter_clauses(filters)]
        if not clauses:
            return tantivy.Query.all_query()
        return tantivy.Query.boolean_query(clauses)

    def _search(self, terms, filters, sort, offset, limit) -> SearchResults:
        self._reload()
        searcher = self.index.searcher()
        query = self._query(terms, filters)
        if sort == SORT_DATE:
            result = searcher.search(query, limit, count=True, order_by_field="ts", offset=offset)
        else:
            result = searcher.search(
                query, limit, count=True, offset=offset, weight_by_field="recency"
            )
        hits = [self._hit(searcher, key, address, terms, sort) for key, address in result.hits]
        # tantivy's stub lacks ``count``, which a search with count=True answers.
        total = result.count or 0  # type: ignore[attr-defined]
        return SearchResults(total=total, hits=hits)

    def _hit(self, searcher, key, address, terms, sort) -> Hit:
        stored = searcher.doc(address)
        payload = json.loads(bytes(stored["payload"][0]))
        published = payload.get("published_at")
        return Hit(
            id=stored["id"][0],
            title=payload["title"],
            url=payload["url"],
            snippet=self.snippet(payload["body"], terms),
            kind=payload.get("kind", ""),
            score=0.0 if sort == SORT_DATE else float(key),
            published_at=datetime.fromisoformat(published) if published else None,
        )


class _BulkAdder:
    def __init__(self, backend: EmbeddedBackend, writer):
        self.backend = backend
        self.writer = writer

    def index_documents(self, docs: Iterable[SearchDocument]) -> int:
        return self.backend._add(self.writer, docs)

    def clear(self) -> None:
        self.writer.delete_all_documents()

    def add_new(self, docs: Iterable[SearchDocument]) -> int:
        """Add documents known to be absent (after ``clear``): skips the delete."""
        schema, add = self.backend.schema, self.writer.add_document
        n = 0
        for doc in docs:
            add(_to_tantivy(doc, schema))
            n += 1
        return n
