"""Reads used by the portal's views, feeds, the sitemap and the API."""

from gongkai.portal.selectors.columns import (
    column_entries,
    column_entries_all,
    column_for_office,
    column_public,
    column_url,
    columns_for_office,
    columns_home,
    columns_tree,
)
from gongkai.portal.selectors.guide import guide_for
from gongkai.portal.selectors.identity import site_identity_for, site_identity_for_pages
from gongkai.portal.selectors.items import (
    CatalogFilters,
    catalog_choices,
    catalog_page,
    items_latest,
    section_counts,
)

__all__ = [
    "CatalogFilters",
    "catalog_choices",
    "catalog_page",
    "column_entries",
    "column_entries_all",
    "column_for_office",
    "column_public",
    "column_url",
    "columns_for_office",
    "columns_home",
    "columns_tree",
    "guide_for",
    "items_latest",
    "section_counts",
    "site_identity_for",
    "site_identity_for_pages",
]
