"""What the index holds: plain dataclasses domain apps build, and the source registry.

Domain apps (information items, policy documents, …) never import a backend: they build
``SearchDocument`` values, hand them to ``services.enqueue_upsert`` when something is
published or changed, and register a source so ``search reindex`` can rebuild everything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class SearchDocument:
    id: str  # stable and unique across sources, e.g. "item:42"
    title: str
    body: str
    url: str
    organisation: str = ""
    section: str = ""
    year: int = 0
    kind: str = ""
    published_at: datetime | None = None

    def to_payload(self) -> dict:
        data = asdict(self)
        data["published_at"] = self.published_at.isoformat() if self.published_at else None
        return data

    @classmethod
    def from_payload(cls, data: dict) -> SearchDocument:
        data = dict(data)
        if data.get("published_at"):
            data["published_at"] = datetime.fromisoformat(data["published_at"])
        return cls(**data)


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    url: str
    snippet: str  # HTML: escaped text with <mark> around matches
    score: float
    published_at: datetime | None = None
    kind: str = ""  # the document's kind, as its source registered it


@dataclass(frozen=True)
class SearchResults:
    total: int
    hits: list[Hit] = field(default_factory=list)
    # True when ``total`` is a lower bound ("1,000+"), not an exact count: a backend may
    # stop counting (and rank a bounded candidate set) for terms in very many documents.
    total_is_estimate: bool = False
    # True when the index was missing or empty and the answer came from a bounded scan
    # of the database (newest first) while the index is rebuilt.
    from_database: bool = False


@dataclass(frozen=True)
class Filters:
    """Exact-match filters; an empty value means no filter."""

    organisation: str = ""
    section: str = ""
    year: int | None = None
    kind: str = ""
    # Any of these bodies (a site's bodies, gongkai.sites); empty: every body.
    organisations: tuple[str, ...] = ()

    @classmethod
    def coerce(cls, value: Filters | dict | None) -> Filters:
        if value is None:
            return cls()
        if isinstance(value, Filters):
            return value
        return cls(**{k: v for k, v in value.items() if v not in (None, "")})


SORT_RELEVANCE = "relevance"
SORT_DATE = "date"

Source = Callable[[], Iterable[SearchDocument]]
Counter = Callable[[], int]
VisibilityFilter = Callable[[list[str]], Iterable[str]]
# visible(pks) -> the primary keys among ``pks`` whose documents the public may read now.
VisiblePks = Callable[[list[int]], Iterable[int]]
_sources: dict[Source, Counter | None] = {}
_visibility_filters: list[VisibilityFilter] = []
_kinds: dict[str, object] = {}  # kind -> label (lazy translation), in registration order
_scoped_filters: dict[str, VisibilityFilter] = {}  # id prefix -> its filter
_registered_as: dict[Source, tuple[str, str]] = {}  # source -> (kind, prefix)


def register_source(
    source: Source | None = None,
    *,
    count: Counter | None = None,
    kind: str = "",
    label: object = "",
    prefix: str = "",
    visible: VisiblePks | None = None,
):
    """Register a callable yielding every public document of one kind: the one way an
    app puts its pages into the site search (see docs/search.md, "Adding a source").

    - ``count`` (optional) tells the reindex progress bar how many to expect;
    - ``kind`` and ``label``: the ``SearchDocument.kind`` its documents carry and the
      label a reader sees beside each result and in the search page's type filter
      (a lazy translation: ``gettext_lazy("Yearly report")``);
    - ``prefix`` and ``visible``: its document ids are ``f"{prefix}{pk}"``, and
      ``visible(pks)`` returns the pks whose documents the public may read *now*; every
      page of results is checked with it, so a withdrawn or hidden thing disappears at
      once, before the index catches up.

    Call it from the domain app's ``AppConfig.ready`` or use it as a decorator
    (``@register_source`` or ``@register_source(count=...)``); registering twice is
    harmless.
    """

    def register(fn: Source) -> Source:
        _sources[fn] = count
        _registered_as[fn] = (kind, prefix)
        if kind:
            _kinds[kind] = label or kind
        if prefix and visible is not None:
            _scoped_filters[prefix] = _scoped(prefix, visible)
        return fn

    return register if source is None else register(source)


def _scoped(prefix: str, visible: VisiblePks) -> VisibilityFilter:
    """A visibility filter over every id that checks only the ids of one source."""

    def check(ids: list[str]) -> list[str]:
        own = {i: i[len(prefix) :] for i in ids if i.startswith(prefix)}
        if not own:
            return ids
        pks = {int(pk) for pk in own.values() if pk.isdigit()}
        shown = {f"{prefix}{pk}" for pk in visible(sorted(pks))} if pks else set()
        return [i for i in ids if i not in own or i in shown]

    return check


def kind_labels() -> dict[str, object]:
    """Every registered kind and its label, in registration order."""
    return dict(_kinds)


def kind_label(kind: str) -> object:
    return _kinds.get(kind, "")


def document_id(prefix: str, pk: int) -> str:
    return f"{prefix}{pk}"


def unregister_source(source: Source) -> None:
    _sources.pop(source, None)
    kind, prefix = _registered_as.pop(source, ("", ""))
    _kinds.pop(kind, None)
    _scoped_filters.pop(prefix, None)


def registered_sources() -> list[Source]:
    return list(_sources)


def expected_total() -> int | None:
    """The sum of the sources' counts, or None when a source cannot tell."""
    counters = [c for c in _sources.values() if c is not None]
    if len(counters) < len(_sources):
        return None
    return sum(c() for c in counters)


def all_documents() -> Iterator[SearchDocument]:
    for source in registered_sources():
        yield from source()


@dataclass(frozen=True)
class ScanResult:
    """What a database scan found: the newest matches and how many it counted."""

    documents: list[SearchDocument]  # newest first, at most the limit asked for
    matches: int  # matches counted, at most ``cap + 1``
    scanned_all: bool  # False: only the newest ``rows`` documents were looked at


# scan(terms, filters, *, limit, cap, rows): every document containing every term
# (substring, case-insensitive), looking at the newest ``rows`` documents only.
Scan = Callable[..., ScanResult]
_scans: list[Scan] = []


def register_scan(fn: Scan) -> Scan:
    """Register ``fn(terms, filters, *, limit, cap, rows) -> ScanResult``: how a domain app
    answers a search from its own tables while the index is missing or empty."""
    if fn not in _scans:
        _scans.append(fn)
    return fn


def unregister_scan(fn: Scan) -> None:
    if fn in _scans:
        _scans.remove(fn)


def database_scans() -> list[Scan]:
    return list(_scans)


def register_visibility_filter(fn: VisibilityFilter) -> VisibilityFilter:
    """Register ``fn(ids) -> visible ids``, applied to every page of results.

    Domain apps use it so a withdrawn item disappears from results at once, even if the
    index has not caught up yet (the ids are checked against the database).
    """
    if fn not in _visibility_filters:
        _visibility_filters.append(fn)
    return fn


def unregister_visibility_filter(fn: VisibilityFilter) -> None:
    if fn in _visibility_filters:
        _visibility_filters.remove(fn)


def visibility_filters() -> list[VisibilityFilter]:
    return [*_visibility_filters, *_scoped_filters.values()]
