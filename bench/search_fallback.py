"""What search costs while the index is missing: the bounded database scan vs the index.

    python bench/search_fallback.py [--items 20000] [--runs 10]

Loads the demo and ``--items`` generated published items into a fresh SQLite database
under a temporary directory (indexed as ``gongkai demo --items`` does), then times, for
each query, p50/p95 over ``--runs`` runs of:

- the index (``get_backend().search``, page 1 of 20): the baseline, measured in the same run;
- the database scan that answers while the index is missing or empty
  (``search.health.database_search``: every term as a substring of the newest
  ``SCAN_ROWS`` items, at most ``SCAN_CAP`` counted, page 1 of 20);
- the check a healthy index pays when a search finds nothing (``index_unusable``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

QUERIES = ["户籍", "政务公开", "河长制", "年度报告", "预算 公开", "蜘蛛池"]


def setup_django(directory: Path) -> None:
    os.environ["GONGKAI_HOME"] = str(directory)
    os.environ["DATABASE_URL"] = f"sqlite:///{directory / 'bench.sqlite3'}"
    os.environ["GONGKAI_CACHE"] = "locmem"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("demo", verbosity=0)


def timed(function, runs: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)], result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder))
        from django.contrib.auth import get_user_model

        from gongkai.portal.generate import items_generate
        from gongkai.proactive.models import PUBLIC, Item
        from gongkai.search import health
        from gongkai.search.backends import get_backend

        started = time.perf_counter()
        admin = get_user_model().objects.get(username="admin")
        items_generate(count=args.items, actor=admin, log=lambda line: None)
        published = Item.objects.filter(PUBLIC).count()
        backend = get_backend()
        print(
            f"{published} published items, {backend.count()} in the index "
            f"(built in {time.perf_counter() - started:.0f} s); scan: newest "
            f"{health.SCAN_ROWS} items, at most {health.SCAN_CAP} counted"
        )
        print(f"{'query':<12} {'index p50/p95 ms':>18} {'scan p50/p95 ms':>18} {'scan hits':>10}")
        for query in QUERIES:
            index50, index95, _ = timed(lambda q=query: backend.search(q, limit=20), args.runs)
            scan50, scan95, results = timed(
                lambda q=query: health.database_search(q, filters=None, offset=0, limit=20),
                args.runs,
            )
            total = f"{results.total}{'+' if results.total_is_estimate else ''}"
            print(
                f"{query:<12} {index50:>8.1f} / {index95:<8.1f} "
                f"{scan50:>8.1f} / {scan95:<8.1f} {total:>10}"
            )
        check50, check95, _ = timed(health.index_unusable, args.runs)
        print(f"check after a search that found nothing: {check50:.2f} / {check95:.2f} ms")


if __name__ == "__main__":
    main()
