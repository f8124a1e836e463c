from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProactiveConfig(AppConfig):
    name = "gongkai.proactive"
    label = "proactive"
    verbose_name = _("Proactive disclosure")

    def ready(self):
        # Published items feed the search index (gongkai.search): the reindex source and
        # the visibility filter that hides a withdrawn item before the index catches up.
        # The database scan answers searches while the index is missing or rebuilt.
        # 条例 art. 44: foi hands replied requests over through its interface.
        from gongkai.foi import handover
        from gongkai.proactive.services.foi import Art44Receiver
        from gongkai.proactive.services.search import (
            published_items_count,
            published_items_scan,
            published_items_source,
            visible_item_ids,
        )
        from gongkai.search.documents import (
            register_scan,
            register_source,
            register_visibility_filter,
        )

        handover.register(Art44Receiver())
        register_source(
            published_items_source,
            count=published_items_count,
            kind="proactive_item",
            label=_("Government information"),
        )
        register_visibility_filter(visible_item_ids)
        register_scan(published_items_scan)
