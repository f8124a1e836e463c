"""How fast the site monitor crawls the portal, and how much memory it holds.

    python bench/monitor_crawl.py [--items 100000] [--max-pages 200000] [--seed 20261206]

In a fresh SQLite database under a temporary directory, ``--items`` published information
items are written with bulk_create (item, revision, published revision set by one UPDATE),
spread over ten catalog sections, each section a list column of the portal (20 items a
page, pages linked by the pager). Each item has its page and its print view, so the portal
has about 2 × items + items / 20 pages.

1. baseline: the same requests the crawl made (pages and images, e.g. each item's QR
   code), in the same order, fetched with Django's test client and nothing else (no
   parsing, no queue of links): the floor any in-process crawl pays for rendering.
2. crawl: ``monitor.crawl.crawl`` from the home page (breadth first, every page parsed
   for links, images and text, hidden links recognised), in-process, up to
   ``--max-pages`` requests, no depth limit that matters (pager chains are deep).
3. checks: the content checks (hidden/foreign links, sensitive words), 严重错别字 and the
   reachability check over the crawl's pages.

Pages per second for each; peak memory as the process's maximum resident set
(``resource.getrusage``) after each phase (it only grows), and the crawl's own peak of
Python allocations (``tracemalloc``, measured in a second, smaller crawl because tracing
slows everything several times).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

SECTIONS = [
    "functions", "policy", "interpretation", "opinion_response", "laws", "business",
    "major_projects", "public_resources", "public_welfare", "policy",
]  # fmt: skip
WORDS = "政府信息公开工作年度报告通知方案规划预算决算统计数据民生教育卫生交通环境保护".replace(
    "", " "
).split()


def setup_django(directory: Path) -> None:
    os.environ["GONGKAI_HOME"] = str(directory)
    os.environ["DATABASE_URL"] = f"sqlite:///{directory / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)


def build(items: int, rng: random.Random) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from gongkai.core.services import organisation_create
    from gongkai.portal.models import Column, ColumnKind
    from gongkai.proactive.models import Item, ItemRevision, Status

    body = organisation_create(actor=None, name="西市区人民政府（基准）", code="bench")
    for n, section in enumerate(dict.fromkeys(SECTIONS)):
        Column.objects.create(
            title=f"栏目{n}", slug=f"lm{n}", kind=ColumnKind.LIST, source="proactive_section",
            source_param=section, show_on_home=True, order=n,
        )  # fmt: skip
    now = timezone.now()
    batch = 5000
    for start in range(0, items, batch):
        rows = []
        for n in range(start, min(items, start + batch)):
            title = "".join(rng.choice(WORDS) for _w in range(12)) + f"（第{n}号）"
            text = "。".join("".join(rng.choice(WORDS) for _w in range(30)) for _p in range(8))
            rows.append(
                Item(
                    organisation=body, index_number=f"bench-{n:07d}", title=title,
                    section=SECTIONS[n % len(SECTIONS)], status=Status.PUBLISHED, body=text,
                    public_title=title, public_body=text,
                    published_at=now - dt.timedelta(minutes=n),
                )
            )  # fmt: skip
        with transaction.atomic():
            created = Item.objects.bulk_create(rows)
            ItemRevision.objects.bulk_create(
                ItemRevision(item=i, number=1, title=i.title, body=i.body) for i in created
            )
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE proactive_item SET published_revision_id = (SELECT id FROM "
            "proactive_itemrevision r WHERE r.item_id = proactive_item.id)"
        )


class Recording:
    """The fetcher, noting each address asked for (the baseline replays them)."""

    def __init__(self, fetcher) -> None:
        self.fetcher = fetcher
        self.base_url = fetcher.base_url
        self.polite_delay = 0.0
        self.urls: list[str] = []

    def get(self, url: str):
        self.urls.append(url)
        return self.fetcher.get(url)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--max-pages", type=int, default=200_000)
    parser.add_argument("--traced-pages", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=20261206)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        setup_django(Path(directory))
        from gongkai.monitor import crawl, sitechecks
        from gongkai.monitor.checks import content_findings
        from gongkai.monitor.wording import naming_from_tables

        started = time.perf_counter()
        build(args.items, random.Random(args.seed))
        print(f"built {args.items} items in {time.perf_counter() - started:.0f} s")
        print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (1 and 5 min)")

        fetcher = crawl.ClientFetcher()
        fetcher.get(fetcher.base_url)  # templates compiled, translations loaded
        # The crawl first (it finds the pages), then the baseline replaying its requests:
        # the crawl meets the colder caches, so its figure is the less flattering one.
        recording = Recording(fetcher)
        begin = time.perf_counter()
        result = crawl.crawl(fetcher=recording, max_pages=args.max_pages, max_depth=1_000_000)
        crawled = time.perf_counter() - begin
        rss_crawl = peak_rss_mib()
        urls = recording.urls

        begin = time.perf_counter()
        for url in urls:
            fetcher.get(url)
        baseline = time.perf_counter() - begin
        rss_baseline = peak_rss_mib()

        begin = time.perf_counter()
        found = content_findings(result, allowed_hosts=set(), words=["博彩", "代开发票"])
        found += sitechecks.wording_findings(result, naming_from_tables())
        found += sitechecks.reach_findings(result, sitechecks.published_pages(per_column=500))
        checked = time.perf_counter() - begin

        tracemalloc.start()
        crawl.crawl(fetcher=fetcher, max_pages=args.traced_pages, max_depth=1_000_000)
        _current, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        pages = len(urls)
        print(
            f"requests: {pages} ({len(result.pages)} pages read, the rest images; budget "
            f"{args.max_pages}; links left unopened {result.unchecked})"
        )
        print(f"  {'phase':<46}{'seconds':>9}{'req/s':>10}{'× base':>8}")
        print(
            f"  {'baseline: test client GETs, no checks':<46}{baseline:>9.1f}{pages / baseline:>10.1f}"
        )
        print(
            f"  {'crawl: GET, parse, links, hidden styles':<46}{crawled:>9.1f}{pages / crawled:>10.1f}{crawled / baseline:>8.2f}"
        )  # noqa: E501
        print(
            f"  {'checks after the crawl (content, 错别字, reach)':<46}{checked:>9.1f}{len(result.pages) / checked:>10.1f}"
        )  # noqa: E501
        print(f"findings: {len(found)}")
        print(
            f"peak RSS MiB: after the crawl {rss_crawl:.0f}, after the baseline {rss_baseline:.0f}"
        )
        print(
            f"tracemalloc peak of a {args.traced_pages}-page crawl: {traced_peak / 2**20:.1f} MiB"
        )  # noqa: E501


if __name__ == "__main__":
    main()
