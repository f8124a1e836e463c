"""How the 主动公开基本目录 (/xxgk/directory/) answers on a database with many items.

    GONGKAI_HOME=<a home> gongkai demo --items 5000
    GONGKAI_HOME=<the same home> python bench/directory.py [--runs 10]

Through Django's test Client on the database of ``GONGKAI_HOME`` (read only): the page's
size and the CPU time of page 1, a middle page, a section's page 1, and the CSV and .xlsx
downloads (their streamed bodies read to the end); CPU time (``time.process_time``) is
steadier than wall time on a shared machine. Baseline: the normative-document register,
a page whose work does not depend on the catalog's size.

Before (the whole catalog on one page, 1.86 MB at 3,000 items) the page grew with the
catalog; target: a page's size and time stay flat as the catalog grows.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path


def setup_django() -> None:
    if "GONGKAI_HOME" not in os.environ:
        sys.exit("GONGKAI_HOME: the home of a database with items (gongkai demo --items N)")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def measure(client, url: str, runs: int) -> tuple[int, float, float]:
    """Bytes, p50 and max CPU milliseconds of ``runs`` GETs after a warm-up."""
    size = len(body(client.get(url)))
    samples = []
    for _n in range(runs):
        start = time.process_time()
        response = client.get(url)
        size = len(body(response))
        samples.append((time.process_time() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return size, statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    setup_django()
    from django.test import Client

    from gongkai.proactive.models import PUBLIC, Item

    published = Item.objects.filter(PUBLIC).count()
    middle = max(published // 50 // 2, 1)
    print(f"{published} published items; {args.runs} runs each; CPU ms")
    print(f"  {'page':<36}{'bytes':>12}{'p50 ms':>10}{'max ms':>10}")
    client = Client()
    pages = {
        "baseline: normative register": "/xxgk/normative/",
        "directory page 1": "/xxgk/directory/",
        f"directory page {middle}": f"/xxgk/directory/?page={middle}",
        "directory, section business": "/xxgk/directory/?section=business",
        "directory CSV (all rows)": "/xxgk/directory/?format=csv",
        "directory xlsx (all rows)": "/xxgk/directory/?format=xlsx",
    }
    for name, url in pages.items():
        runs = args.runs if "format" not in url else max(args.runs // 5, 1)
        size, p50, top = measure(client, url, runs)
        print(f"  {name:<36}{size:>12,}{p50:>10.1f}{top:>10.1f}")


if __name__ == "__main__":
    main()
