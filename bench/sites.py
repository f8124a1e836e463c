"""集约化 benchmark: N bodies with M published items each, one site per body, on PostgreSQL.

    createdb -h 127.0.0.1 -U postgres gk_sites
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gk_sites \\
        python bench/sites.py --bodies 1000 --items 1000        # the issue's scale

Reports, each beside a single-site baseline measured in the same run:

- site resolution per request (the middleware's table lookup) over every host;
- the home page per site, requests/s in one process (Django's test client, no network),
  uncached (a session cookie bypasses the page cache) and from the page cache, against the
  same page with no site (a host no site names: the single-body installation);
- search p95: cross-site (the platform site, every body) and per body (a body's site), with
  recall against an exact substring scan of the same items in the database;
- the yearly report's section 三 for every body in one run;
- the resident memory of this one worker process after start and after serving every
  site (run the bench twice with the same numbers: the second run loads nothing);
- with ``--http``: the home page over HTTP as production serves it (``bench/portal_load.py``'s
  gunicorn behind nginx, wrk with 2 threads), a random one of every site's host names each
  request, beside the same page for a host no site names (the single-site installation),
  in the same run.

The loader is idempotent: a second run with the same numbers reuses the data.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
os.environ.setdefault("GONGKAI_CACHE", "locmem")  # one worker: no cache-table queries

TERMS = [
    "河长制",
    "政务公开",
    "营商环境",
    "消防安全",
    "出入境",
    "禁毒",
    "舆情",
    "行政执法",
    "信息公开",
]


def rss_mb() -> float:
    """This process's resident memory now (Linux), else its peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18] if len(samples) >= 20 else max(samples)


def load(bodies: int, items: int) -> None:
    from django.core.management import call_command

    from gongkai.core.demo import credit_code
    from gongkai.core.models import Organisation
    from gongkai.portal.generate import items_generate
    from gongkai.sites.models import Site

    call_command("migrate", verbosity=0)
    have = Organisation.objects.filter(code__startswith="bench").count()
    if have < bodies:
        Organisation.objects.bulk_create(
            Organisation(
                name=f"测试市第{n}局",
                code=f"bench{n}",
                credit_code=credit_code(f"1190{n:010d}000"),
            )
            for n in range(have, bodies)
        )
    orgs = list(Organisation.objects.filter(code__startswith="bench").order_by("id")[:bodies])
    if Organisation.objects.filter(kind="body").exclude(code__startswith="bench").exists():
        sys.exit("The database holds other bodies: use an empty database of its own.")
    start = time.perf_counter()
    created = items_generate(count=bodies * items, actor=None, log=lambda text: None)
    print(f"loaded {created} new items in {time.perf_counter() - start:.0f} s")
    existing = set(Site.objects.values_list("organisation_id", flat=True))
    Site.objects.bulk_create(
        Site(organisation=o, name=o.name, host=f"{o.code}.bench.example.cn")
        for o in orgs
        if o.pk not in existing
    )
    if not Site.objects.filter(is_platform=True).exists():
        Site.objects.create(
            organisation=orgs[0], name="平台", host="platform.bench.example.cn", is_platform=True
        )


def bench_resolution(hosts: list[str], rounds: int) -> tuple[float, float]:
    from gongkai.sites.selectors import site_resolve, site_table

    site_table()  # build the table once (what the first request of a worker does)
    start = time.perf_counter()
    for n in range(rounds):
        site_resolve(hosts[n % len(hosts)], "/")
    per_site = rounds / (time.perf_counter() - start)
    start = time.perf_counter()
    for _n in range(rounds):
        site_resolve("nosite.example.cn", "/")
    return per_site, rounds / (time.perf_counter() - start)


def bench_home(client, hosts: list[str], requests: int, cached: bool) -> float:
    cookies = {} if cached else {"sessionid": "x"}  # a session cookie skips the page cache
    for name, value in cookies.items():
        client.cookies[name] = value
    start = time.perf_counter()
    for n in range(requests):
        response = client.get("/", headers={"host": hosts[n % len(hosts)]})
        assert response.status_code == 200, response.status_code
    rate = requests / (time.perf_counter() - start)
    client.cookies.clear()
    return rate


@functools.cache  # a scan of every item: once per term and body
def truth(term: str, organisation_id: int | None) -> frozenset[int]:
    from django.db.models import Q

    from gongkai.proactive.models import PUBLIC, Item

    items = Item.objects.filter(PUBLIC).filter(
        Q(public_title__contains=term) | Q(public_body__contains=term)
    )
    if organisation_id:
        items = items.filter(organisation_id=organisation_id)
    return frozenset(items.values_list("pk", flat=True))


def bench_search(orgs, rounds: int) -> dict:
    from gongkai.search.selectors import search

    rng = random.Random(7)  # noqa: S311 - a benchmark's choice of bodies
    out = {}
    for label, pick in (("cross-site", lambda: None), ("per-body", lambda: rng.choice(orgs))):
        times, recalls = [], []
        for n in range(rounds):
            term, org = TERMS[n % len(TERMS)], pick()
            filters = {"organisations": (org.name,)} if org else {}
            start = time.perf_counter()
            results = search(term, filters=filters, limit=20)
            times.append((time.perf_counter() - start) * 1000)
            expected = truth(term, org.pk if org else None)
            got = {
                int(h.id.split(":")[1]) for h in results.hits if h.id.startswith("proactive-item:")
            }
            exact = (results.total == len(expected)) or (
                results.total_is_estimate and results.total <= len(expected)
            )
            page_ok = got <= expected and len(got) == min(20, len(expected))
            recalls.append(1.0 if exact and page_ok else 0.0)
        out[label] = (p95(times), statistics.median(times), sum(recalls) / len(recalls))
    return out


def bench_section3(orgs, year: int) -> tuple[float, float]:
    from gongkai.reports.generate import section3

    start = time.perf_counter()
    section3(orgs[0].pk, year)
    one = time.perf_counter() - start
    start = time.perf_counter()
    for org in orgs:
        section3(org.pk, year)
    return one, time.perf_counter() - start


def bench_http(hosts: list[str], seconds: int, connections: int) -> None:
    """The home page over HTTP: every site's host at random, then the single-site host."""
    import tempfile

    sys.path.insert(0, str(ROOT / "bench"))
    from portal_load import Site, wrk

    scripts = Path(tempfile.mkdtemp(prefix="gongkai-sites-"))
    quoted = ",".join(f'"{h}"' for h in hosts)
    (scripts / "hosts.lua").write_text(
        f"local hosts = {{{quoted}}}\n"
        "math.randomseed(os.time())\n"
        "request = function()\n"
        '  return wrk.format("GET", "/", {Host = hosts[math.random(#hosts)]})\n'
        "end\n"
    )
    (scripts / "single.lua").write_text(
        'request = function() return wrk.format("GET", "/", {Host = "nosite.example.cn"}) end\n'
    )
    for label, script in (("every site", "hosts.lua"), ("single site", "single.lua")):
        # A platform's steady state: every site's page rendered, expired after
        # core.cache.PAGE_SECONDS and rendered again; not the first minute after a start.
        warm = 40 if script == "hosts.lua" else 3
        site = Site(os.environ["DATABASE_URL"], (os.cpu_count() or 1) * 2 + 1, 2)
        site.env["ALLOWED_HOSTS"] = "*"
        try:
            site.start()
            result = wrk(
                f"{site.url}/",
                seconds=seconds,
                connections=connections,
                script=scripts / script,
                warm=warm,
            )
            print(f"home page over HTTP, {label}: {result['rps']:,.0f} req/s, p50 {result['p50']}, "
                  f"p99 {result['p99']}, non-2xx {result['errors']}, "
                  f"load {os.getloadavg()[0]:.1f}")  # fmt: skip
        finally:
            site.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", type=int, default=100)
    parser.add_argument("--items", type=int, default=100, help="published items per body")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--searches", type=int, default=80)
    parser.add_argument("--http", action="store_true", help="also the home page over HTTP")
    parser.add_argument("--only-http", action="store_true", help="only the home page over HTTP")
    parser.add_argument("--seconds", type=int, default=30, help="seconds of wrk per figure")
    args = parser.parse_args()
    if "postgres" not in os.environ.get("DATABASE_URL", ""):
        sys.exit("Set DATABASE_URL to a PostgreSQL database of its own (see the docstring).")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    load(args.bodies, args.items)  # run twice: the second run's memory figures are clean
    base_rss = rss_mb()
    from gongkai.core.models import Organisation
    from gongkai.proactive.models import PUBLIC, Item

    orgs = list(Organisation.objects.filter(code__startswith="bench").order_by("id"))
    total = Item.objects.filter(PUBLIC).count()
    print(f"== {len(orgs)} bodies, {total} published items, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    hosts = [f"{o.code}.bench.example.cn" for o in orgs]
    if args.only_http:
        bench_http(hosts, args.seconds, 16)
        return
    per_site, no_site = bench_resolution(hosts, 20000)
    print(f"site resolution: {per_site:,.0f}/s over {len(hosts)} hosts; "
          f"unknown host (single-site baseline) {no_site:,.0f}/s")  # fmt: skip
    client = Client()
    bench_home(client, hosts[:5] + ["nosite.example.cn"], 30, cached=False)  # warm up
    single = bench_home(client, ["nosite.example.cn"], args.requests, cached=False)
    sites = bench_home(client, hosts, args.requests, cached=False)
    single_c = bench_home(client, ["nosite.example.cn"], args.requests, cached=True)
    few = hosts[:20]
    bench_home(client, few, len(few), cached=True)  # fill the page cache for 20 sites
    sites_c = bench_home(client, few, args.requests, cached=True)
    print(f"home page, uncached: per site {sites:.0f} req/s (a different site each request) "
          f"vs single site {single:.0f} req/s")  # fmt: skip
    print(
        f"home page, page cache: per site {sites_c:.0f} req/s vs single site {single_c:.0f} req/s"
    )
    for label, (p, median, recall) in bench_search(orgs, args.searches).items():
        print(f"search {label}: p95 {p:.1f} ms, median {median:.1f} ms, recall {recall:.2f}")
    one, every = bench_section3(orgs, 2025)
    print(f"yearly report section 三: every body ({len(orgs)}) in {every:.2f} s "
          f"(one body {one * 1000:.1f} ms)")  # fmt: skip
    print(f"memory (RSS) of this worker: {base_rss:.0f} MB after start, {rss_mb():.0f} MB after "
          f"serving every site")  # fmt: skip
    if args.http:
        bench_http(hosts, args.seconds, 16)


if __name__ == "__main__":
    main()
