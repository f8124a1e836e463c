from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    name = "gongkai.sites"
    label = "gongkai_sites"  # not "sites": django.contrib.sites owns that label
    verbose_name = _("Sites")

    def ready(self):
        # The resolution table is forgotten at once when a site or a body changes.
        from gongkai.core.sitescope import site_lister_register
        from gongkai.sites import selectors

        # The monitor checks every site (core cannot import this app).
        site_lister_register(selectors.site_addresses)
