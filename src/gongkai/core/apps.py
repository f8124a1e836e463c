from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gongkai.core"
    label = "core"
    verbose_name = _("Foundation")

    def ready(self):
        # Menus, periodic jobs and ledger labels are registered by each app's own modules.
        from gongkai.core import vocabulary

        autodiscover_modules("navigation")
        autodiscover_modules("periodic")
        # Tasks (with their retry policies and labels) are known in every process.
        autodiscover_modules("tasks")
        # The queue's own app names itself in English only; the admin is in Chinese.
        from django.apps import apps

        apps.get_app_config("django_tasks_database").verbose_name = _("Background tasks")
        # What ledger codes are called: core's own, then each app's vocabulary.py.
        vocabulary.register_core()
        autodiscover_modules("vocabulary")
