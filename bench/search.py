"""Search benchmark: build an index of N generated government documents, time a fixed
mix of 50 queries (ranked top 20) and compare with a plain substring scan of the same
documents in SQLite, which is also the ground truth for recall.

    python bench/search.py --docs 20000                 # quick, embedded tantivy
    python bench/search.py --docs 200000                # the figures in docs/search.md
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \\
        python bench/search.py --docs 200000 --backend postgres   # replaces its entries

Targets: p95 under 30 ms, recall 1.0 for every kind of query, at least 20x faster than
the scan. Recall is exact for queries with at most 100 matches (the whole set is
compared); above that, every returned hit must be a true match, the page must be full,
and the engine's count must equal the scan's, or, when the engine flags it as an estimate
(``total_is_estimate``, PostgreSQL above its cap), be a lower bound of the scan's.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")

SEEDS = Path(os.environ.get("GONGKAI_SEEDS_DIR", ROOT.parent / "shared" / "seeds"))
LIMIT = 20
EXACT_UP_TO = 100
ORGS = [
    "湛江市公安局",
    "云南省公安厅",
    "长治市公安局上党分局",
    "西市区人民政府",
    "沁源县人民政府",
    "霍州市人民政府",
    "市财政局",
    "市统计局",
    "市生态环境局",
    "市自然资源局",
    "市人力资源和社会保障局",
    "市市场监督管理局",
    "县教育局",
    "县卫生健康局",
    "县水利局",
    "县民政局",
    "区住房和城乡建设局",
    "区交通运输局",
    "区应急管理局",
    "区政务服务管理局",
]
SECTIONS = ["通知公告", "政策文件", "政策解读", "规划计划", "财政信息", "人事信息", "工作动态"]
KINDS = ["通知", "方案", "意见", "办法", "报告", "公告", "解读", "要点"]
RARE = [
    "沁源县统计局",
    "河长制",
    "林长制",
    "沁源县医疗保障局",
    "霍州市自然资源局",
    "一网通办",
    "电子证照互认",
    "营商环境评价",
    "上党分局",
    "田长制",
]
TWO = ["户籍", "预算", "公开", "舆情", "台账", "审查", "解读", "考核", "信访", "目录"]
THREE_FOUR = [
    "统计局",
    "发言人",
    "二维码",
    "负面清单",
    "政策解读",
    "保密审查",
    "办事指南",
    "权责清单",
    "年度报告",
    "去标识化",
]
MULTI = [
    "预算 公开",
    "户籍 办理",
    "负面清单 保密审查",
    "河长制 公开",
    "政策解读 新闻发言人",
    "舆情 回应",
    "考核 台账",
    "依申请公开 答复",
    "统计局 年度报告",
    "办事指南 二维码",
]


# ------------------------------------------------------------------ documents


def seed_material() -> tuple[list[str], list[float], list[str]]:
    """Words (with frequencies) and sentences of the real seed documents."""
    from gongkai.search.analysis import _jieba

    if not SEEDS.is_dir():
        sys.exit(f"seed documents not found at {SEEDS} (set GONGKAI_SEEDS_DIR)")
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("00[0-3]_*.txt")))
    counts: dict[str, int] = {}
    for word in _jieba().lcut(text, HMM=False):
        if len(word) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", word):
            counts[word] = counts.get(word, 0) + 1
    sentences = [s.strip() for s in re.split(r"[。；;\n]", text) if 12 <= len(s.strip()) <= 80]
    words = sorted(counts)
    return words, [counts[w] for w in words], sentences


def generate(n: int, seed: int):
    from gongkai.search.documents import SearchDocument

    rng = random.Random(seed)
    words, weights, sentences = seed_material()
    # Each rare name is planted in a handful of documents, and split apart (a near miss
    # that bigram recall without contiguity would wrongly return) in a few more.
    planted = {i: [] for i in range(n)}
    for name in RARE:
        for i in rng.sample(range(n), max(3, n // 20000)):
            planted[i].append(name)
        for i in rng.sample(range(n), max(2, n // 40000)):
            planted[i].append(name[: len(name) // 2] + "、" + name[len(name) // 2 :])
    start = datetime(2015, 1, 1, tzinfo=UTC)
    for i in range(n):
        org = rng.choice(ORGS)
        kind = rng.choice(KINDS)
        topic = "".join(rng.choices(words, weights, k=rng.randint(2, 4)))
        extra = planted[i]
        title = f"{org}关于{extra[0] if extra and rng.random() < 0.5 else ''}{topic}的{kind}"
        parts = []
        for _ in range(rng.randint(6, 18)):
            if rng.random() < 0.25:
                parts.append(rng.choice(sentences))
            else:
                parts.append("".join(rng.choices(words, weights, k=rng.randint(5, 14))))
        for name in extra:
            parts.insert(rng.randrange(len(parts) + 1), f"推进{name}工作")
        body = "。".join(parts) + "。"
        published = start + timedelta(seconds=rng.randrange(11 * 365 * 86400))
        yield SearchDocument(
            id=f"doc:{i}",
            title=title,
            body=body,
            url=f"/items/{i}/",
            organisation=org,
            section=rng.choice(SECTIONS),
            year=published.year,
            kind=kind,
            published_at=published,
        )


# Quoted passages inside a seed sentence: a phrase is never cut from inside one (its
# quotation marks would fold to ASCII quotes and end the query's own quoted phrase).
_QUOTED = re.compile(r"“[^”]*”|「[^」]*」|《[^》]*》|[“”「」\"]")


def phrase_queries(seed: int) -> list[str]:
    """Ten quoted phrases of 6–10 characters cut from seed sentences on jieba word
    boundaries, outside quotation marks; ``main`` checks that each is in some document."""
    from gongkai.search.analysis import _jieba

    rng = random.Random(seed + 1)
    _, _, sentences = seed_material()
    out: list[str] = []
    while len(out) < 10:
        parts = [p for p in _QUOTED.split(rng.choice(sentences)) if len(p) >= 6]
        if not parts:
            continue
        tokens = _jieba().lcut(rng.choice(parts), HMM=False)
        start = rng.randrange(len(tokens))
        phrase = ""
        for token in tokens[start:]:
            if len(phrase) >= 6:
                break
            phrase += token
        phrase = phrase.strip()
        if 6 <= len(phrase) <= 10 and not re.search(r"\s", phrase) and phrase not in out:
            out.append(phrase)
    return ['"' + p + '"' for p in out]


# ------------------------------------------------------------------ the scan


class Scan:
    """All documents in one SQLite table; a query is ``LIKE '%term%'`` per term."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(path)
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS docs "
            "(id TEXT, title TEXT, norm TEXT, ts INTEGER, norm_title TEXT)"
        )

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM docs").fetchone()[0]

    def add(self, docs) -> None:
        from gongkai.search.analysis import normalize

        rows = [
            (
                d.id,
                d.title,
                normalize(d.title) + "\n" + normalize(d.body),
                int(d.published_at.timestamp()),
                normalize(d.title),
            )
            for d in docs
        ]
        self.db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", rows)

    def commit(self) -> None:
        self.db.commit()

    def search(self, terms: list[str]) -> list[str]:
        """Every matching id, ranked like a user would want it (title, then recency)."""
        where = " AND ".join("norm LIKE ?" for _ in terms)
        rows = self.db.execute(
            f"SELECT id, norm_title, ts FROM docs WHERE {where}", [f"%{t}%" for t in terms]
        ).fetchall()
        rows.sort(key=lambda r: (-sum(t in r[1] for t in terms), -r[2]))
        return [r[0] for r in rows]


# ------------------------------------------------------------------ running


def make_backend(name: str, tmp: Path):
    import django

    django.setup()
    if name == "tantivy":
        from gongkai.search.backends.embedded import EmbeddedBackend

        return EmbeddedBackend(tmp / "index")
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("--backend postgres needs DATABASE_URL=postgres://…")
    call_command("migrate", "search", verbosity=0)
    from gongkai.search.backends.postgres import PostgresBackend

    return PostgresBackend()


def index_size(backend, tmp: Path) -> int:
    if backend.name == "tantivy":
        return sum(p.stat().st_size for p in (tmp / "index").rglob("*") if p.is_file())
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_total_relation_size('search_searchentry')")
        return cursor.fetchone()[0]


# Bench shortcut on PostgreSQL: GIN indexes are built once after the load instead of
# being updated row by row (several times faster); the queries then see the same indexes
# as a migrated installation (the definitions are the migration's own).
PG_GIN_INDEXES = importlib.import_module("gongkai.search.migrations.0004_day_windows").GIN_INDEXES


def _pg_indexes(create: bool) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for name, spec in PG_GIN_INDEXES.items():
            if create:
                cursor.execute("SET maintenance_work_mem = '512MB'")
                cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON search_searchentry {spec}")
            else:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")


def build(backend, scan: Scan, n: int, seed: int) -> tuple[float, Stopwatch]:
    """Build the index and the scan; the seconds of the whole build (generating the
    documents and filling the scan included) and of the index writes alone."""
    started = time.perf_counter()
    if backend.name == "postgres":
        _pg_indexes(create=False)
    indexing = Stopwatch()
    try:
        indexing = _load(backend, scan, n, seed)
    finally:
        if backend.name == "postgres":
            with indexing.running():
                _pg_indexes(create=True)
                from django.db import connection

                with connection.cursor() as cursor:
                    # What autovacuum does after a bulk load: statistics, visibility map.
                    cursor.execute("VACUUM ANALYZE search_searchentry")
    scan.commit()
    print(file=sys.stderr)
    return time.perf_counter() - started, indexing


class Stopwatch:
    """Wall and process CPU seconds (every thread's, tantivy's writers included) of the
    index writes alone: CPU time is the steadier figure on a shared, loaded machine."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    @contextmanager
    def running(self):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall += time.perf_counter() - wall
            self.cpu += time.process_time() - cpu

    def rate(self, n: int) -> str:
        return (
            f"{self.wall:.1f} s, {n / self.wall:,.0f} docs/s; "
            f"CPU {self.cpu * 1e6 / n:,.0f} µs a document"
        )


def _load(backend, scan: Scan, n: int, seed: int) -> Stopwatch:
    done, watch = 0, Stopwatch()
    with watch.running():
        bulk_writer = backend.bulk_writer()
        bulk = bulk_writer.__enter__()
        bulk.clear()
    for batch in batches(generate(n, seed)):
        with watch.running():
            done += bulk.add_new(batch)
        scan.add(batch)
        print(f"\rindexed {done}/{n}", end="", file=sys.stderr, flush=True)
    with watch.running():  # the commit
        bulk_writer.__exit__(None, None, None)
    return watch


def batches(docs, size: int = 2000):
    batch = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def legacy_build(tmp: Path, n: int, seed: int) -> Stopwatch:
    """The previous tantivy build, for a figure measured beside ours in the same run:
    bigram strings made in Python (regex over CJK runs) for a whitespace tokenizer, and
    jieba words of every title. Seconds of the index writes alone, as for ``build``."""
    import tantivy

    from gongkai.search.analysis import words

    cjk_class = "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
    token_re = re.compile(f"({cjk_class}+)|([a-z]+)|([0-9]+)|(\\s+)|(\\S)")
    cjk = re.compile(cjk_class)

    def grams(text: str) -> str:
        out = []
        for cjk, latin, digits, space, other in token_re.findall(old_normalize(text)):
            if cjk:
                out.extend([cjk] if len(cjk) == 1 else map(str.__add__, cjk[:-1], cjk[1:]))
            else:
                out.append("\u2423" if space else latin or digits or other)
        return " ".join(out)

    def old_normalize(text: str) -> str:
        import unicodedata

        return unicodedata.normalize("NFKC", text).lower()

    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    for name in ("title_grams", "body_grams"):
        sb.add_text_field(name, tokenizer_name="whitespace", index_option="position")
    for name in ("chars", "words"):
        sb.add_text_field(name, tokenizer_name="whitespace", index_option="freq")
    for name in ("organisation", "section", "kind"):
        sb.add_text_field(name, tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("year", indexed=True)
    sb.add_integer_field("ts", fast=True)
    sb.add_float_field("recency", fast=True)
    sb.add_bytes_field("payload", stored=True)
    schema = sb.build()
    (tmp / "legacy").mkdir(exist_ok=True)
    index = tantivy.Index(schema, path=str(tmp / "legacy"))
    watch, done = Stopwatch(), 0
    with watch.running():
        writer = index.writer(512_000_000, 0)
    for batch in batches(generate(n, seed)):
        with watch.running():
            for d in batch:
                td = tantivy.Document()
                td.add_text("id", d.id)
                td.add_text("title_grams", grams(d.title))
                td.add_text("body_grams", grams(d.body))
                td.add_text("chars", " ".join(cjk.findall(old_normalize(d.title + "\n" + d.body))))
                td.add_text("words", " ".join(words(d.title)))
                for name in ("organisation", "section", "kind"):
                    td.add_text(name, getattr(d, name))
                td.add_integer("year", d.year)
                td.add_integer("ts", int(d.published_at.timestamp()))
                td.add_float("recency", 1.0)
                payload = {"title": d.title, "body": d.body, "url": d.url}
                td.add_bytes("payload", json.dumps(payload, ensure_ascii=False).encode())
                writer.add_document(td)
        done += len(batch)
        print(f"\rprevious build: indexed {done}/{n}", end="", file=sys.stderr, flush=True)
    with watch.running():
        writer.commit()
        writer.wait_merging_threads()
    print(file=sys.stderr)
    return watch


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def run_queries(backend, scan: Scan, queries: dict[str, list[str]], repeat: int, each=False):
    from gongkai.search.analysis import parse_query

    engine_ms, scan_ms, recall = [], [], {}
    for kind, items in queries.items():
        recall[kind] = []
        for query in items:
            terms = [t.text for t in parse_query(query)]
            backend.search(query, limit=LIMIT)  # warm the caches once
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                results = backend.search(query, limit=LIMIT)
                times.append((time.perf_counter() - t0) * 1000)
            engine_ms.append(statistics.median(times))
            t0 = time.perf_counter()
            truth = scan.search(terms)
            scan_ms.append((time.perf_counter() - t0) * 1000)
            recall[kind].append(measure_recall(backend, query, results, truth))
            if each:
                print(
                    f"  {kind:<11} {query:<16} {engine_ms[-1]:7.1f} ms  "
                    f"{len(truth):>6} matches  scan {scan_ms[-1]:5.0f} ms  "
                    f"recall {recall[kind][-1]:.2f}"
                )
    return engine_ms, scan_ms, recall


def measure_recall(backend, query: str, results, truth: list[str]) -> float:
    truth_set = set(truth)
    if len(truth) <= EXACT_UP_TO:
        found = {h.id for h in backend.search(query, limit=EXACT_UP_TO).hits}
        if not truth_set:
            return 1.0 if not found else 0.0
        return len(found & truth_set) / len(truth_set) if found <= truth_set else 0.0
    page_ok = all(h.id in truth_set for h in results.hits)
    if not page_ok or len(results.hits) != LIMIT:
        return 0.0
    if getattr(results, "total_is_estimate", False):
        # A capped count ("1,000+"): it must be a true lower bound.
        return 1.0 if results.total <= len(truth) else 0.0
    return min(1.0, results.total / len(truth))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=200_000)
    parser.add_argument("--backend", choices=["tantivy", "postgres"], default="tantivy")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query")
    parser.add_argument(
        "--keep",
        type=Path,
        help="keep the scan (and tantivy index) in this directory and reuse them, and the "
        "PostgreSQL entries, when a later run asks for the same documents",
    )
    parser.add_argument("--each", action="store_true", help="print every query's figures")
    parser.add_argument(
        "--no-previous",
        action="store_true",
        help="skip the previous (Python bigram) build measured beside ours",
    )
    args = parser.parse_args()
    from gongkai.search.analysis import parse_query

    with tempfile.TemporaryDirectory(prefix="gongkai-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if args.keep:
            tmp = args.keep / f"{args.backend}-{args.docs}-{args.seed}"
            tmp.mkdir(parents=True, exist_ok=True)
        backend = make_backend(args.backend, tmp)
        scan = Scan(tmp / "scan.sqlite3")
        print(f"backend {backend.name}: {args.docs} documents")
        if args.keep and scan.count() == backend.count() == args.docs:
            print("build skipped: reusing the kept index and scan (--keep)")
        else:
            scan.db.execute("DELETE FROM docs")
            seconds, indexing = build(backend, scan, args.docs, args.seed)
            print(f"build {seconds:.1f} s with the generator and the scan")
            print(f"index writes: {indexing.rate(args.docs)}")
            if backend.name == "tantivy" and not args.no_previous:
                old = legacy_build(tmp, args.docs, args.seed)
                print(f"previous build (Python bigrams, jieba titles): {old.rate(args.docs)}")
                print(
                    f"ours is {old.wall / indexing.wall:.1f}x the previous build's speed "
                    f"(wall), {old.cpu / indexing.cpu:.1f}x less CPU a document"
                )
                shutil.rmtree(tmp / "legacy", ignore_errors=True)
        print(f"index {index_size(backend, tmp) / 1e6:.0f} MB")

        queries = {
            "2-char": TWO,
            "3-4-char": THREE_FOUR,
            "rare names": RARE,
            "multi-word": MULTI,
            "phrases": phrase_queries(args.seed),
        }
        for query in queries["phrases"]:
            # A phrase must be in some document, or its recall says nothing.
            truth = scan.search([t.text for t in parse_query(query)])
            assert truth, f"no document contains the phrase {query}"
        engine_ms, scan_ms, recall = run_queries(
            backend, scan, queries, args.repeat, each=args.each
        )

    p50, p95 = percentile(engine_ms, 50), percentile(engine_ms, 95)
    s50, s95 = percentile(scan_ms, 50), percentile(scan_ms, 95)
    speedup = statistics.mean(scan_ms) / statistics.mean(engine_ms)
    print(f"ranked top {LIMIT}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(engine_ms):.1f} ms")
    print(f"substring scan (all matches, sorted): p50 {s50:.0f} ms, p95 {s95:.0f} ms")
    print(f"speed ratio (mean scan / mean engine): {speedup:.0f}x")
    print("recall vs scan (mean / worst):")
    for kind, values in recall.items():
        print(f"  {kind:<11} {statistics.mean(values):.3f} / {min(values):.3f}")
    worst = min(min(v) for v in recall.values())
    targets = [
        (f"p95 under 30 ms ({p95:.1f})", p95 < 30),
        (f"recall 1.0 for every kind (worst {worst:.3f})", worst == 1.0),
        (f"at least 20x faster than the scan ({speedup:.0f}x)", speedup >= 20),
    ]
    for label, ok in targets:
        print(f"[{'met' if ok else 'MISSED'}] {label}")


if __name__ == "__main__":
    main()
