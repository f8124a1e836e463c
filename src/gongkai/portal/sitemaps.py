"""sitemap.xml: the portal's pages, its columns and every public information item.

Served with django.contrib.sitemaps.views directly and our own templates, so it works
without "django.contrib.sitemaps" in INSTALLED_APPS.
"""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap

from gongkai.core.navigation import portal_links
from gongkai.core.sitescope import scoped
from gongkai.portal.models import ColumnKind
from gongkai.portal.selectors.columns import columns_active
from gongkai.portal.sources import safe_reverse
from gongkai.proactive.models import PUBLIC, Item, NormativeDocument

OPENNESS_PAGES = (
    "proactive:catalog",
    "proactive:directory",
    "proactive:negative_list",
    "proactive:normative",
    "listings:powers",
    "listings:organisation",
    "reports:public_list",
    "participation:home",
    "participation:consultations",
    "participation:letters_public",
    "participation:proposals",
    "foi:apply",
)


class PagesSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        # Every page of the public menu (each app registers its own), and the pages of the
        # 政府信息公开 column that the menu reaches only through other pages.
        names = [
            "portal:home",
            "portal:openness",
            "portal:guide",
            *(link.url_name for link in portal_links(header_only=False)),
            *OPENNESS_PAGES,
        ]
        urls = (safe_reverse(n) for n in names)
        return list(dict.fromkeys(url for url in urls if url))

    def location(self, url):
        return url


class ColumnsSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return list(
            columns_active()
            .exclude(kind=ColumnKind.LINK)
            .order_by("pk")
            .values("slug", "updated_at")
        )

    def location(self, row):
        return safe_reverse("portal:column", row["slug"])

    def lastmod(self, row):
        return row["updated_at"]


class ItemsSitemap(Sitemap):
    limit = 10000

    def items(self):
        if not safe_reverse("proactive:item", 1):
            return Item.objects.none()
        return scoped(Item.objects.filter(PUBLIC)).order_by("pk").values("pk", "published_at")

    def location(self, row):
        return safe_reverse("proactive:item", row["pk"])

    def lastmod(self, row):
        return row["published_at"]


def _records() -> list[tuple[str, object]]:
    """(address, last change) of each public record outside the catalog: yearly reports,
    consultations, published proposal replies and the powers in force."""
    from gongkai.listings.selectors import powers_public
    from gongkai.participation.selectors import consultations_public, proposals_published
    from gongkai.reports.selectors import published_reports

    rows = [
        (safe_reverse("reports:public_report", r.organisation.code, r.year), r.published_at)
        for r in published_reports()
    ]
    rows += [
        (safe_reverse("participation:consultation", pk), None)
        for pk in consultations_public().order_by("pk").values_list("pk", flat=True)
    ]
    rows += [
        (safe_reverse("participation:proposal", pk), at)
        for pk, at in proposals_published().order_by("pk").values_list("pk", "published_at")
    ]
    rows += [
        (safe_reverse("proactive:normative_document", pk), None)
        for pk in NormativeDocument.objects.order_by("pk").values_list("pk", flat=True)
    ]
    rows += [
        (safe_reverse("listings:power", pk), None)
        for pk in powers_public().order_by("pk").values_list("pk", flat=True)
    ]
    return [(url, at) for url, at in rows if url]


class RecordsSitemap(Sitemap):
    limit = 10000

    def items(self):
        return _records()

    def location(self, row):
        return row[0]

    def lastmod(self, row):
        return row[1]


SITEMAPS = {
    "pages": PagesSitemap,
    "columns": ColumnsSitemap,
    "items": ItemsSitemap,
    "records": RecordsSitemap,
}
