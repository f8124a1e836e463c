"""URLs of the portal: public pages at the site root, the office's under workbench/portal/."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, re_path

from gongkai.portal.feeds import ColumnAtomFeed, ColumnRssFeed
from gongkai.portal.sitemaps import SITEMAPS
from gongkai.portal.views import public, qr, search, workbench

app_name = "portal"

urlpatterns = [
    path("", public.home, name="home"),
    path("zwgk/", public.openness, name="openness"),
    path("zwgk/gkzn/", public.guide, name="guide"),
    path("catalog.json", public.catalog_json, name="catalog-json"),
    path("search/", search.search_page, name="search"),
    path("column/<slug:slug>/", public.column, name="column"),
    path("column/<slug:slug>.json", public.column, {"as_json": True}, name="column-json"),
    path("column/<slug:slug>/print/", public.column_print, name="column-print"),
    path("column/<slug:slug>/rss/", ColumnRssFeed(), name="column-rss"),
    path("column/<slug:slug>/atom/", ColumnAtomFeed(), name="column-atom"),
    re_path(r"^qr/page\.(?P<fmt>png|svg)$", qr.qr_page, name="qr-page"),
    re_path(
        r"^qr/(?P<kind>column|topic|section)/(?P<slug>[-\w]+)\.(?P<fmt>png|svg)$",
        qr.qr_for,
        name="qr",
    ),
    re_path(r"^elder/(?P<state>on|off)/$", public.elder_mode, name="elder"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {
            "sitemaps": SITEMAPS,
            "template_name": "portal/sitemap_index.xml",
            "sitemap_url_name": "portal:sitemap-section",
        },
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS, "template_name": "portal/sitemap.xml"},
        name="sitemap-section",
    ),
    path("workbench/portal/columns/", workbench.columns, name="workbench-columns"),
    path("workbench/portal/columns/own/", workbench.columns_own, name="workbench-columns-own"),
    path("workbench/portal/columns/new/", workbench.column_edit, name="workbench-column-new"),
    path("workbench/portal/columns/<int:pk>/", workbench.column_edit, name="workbench-column"),
    path(
        "workbench/portal/columns/<int:pk>/delete/",
        workbench.column_remove,
        name="workbench-column-delete",
    ),
    path("workbench/portal/guide/", workbench.guide_edit, name="workbench-guide"),
    path("workbench/portal/identity/", workbench.identity_edit, name="workbench-identity"),
]
