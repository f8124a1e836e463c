"""Opening the portal's pages and reading their links: the crawl behind a monitor run.

Two ways to open a page, one interface: real HTTP against ``GONGKAI_MONITOR_BASE_URL``
(what a visitor sees, through the web server), or, when that is unset, Django's test
client in the same process, so the embedded default needs no server running.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
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
        response = self.client.get(path, secure=self.secure)
        content = b"".join(response.streaming_content) if response.streaming else response.content
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


def fetcher_for_settings():
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
    base_url: str
    pages: list[PageResult] = field(default_factory=list)
    broken: list[Broken] = field(default_factory=list)
    unchecked: int = 0  # internal links left for want of budget
    skipped: int = 0  # pages the fetcher would not open (robots.txt, its own budget)
    # Every internal address some page read links to (opened or not): what is reachable.
    discovered: set[str] = field(default_factory=set)


def is_internal(url: str, base_url: str) -> bool:
    return urlsplit(url).netloc == urlsplit(base_url).netloc


def is_skipped(url: str) -> bool:
    return urlsplit(url).path.startswith(SKIPPED_PREFIXES)


def crawl(
    *, fetcher, max_pages: int, max_depth: int, max_seconds: float | None = None
) -> CrawlResult:
    """Breadth-first from the home page: every internal link and image found is opened
    once (within ``max_pages`` requests and ``max_seconds``), pages are read down to
    ``max_depth``."""
    delay = getattr(fetcher, "polite_delay", 0.0)
    deadline = None if max_seconds is None else time.monotonic() + max_seconds
    base_url = fetcher.base_url
    result = CrawlResult(base_url=base_url)
    seen: dict[str, Response] = {}
    queue: deque[tuple[str, int, str]] = deque([(base_url, 0, "")])
    queued = {base_url}
    opened = 0

    def open_once(url: str) -> Response | None:
        nonlocal opened
        if url not in seen:
            if opened and delay:
                time.sleep(delay)
            seen[url] = fetcher.get(url)
            opened += 1
        return seen[url]

    while queue:
        url, depth, referrer = queue.popleft()
        out_of_time = deadline is not None and opened and time.monotonic() > deadline
        if opened >= max_pages or out_of_time:
            result.unchecked += 1
            continue
        response = open_once(url)
        if response is None:  # a polite fetcher's refusal: not a fault of the site
            result.skipped += 1
            continue
        if response.status is None or response.status >= 400:
            result.broken.append(Broken(url, response.status, referrer, is_image=False))
        page = PageResult(url, response.status, response.elapsed, depth)
        result.pages.append(page)
        targets: list[str] = []
        if response.location:
            targets.append(urljoin(url, response.location))
        if response.text:
            # Every page opened is read (its links are what makes other pages reachable,
            # its text is checked); only pages above max_depth are followed further.
            page.parsed = parse(response.text, url)
            links = [link.url for link in page.parsed.links]
            result.discovered.update(u for u in links if is_internal(u, base_url))
            if depth < max_depth:
                targets += links
            for image in dict.fromkeys(page.parsed.images):
                if not is_internal(image, base_url) or opened >= max_pages:
                    continue
                answer = open_once(image)
                if answer is None:
                    continue
                if answer.status is None or answer.status >= 400:
                    result.broken.append(Broken(image, answer.status, url, is_image=True))
        # Keep what later links need (the status), not the page's text: memory stays
        # proportional to the addresses seen, not to the pages' size.
        seen[url] = Response(response.status, response.elapsed)
        for target in targets:
            if target not in queued and is_internal(target, base_url) and not is_skipped(target):
                queued.add(target)
                queue.append((target, depth + 1, url))
    return result
