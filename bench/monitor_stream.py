"""How fast a monitor run crawls 200,000 pages, and whether its memory stays bounded.

    python bench/monitor_stream.py [--pages 200000] [--baseline-pages 20000]

A synthetic portal is served from 127.0.0.1 by a small threaded HTTP server in its own
process: ``--pages`` pages of about 9 KB (a navigation bar of 24 links, ~1,500
characters of text, a footer linking www.gov.cn, one of 50 images), page i linking
pages 10i+1 … 10i+10 (a tree six levels deep at 200,000), with faults planted: a broken
link every 1,000 pages, a hidden 暗链 every 5,000, a 蜘蛛池 block every 10,000 (at 777,
10,778, 20,777 …, linking a spam page that does not answer), a wrong leader title (国家主席李强) every 10,000, and a missing image every
50,000. The even pages are "item pages": the run compares each with its expected form
(the same page without the planted fault), as it compares an item page with the item
rendered from the templates.

Each measurement runs in a process of its own (peak RSS is a process's high-water mark,
``resource.getrusage``), one after the other against the same server, the run first
and then the three baselines:

1. fetch: the same pages GET one by one with urllib, body read, nothing else — the
   floor of any crawl over HTTP (at ``--baseline-pages``).
2. crawl, kept (the path before the streaming change): ``crawl.crawl`` without a
   visitor, every page with its links and text kept for checks after the crawl (at
   ``--baseline-pages``; its memory grows with the pages).
3. crawl, checks off: ``crawl.crawl`` with a visitor that does nothing (at
   ``--baseline-pages``).
4. run: ``services.run_execute`` with the HTTP fetcher — the per-page checks (slow,
   hidden/foreign/injected links, injected text, sensitive words, 严重错别字) during
   the crawl, pages and findings written to SQLite in batches, then the checks after
   the crawl (at ``--pages``).

Printed: pages read, requests, seconds, pages/s, peak RSS, the findings of the run by
kind against the faults planted, and the load average before and after.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
FILLER = (
    "为深入贯彻落实国务院办公厅关于全面推进政务公开工作的意见，进一步提升政府信息公开"
    "工作质量，现将本年度政府信息公开工作有关事项通知如下。各单位要按照主动公开基本目录"
    "的要求，及时准确发布政策文件、解读材料和办事指南，做好依申请公开的受理和答复工作。"
)
NAV = "".join(f'<li><a href="/lm/{n}/">栏目{n}</a></li>' for n in range(24))


def page_html(i: int, pages: int, *, clean: bool = False) -> str:
    """Page i of the synthetic portal; ``clean``: without the planted faults."""
    children = "".join(
        f'<li><a href="/p/{c}.html">第{c}号信息</a></li>'
        for c in range(10 * i + 1, min(10 * i + 11, pages))
    )
    planted = ""
    if not clean:
        if i % 1000 == 999:
            planted += f'<p><a href="/missing/{i}.html">已删除的页面</a></p>'
        if i % 5000 == 4999:
            planted += '<div style="display:none"><a href="http://spam.example/">博彩平台</a></div>'
        if i % 20000 in (777, 10778):
            planted += (
                "<p>主站蜘蛛池模板: 国产精品无码av一区二区三区| 亚洲精品无码久久千人斩探花| "
                '<a href="/p/spam-index.html">日韩av无码久久一区二区</a>|</p>'
            )
        if i % 10000 == 5:
            planted += "<p>5月8日，国家主席李强到我区调研。</p>"
    image = f"/img/{i % 50}.png" if i % 50000 != 49999 else "/img/missing.png"
    return (
        f"<!doctype html><html lang='zh-CN'><head><title>第{i}号信息</title>"
        "<style>.nav li{display:inline}</style></head><body>"
        f"<header><a href='/'>西市区人民政府</a><ul class='nav'>{NAV}</ul></header>"
        f"<main><h1>关于第{i}号政府信息的公告</h1><p>{FILLER * 4}</p><p>{FILLER * 3}</p>"
        f"<img src='{image}' alt='图'>{planted}<ul>{children}</ul></main>"
        "<footer><a href='https://www.gov.cn/'>中国政府网</a> 主办：西市区人民政府办公室</footer>"
        "</body></html>"
    )


def page_number(path: str) -> int | None:
    if path == "/":
        return 0
    if path.startswith("/p/") and path.endswith(".html"):
        number = path[3:-5]
        return int(number) if number.isdigit() else None
    return None


def serve(pages: int, port_queue) -> None:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            number = page_number(self.path)
            if number is not None and number < pages:
                body, kind, status = page_html(number, pages).encode(), "text/html", 200
            elif self.path.startswith("/lm/"):
                body, kind, status = b"<html><body><p>col</p></body></html>", "text/html", 200
            elif self.path.startswith("/img/") and "missing" not in self.path:
                body, kind, status = b"\x89PNG....", "image/png", 200
            else:
                body, kind, status = b"<p>404</p>", "text/html", 404
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port_queue.put(server.server_port)
    server.serve_forever()


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


# --- one measurement, in its own process ----------------------------------------------


class Nothing:
    def page(self, page):
        pass

    def broken(self, broken):
        pass


def setup_django(directory: str, *, database: bool) -> None:
    os.environ["GONGKAI_HOME"] = directory
    os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    sys.path.insert(0, str(SRC))
    import django

    django.setup()
    if not database:
        return  # the crawl alone needs the settings, not the database
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)


def measure(mode: str, base_url: str, pages: int) -> dict:
    with tempfile.TemporaryDirectory() as directory:
        setup_django(directory, database=mode == "run")
        from django.conf import settings

        from gongkai.monitor import crawl, injection
        from gongkai.monitor.external import PoliteFetcher

        fetcher = crawl.HttpFetcher(base_url, timeout=15)
        # Room for the images and columns: the crawl ends when the site is read.
        budget = pages + pages // 10 + 200
        started = time.perf_counter()
        out: dict = {"mode": mode}
        if mode == "fetch":
            for i in range(pages):
                fetcher.get(f"{fetcher.base_url}p/{i}.html" if i else fetcher.base_url)
            out.update(pages=pages, requests=pages)
        elif mode in ("kept", "bare"):
            result = crawl.crawl(
                fetcher=fetcher,
                max_pages=budget,
                max_depth=1_000_000,
                visitor=Nothing() if mode == "bare" else None,
            )
            out.update(pages=result.pages_read, requests=result.requests)
        else:
            from gongkai.monitor.models import AllowedHost, Finding, Run, SensitiveWord
            from gongkai.monitor.services import run_execute

            settings.GONGKAI_MONITOR_MAX_PAGES = budget
            settings.GONGKAI_MONITOR_MAX_DEPTH = 1_000_000
            settings.GONGKAI_MONITOR_MAX_SECONDS = 24 * 3600
            SensitiveWord.objects.create(word="代开发票")
            AllowedHost.objects.create(host="www.gov.cn")

            def expected(url: str):
                number = page_number(crawl.path_of(url))
                if number is None or number % 2:
                    return None
                return injection.expected_from_html(page_html(number, pages, clean=True), url)

            run = Run.objects.create(trigger=Run.Trigger.MANUAL)
            polite = PoliteFetcher(timeout=1, host_interval=0, max_requests=0, max_seconds=0)
            run = run_execute(run_id=run.pk, fetcher=fetcher, polite=polite, expected=expected)
            kinds: dict[str, int] = {}
            for kind in Finding.objects.filter(run=run).values_list("kind", flat=True):
                kinds[kind] = kinds.get(kind, 0) + 1
            out.update(
                pages=run.pages_checked,
                requests=None,
                status=run.status,
                findings=kinds,
                vetoes=run.veto_count,
            )
        out["seconds"] = time.perf_counter() - started
        out["rss_mib"] = peak_rss_mib()
        return out


def planted(pages: int) -> dict[str, int]:
    """What the run should find, by kind."""
    return {
        # + the spam page, reported once (from the first page linking it)
        "broken_link": sum(1 for i in range(pages) if i % 1000 == 999) + (pages > 777),
        "hidden_link": sum(1 for i in range(pages) if i % 5000 == 4999),
        "injected_text": sum(1 for i in range(pages) if i % 20000 in (777, 10778)),
        # on the compared (even) pages, the link of the block is not in the expected page
        "injected_link": sum(1 for i in range(pages) if i % 20000 == 10778),
        "wrong_title": sum(1 for i in range(pages) if i % 10000 == 5),
        "broken_image": sum(1 for i in range(pages) if i % 50000 == 49999),
        # "home page not updated": the bench's database has no published columns
        "home_stale": 1,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200_000)
    parser.add_argument("--baseline-pages", type=int, default=20_000)
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # mode,base_url,pages
    args = parser.parse_args()
    if args.measure:
        mode, base_url, pages = args.measure.split(",")
        print(json.dumps(measure(mode, base_url, int(pages))))
        return

    ports = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(args.pages, ports), daemon=True)
    server.start()
    base_url = f"http://127.0.0.1:{ports.get(timeout=30)}/"
    print(f"synthetic portal: {args.pages} pages at {base_url}")
    print(f"load before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1, 5, 15 min)")
    plan = [
        ("run", args.pages, "run: crawl + checks during it + DB"),
        ("bare", args.baseline_pages, "baseline: crawl, streaming, checks off"),
        ("kept", args.baseline_pages, "baseline: crawl keeping pages (old path)"),
        ("fetch", args.baseline_pages, "baseline: GET only (urllib), no parsing"),
    ]
    rows = []
    try:
        for mode, pages, label in plan:
            answer = subprocess.run(
                [sys.executable, __file__, "--measure", f"{mode},{base_url},{pages}"],
                capture_output=True,
                text=True,
                check=True,
            )
            row = json.loads(answer.stdout.strip().splitlines()[-1])
            row["label"] = label
            rows.append(row)
            print(
                f"  {label:<44}{row['pages']:>8} pages {row['seconds']:>8.1f} s "
                f"{row['pages'] / row['seconds']:>8.1f} pages/s  peak RSS {row['rss_mib']:>6.0f} MiB",
                flush=True,
            )
    finally:
        server.terminate()
    run = rows[0]
    print(f"run status: {run['status']}, vetoes {run['vetoes']}")
    print(f"findings by kind: {json.dumps(run['findings'], ensure_ascii=False, sort_keys=True)}")
    print(f"planted:          {json.dumps(planted(args.pages), sort_keys=True)}")
    print(f"load after: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1, 5, 15 min)")


if __name__ == "__main__":
    main()
