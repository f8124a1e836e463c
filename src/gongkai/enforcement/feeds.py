"""An RSS feed of the register's public history: decisions published or withdrawn, officers,
matters, standards and draws added or changed."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.core.clockmath import CHINA
from gongkai.enforcement.selectors import changes_recent

FEED_ENTRIES = 50


def change_link(change) -> str:
    if change.subject == "decision":
        return reverse("enforcement:decision", args=[change.subject_id])
    if change.subject == "draw":
        return reverse("enforcement:draw", args=[change.subject_id])
    return reverse("enforcement:changes") + f"#c{change.pk}"


class ChangesFeed(Feed):
    def title(self):
        return _("Administrative enforcement publicity: changes")

    def link(self):
        return reverse("enforcement:index")

    def description(self):
        return _("What changed in the enforcement register, when and why.")

    def items(self):
        return changes_recent(FEED_ENTRIES)

    def item_title(self, change):
        return _("%(action)s: %(title)s") % {
            "action": change.get_action_display(),
            "title": change.title,
        }

    def item_description(self, change):
        return change.reason

    def item_link(self, change):
        return change_link(change)

    def item_guid(self, change):
        return f"enforcement-change-{change.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, change):
        return dt.datetime.combine(change.changed_on, dt.time(), tzinfo=CHINA)
