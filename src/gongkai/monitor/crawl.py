"""Opening the portal's pages and reading their links: the crawl behind a monitor run.

Two ways to open a page, one interface: real HTTP against ``GONGKAI_MONITOR_BASE_URL``
(what a visitor sees, through the web server), or, when that is unset, Django's test
client in the same process, so the embedded default needs no server running.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
import time
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from typing import IO, Protocol
from urllib.parse import urldefrag, urljoin, urlsplit

from django.conf import settings

from gongkai.monitor import law

USER_AGENT = "gongkai-monitor/1 (site check)"
# Paths that are not the public site (office pages, the API, switches with side effects).
SKIPPED_PREFIXES = ("/admin/", "/workbench/", "/api/", "/accounts/", "/elder/")
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")


@dataclass(frozen=True)
class Response:
    status: int | None  # None: no answer at all (refused, timed out)
    elapsed: float  # seconds
    content_type: str = ""
    text: str = ""
    location: str = ""


class Fetcher(Protocol):
    """What the crawl and the probes open pages with."""

    base_url: str
    polite_delay: float

    def get(self, url: str) -> Response: ...


class ClientFetcher:
    """Opens pages in this process with Django's test client (no web server to spare:
    no pause between pages)."""

    polite_delay = 0.0

    def __init__(self) -> None:
        from django.test import Client

        hosts = [h for h in settings.ALLOWED_HOSTS if h and h != "*" and not h.startswith(".")]
        self.host = hosts[0] if hosts else "testserver"
        # In production every http request is redirected to https: ask as https.
        self.secure = bool(getattr(settings, "SECURE_SSL_REDIRECT", False))
        self.base_url = f"{'https' if self.secure else 'http'}://{self.host}/"
        self.client = Client(raise_request_exception=False, HTTP_HOST=self.host)

    def get(self, url: str) -> Response:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        started = time.monotonic()
        # Another site of the installation (gongkai.sites) is asked for by its own host.
        host = parts.netloc or self.host
        response = self.client.get(path, secure=self.secure, headers={"host": host})
        if response.streaming:
            content = b"".join(response.streaming_content)  # type: ignore[attr-defined]  # the test client's stub omits it
        else:
            content = response.content
        elapsed = time.monotonic() - started
        content_type = response.get("Content-Type", "")
        text = content.decode("utf-8", "replace") if "html" in content_type else ""
        return Response(
            response.status_code, elapsed, content_type, text, response.get("Location", "")
        )


class HttpFetcher:
    """Opens pages over HTTP, each within the check's 15 seconds, pausing between two
    requests so the web server is not loaded."""

    def __init__(self, base_url: str, timeout: float, polite_delay: float = 0.0) -> None:
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.timeout = timeout
        self.polite_delay = polite_delay

    def get(self, url: str) -> Response:
        if urlsplit(url).scheme not in ("http", "https"):
            return Response(None, 0.0)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310
                content_type = answer.headers.get("Content-Type", "")
                body = answer.read(5_000_000) if "html" in content_type else b""
                status = answer.status
        except urllib.error.HTTPError as error:
            return Response(error.code, time.monotonic() - started)
        except (urllib.error.URLError, TimeoutError, OSError):
            return Response(None, time.monotonic() - started)
        text = body.decode("utf-8", "replace")
        return Response(status, time.monotonic() - started, content_type, text)


def fetcher_for_settings() -> Fetcher:
    base_url = settings.GONGKAI_MONITOR_BASE_URL
    if base_url:
        return HttpFetcher(
            base_url,
            timeout=law.PAGE_OPEN_SECONDS.value,
            polite_delay=settings.GONGKAI_MONITOR_DELAY_SECONDS,
        )
    return ClientFetcher()


# --- reading a page -----------------------------------------------------------------

_HIDING_STYLES = [
    re.compile(r"display\s*:\s*none"),
    re.compile(r"visibility\s*:\s*hidden"),
    re.compile(r"font-size\s*:\s*(0|[0-2](\.\d+)?px)\b"),
    re.compile(r"(left|top|text-indent)\s*:\s*-\d{3,}"),
    re.compile(r"(height|width)\s*:\s*0(px)?\s*(;|$).*overflow\s*:\s*hidden"),
    re.compile(r"overflow\s*:\s*hidden.*(height|width)\s*:\s*0(px)?\s*(;|$)"),
]


def hidden_by(element) -> str:
    """The style that hides ``element`` or one of its ancestors from readers ("" if none)."""
    node = element
    while node is not None:
        if node.get("hidden") is not None:
            return "hidden"
        style = (node.get("style") or "").lower()
        for pattern in _HIDING_STYLES:
            found = pattern.search(style)
            if found:
                return found.group(0)
        node = node.getparent()
    return ""


@dataclass
class Link:
    url: str  # absolute, without fragment
    hidden: str = ""  # the hiding style, "" when visible


@dataclass
class ParsedPage:
    links: list[Link] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    text: str = ""
    # The parsed tree (scripts and styles dropped), for the comparison with what the
    # page should hold (``injection.compare``); dropped once the page is checked.
    document: object = None


def parse(html: str, page_url: str) -> ParsedPage:
    import lxml.html

    try:
        document = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ParsedPage()
    parsed = ParsedPage()
    for anchor in document.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith("#") or href.lower().startswith(SKIPPED_SCHEMES):
            continue
        parsed.links.append(Link(urldefrag(urljoin(page_url, href))[0], hidden_by(anchor)))
    for image in document.iter("img"):
        src = (image.get("src") or "").strip()
        if src and not src.lower().startswith("data:"):
            parsed.images.append(urldefrag(urljoin(page_url, src))[0])
    for element in document.iter("script", "style"):
        element.drop_tree()
    parsed.text = document.text_content()
    parsed.document = document
    return parsed


# --- the crawl ----------------------------------------------------------------------


@dataclass
class PageResult:
    url: str
    status: int | None
    elapsed: float
    depth: int
    parsed: ParsedPage | None = None


@dataclass
class Broken:
    url: str
    status: int | None
    linked_from: str
    is_image: bool


@dataclass
class CrawlResult:
    """What a crawl leaves. Without a visitor, every page read (with its links and
    text) and every broken address is kept in ``pages`` and ``broken`` (small crawls:
    tests, the office's external sites). With one (a monitor run), each goes to the
    visitor as soon as it is known and only counts and hashed addresses stay here, so
    memory does not grow with the pages' text."""

    base_url: str
    pages: list[PageResult] = field(default_factory=list)
    broken: list[Broken] = field(default_factory=list)
    unchecked: int = 0  # internal links left for want of budget
    skipped: int = 0  # pages the fetcher would not open (robots.txt, its own budget)
    # Every internal address some page read links to (opened or not), as
    # ``url_key(path_of(url))``: what is reachable.
    discovered: set[int] = field(default_factory=set)
    home: PageResult | None = None  # the first page opened (links and text dropped)
    pages_read: int = 0
    requests: int = 0


def url_key(text: str) -> int:
    """A 64-bit digest standing for an address in the crawl's sets (8 bytes of BLAKE2b:
    a collision among a million addresses has odds of about 1 in 36 million)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def path_of(url: str) -> str:
    """The address without scheme and host: how the portal's own links are compared."""
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def is_internal(url: str, base_url: str) -> bool:
    return urlsplit(url).netloc == urlsplit(base_url).netloc


def is_skipped(url: str) -> bool:
    return urlsplit(url).path.startswith(SKIPPED_PREFIXES)


class Frontier:
    """The crawl's first-in first-out queue of (url, depth, referrer), at most
    ``in_memory`` entries held in memory; the rest wait in a temporary file, in order."""

    def __init__(self, in_memory: int = 20_000) -> None:
        self.in_memory = in_memory
        self.head: deque[tuple[str, int, str]] = deque()
        self.spill: IO[str] | None = None  # a temporary file, opened when first needed
        self.spilled = 0  # lines in the file not yet read back
        self.read_at = 0

    def __len__(self) -> int:
        return len(self.head) + self.spilled

    def append(self, entry: tuple[str, int, str]) -> None:
        if not self.spilled and len(self.head) < self.in_memory:
            self.head.append(entry)
            return
        if self.spill is None:
            self.spill = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        url, depth, referrer = entry
        self.spill.seek(0, 2)
        self.spill.write(f"{depth}\t{url}\t{referrer}\n")
        self.spilled += 1

    def popleft(self) -> tuple[str, int, str]:
        if not self.head and self.spilled:
            self._refill()
        return self.head.popleft()

    def _refill(self) -> None:
        assert self.spill is not None  # called only while entries are spilled
        self.spill.seek(self.read_at)
        while self.spilled and len(self.head) < self.in_memory:
            line = self.spill.readline()
            depth, url, referrer = line.rstrip("\n").split("\t", 2)
            self.head.append((url, int(depth), referrer))
            self.spilled -= 1
        self.read_at = self.spill.tell()
        if not self.spilled:  # all read back: start the file again
            self.spill.seek(0)
            self.spill.truncate()
            self.read_at = 0

    def close(self) -> None:
        if self.spill is not None:
            self.spill.close()


def crawl(
    *,
    fetcher,
    max_pages: int,
    max_depth: int,
    max_seconds: float | None = None,
    visitor=None,
    queue_in_memory: int = 20_000,
) -> CrawlResult:
    """Breadth-first from the home page: every internal link and image found is opened
    once (within ``max_pages`` requests and ``max_seconds``), pages are read down to
    ``max_depth``.

    ``visitor`` (optional) has ``page(PageResult)`` (called for each page read, its
    ``parsed`` links and text still there) and ``broken(Broken)``; with it nothing per
    page is kept (see ``CrawlResult``). The state kept is bounded by the number of
    addresses (64-bit digests: statuses of addresses opened, addresses queued, addresses
    linked), and the queue holds ``queue_in_memory`` entries, the rest on disk."""
    delay = getattr(fetcher, "polite_delay", 0.0)
    deadline = None if max_seconds is None else time.monotonic() + max_seconds
    base_url = fetcher.base_url
    result = CrawlResult(base_url=base_url)
    # digest of an address opened -> its status (0: no answer; -1: the fetcher refused)
    seen: dict[int, int] = {}
    queue = Frontier(queue_in_memory)
    queue.append((base_url, 0, ""))
    queued = {url_key(base_url)}

    def open_once(url: str) -> tuple[int | None, Response | None]:
        """(status, the response when it was opened now) — None: the fetcher refused."""
        key = url_key(url)
        if key in seen:
            status = seen[key]
            return (None if status < 0 else status), None
        if result.requests and delay:
            time.sleep(delay)
        response = fetcher.get(url)
        result.requests += 1
        seen[key] = -1 if response is None else (response.status or 0)
        return (None if response is None else response.status or 0), response

    def report(broken: Broken) -> None:
        if visitor is None:
            result.broken.append(broken)
        else:
            visitor.broken(broken)

    try:
        while queue:
            url, depth, referrer = queue.popleft()
            out_of_time = deadline is not None and result.requests and time.monotonic() > deadline
            if result.requests >= max_pages or out_of_time:
                result.unchecked += 1
                continue
            status, response = open_once(url)
            if status is None:  # a polite fetcher's refusal: not a fault of the site
                result.skipped += 1
                continue
            if response is None:  # opened before as an image: its status only
                response = Response(status or None, 0.0)
            if not response.status or response.status >= 400:
                report(Broken(url, response.status, referrer, is_image=False))
            page = PageResult(url, response.status, response.elapsed, depth)
            result.pages_read += 1
            targets: list[str] = []
            if response.location:
                targets.append(urljoin(url, response.location))
                if is_internal(targets[0], base_url):
                    result.discovered.add(url_key(path_of(targets[0])))
            if response.text:
                # Every page opened is read (its links are what makes other pages
                # reachable, its text is checked); only pages above max_depth are
                # followed further.
                page.parsed = parse(response.text, url)
                links = [link.url for link in page.parsed.links]
                result.discovered.update(
                    url_key(path_of(u)) for u in links if is_internal(u, base_url)
                )
                if depth < max_depth:
                    targets += links
                for image in dict.fromkeys(page.parsed.images):
                    if not is_internal(image, base_url) or result.requests >= max_pages:
                        continue
                    answer, _ = open_once(image)
                    if answer is None:
                        continue
                    if not answer or answer >= 400:
                        report(Broken(image, answer or None, url, is_image=True))
            del response  # the text goes now, not at the next page
            if result.home is None:
                result.home = PageResult(page.url, page.status, page.elapsed, page.depth)
            if visitor is None:
                if page.parsed is not None:
                    page.parsed.document = None
                result.pages.append(page)
            else:
                visitor.page(page)
                page.parsed = None
            for target in targets:
                if not is_internal(target, base_url) or is_skipped(target):
                    continue
                key = url_key(target)
                if key not in queued:
                    queued.add(key)
                    queue.append((target, depth + 1, url))
    finally:
        queue.close()
    return result
