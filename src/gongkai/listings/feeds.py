"""An RSS feed of the powers list's adjustments (动态调整): what changed, when, why."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.core.clockmath import CHINA
from gongkai.listings.selectors import adjustments_recent

FEED_ENTRIES = 50


class AdjustmentsFeed(Feed):
    def title(self):
        return _("Adjustments of the powers and responsibilities list")

    def link(self):
        return reverse("listings:powers")

    def description(self):
        return _("What changed in the list, when and why.")

    def items(self):
        return adjustments_recent(FEED_ENTRIES)

    def item_title(self, version):
        return _("%(change)s: %(name)s") % {
            "change": version.get_change_display(),
            "name": version.power.name,
        }

    def item_description(self, version):
        return version.reason

    def item_link(self, version):
        return reverse("listings:power", args=[version.power_id]) + f"#v{version.number}"

    def item_guid(self, version):
        return f"power-{version.power_id}-v{version.number}"

    item_guid_is_permalink = False

    def item_pubdate(self, version):
        return dt.datetime.combine(version.changed_on, dt.time(), tzinfo=CHINA)
