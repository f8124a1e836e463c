"""Injected content: what a page served holds that neither the published item nor the
templates put there (issue 19, point 3).

An item page is what ``proactive/item.html`` renders from the published item. The
crawl reads the page as the web server serves it; ``ItemRender`` renders the same
address here, in-process, from the database and the templates: the expected page.
``compare`` lists the text and the links of the served page that the expected page
does not hold — a 暗链 (hidden or not), a 蜘蛛池 block written into the files the web
server serves, a tampered proxy or cache. Text is compared without white space, each
piece of text of the served page (an element's text, or the text after it) looked for
in the expected page's text; links by address (the portal's own by path, since the
rendering here does not know the host the visitors use).

Any page, compared or not, is also read for the 蜘蛛池 pattern itself (the spam
vocabulary the import already quarantines: ``proactive.services.importing.is_spam``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from gongkai.monitor.crawl import SKIPPED_SCHEMES, ClientFetcher, hidden_by, is_internal, path_of

_SPACE = re.compile(r"\s+")
# Pieces of text shorter than this (after white space is removed) are not compared:
# separators, bullets, single punctuation.
MIN_PIECE = 2
DETAIL_CHARS = 160

# The public views whose page is rendered from a published item (and the templates).
ITEM_VIEWS = {"proactive:item", "proactive:item-print"}


def squash(text: str) -> str:
    return _SPACE.sub("", text)


def _link_key(url: str, base_url: str) -> str:
    return path_of(url) if is_internal(url, base_url) else url


@dataclass
class Expected:
    """What a page should hold: its text without white space, its links' keys."""

    text: str
    links: set[str]


def expected_from_html(html: str, url: str) -> Expected | None:
    from gongkai.monitor.crawl import parse

    parsed = parse(html, url)
    if parsed.document is None:
        return None
    return Expected(
        text=squash(parsed.text), links={_link_key(link.url, url) for link in parsed.links}
    )


@dataclass
class Unexpected:
    text: list[tuple[str, str]] = field(default_factory=list)  # (piece, hiding style)
    links: set[str] = field(default_factory=set)  # absolute addresses as parsed


def _pieces(document):
    """(text, the element that holds it) for every piece of text of the page."""
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        if element.text:
            yield element.text, element
        if element.tail and element.getparent() is not None:
            yield element.tail, element.getparent()


def compare(document, page_url: str, expected: Expected) -> Unexpected:
    """The served page's text pieces and links that ``expected`` does not hold."""
    found = Unexpected()
    for text, holder in _pieces(document):
        piece = squash(text)
        if len(piece) >= MIN_PIECE and piece not in expected.text:
            found.text.append((piece, hidden_by(holder)))
    for anchor in document.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith("#") or href.lower().startswith(SKIPPED_SCHEMES):
            continue
        url = urldefrag(urljoin(page_url, href))[0]
        if _link_key(url, page_url) not in expected.links:
            found.links.add(url)
    return found


def describe_text(unexpected: Unexpected) -> str:
    """One line for the finding: the hiding style if any piece is hidden, the text."""
    text = " ".join(piece for piece, _style in unexpected.text)
    if len(text) > DETAIL_CHARS:
        text = text[: DETAIL_CHARS - 1] + "…"
    styles = sorted({style for _piece, style in unexpected.text if style})
    if styles:
        return _("Hidden by “%(style)s”: %(text)s") % {"style": "; ".join(styles), "text": text}
    return text


def spam_pieces(text: str) -> list[str]:
    """Lines of a page's text that carry the 蜘蛛池 pattern (the import's own test)."""
    from gongkai.proactive.services.importing import is_spam

    return [line.strip() for line in text.splitlines() if line.strip() and is_spam(line)]


class ItemRender:
    """Renders an item page here as the templates make it from the published item,
    for the pages a crawl reads over HTTP; None for any other page (or an item page
    that does not render: withdrawn since, or not found — the crawl reports those)."""

    def __init__(self) -> None:
        self._client: ClientFetcher | None = None

    def __call__(self, url: str) -> Expected | None:
        try:
            match = resolve(urlsplit(url).path)
        except Resolver404:
            return None
        if match.view_name not in ITEM_VIEWS:
            return None
        if self._client is None:
            self._client = ClientFetcher()
        response = self._client.get(self._client.base_url.rstrip("/") + path_of(url))
        if response.status != 200 or not response.text:
            return None
        return expected_from_html(response.text, self._client.base_url.rstrip("/") + path_of(url))
