"""Reads: which site a request is for, and what the region's platform shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import DatabaseError
from django.db.models import Count, Q, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from gongkai.core.cache import generation
from gongkai.core.clockmath import CHINA
from gongkai.core.models import Organisation
from gongkai.core.sitescope import SiteAddress, SiteScope
from gongkai.portal.models import SiteIdentity
from gongkai.proactive.models import PUBLIC, Item
from gongkai.sites.models import Reprint, Site

if TYPE_CHECKING:  # only for the region rows' types: the apps load lazily in region_rows
    from gongkai.assessment.selectors import Headline
    from gongkai.reports.models import YearlyReport


# Every request resolves its site from a table of sites kept in each worker's memory. It
# is read again when the public generation (core.cache, bumped after commit by every change
# to a site and by every publication) moves, and at once in the worker that changes a site.
@dataclass(frozen=True)
class ResolvedSite:
    site: Site
    scope: SiteScope

    @property
    def prefix(self) -> str:
        return self.site.path_prefix


@dataclass(frozen=True)
class SiteTable:
    # Each host's sites, the longest path prefix first and the bare host last.
    hosts: dict[str, list[ResolvedSite]] = field(default_factory=dict)
    default: ResolvedSite | None = None

    def __bool__(self) -> bool:
        return bool(self.hosts) or self.default is not None


@dataclass
class _Loaded:
    generation: int
    table: SiteTable


# {"now": the table and the generation it was read at}; emptied to read it again.
_table: dict[str, _Loaded] = {}


class _Tree:
    """Every organisation's children and name, read in one query (not one per site)."""

    def __init__(self) -> None:
        self.children: dict[int | None, list[int]] = {}
        self.bodies: dict[int, str] = {}
        rows = Organisation.objects.values_list("pk", "parent_id", "kind", "name")
        for pk, parent_id, kind, name in rows.order_by("id"):
            self.children.setdefault(parent_id, []).append(pk)
            if kind == Organisation.Kind.BODY:
                self.bodies[pk] = name

    def subtree(self, root: int) -> list[int]:
        """The same ids as ``core.access.body_and_descendants``."""
        ids, frontier = [root], [root]
        while frontier:
            frontier = [c for pk in frontier for c in self.children.get(pk, ())]
            ids.extend(frontier)
        return ids


def _scope(
    site: Site, tree: _Tree, template_id: int | None = None, reprinted: tuple[int, ...] = ()
) -> SiteScope:
    ids: tuple[int, ...] | None = None
    names: tuple[str, ...] = ()
    if not site.is_platform:
        roots = [site.organisation_id, *(b.pk for b in site.bodies.all())]
        ids = tuple(dict.fromkeys(pk for root in roots for pk in tree.subtree(root)))
        names = tuple(tree.bodies[pk] for pk in sorted(ids) if pk in tree.bodies)
    return SiteScope(
        site_id=site.pk,
        name=site.name,
        organisation=site.organisation,
        organisation_ids=ids,
        organisation_names=names,
        shared_items=reprinted,
        extra={"site": site, "guide_url": site.guide_url, "template_site_id": template_id},
    )


def _load() -> SiteTable:
    by_host: dict[str, list[ResolvedSite]] = {}
    default = None
    sites = list(
        Site.objects.filter(is_active=True)
        .select_related("organisation")
        .prefetch_related("bodies")
    )
    if not sites:  # no site: one query, and the installation as before
        return SiteTable()
    tree = _Tree()
    template_id = next((s.pk for s in sites if s.is_template), None)
    # The reprinted items' ids, read once with the table (a reprint bumps the generation,
    # which reads the table again): a list of ids lets PostgreSQL combine the two indexes
    # (body, id) where a subquery in the OR made it scan every item (0.7 s a home page
    # at a million items, bench/sites.py).
    reprinted: dict[int, list[int]] = {}
    for site_id, item_id in Reprint.objects.values_list("site_id", "item_id").order_by("id"):
        reprinted.setdefault(site_id, []).append(item_id)
    for site in sites:
        shared = tuple(reprinted.get(site.pk, ()))
        resolved = ResolvedSite(site=site, scope=_scope(site, tree, template_id, shared))
        by_host.setdefault(site.host, []).append(resolved)
        if site.is_default:
            default = resolved
    for entries in by_host.values():  # the longest prefix first, the bare host last
        entries.sort(key=lambda r: -len(r.prefix))
    return SiteTable(hosts=by_host, default=default)


def site_table() -> SiteTable:
    try:
        current = generation()
    except DatabaseError:  # the cache table before migrate
        return SiteTable()
    loaded = _table.get("now")
    if loaded is None or loaded.generation != current:
        try:
            table = _load()
        except DatabaseError:  # before migrate: no sites, the single-body installation
            table = SiteTable()
        loaded = _table["now"] = _Loaded(generation=current, table=table)
    return loaded.table


def site_addresses() -> list[SiteAddress]:
    """Every active site with its host and prefix, by id (``core.sitescope.sites_all``)."""
    entries = [r for resolved in site_table().hosts.values() for r in resolved]
    return [
        SiteAddress(scope=r.scope, host=r.site.host, prefix=r.prefix)
        for r in sorted(entries, key=lambda r: r.site.pk)
    ]


def site_resolve(host: str, path: str) -> ResolvedSite | None:
    """The site for a host name (no port) and path: a site of that host whose prefix
    starts the path, else the host's own site, else the default site, else None."""
    table = site_table()
    for resolved in table.hosts.get(host.lower(), ()):
        prefix = resolved.prefix
        if not prefix or path == f"/{prefix}" or path.startswith(f"/{prefix}/"):
            return resolved
    return table.default


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(m2m_changed, sender=Site.bodies.through)
def forget_sites(**kwargs: object) -> None:
    _table.clear()


@receiver(post_save, sender=Organisation)
@receiver(post_delete, sender=Organisation)
@receiver(post_save, sender=SiteIdentity)
def _bodies_changed(**kwargs: object) -> None:
    # A body's name or place in the tree, or its footer: only the sites' scopes hold them.
    loaded = _table.get("now")
    if loaded is not None and loaded.table:
        _table.clear()


def sites_all() -> QuerySet[Site]:
    return Site.objects.select_related("organisation").prefetch_related("bodies")


def site_of_body(organisation: Organisation) -> Site | None:
    return Site.objects.filter(organisation=organisation).order_by("id").first()


def reprints_of(site: Site) -> QuerySet[Reprint]:
    return Reprint.objects.filter(site=site).select_related("item", "item__organisation")


@dataclass(frozen=True)
class RegionRow:
    organisation: Organisation
    site: Site | None
    report: YearlyReport | None  # the body's latest published yearly report
    report_errors: int | None  # the consistency check's errors on it (None: no report)
    headline: Headline  # on-time rate and assessment score
    published_year: int = 0  # information items published in the year shown, still public
    published_total: int = 0  # every item of the body the public can read today


def region_bodies() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind=Organisation.Kind.BODY, is_active=True).order_by("id")


def _published_counts(ids: list[int], year: int) -> dict[int, tuple[int, int]]:
    """{body id: (published in ``year``, published in all)}, in one query for the page."""
    start = dt.datetime(year, 1, 1, tzinfo=CHINA)
    end = dt.datetime(year + 1, 1, 1, tzinfo=CHINA)
    in_year = Count("id", filter=Q(published_at__gte=start, published_at__lt=end))
    rows = (
        Item.objects.filter(PUBLIC, organisation_id__in=ids)
        .values("organisation_id")
        .annotate(in_year=in_year, total=Count("id"))
        .values_list("organisation_id", "in_year", "total")
    )
    return {pk: (in_year_n, total) for pk, in_year_n, total in rows}


def region_rows(year: int, *, offset: int = 0, limit: int = 50) -> list[RegionRow]:
    """Every body of the region at a glance (the 政务公开 office of the city): its latest
    yearly report with the consistency check (国办公开办函〔2021〕30号), its replies on time
    and its assessment score for ``year``."""
    from gongkai.assessment.selectors import headline
    from gongkai.reports.consistency import snapshot_errors
    from gongkai.reports.models import Status, YearlyReport

    bodies = list(region_bodies()[offset : offset + limit])
    ids = [b.pk for b in bodies]
    latest: dict[int, YearlyReport] = {}
    published = YearlyReport.objects.filter(organisation_id__in=ids, status=Status.PUBLISHED)
    for found in published.order_by("organisation_id", "-year"):
        latest.setdefault(found.organisation_id, found)
    counts = _published_counts(ids, year)
    sites: dict[int, Site] = {}
    for site in Site.objects.filter(organisation_id__in=ids, is_active=True).order_by("-id"):
        sites[site.organisation_id] = site
    rows: list[RegionRow] = []
    for body in bodies:
        report = latest.get(body.pk)
        errors = None
        if report is not None and report.tables.get("section3"):
            errors = len(snapshot_errors(report.tables))
        rows.append(
            RegionRow(
                organisation=body,
                site=sites.get(body.pk),
                report=report,
                report_errors=errors,
                headline=headline(body, year),
                published_year=counts.get(body.pk, (0, 0))[0],
                published_total=counts.get(body.pk, (0, 0))[1],
            )
        )
    return rows
