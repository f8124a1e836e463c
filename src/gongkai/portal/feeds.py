"""RSS and Atom feeds of list columns (django.contrib.syndication)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from gongkai.portal.models import ColumnKind
from gongkai.portal.selectors import column_entries, column_public, column_url

FEED_ENTRIES = 30


class ColumnRssFeed(Feed):
    def get_object(self, request, slug: str):
        column = column_public(slug)
        if column.kind != ColumnKind.LIST:
            raise Http404
        return column

    def title(self, column):
        return column.title

    def link(self, column):
        return column_url(column)

    def description(self, column):
        return _("The latest entries of the column “%(title)s”.") % {"title": column.title}

    def items(self, column):
        self._column_url = column_url(column)
        return column_entries(column, limit=FEED_ENTRIES).entries

    def item_title(self, entry):
        return entry.title

    def item_description(self, entry):
        return entry.summary or entry.title

    def item_link(self, entry):
        # Until the item page exists the entry points at its column (unique per entry).
        return entry.url or f"{self._column_url}#{entry.key}"

    def item_guid(self, entry):
        return entry.key or entry.url

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return entry.published_at

    def item_author_name(self, entry):
        return entry.organisation or None


class ColumnAtomFeed(ColumnRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, column):
        return self.description(column)
