from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "gongkai.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        # core's health endpoint and restore command learn about the index from here, so
        # core does not import search (search builds on core).
        from gongkai.core.backup import register_after_restore
        from gongkai.core.selectors.health import register_check
        from gongkai.search.health import index_check, rebuild_after_restore

        register_check("index", index_check)
        register_after_restore(rebuild_after_restore)
