"""Every site of the installation checked in one run (集约化, docs/sites.md).

Each site (``core.sitescope.sites_all``: the sites app lists them) has its own columns
and its own home page: the freshness of its columns and of its home page is worked out
with its scope active (its column tree, its bodies' items), and its home page is opened
at its own address. Every finding names the site. With no site configured the run checks
the installation's one portal, as it always did.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from gongkai.core.sitescope import SiteAddress, site_scope_activate, site_scope_reset, sites_all
from gongkai.monitor import checks
from gongkai.monitor.crawl import CrawlResult, Fetcher, url_key
from gongkai.monitor.models import Kind


def site_url(site: SiteAddress, base_url: str) -> str:
    """The site's home page, asked for with the scheme the run uses."""
    scheme = urlsplit(base_url).scheme or "http"
    prefix = f"{site.prefix}/" if site.prefix else ""
    return f"{scheme}://{site.host}/{prefix}"


def named(found: list[checks.Found], site: SiteAddress) -> list[checks.Found]:
    return [
        dataclasses.replace(
            f, detail=_("%(site)s: %(detail)s") % {"site": site.scope.name, "detail": f.detail}
        )
        for f in found
    ]


def home_open_findings(fetcher: Fetcher, url: str, *, slow_seconds: float) -> list[checks.Found]:
    """A site's home page opened once: not opening is 站点无法访问 (a single veto)."""
    response = fetcher.get(url)
    if response.status is None or response.status >= 400:
        return [
            checks.Found(
                Kind.UNREACHABLE,
                is_veto=True,
                url=url,
                detail=_("The home page did not open (status %(status)s).")
                % {"status": response.status or _("no answer")},
            )
        ]
    if response.elapsed > slow_seconds:
        return [
            checks.Found(
                Kind.SLOW_PAGE,
                url=url,
                detail=_("Opened in %(seconds).1f s (limit %(limit)s s)")
                % {"seconds": response.elapsed, "limit": slow_seconds},
            )
        ]
    return []


def site_findings(
    *, now: dt.datetime, result: CrawlResult, fetcher: Fetcher, slow_seconds: float
) -> list[checks.Found]:
    """The crawl's home page, then each site's home page and column freshness."""
    found = checks.home_finding(result)
    sites = sites_all()
    if not sites:
        found += checks.home_findings(now=now, home_url=result.base_url)
        found += checks.column_findings(checks.column_states(), now=now)
        return found
    crawled = url_key(result.base_url)
    for site in sites:
        url = site_url(site, fetcher.base_url)
        own: list[checks.Found] = []
        if url_key(url) != crawled:  # the crawl itself opened that one
            own += home_open_findings(fetcher, url, slow_seconds=slow_seconds)
        token = site_scope_activate(site.scope)
        try:
            own += checks.home_findings(now=now, home_url=url)
            states = checks.column_states(site_url=url)
            own += checks.column_findings(states, now=now, site_url=url)
        finally:
            site_scope_reset(token)
        found += named(own, site)
    return found


def crawled_site(base_url: str) -> SiteAddress | None:
    """The site a crawl from ``base_url`` reads, as the sites app resolves it: a site of
    that host whose prefix starts the path, else the host's own site, else the default."""
    parts = urlsplit(base_url)
    host, path = (parts.hostname or "").lower(), parts.path or "/"
    sites = sites_all()
    on_host = [s for s in sites if s.host == host]
    prefixed = [s for s in on_host if s.prefix and path.startswith(f"/{s.prefix}/")]
    if prefixed:
        return max(prefixed, key=lambda s: len(s.prefix))
    own = next((s for s in on_host if not s.prefix), None)
    if own is not None:
        return own
    return next((s for s in sites if getattr(s.scope.extra.get("site"), "is_default", False)), None)


@contextmanager
def crawled_scope(base_url: str) -> Iterator[None]:
    """The crawled site's scope active: its columns are the ones its pages should reach."""
    site = crawled_site(base_url)
    token = site_scope_activate(site.scope if site else None)
    try:
        yield
    finally:
        site_scope_reset(token)
