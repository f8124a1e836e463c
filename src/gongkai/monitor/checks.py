"""What a run looks for, as pure-ish functions returning findings to record.

``freshness_findings``: the home page, the columns by their cadence, empty columns and
mailbox letters left unanswered (law.py's thresholds). ``content_findings``: on each page
the crawl read, hidden links, links to unknown sites and the office's sensitive words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.months import months_before
from gongkai.monitor import law
from gongkai.monitor.crawl import Broken, CrawlResult, PageResult, is_internal
from gongkai.monitor.models import ColumnWatch, Kind


@dataclass(frozen=True)
class Found:
    kind: str
    is_veto: bool = False
    url: str = ""
    page: str = ""
    detail: str = ""


def _at_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_current_timezone())


# --- the crawl's own findings ---------------------------------------------------------


def home_finding(result: CrawlResult) -> list[Found]:
    """The home page not opening: 站点无法访问, a single veto."""
    home = result.home or (result.pages[0] if result.pages else None)
    if home is not None and home.status is not None and home.status < 400:
        return []
    status = home.status if home else None
    return [
        Found(
            Kind.UNREACHABLE,
            is_veto=True,
            url=result.base_url,
            detail=_("The home page did not open (status %(status)s).")
            % {"status": status or _("no answer")},
        )
    ]


def broken_finding(broken: Broken, *, base_url: str) -> Found | None:
    if broken.url == base_url and not broken.linked_from:
        return None  # the home page itself: reported by home_finding
    return Found(
        Kind.BROKEN_IMAGE if broken.is_image else Kind.BROKEN_LINK,
        url=broken.url,
        page=broken.linked_from,
        detail=_("Status %(status)s") % {"status": broken.status or _("no answer")},
    )


def slow_finding(page: PageResult, *, slow_seconds: float) -> Found | None:
    if page.elapsed <= slow_seconds:
        return None
    return Found(
        Kind.SLOW_PAGE,
        url=page.url,
        detail=_("Opened in %(seconds).1f s (limit %(limit)s s)")
        % {"seconds": page.elapsed, "limit": slow_seconds},
    )


def crawl_findings(result: CrawlResult, *, slow_seconds: float) -> list[Found]:
    """The home page, broken links and images, slow pages of a crawl that kept its pages
    (a crawl with a visitor gets the last two per page, ``RunChecks``)."""
    found = home_finding(result)
    for broken in result.broken:
        if (finding := broken_finding(broken, base_url=result.base_url)) is not None:
            found.append(finding)
    for page in result.pages:
        if (finding := slow_finding(page, slow_seconds=slow_seconds)) is not None:
            found.append(finding)
    return found


# --- freshness ------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnState:
    title: str
    url: str
    cadence: str
    total: int
    newest: dt.datetime | None


def column_states(*, site_url: str = "") -> list[ColumnState]:
    """Each active list or page column with its cadence, item count and newest date: the
    columns and items of the site whose scope is active (``monitor.persite``), else the
    installation's own tree. ``site_url`` (the site's home) makes the addresses absolute."""
    from gongkai.portal.models import ColumnKind
    from gongkai.portal.selectors.columns import column_entries, column_url, columns_active

    watches = dict(ColumnWatch.objects.values_list("column_id", "cadence"))
    states = []
    columns = columns_active().filter(kind__in=[ColumnKind.LIST, ColumnKind.PAGE])
    for column in columns.order_by("order", "id"):
        if column.kind == ColumnKind.LIST:
            # Unclassified list columns are held to the notice/policy cadence; the office
            # marks news columns as such (the stricter two weeks).
            cadence = watches.get(column.pk, ColumnWatch.Cadence.NOTICE)
            page = column_entries(column, limit=1)
            newest = page.entries[0].published_at if page.entries else None
            url = _on_site(site_url, column_url(column))
            states.append(ColumnState(column.title, url, cadence, page.total, newest))
        else:
            cadence = watches.get(column.pk, ColumnWatch.Cadence.EXEMPT)
            total = 1 if column.body.strip() else 0
            url = _on_site(site_url, column_url(column))
            states.append(ColumnState(column.title, url, cadence, total, column.updated_at))
    return states


def _on_site(site_url: str, path: str) -> str:
    """A site-relative address on the site's own host and prefix."""
    if not site_url or not path.startswith("/"):
        return path
    return site_url.rstrip("/") + path


def _limit(cadence: str, today: dt.date) -> dt.date | None:
    if cadence == ColumnWatch.Cadence.DYNAMIC:
        return today - dt.timedelta(days=law.DYNAMIC_COLUMN_DAYS.value)
    if cadence == ColumnWatch.Cadence.NOTICE:
        return months_before(today, law.NOTICE_COLUMN_MONTHS.value)
    return None


def column_findings(
    states: list[ColumnState], *, now: dt.datetime, site_url: str = ""
) -> list[Found]:
    """``site_url``: the site the columns are of (the counted findings carry it, so two
    sites' counts are two alerts)."""
    today = timezone.localdate(now)
    found: list[Found] = []
    stale = long_stale = empty = 0
    long_limit = _at_start(today - dt.timedelta(days=law.LONG_STALE_DAYS.value))
    for state in states:
        if state.total == 0:
            empty += 1
            found.append(Found(Kind.COLUMN_EMPTY, url=state.url, detail=state.title))
            continue
        limit = _limit(state.cadence, today)
        if limit is None:
            continue
        # Items without a publication date count as not updated (law.UNDATED_COUNTS_AS_STALE).
        if state.newest is None or state.newest < _at_start(limit):
            stale += 1
            newest = _day(state.newest) if state.newest else _("no date")
            found.append(
                Found(
                    Kind.COLUMN_STALE,
                    url=state.url,
                    detail=_("%(column)s: last updated %(newest)s")
                    % {"column": state.title, "newest": newest},
                )
            )
            if state.newest is None or state.newest < long_limit:
                long_stale += 1
    if stale >= law.STALE_COLUMNS_VETO.value:
        found.append(
            Found(
                Kind.COLUMNS_STALE_TOTAL,
                is_veto=True,
                url=site_url,
                detail=_("%(count)d columns not updated in time (the check fails at %(limit)d).")
                % {"count": stale, "limit": law.STALE_COLUMNS_VETO.value},
            )
        )
    elif long_stale >= law.LONG_STALE_COLUMNS_VETO.value:
        found.append(
            Found(
                Kind.COLUMNS_STALE_TOTAL,
                is_veto=True,
                url=site_url,
                detail=_(
                    "%(count)d columns not updated for a long time (the check fails at %(limit)d)."
                )
                % {"count": long_stale, "limit": law.LONG_STALE_COLUMNS_VETO.value},
            )
        )
    if empty >= law.EMPTY_COLUMNS_VETO.value:
        found.append(
            Found(
                Kind.COLUMNS_EMPTY_TOTAL,
                is_veto=True,
                url=site_url,
                detail=_("%(count)d empty columns (the check fails at %(limit)d).")
                % {"count": empty, "limit": law.EMPTY_COLUMNS_VETO.value},
            )
        )
    return found


def home_findings(*, now: dt.datetime, home_url: str) -> list[Found]:
    """The home page counts as updated when one of its list columns got a new item."""
    from gongkai.portal.models import ColumnKind
    from gongkai.portal.selectors.columns import column_entries, columns_active

    lists = columns_active().filter(kind=ColumnKind.LIST)
    on_home = list(lists.filter(show_on_home=True)) or list(lists)
    dates = []
    for column in on_home:
        page = column_entries(column, limit=1)
        if page.entries and page.entries[0].published_at:
            dates.append(page.entries[0].published_at)
    newest = max(dates, default=None)
    limit = now - dt.timedelta(days=law.HOME_STALE_DAYS.value)
    if newest is not None and newest >= limit:
        return []
    return [
        Found(
            Kind.HOME_STALE,
            is_veto=True,
            url=home_url,
            detail=_("Home page last updated %(newest)s (limit %(days)d days).")
            % {
                "newest": _day(newest) if newest else _("no date"),
                "days": law.HOME_STALE_DAYS.value,
            },
        )
    ]


def letter_findings(*, now: dt.datetime) -> list[Found]:
    """Valid mailbox letters of the past year left more than 3 months without an answer
    (answered late, or not yet): the participation app's own reading of the rule."""
    from gongkai.participation.models import Letter
    from gongkai.participation.selectors.mailbox import site_check

    check = site_check(Letter.objects.all(), today=timezone.localdate(now))
    found = []
    for letter in check.unanswered:
        found.append(
            Found(
                Kind.LETTER_UNANSWERED,
                is_veto=True,
                detail=_("Letter %(code)s received %(received)s, not answered")
                % {"code": letter.code, "received": _day(letter.received_at)},
            )
        )
    for letter in check.answered_late:
        found.append(
            Found(
                Kind.LETTER_UNANSWERED,
                is_veto=True,
                detail=_("Letter %(code)s received %(received)s, answered %(answered)s")
                % {
                    "code": letter.code,
                    "received": _day(letter.received_at),
                    "answered": _day(letter.answered_at),
                },
            )
        )
    return found


def _day(moment: dt.datetime | None) -> str:
    return timezone.localdate(moment).isoformat() if moment is not None else ""


# --- injected content -----------------------------------------------------------------

_URL = re.compile(r"https?://([A-Za-z0-9.-]+)")


@lru_cache(maxsize=1)
def template_hosts() -> frozenset[str]:
    """Hosts the project's own templates link to (footer links to gov.cn and the like)."""
    hosts: set[str] = set()
    for config in apps.get_app_configs():
        folder = Path(config.path) / "templates"
        if not folder.is_dir():
            continue
        for path in folder.rglob("*.html"):
            hosts.update(h.lower() for h in _URL.findall(path.read_text("utf-8", "replace")))
    return frozenset(hosts)


def _published_mention(host: str) -> bool:
    """Whether an editor put a link to ``host`` into published text (item or column)."""
    from gongkai.portal.models import Column
    from gongkai.proactive.models import PUBLIC, Item

    if Item.objects.filter(PUBLIC, public_body__icontains=host).exists():
        return True
    return Column.objects.filter(Q(body__icontains=host) | Q(link__icontains=host)).exists()


class ContentCheck:
    """Injected content on one page read: hidden links (暗链), links to hosts nobody
    put there, the office's sensitive words; and, given what the page should hold
    (``injection.Expected``: the same address rendered from the published item and the
    templates), any text or link that is neither."""

    def __init__(self, *, base_url: str, allowed_hosts: set[str], words: list[str]) -> None:
        self.base_url = base_url
        self.allowed_hosts = allowed_hosts
        self.words = [w for w in words if w]
        self.known: dict[str, bool] = {}  # host -> known (one entry per host)

    def is_known(self, host: str) -> bool:
        if host not in self.known:
            self.known[host] = (
                host in self.allowed_hosts or host in template_hosts() or _published_mention(host)
            )
        return self.known[host]

    def page(self, page: PageResult, expected=None) -> list[Found]:
        from gongkai.monitor import injection

        if page.parsed is None:
            return []
        found: list[Found] = []
        unexpected = None
        if expected is not None and page.parsed.document is not None:
            unexpected = injection.compare(page.parsed.document, page.url, expected)
        reported: set[tuple[str, str]] = set()
        for link in page.parsed.links:
            internal = is_internal(link.url, self.base_url)
            is_unexpected = unexpected is not None and link.url in unexpected.links
            if internal and not is_unexpected:
                continue
            host = (urlsplit(link.url).hostname or "").lower()
            if link.hidden and (not internal or is_unexpected):
                kind = Kind.HIDDEN_LINK
                detail = _("Hidden by “%(style)s”") % {"style": link.hidden}
            elif is_unexpected:
                kind = Kind.INJECTED_LINK
                detail = _("Not in the published item nor in the page's template")
            elif not self.is_known(host):
                kind = Kind.FOREIGN_LINK
                detail = _("Host %(host)s is not on the allowed list") % {"host": host}
            else:
                continue
            if (kind, link.url) in reported:
                continue
            reported.add((kind, link.url))
            found.append(Found(kind, is_veto=True, url=link.url, page=page.url, detail=detail))
        if unexpected is not None and unexpected.text:
            found.append(
                Found(
                    Kind.INJECTED_TEXT,
                    is_veto=True,
                    page=page.url,
                    detail=injection.describe_text(unexpected),
                )
            )
        elif unexpected is None:
            spam = injection.spam_pieces(page.parsed.text)
            if spam:
                found.append(
                    Found(
                        Kind.INJECTED_TEXT,
                        is_veto=True,
                        page=page.url,
                        detail=_("Spam of the spider-pool kind: %(text)s")
                        % {"text": injection.describe_text(injection.Unexpected([(spam[0], "")]))},
                    )
                )
        text = page.parsed.text
        for word in self.words:
            if word in text:
                found.append(
                    Found(
                        Kind.SENSITIVE_WORD,
                        is_veto=True,
                        page=page.url,
                        detail=_("“%(word)s” appears on the page") % {"word": word},
                    )
                )
        return found


def content_findings(
    result: CrawlResult, *, allowed_hosts: set[str], words: list[str]
) -> list[Found]:
    """``ContentCheck`` over the pages a crawl kept (no comparison with a rendering)."""
    check = ContentCheck(base_url=result.base_url, allowed_hosts=allowed_hosts, words=words)
    found: list[Found] = []
    for page in result.pages:
        found += check.page(page)
    return found
