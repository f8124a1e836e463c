from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListingsConfig(AppConfig):
    name = "gongkai.listings"
    label = "listings"
    verbose_name = _("Published lists")

    def ready(self):
        # Powers in force feed the site search (gongkai.search): the reindex source and
        # the visibility filter that hides a removed power before the index catches up.
        from gongkai.listings.indexing import (
            KIND,
            powers_count,
            powers_source,
            register_profile_source,
            visible_power_ids,
        )
        from gongkai.search.documents import register_source, register_visibility_filter

        register_source(
            powers_source,
            count=powers_count,
            kind=KIND,
            label=_("Powers and responsibilities list"),
        )
        register_visibility_filter(visible_power_ids)
        register_profile_source()
