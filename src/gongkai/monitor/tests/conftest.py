"""Fixtures: a list source whose entries a test sets, the office and its staff."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.portal.sources import Entry, Page, register_source

# param → publication dates of the entries (newest first); a test fills it.
ENTRIES: dict[str, list[dt.datetime | None]] = {}


def _fetch(param: str, offset: int, limit: int) -> Page:
    dates = ENTRIES.get(param, [])
    entries = [
        Entry(title=f"{param} {i}", url="/zwgk/", published_at=day) for i, day in enumerate(dates)
    ]
    return Page(total=len(entries), entries=entries[offset : offset + limit])


register_source("monitor_test", "monitor test source", _fetch)


@pytest.fixture
def entries():
    ENTRIES.clear()
    yield ENTRIES
    ENTRIES.clear()


@pytest.fixture(autouse=True)
def fast_monitor(settings):
    settings.GONGKAI_MONITOR_DELAY_SECONDS = 0
    settings.GONGKAI_MONITOR_BASE_URL = ""
    # No test reaches the internet: other sites are opened only by the tests that start
    # a local one (and raise this budget).
    settings.GONGKAI_MONITOR_EXTERNAL_MAX_REQUESTS = 0
    settings.GONGKAI_MONITOR_HOST_INTERVAL_SECONDS = 0


@pytest.fixture(autouse=True)
def fresh_page_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def body(db):
    return OrganisationFactory(name="西市区人民政府办公室")


@pytest.fixture
def people(body):
    """Who may ask: a public user, staff without the role, the office."""
    public = get_user_model().objects.create_user("citizen", password="pw-for-tests-1")
    return {
        "public": public,
        "handler": make_staff(body, roles=[Role.HANDLER], username="handler"),
        "office": make_staff(body, roles=[Role.OFFICE], username="office"),
    }


def days_ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


class LocalSite:
    """A small web site on 127.0.0.1 for the tests that open real HTTP: ``pages`` maps a
    path to its HTML (missing paths answer 404), ``slow`` a path to the seconds it takes,
    ``robots`` is robots.txt (404 when None). ``requests`` lists the paths asked for."""

    def __init__(self):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.pages: dict[str, str] = {}
        self.slow: dict[str, float] = {}
        self.robots: str | None = None
        self.robots_status = 200
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the standard library's name)
                import time

                site.requests.append(self.path)
                time.sleep(site.slow.get(self.path, 0))
                if self.path == "/robots.txt" and site.robots is not None:
                    body, kind, status = site.robots, "text/plain", site.robots_status
                elif self.path in site.pages:
                    body, kind, status = site.pages[self.path], "text/html", 200
                else:
                    body, kind, status = "<p>无此页</p>", "text/html", 404
                self.send_response(status)
                self.send_header("Content-Type", f"{kind}; charset=utf-8")
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.base_url = f"http://127.0.0.1:{self.server.server_port}/"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def local_site():
    site = LocalSite()
    site.thread.start()
    yield site
    site.close()
