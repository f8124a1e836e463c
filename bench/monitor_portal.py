"""A monitor run over the real portal, over HTTP as production runs it: pages/s and memory.

    # the 200,000-page measurement (builds its database of 200,000 items first — 20,000
    # took 66 s here —; with --reuse a database already built with them is kept):
    nice -n 19 python bench/monitor_portal.py --items 200000 --pages 200000 --reuse
    # (the figures in docs/monitor.md: --pages 410000 --baseline-every 10, to read
    # 200,000 HTML pages: each item also has a QR image and a QR download)

    # a smoke run (a minute or two):
    python bench/monitor_portal.py --items 300 --pages 500 --reuse

The database is built by ``bench/portal_load.py``'s builder (``--database``, default
``gongkai_bench_monitor`` on the local PostgreSQL, not portal_load's own, since a run
writes its pages and findings there; ``--reuse`` keeps one already built with at least
``--items`` items, otherwise it is dropped and built again): the demo bureau, the
portal's columns and ``--items`` published items made in bulk. The portal is served as production serves it (the same ``Site``: gunicorn with
``deploy/gunicorn.conf.py`` behind nginx with ``deploy/nginx/*`` on loopback ports),
and in the same invocation, each in a process of its own (its peak RSS is that
process's high-water mark, ``resource.getrusage``):

1. **run**: ``monitor.services.run_execute`` with ``GONGKAI_MONITOR_BASE_URL`` set to the
   served portal (the HTTP fetcher, and each item page compared with its rendering here,
   ``injection.ItemRender``), ``GONGKAI_MONITOR_MAX_PAGES`` = ``--pages``,
   ``GONGKAI_MONITOR_MAX_SECONDS`` = ``--max-seconds`` (a day), no pause between
   requests (``GONGKAI_MONITOR_DELAY_SECONDS`` 0), ``GONGKAI_MONITOR_MAX_DEPTH`` =
   ``--max-depth`` (production's 4 does not reach most items of a large portal), other
   sites not opened (``GONGKAI_MONITOR_EXTERNAL_MAX_REQUESTS`` 0: this is the portal's
   crawl, not the polite checks of other hosts). Every address the crawl opens is
   written to a file.
2. **fetch** (the baseline): the same addresses, in the same order, one client, GET
   with the crawl's own ``HttpFetcher`` and nothing else — what opening those pages
   costs the server and the connection, without the crawl's parsing, checks and rows.
   It runs after the run because it needs its addresses; the portal's page cache keeps
   a page 30 s (``core.cache.PAGE_SECONDS``), so it starts cold again.
   ``--baseline-every N`` fetches every Nth of them instead (in order, a sample spread
   over the whole crawl), when fetching them all again would take as long as the run;
   the comparison is then per request.

Printed per measurement: requests, pages read, seconds (the crawl alone and the whole
run with the checks after it), pages/s and requests/s, the crawling process's CPU
seconds and peak RSS, the in-process rendering of compared item pages (count and
seconds), the CPU seconds gunicorn and nginx spent serving it (PostgreSQL's not
counted: other databases share the server), the load average before and after; for
the run, its findings by kind and the time it would take at this speed for 200,000
pages. ``--profile FILE`` writes the crawling process's cProfile statistics.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from portal_load import Site, build  # noqa: E402

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/gongkai_bench_monitor"

CLOCK = os.sysconf("SC_CLK_TCK")


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def _cpu_of(pid: int, *, reaped: bool) -> float:
    """utime + stime of ``pid`` (+ of its children already reaped, when ``reaped``)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12])  # utime, stime
    if reaped:
        ticks += int(fields[13]) + int(fields[14])  # cutime, cstime
    return ticks / CLOCK


def server_cpu(site: Site) -> float:
    """CPU seconds of gunicorn and nginx so far: the masters, their live workers and
    the workers already recycled (``max_requests``) and reaped."""
    masters = [site.gunicorn.pid] if site.gunicorn else []
    pid_file = site.work / "nginx.pid"
    if pid_file.exists():
        masters.append(int(pid_file.read_text().strip()))
    total = 0.0
    for master in masters:
        total += _cpu_of(master, reaped=True)
        total += sum(_cpu_of(child, reaped=True) for child in _children(master))
    return total


class PortalSite(Site):
    """``portal_load.Site`` with the port kept in the Host header nginx passes on: on
    loopback the portal listens on a port of its own, and the absolute addresses Django
    builds (the 主动公开基本目录 links each item with one) must name it, or the crawl
    takes them for another site. In production (ports 80 and 443) ``$host`` and
    ``$http_host`` are the same."""

    def _nginx_conf(self) -> None:
        super()._nginx_conf()
        locations = self.work / "locations.conf"
        text = locations.read_text()
        locations.write_text(text.replace("Host $host;", "Host $http_host;"))


# --- one measurement, in its own process ----------------------------------------------


def _process_figures() -> dict:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024}


def measure_run(urls_file: str, profile: str) -> dict:
    import django

    django.setup()
    from gongkai.monitor import crawl, injection, services
    from gongkai.monitor.models import Finding, Run

    # Every address the crawl opens, for the baseline.
    opened = Path(urls_file).open("w", encoding="utf-8")  # noqa: SIM115
    http_get = crawl.HttpFetcher.get

    def get(self, url):
        opened.write(url + "\n")
        return http_get(self, url)

    crawl.HttpFetcher.get = get  # type: ignore[method-assign]

    figures: dict = {"render_count": 0, "render_seconds": 0.0}
    render = injection.ItemRender.__call__

    def timed_render(self, url):
        started = time.perf_counter()
        answer = render(self, url)
        if answer is not None:
            figures["render_count"] += 1
        figures["render_seconds"] += time.perf_counter() - started
        return answer

    injection.ItemRender.__call__ = timed_render  # type: ignore[method-assign]
    crawl_whole = crawl.crawl

    def timed_crawl(**kwargs):
        started = time.perf_counter()
        result = crawl_whole(**kwargs)
        figures.update(
            crawl_seconds=time.perf_counter() - started,
            requests=result.requests,
            pages=result.pages_read,
            unchecked=result.unchecked,
        )
        return result

    crawl.crawl = timed_crawl  # type: ignore[assignment]

    # A run left open by an interrupted bench on a reused database would be returned
    # instead of a new one: close it.
    Run.objects.filter(status__in=services.OPEN).update(status=Run.Status.FAILED)
    run = Run.objects.create(trigger=Run.Trigger.MANUAL)
    started = time.perf_counter()
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        run = profiler.runcall(services.run_execute, run_id=run.pk)
        profiler.dump_stats(profile)
    else:
        run = services.run_execute(run_id=run.pk)
    figures["seconds"] = time.perf_counter() - started
    opened.close()
    kinds: dict[str, int] = {}
    for kind in Finding.objects.filter(run=run).values_list("kind", flat=True):
        kinds[kind] = kinds.get(kind, 0) + 1
    figures.update(status=run.status, findings=kinds, vetoes=run.veto_count)
    figures.update(_process_figures())
    return figures


def measure_fetch(urls_file: str, base_url: str, every: int) -> dict:
    import django

    django.setup()
    from gongkai.monitor import crawl

    fetcher = crawl.HttpFetcher(base_url, timeout=15)
    urls = Path(urls_file).read_text(encoding="utf-8").split()[::every]
    started = time.perf_counter()
    html = 0
    for url in urls:
        if fetcher.get(url).text:
            html += 1
    seconds = time.perf_counter() - started
    return {
        "requests": len(urls),
        "pages": html,  # HTML answers (the run's pages also count other link targets)
        "seconds": seconds,
        "crawl_seconds": seconds,
        **_process_figures(),
    }


# --- the invocation -----------------------------------------------------------------


def child_env(site: Site, args) -> dict[str, str]:
    """The crawling process: the settings of the site it checks (a worker of the same
    installation), plus the monitor's."""
    return {
        **site.env,
        "GONGKAI_MONITOR_BASE_URL": site.url + "/",
        "GONGKAI_MONITOR_MAX_PAGES": str(args.pages),
        "GONGKAI_MONITOR_MAX_SECONDS": str(args.max_seconds),
        "GONGKAI_MONITOR_MAX_DEPTH": str(args.max_depth),
        "GONGKAI_MONITOR_DELAY_SECONDS": "0",
        "GONGKAI_MONITOR_EXTERNAL_MAX_REQUESTS": "0",
        "DJANGO_SETTINGS_MODULE": "gongkai.settings",
    }


def run_child(mode: str, site: Site, args, urls_file: str) -> dict:
    before_load, before_cpu = load(), server_cpu(site)
    answer = subprocess.run(
        [sys.executable, __file__, "--measure", mode, "--urls", urls_file]
        + ["--baseline-every", str(args.baseline_every)]
        + (["--profile", args.profile] if args.profile and mode == "run" else []),
        env=child_env(site, args),
        capture_output=True,
        text=True,
    )
    if answer.returncode:
        print(answer.stdout[-3000:], answer.stderr[-6000:], file=sys.stderr)
        raise SystemExit(f"the {mode} measurement failed")
    row = json.loads(answer.stdout.strip().splitlines()[-1])
    row.update(server_cpu=server_cpu(site) - before_cpu, load_before=before_load, load_after=load())
    return row


def show(label: str, row: dict) -> None:
    crawl_seconds = row["crawl_seconds"]
    print(
        f"{label:<34} {row['requests']:>8} req {row['pages']:>8} pages "
        f"{crawl_seconds:>8.1f} s {row['pages'] / crawl_seconds:>7.1f} pages/s "
        f"{row['requests'] / crawl_seconds:>7.1f} req/s | CPU {row['cpu']:>7.1f} s, "
        f"peak RSS {row['rss_mib']:>5.0f} MiB | server CPU {row['server_cpu']:>7.1f} s | "
        f"load {row['load_before']} -> {row['load_after']}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=200_000)
    parser.add_argument("--pages", type=int, default=200_000, help="GONGKAI_MONITOR_MAX_PAGES")
    parser.add_argument("--max-seconds", type=float, default=24 * 3600)
    parser.add_argument("--max-depth", type=int, default=1_000)
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE", DEFAULT_DATABASE))
    parser.add_argument("--reuse", action="store_true", help="keep a database already built")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--profile", default="", help="cProfile statistics of the crawl")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument(
        "--baseline-every",
        type=int,
        default=1,
        help="the baseline fetches every Nth address of the run's, in order (a sample)",
    )
    parser.add_argument("--save-urls", default="", help="copy the addresses opened there")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--urls", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        if args.measure == "run":
            row = measure_run(args.urls, args.profile)
        else:
            row = measure_fetch(
                args.urls, os.environ["GONGKAI_MONITOR_BASE_URL"], args.baseline_every
            )
        print(json.dumps(row))
        return

    print(f"load at start: {load()} (1, 5, 15 min), {os.cpu_count()} cores")
    build(args.database, args.items, args.reuse)
    site = PortalSite(args.database, args.workers, args.threads)
    with tempfile.TemporaryDirectory() as directory:
        urls_file = f"{directory}/opened.txt"
        try:
            site.start()
            print(
                f"== portal at {site.url}: gunicorn {args.workers}x{args.threads} behind nginx; "
                f"run with MAX_PAGES {args.pages}, MAX_DEPTH {args.max_depth}, no delay"
            )
            rows = [("run (crawl + checks + rows)", run_child("run", site, args, urls_file))]
            if not args.no_baseline:
                time.sleep(31)  # the page cache's entries expire (core.cache.PAGE_SECONDS)
                label = "baseline: fetch the same URLs"
                if args.baseline_every > 1:
                    label = f"baseline: 1 URL in {args.baseline_every}"
                rows.append((label, run_child("fetch", site, args, urls_file)))
        finally:
            site.stop()
            if args.save_urls and Path(urls_file).exists():
                Path(args.save_urls).write_bytes(Path(urls_file).read_bytes())
    for label, row in rows:
        show(label, row)
    run = rows[0][1]
    print(
        f"run: status {run['status']}, {run['seconds']:.1f} s in all "
        f"({run['seconds'] - run['crawl_seconds']:.1f} s of checks after the crawl), "
        f"{run['unchecked']} addresses left for want of budget, {run['vetoes']} single vetoes"
    )
    print(
        f"compared item pages rendered in-process: {run['render_count']} "
        f"in {run['render_seconds']:.1f} s "
        f"({run['render_seconds'] / max(run['render_count'], 1) * 1000:.1f} ms each)"
    )
    print(f"findings by kind: {json.dumps(run['findings'], ensure_ascii=False, sort_keys=True)}")
    if len(rows) > 1:
        fetch = rows[1][1]
        # Per request, so that a sampled baseline compares too.
        ratio = (run["crawl_seconds"] / run["requests"]) / (fetch["seconds"] / fetch["requests"])
        print(f"run time / fetch time per request (crawl part): {ratio:.2f}")
    at, req = run["pages"] / run["crawl_seconds"], run["requests"] / run["crawl_seconds"]
    print(
        f"at this speed, 200,000 pages read would take {200_000 / at / 3600:.1f} h and "
        f"200,000 requests (GONGKAI_MONITOR_MAX_PAGES counts requests) {200_000 / req / 3600:.1f} h"
    )
    print(f"load at end: {load()}")


if __name__ == "__main__":
    main()
