from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "gongkai.outreach"
    label = "outreach"
    verbose_name = _("New media, supervisors and open days")

    def ready(self):
        # A published item is pushed to every active channel (core's named hook).
        from gongkai.core.hooks import listen
        from gongkai.outreach.services import item_published

        listen("proactive.item_published", item_published)
