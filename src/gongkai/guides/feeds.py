"""RSS: the guides' changes (what, when, why) and the gazette's issues."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.guides import selectors

FEED_ENTRIES = 50


class GuideChangesFeed(Feed):
    item_guid_is_permalink = False

    def title(self):
        return _("Changes of the service guides")

    def link(self):
        return reverse("guides:guides")

    def description(self):
        return _("What changed in the service guides, when and why.")

    def items(self):
        return selectors.changes_recent(FEED_ENTRIES)

    def item_title(self, version):
        return _("%(change)s: %(name)s") % {
            "change": version.get_change_display(),
            "name": version.guide.name,
        }

    def item_description(self, version):
        return version.reason

    def item_link(self, version):
        return reverse("guides:guide", args=[version.guide_id]) + f"#v{version.number}"

    def item_guid(self, version):
        return f"guide-{version.guide_id}-v{version.number}"

    def item_pubdate(self, version):
        return version.published_at


class GazetteFeed(Feed):
    item_guid_is_permalink = False

    def title(self):
        return _("Government gazette")

    def link(self):
        return reverse("guides:issues")

    def description(self):
        return _("Issues of the gazette and the documents they collect.")

    def items(self):
        return selectors.issues_published()[:FEED_ENTRIES]

    def item_title(self, issue):
        return selectors.issue_title(issue)

    def item_description(self, issue):
        return _("%(count)d documents") % {"count": issue.documents}

    def item_link(self, issue):
        return reverse("guides:issue", args=[issue.pk])

    def item_guid(self, issue):
        return f"gazette-{issue.pk}"

    def item_pubdate(self, issue):
        return issue.published_at
