from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gongkai.core"
    label = "core"
    verbose_name = _("Foundation")

    def ready(self):
        # Menus and periodic jobs are registered by each app's own modules.
        autodiscover_modules("navigation")
        autodiscover_modules("periodic")
