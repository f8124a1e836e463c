from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "gongkai.participation"
    label = "participation"
    verbose_name = _("Participation")

    def ready(self):
        # Published Q&A, consultations, adoption reports and proposal replies feed the
        # site search (gongkai.search): sources, labels and visibility checks.
        from gongkai.participation.indexing import register_search_sources

        register_search_sources()
