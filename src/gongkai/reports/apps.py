from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "gongkai.reports"
    label = "reports"
    verbose_name = _("Yearly reports")

    def ready(self):
        # Published reports feed the site search (gongkai.search).
        from gongkai.reports.indexing import register_search_source

        register_search_source()
