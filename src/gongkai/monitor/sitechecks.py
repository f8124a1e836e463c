"""The checks added to a run after the first ones (checks.py): availability samples,
external links and sites, pages nothing links to, items without a date, and 严重错别字.
Each returns ``checks.Found`` rows, like checks.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.utils.translation import gettext as _

from gongkai.monitor import law
from gongkai.monitor.checks import Found
from gongkai.monitor.crawl import CrawlResult, crawl, is_internal, path_of, url_key
from gongkai.monitor.external import PoliteFetcher
from gongkai.monitor.models import Kind
from gongkai.monitor.wording import Naming, describe

# --- availability -------------------------------------------------------------------


def availability_findings(days) -> list[Found]:
    """A day whose samples failed (no answer, an error, or over 15 s) in ≥ 5 % of checks:
    站点无法访问, a single veto (law.UNREACHABLE_SHARE_PERCENT)."""
    found = []
    for day in days:
        if day.is_veto:
            found.append(
                Found(
                    Kind.UNAVAILABLE,
                    is_veto=True,
                    detail=_(
                        "%(day)s: %(failed)d of %(samples)d samples failed (%(share).1f %%, "
                        "the check fails at %(limit)d %%)."
                    )
                    % {
                        "day": day.day.isoformat(),
                        "failed": day.failed,
                        "samples": day.samples,
                        "share": day.share,
                        "limit": law.UNREACHABLE_SHARE_PERCENT.value,
                    },
                )
            )
    return found


# --- external links and sites ---------------------------------------------------------


def polite_fetcher() -> PoliteFetcher:
    return PoliteFetcher(
        timeout=law.PAGE_OPEN_SECONDS.value,
        host_interval=settings.GONGKAI_MONITOR_HOST_INTERVAL_SECONDS,
        max_requests=settings.GONGKAI_MONITOR_EXTERNAL_MAX_REQUESTS,
        max_seconds=settings.GONGKAI_MONITOR_EXTERNAL_MAX_SECONDS,
    )


def external_links(result: CrawlResult) -> dict[str, str]:
    """Visible links to other sites on the pages read, each with the first page that
    links it (hidden ones are reported as 暗链 and not followed)."""
    links: dict[str, str] = {}
    for page in result.pages:
        if page.parsed is None:
            continue
        for link in page.parsed.links:
            if not link.hidden and not is_internal(link.url, result.base_url):
                links.setdefault(link.url, page.url)
    return links


def external_findings(links: dict[str, str], fetcher: PoliteFetcher) -> list[Found]:
    found = []
    for url, referrer in links.items():
        response = fetcher.get(url)
        if response is None:
            continue  # robots.txt forbids it, or the budget is spent
        if response.status is None or response.status >= 400:
            found.append(
                Found(
                    Kind.EXTERNAL_BROKEN,
                    url=url,
                    page=referrer,
                    detail=_("Status %(status)s") % {"status": response.status or _("no answer")},
                )
            )
    return found


def watched_site_findings(sites, fetcher: PoliteFetcher) -> list[Found]:
    """Each external site the office listed, crawled a few pages deep within the shared
    polite budget: its home page not answering, its broken links."""
    found = []
    for site in sites:
        result = crawl(
            fetcher=fetcher.for_site(site.url),
            max_pages=settings.GONGKAI_MONITOR_EXTERNAL_MAX_PAGES,
            max_depth=2,
        )
        home = result.pages[0] if result.pages else None
        if home is None:
            continue  # not opened (robots.txt or budget): nothing to say
        if home.status is None or home.status >= 400:
            found.append(
                Found(
                    Kind.EXTERNAL_SITE,
                    url=site.url,
                    detail=_("%(site)s: status %(status)s")
                    % {"site": site.name, "status": home.status or _("no answer")},
                )
            )
            continue
        for broken in result.broken:
            found.append(
                Found(
                    Kind.EXTERNAL_BROKEN,
                    url=broken.url,
                    page=broken.linked_from,
                    detail=_("%(site)s: status %(status)s")
                    % {"site": site.name, "status": broken.status or _("no answer")},
                )
            )
    return found


# --- what is published: reachable, dated ----------------------------------------------


@dataclass(frozen=True)
class Published:
    url: str
    title: str
    column_url: str = ""  # "" for a column itself
    published_at: dt.datetime | None = None

    @property
    def is_item(self) -> bool:
        return bool(self.column_url)


def published_pages(*, per_column: int):
    """Each active list or page column, and the entries of list columns (at most
    ``per_column`` each, newest first), one at a time (a generator: the portal may
    publish hundreds of thousands)."""
    from gongkai.portal.models import ColumnKind
    from gongkai.portal.selectors.columns import column_entries_all, column_url, columns_active

    # The crawled site's columns (``persite.crawled_scope``), not another site's tree.
    columns = columns_active().filter(kind__in=[ColumnKind.LIST, ColumnKind.PAGE])
    for column in columns.order_by("order", "id"):
        url = column_url(column)
        yield Published(url, column.title)
        for e in column_entries_all(column, limit=per_column):
            yield Published(e.url, e.title, url, e.published_at)


def reach_findings(result: CrawlResult, published) -> list[Found]:
    """Items without a date (each counts as not updated), and published pages no page
    of the site links to — only after a complete crawl, when "not found" means "not
    linked" and not "not reached within the budget". ``published`` is read once."""
    found = []
    complete = not (result.unchecked or result.skipped) and (result.pages_read or result.pages)
    reachable = set(result.discovered) if complete else set()
    if complete:
        reachable.update(url_key(path_of(p.url)) for p in result.pages)
        if result.home is not None:
            reachable.add(url_key(path_of(result.home.url)))
    undated: set[int] = set()
    reported: set[int] = set()
    for row in published:
        absolute = urljoin(result.base_url, row.url)
        key = url_key(path_of(absolute))
        if row.is_item and row.published_at is None and key not in undated:
            undated.add(key)
            found.append(
                Found(
                    Kind.ITEM_UNDATED,
                    url=absolute,
                    page=urljoin(result.base_url, row.column_url),
                    detail=row.title,
                )
            )
        if not complete or not is_internal(absolute, result.base_url) or key in reachable:
            continue
        if key not in reported:
            reported.add(key)
            found.append(Found(Kind.ORPHAN_PAGE, url=absolute, detail=row.title))
    return found


# --- 严重错别字 -------------------------------------------------------------------------


def wording_findings(result: CrawlResult, naming: Naming) -> list[Found]:
    """Each wrong name, post or term once per page, with the correct form: a 严重表述错误,
    a single veto (law.SERIOUS_WORDING_VETO)."""
    found = []
    for page in result.pages:
        if page.parsed is None:
            continue
        for wrong in naming.check(page.parsed.text):
            found.append(Found(wrong.kind, is_veto=True, page=page.url, detail=describe(wrong)))
    return found
