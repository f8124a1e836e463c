from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    name = "gongkai.guides"
    label = "guides"
    verbose_name = _("Public services")

    def ready(self):
        # Guides in force, service points and published gazette issues feed the site search.
        from gongkai.guides import indexing
        from gongkai.search.documents import register_source, register_visibility_filter

        # Each with its kind's Chinese label, shown beside a search result.
        register_source(
            indexing.guides_source,
            count=indexing.guides_count,
            kind="guides_guide",
            label=_("Service guides"),
        )
        register_source(
            indexing.points_source,
            count=indexing.points_count,
            kind="guides_point",
            label=_("Service points"),
        )
        register_source(
            indexing.issues_source,
            count=indexing.issues_count,
            kind="guides_gazette",
            label=_("Government gazette"),
        )
        register_visibility_filter(indexing.visible_ids)
