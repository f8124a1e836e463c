"""How fast the embedded search index is built: the previous build beside ours, same run.

    python bench/search_build.py                        # 50,000 documents, one round
    python bench/search_build.py --docs 200000 --rounds 2
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \\
        python bench/search_build.py --backend postgres --docs 20000   # replaces its entries

The documents are ``bench/search.py``'s (vocabulary and sentences of the seed documents,
rare names planted), generated into memory first: only the index writes are timed, as
``gongkai search reindex`` does them (``bulk_writer``, ``add_new`` in batches of 2,000,
one commit). Each round builds the index twice into fresh directories, in alternating
order so neither build always runs first:

- **previous**: the build as it was before issue 16's last step (``previous_document``
  below is that code): folding by one ``str.translate`` over the whole table, ten
  ``add_*`` calls a document; the same writer settings;
- **ours**: ``EmbeddedBackend.bulk_writer`` as the application runs it.

With ``--backend postgres`` (a scratch database: its search entries are replaced) the
previous build is one transaction of ``bulk_create`` upserts with the GIN indexes
updated row by row, and lexemes made from two token lists (``previous_entry_maker``);
ours is ``PostgresBackend.bulk_writer``: ``COPY`` and the GIN indexes built once at the
end, in the same transaction.

For each build: wall seconds and documents a second, the process's CPU a document
(``time.process_time`` counts tantivy's writer threads too: the steadier figure on a
shared machine) and the load average before and after. The machine is shared, so the
wall rate is a fraction of what idle cores give; ``cores × documents / CPU seconds`` is
printed as the rate the CPU work would allow on idle cores (a ceiling, not a measurement).

After each build the index answers the 50 queries of ``bench/search.py`` (up to 100 hits
each); both builds must give the same totals, the same documents and the same scores:
the build changed how fast the index is made, not what it holds.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")

BATCH = 2000


def _corpus():
    """``bench/search.py`` (its generator and its queries) as a module."""
    spec = importlib.util.spec_from_file_location("search_bench", ROOT / "bench" / "search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------ the previous build


def previous_document_maker():
    """``previous_document(doc)``: a tantivy document as the previous build made it (kept
    here for the comparison): folding through ``str.translate`` over the whole table (a
    dict lookup a character), the same bigram string, ten ``add_*`` calls."""
    import tantivy

    from gongkai.search.analysis import fold_table
    from gongkai.search.backends import embedded

    table = fold_table()

    def grams(text: str) -> str:
        folded = " ".join((text or "").translate(table).split())
        if not folded:
            return ""
        points = embedded.array("I")
        points.frombytes((folded.replace(" ", embedded.SPACE) + embedded.END).encode("utf-32-le"))
        out = embedded._BLANK * (len(points) - 1)
        out[0::3] = points[:-1]
        out[1::3] = points[1:]
        return out.tobytes()[:-4].decode("utf-32-le")

    def previous_document(doc):
        payload = {
            "title": doc.title,
            "body": doc.body,
            "url": doc.url,
            "kind": doc.kind,
            "published_at": doc.published_at.isoformat() if doc.published_at else None,
        }
        td = tantivy.Document()
        td.add_text("id", doc.id)
        td.add_text("title_grams", grams(doc.title))
        td.add_text("body_grams", grams(doc.body))
        td.add_text("organisation", doc.organisation)
        td.add_text("section", doc.section)
        td.add_text("kind", doc.kind)
        td.add_integer("year", int(doc.year or 0))
        td.add_integer("ts", embedded._timestamp(doc.published_at))
        td.add_float("recency", embedded._recency(doc.published_at))
        td.add_bytes("payload", json.dumps(payload, ensure_ascii=False).encode())
        return td

    return previous_document


def previous_build(backend, docs) -> None:
    previous_document = previous_document_maker()
    with backend.bulk_writer() as bulk:
        bulk.clear()
        writer = bulk.writer
        for start in range(0, len(docs), BATCH):
            for doc in docs[start : start + BATCH]:
                writer.add_document(previous_document(doc))


def our_build(backend, docs) -> None:
    with backend.bulk_writer() as bulk:
        bulk.clear()
        for start in range(0, len(docs), BATCH):
            bulk.add_new(docs[start : start + BATCH])


def previous_entry_maker():
    """``previous_entry(doc)``: the PostgreSQL row as the previous build made it (kept
    here for the comparison): ``str.translate`` folding, lexemes from two token lists."""
    from gongkai.search.analysis import char_tokens, fold_table, gram_tokens, words
    from gongkai.search.backends.postgres import _day
    from gongkai.search.models import SearchEntry

    table = fold_table()

    def previous_entry(doc):
        norm_title, norm_body = doc.title.translate(table), doc.body.translate(table)
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
            day=_day(doc.published_at),
        )

    return previous_entry


def previous_pg_build(backend, docs) -> None:
    from django.db import connection, transaction

    from gongkai.search.backends.postgres import UPDATE_FIELDS
    from gongkai.search.models import SearchEntry

    previous_entry = previous_entry_maker()
    with transaction.atomic():
        backend.clear()
        for start in range(0, len(docs), 1000):
            batch = docs[start : start + 1000]
            entries = list({e.doc_id: e for e in map(previous_entry, batch)}.values())
            SearchEntry.objects.bulk_create(
                entries,
                update_conflicts=True,
                unique_fields=["doc_id"],
                update_fields=UPDATE_FIELDS,
            )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchentry")


# ------------------------------------------------------------------ running


def uptime() -> str:
    """What ``uptime`` prints: the time, how long the machine has been up, the load."""
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} {five:.1f} {fifteen:.1f}"


def timed(label: str, build, backend, docs) -> dict:
    before = load()
    wall, cpu = time.perf_counter(), time.process_time()
    build(backend, docs)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    n, cores = len(docs), os.cpu_count() or 1
    figures = {"label": label, "wall": wall, "cpu": cpu, "load": f"{before} → {load()}"}
    # The database server's work is not this process's CPU: no ceiling for PostgreSQL.
    ceiling = (
        f" ({cores} cores idle would allow {cores * n / cpu:,.0f} docs/s)"
        if backend.name == "tantivy"
        else " (this process only)"
    )
    print(
        f"{label:<9} {wall:7.1f} s  {n / wall:8,.0f} docs/s  CPU {cpu * 1e6 / n:5.0f} µs a "
        f"document{ceiling}  load {figures['load']}",
        flush=True,
    )
    return figures


def python_cost(make, docs, runs: int = 3) -> float:
    """µs a document of making the index's document (tantivy) or row (PostgreSQL) alone,
    the best of ``runs`` passes over up to 5,000 documents: the part of a build that is
    this project's Python, steadier than a whole build on a loaded machine."""
    sample = docs[:5000]
    best = float("inf")
    for _ in range(runs):
        cpu = time.process_time()
        for doc in sample:
            make(doc)
        best = min(best, time.process_time() - cpu)
    return best * 1e6 / len(sample)


def answers(backend, queries: list[str]) -> dict[str, tuple]:
    """Each query's total and ranked hits (up to 100)."""
    out = {}
    for query in queries:
        results = backend.search(query, limit=100)
        out[query] = (results.total, _ranked(results))
    return out


def _ranked(results) -> list[tuple[float, str]]:
    """Hits as (score, id), ties by id; hits tied with the last one are left out (which
    of them makes the page depends on the segment a document landed in)."""
    hits = sorted((-round(h.score, 4), h.id) for h in results.hits)
    if len(hits) == 100:
        hits = [h for h in hits if h[0] < hits[-1][0]]
    return hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=50_000)
    parser.add_argument("--backend", choices=["tantivy", "postgres"], default="tantivy")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--rounds", type=int, default=1, help="builds of each, alternating")
    args = parser.parse_args()

    import django

    django.setup()
    from gongkai.search.analysis import fold_table

    corpus = _corpus()
    print(f"uptime: {uptime()}")
    started = time.perf_counter()
    docs = list(corpus.generate(args.docs, args.seed))
    chars = sum(len(d.title) + len(d.body) for d in docs) / len(docs)
    print(
        f"{len(docs):,} documents of {chars:.0f} characters on average, generated in "
        f"{time.perf_counter() - started:.0f} s (not timed below); backend {args.backend}"
    )
    fold_table()  # built once per process in both builds
    queries = [
        *corpus.TWO,
        *corpus.THREE_FOUR,
        *corpus.RARE,
        *corpus.MULTI,
        *corpus.phrase_queries(args.seed),
    ]

    if args.backend == "tantivy":
        from gongkai.search.backends.embedded import _schema, _to_tantivy

        schema = _schema()
        makers = {"previous": previous_document_maker(), "ours": lambda d: _to_tantivy(d, schema)}
    else:
        from gongkai.search.backends.postgres import _entry

        makers = {"previous": previous_entry_maker(), "ours": _entry}
    costs = {name: python_cost(make, docs) for name, make in makers.items()}
    print(
        "making the documents alone (Python, best of 3 over 5,000): "
        f"previous {costs['previous']:.0f} µs, ours {costs['ours']:.0f} µs a document"
    )

    results: dict[str, list[dict]] = {"previous": [], "ours": []}
    answered: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="gongkai-build-") as tmp:
        if args.backend == "tantivy":
            from gongkai.search.backends.embedded import EmbeddedBackend

            backends = {
                "previous": EmbeddedBackend(Path(tmp) / "previous"),
                "ours": EmbeddedBackend(Path(tmp) / "ours"),
            }
            builds = {"previous": previous_build, "ours": our_build}
        else:
            backends = {"previous": _postgres(), "ours": _postgres()}
            builds = {"previous": previous_pg_build, "ours": our_build}
        for round_ in range(args.rounds):
            order = ["previous", "ours"] if round_ % 2 == 0 else ["ours", "previous"]
            for name in order:
                results[name].append(timed(name, builds[name], backends[name], docs))
                answered[name] = answers(backends[name], queries)

    print(f"uptime: {uptime()}")
    n = len(docs)
    for name, runs in results.items():
        best = min(runs, key=lambda r: r["wall"])
        print(
            f"{name:<9} best of {len(runs)}: {n / best['wall']:,.0f} docs/s "
            f"(CPU {min(r['cpu'] for r in runs) * 1e6 / n:.0f} µs a document)"
        )
    wall = min(r["wall"] for r in results["previous"]) / min(r["wall"] for r in results["ours"])
    cpu = min(r["cpu"] for r in results["previous"]) / min(r["cpu"] for r in results["ours"])
    print(f"ours: {wall:.2f}x the previous build's rate (wall), {cpu:.2f}x less CPU a document")
    differ = [q for q in queries if answered["previous"][q] != answered["ours"][q]]
    if differ:
        sys.exit(
            f"the two builds answer {len(differ)} of {len(queries)} queries differently: {differ}"
        )
    print(f"same answers: {len(queries)} of {len(queries)} queries (totals, documents, scores)")


def _postgres():
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("--backend postgres needs DATABASE_URL=postgres://…")
    call_command("migrate", "search", verbosity=0)
    from gongkai.search.backends.postgres import PostgresBackend

    return PostgresBackend()


if __name__ == "__main__":
    main()
