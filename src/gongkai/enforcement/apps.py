from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    name = "gongkai.enforcement"
    label = "enforcement"
    verbose_name = _("Administrative enforcement publicity")

    def ready(self):
        # Published decisions feed the site search (gongkai.search); a withdrawn one leaves it
        # and the visibility filter hides it before the index catches up.
        from gongkai.enforcement.indexing import (
            decisions_count,
            decisions_source,
            visible_decision_ids,
        )
        from gongkai.search.documents import register_source, register_visibility_filter

        register_source(
            decisions_source,
            count=decisions_count,
            kind="enforcement_decision",
            label=_("Administrative enforcement decisions"),
        )
        register_visibility_filter(visible_decision_ids)
