from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "gongkai.subscriptions"
    label = "subscriptions"
    verbose_name = _("Subscriptions")

    def ready(self):
        # Publishing an item and a disclosure request's new event reach subscribers through
        # the named hooks of core (the lower apps never import this one).
        from gongkai.core.hooks import listen
        from gongkai.subscriptions.services import item_published, request_changed

        listen("proactive.item_published", item_published)
        listen("foi.request_changed", request_changed)
