"""An RSS feed of the published 预决算 documents, newest first."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.budgets.selectors import documents_public
from gongkai.budgets.services import document_title

FEED_ENTRIES = 50


class BudgetsFeed(Feed):
    def title(self):
        return _("Budgets and final accounts")

    def link(self):
        return reverse("budgets:budgets")

    def description(self):
        return _("Departmental budgets and final accounts, with the three public expenses.")

    def items(self):
        return documents_public().order_by("-published_at")[:FEED_ENTRIES]

    def item_title(self, document):
        return document_title(document)

    def item_description(self, document):
        return document.explanation[:300]

    def item_link(self, document):
        return reverse("budgets:document", args=[document.pk])

    def item_pubdate(self, document):
        return document.published_at
