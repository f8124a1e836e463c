from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gongkai.core"
    label = "core"
    verbose_name = _("Foundation")

    def ready(self) -> None:
        # var/ exists in every started process (the gongkai command and the WSGI app make
        # it before settings load; this covers scripts that call django.setup() alone).
        from gongkai import home

        home.prepare()
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
        post_migrate.connect(create_cache_tables, sender=self)


def create_cache_tables(*, using: str = "default", verbosity: int = 1, **kwargs: Any) -> None:
    """The shared cache's table (rate limits, page generations) comes with ``migrate``.

    A handler rather than a migration: it also creates the table when an installation
    switches ``GONGKAI_CACHE`` to the database later, and it is idempotent (Django's own
    ``createcachetable`` skips a table that exists).
    """
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=max(0, verbosity - 1))
