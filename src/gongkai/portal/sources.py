"""Sources that feed list columns: a registry, so a column names its source as data.

A source is a function ``fetch(param, offset, limit) -> Page`` returning entries in
publication order (newest first), and optionally ``stream(param, limit)``: the same
entries read in chunks without a count or an offset (a monitor run lists every entry of
a column with hundreds of thousands; paging that with ``fetch`` counts the column again
for each page and reads every earlier row again). gongkai.portal registers the
proactive-disclosure sources here; other apps may register their own (e.g. open consultations) from their
``AppConfig.ready`` with ``register_source``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class Entry:
    """One line of a list: what pages, feeds and JSON show of an item."""

    title: str
    url: str
    published_at: dt.datetime | None = None
    summary: str = ""
    organisation: str = ""
    index_number: str = ""
    key: str = ""  # a stable id for feeds (e.g. "proactive-item:42")

    def as_json(self) -> dict:
        return {
            "title": self.title,
            "url": self.url,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "summary": self.summary,
            "organisation": self.organisation,
            "index_number": self.index_number,
        }


@dataclass(frozen=True)
class Page:
    total: int
    entries: list[Entry] = field(default_factory=list)


Fetch = Callable[[str, int, int], Page]
Stream = Callable[[str, int], Iterator[Entry]]
Choices = Callable[[], list[tuple[str, str]]]


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    fetch: Fetch
    param_choices: Choices | None = None
    stream: Stream | None = None


_SOURCES: dict[str, Source] = {}


def register_source(
    key: str,
    label,
    fetch: Fetch,
    param_choices: Choices | None = None,
    stream: Stream | None = None,
) -> None:
    _SOURCES[key] = Source(key, label, fetch, param_choices, stream)


def get_source(key: str) -> Source | None:
    return _SOURCES.get(key)


def source_choices() -> list[tuple[str, str]]:
    return [(s.key, str(s.label)) for s in _SOURCES.values()]


def safe_reverse(name: str, *args) -> str:
    """The URL of a page another app may not have built yet ("" until it exists)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""
