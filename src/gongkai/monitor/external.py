"""Opening other people's sites politely: their robots.txt obeyed (urllib.robotparser),
at most one request per host every few seconds, and a budget of requests and time for
the whole run. Used for external links found on the portal and for the external sites
the office asks to check (``WatchedSite``)."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from gongkai.monitor.crawl import USER_AGENT, HttpFetcher, Response

ROBOTS_BYTES = 500_000


class PoliteFetcher:
    """``get(url)`` answers a ``Response``, or None when robots.txt forbids the page or
    the run's budget (``max_requests``, ``max_seconds``) is spent: the page is then
    neither checked nor reported."""

    polite_delay = 0.0  # the pause is per host, kept here

    def __init__(
        self,
        *,
        timeout: float,
        host_interval: float,
        max_requests: int,
        max_seconds: float,
        clock=time.monotonic,
        sleep=time.sleep,
    ) -> None:
        self.timeout = timeout
        self.host_interval = host_interval
        self.max_requests = max_requests
        self.deadline = clock() + max_seconds
        self.clock = clock
        self.sleep = sleep
        self.requests = 0
        self.skipped_by_robots = 0
        self._robots: dict[str, RobotFileParser] = {}
        self._last: dict[str, float] = {}
        self._http = HttpFetcher("http://unused/", timeout=timeout)

    def for_site(self, base_url: str) -> SiteView:
        """The same budget, robots and pauses, crawling from another home page."""
        return SiteView(self, base_url)

    @property
    def spent(self) -> bool:
        return self.requests >= self.max_requests or self.clock() >= self.deadline

    def get(self, url: str) -> Response | None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or self.spent:
            return None
        if not self._allowed(url):
            self.skipped_by_robots += 1
            return None
        if self.spent:
            return None
        self._wait(parts.netloc)
        self.requests += 1
        return self._http.get(url)

    def _wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = self.host_interval - (self.clock() - last)
            if pause > 0:
                self.sleep(pause)
        self._last[host] = self.clock()

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        if key not in self._robots:
            self._robots[key] = self._read_robots(key)
        return self._robots[key].can_fetch(USER_AGENT, url)

    def _read_robots(self, origin: str) -> RobotFileParser:
        """robots.txt read as RobotFileParser.read() would, but within our timeout and
        counted as a request: 401/403 forbid the site, other errors and 404 allow it."""
        parser = RobotFileParser(origin + "/robots.txt")
        self._wait(urlsplit(origin).netloc)
        self.requests += 1
        request = urllib.request.Request(  # noqa: S310 (http/https only, checked above)
            origin + "/robots.txt", headers={"User-Agent": USER_AGENT}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310
                lines = answer.read(ROBOTS_BYTES).decode("utf-8", "replace").splitlines()
        except urllib.error.HTTPError as error:
            # RobotFileParser's own switches (set by its read()), missing from typeshed.
            if error.code in (401, 403):
                parser.disallow_all = True  # type: ignore[attr-defined]
            else:
                parser.allow_all = True  # type: ignore[attr-defined]
            return parser
        except (urllib.error.URLError, TimeoutError, OSError, ValueError):
            parser.allow_all = True  # type: ignore[attr-defined]  # no answer: the page request will say so
            return parser
        parser.parse(lines)
        return parser


class SiteView:
    """A polite fetcher seen from one site's home page (what ``crawl.crawl`` needs)."""

    polite_delay = 0.0

    def __init__(self, fetcher: PoliteFetcher, base_url: str) -> None:
        self.fetcher = fetcher
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"

    def get(self, url: str) -> Response | None:
        return self.fetcher.get(url)
