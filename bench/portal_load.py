"""The portal behind nginx under load: home, a column's list, random documents and the
search page, with wrk, beside baselines measured in the same run.

    python bench/portal_load.py [--items 200000] [--database postgres://…] [--reuse]

Builds a throw-away installation on PostgreSQL (``--reuse`` keeps one already built with
at least ``--items`` items): the demo bureau, the portal's columns and ``--items``
published items made in bulk (``gongkai.portal.generate``, indexed for search in
batches). Serves it as production does: gunicorn with ``deploy/gunicorn.conf.py``
behind nginx with ``deploy/nginx/*`` on loopback ports. Then each page is loaded with
wrk (after a warm-up) and its requests/s and latency are printed beside two baselines
from the same run: a static file served by nginx alone (what the machine does without
Python) and ``/healthz`` (Django with a few queries, no template).

Random documents and searches: a wrk Lua script picks a random public item (or a random
search word among common ones) per request, so most requests miss the page cache, as a
real visitor's would. The machine's load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/gongkai_bench_portal"
# Words a visitor of a public security bureau's portal searches for (all occur in the
# generated items' titles or seeds).
SEARCH_WORDS = [
    "户籍",
    "政务公开",
    "行政执法",
    "交通安全",
    "出入境",
    "身份证",
    "消防",
    "禁毒",
    "网络安全",
    "营商环境",
    "信息公开",
    "治安",
]
TARGET = 300


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def _django(database: str) -> None:
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django

    django.setup()


def build(database: str, items: int, reuse: bool) -> None:
    """Create the database with ``items`` generated items (or keep one that has them)."""
    import psycopg

    base, name = database.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and reuse:
            with psycopg.connect(database) as db:
                have = db.execute(
                    "SELECT count(*) FROM proactive_item WHERE idempotency_key LIKE 'demo-gen-%%'"
                ).fetchone()[0]
            if have >= items:
                print(f"== reusing {name}: {have} generated items (migrated to this code)")
                env = {**os.environ, "DATABASE_URL": database}
                subprocess.run([BIN / "gongkai", "migrate", "-v0"], env=env, check=True)
                return
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    started = time.monotonic()
    env = {**os.environ, "DATABASE_URL": database}
    subprocess.run([BIN / "gongkai", "migrate", "-v0"], env=env, check=True)
    subprocess.run([BIN / "gongkai", "createcachetable"], env=env, check=True)
    code = f"""
from django.db import transaction
from gongkai.core import demo as core
from gongkai.portal import demo as portal
from gongkai.portal.generate import items_generate
context = core.DemoContext(log=lambda text: None, items={items})
for loader in (core.load_organisations, portal.load_columns):
    with transaction.atomic():
        loader(context)
items_generate(count={items}, actor=portal._office_user(), log=lambda text: print(text, flush=True))
"""
    subprocess.run([BIN / "gongkai", "shell", "-c", code], env=env, check=True)
    with psycopg.connect(database, autocommit=True) as db:
        db.execute("VACUUM ANALYZE")
    print(f"== built {name} with {items} items in {time.monotonic() - started:.0f} s")


class Site:
    """gunicorn (deploy/gunicorn.conf.py) behind nginx (deploy/nginx/*) on loopback."""

    def __init__(self, database: str, workers: int, threads: int):
        self.work = Path(tempfile.mkdtemp(prefix="gongkai-portal-load-"))
        self.home = self.work / "home"
        self.app_port, self.web_port = _free_port(), _free_port()
        self.url = f"http://127.0.0.1:{self.web_port}"
        self.env = {
            **os.environ,
            "DATABASE_URL": database,
            "GONGKAI_HOME": str(self.home),
            "GONGKAI_PRODUCTION": "1",
            "LOG_FORMAT": "json",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "GUNICORN_BIND": f"127.0.0.1:{self.app_port}",
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_THREADS": str(threads),
        }
        self.gunicorn: subprocess.Popen | None = None
        self.nginx = shutil.which("nginx") or "/usr/sbin/nginx"

    def start(self) -> None:
        (self.work / "logs").mkdir(parents=True)
        self.home.mkdir()
        subprocess.run(
            [BIN / "gongkai", "collectstatic", "--noinput", "-v0"], env=self.env, check=True
        )
        # The search index lives in PostgreSQL here; nothing else to copy.
        self.gunicorn = subprocess.Popen(
            [BIN / "gunicorn", "-c", "deploy/gunicorn.conf.py", "gongkai.wsgi:application"],
            cwd=ROOT,
            env=self.env,
            stdout=(self.work / "logs" / "gunicorn.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        self._nginx_conf()
        subprocess.run([self.nginx, "-c", str(self.work / "nginx.conf")], check=True)
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=5):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.5)
        raise SystemExit(f"the site did not answer; see {self.work}/logs")

    def _nginx_conf(self) -> None:
        deploy = ROOT / "deploy" / "nginx"
        upstream = (deploy / "gongkai-upstream.conf").read_text()
        upstream = upstream.replace("127.0.0.1:8000", f"127.0.0.1:{self.app_port}")
        locations = (deploy / "gongkai-locations.conf").read_text()
        locations = locations.replace("/srv/gongkai/var/", f"{self.home}/var/")
        locations = locations.replace("/var/log/nginx/", f"{self.work}/logs/nginx-")
        (self.work / "upstream.conf").write_text(upstream)
        (self.work / "locations.conf").write_text(locations)
        user = "user root;" if os.geteuid() == 0 else ""
        temp = " ".join(
            f"{kind}_temp_path {self.work}/{kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (self.work / "nginx.conf").write_text(
            f"""{user}
worker_processes 1;
pid {self.work}/nginx.pid;
error_log {self.work}/logs/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
  include /etc/nginx/mime.types;
  {temp}
  include {self.work}/upstream.conf;
  server {{
    listen 127.0.0.1:{self.web_port};
    server_name localhost;
    include {self.work}/locations.conf;
  }}
}}
"""
        )

    def stop(self) -> None:
        if (self.work / "nginx.pid").exists():
            subprocess.run([self.nginx, "-c", str(self.work / "nginx.conf"), "-s", "stop"])
        if self.gunicorn and self.gunicorn.poll() is None:
            self.gunicorn.send_signal(signal.SIGTERM)
            try:
                self.gunicorn.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.gunicorn.kill()
        shutil.rmtree(self.work, ignore_errors=True)


def _lua_random(path: Path, prefix: str, values: list[str], suffix: str) -> Path:
    quoted = ",".join(f'"{v}"' for v in values)
    path.write_text(
        f"local values = {{{quoted}}}\n"
        "math.randomseed(os.time())\n"
        "request = function()\n"
        f'  return wrk.format(nil, "{prefix}" .. values[math.random(#values)] .. "{suffix}")\n'
        "end\n"
    )
    return path


def wrk(
    url: str, *, seconds: int, connections: int, script: Path | None = None, warm: int = 3
) -> dict:
    extra = ["-s", str(script)] if script else []
    # Warm-up, not measured: each gunicorn process loads jieba's dictionary on its first
    # search and fills its page cache; long-running production processes did long ago.
    subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{warm}s", "--timeout", "30s", *extra, url],
        capture_output=True,
    )
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency"]
        + [*extra, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def find(pattern: str, default: str = "0") -> str:
        match = re.search(pattern, out, re.MULTILINE)
        return match.group(1) if match else default

    if not re.search(r"Requests/sec:\s+[1-9]", out):
        print(out, file=sys.stderr)  # nothing answered: show wrk's own report
    return {
        "rps": float(find(r"Requests/sec:\s+([\d.]+)")),
        "p50": find(r"^\s+50%\s+(\S+)", "-"),
        "p99": find(r"^\s+99%\s+(\S+)", "-"),
        "errors": int(find(r"Non-2xx or 3xx responses:\s+(\d+)")),
        "socket_errors": find(r"Socket errors:\s+(.*)$", ""),
    }


def cpu_per_request(pages: dict[str, list[str]], rounds: int = 30) -> dict[str, float]:
    """Milliseconds of this process's CPU per request, in-process through Django's test
    client (no nginx, no gunicorn, the database server's CPU not counted): a figure the
    machine's other load changes little, unlike wall-clock latency."""
    from django.test import Client

    client = Client()
    measured = {}
    for name, paths in pages.items():
        for path in paths[:3]:
            client.get(path)  # warm: jieba's dictionary, the page cache, the menu
        started = time.process_time()
        for n in range(rounds):
            response = client.get(paths[n % len(paths)])
            assert response.status_code == 200, (name, response.status_code)
        measured[name] = (time.process_time() - started) / rounds * 1000
    return measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=200_000)
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE", DEFAULT_DATABASE))
    parser.add_argument("--reuse", action="store_true", help="keep a database already built")
    parser.add_argument("--seconds", type=int, default=10, help="measured seconds per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--only", default="", help="comma-separated page names to run")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")

    build(args.database, args.items, args.reuse)
    _django(args.database)
    from gongkai.portal.models import Column, ColumnKind
    from gongkai.proactive.models import PUBLIC, Item

    pks = [str(pk) for pk in Item.objects.filter(PUBLIC).values_list("pk", flat=True)]
    # A list column with the most items (政策文件 in the demo's columns), not a link.
    lists = Column.objects.filter(kind=ColumnKind.LIST, is_active=True)
    column = (
        "zcwj" if lists.filter(slug="zcwj").exists() else lists.values_list("slug", flat=True)[0]
    )
    import random
    from urllib.parse import quote

    rng = random.Random(1)
    cpu = cpu_per_request(
        {
            "home (cached)": ["/"],
            "column list (cached)": [f"/column/{column}/"],
            "document (random, uncached)": [f"/xxgk/{rng.choice(pks)}/" for _ in range(60)],
            "search (cached)": [f"/search/?q={quote(SEARCH_WORDS[0])}"],
            "search (uncached)": [
                f"/search/?q={quote(w)}&page={n}" for n in range(2, 8) for w in SEARCH_WORDS
            ],
        }
    )
    print("== Django CPU per request, in-process (ms):")
    for name, ms in cpu.items():
        print(f"{name:<28} {ms:6.1f} ms  (2 cores: at most {2000 / ms:5.0f} req/s)")
    site = Site(args.database, args.workers, args.threads)
    try:
        site.start()
        scripts = site.work
        pages = [
            ("static (nginx)", "/static/gongkai/site.css", None),
            ("healthz", "/healthz", None),
            ("home", "/", None),
            ("column list", f"/column/{column}/", None),
            ("column page 50", f"/column/{column}/?page=50", None),
            (
                "document (random)",
                "/",
                _lua_random(scripts / "doc.lua", "/xxgk/", pks, "/"),
            ),
            ("search (one word)", f"/search/?q={quote(SEARCH_WORDS[0])}", None),
            (
                "search (random)",
                "/",
                _lua_random(
                    scripts / "search.lua", "/search/?q=", [quote(w) for w in SEARCH_WORDS], ""
                ),
            ),
        ]
        only = {name.strip() for name in args.only.split(",") if name.strip()}
        print(
            f"== {args.items} items, {os.cpu_count()} cores, gunicorn {args.workers}x"
            f"{args.threads} behind nginx, wrk 2 threads {args.connections} connections, "
            f"{args.seconds} s per page"
        )
        print(f"{'page':<20} {'req/s':>8} {'p50':>9} {'p99':>9} {'non-2xx':>8}  load")
        results = {}
        for name, path, script in pages:
            if only and name not in only:
                continue
            result = wrk(
                site.url + path,
                seconds=args.seconds,
                connections=args.connections,
                script=script,
                warm=15 if name.startswith("search") else 3,
            )
            results[name] = result
            print(
                f"{name:<20} {result['rps']:8.0f} {result['p50']:>9} {result['p99']:>9}"
                f" {result['errors']:>8}  {_load()} {result['socket_errors']}",
                flush=True,
            )
        missed = [
            n
            for n, r in results.items()
            if n not in {"static (nginx)", "healthz"} and r["rps"] < TARGET
        ]
        print(
            f"target: every page >= {TARGET} req/s on 2 cores; "
            + ("met" if not missed else "NOT met for: " + ", ".join(missed))
        )
    finally:
        site.stop()


if __name__ == "__main__":
    main()
