from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "gongkai.opendata"
    label = "opendata"
    verbose_name = _("Open data")

    def ready(self):
        # Each app's datasets.py registers its public lists (gongkai.core.datasets).
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("datasets")
