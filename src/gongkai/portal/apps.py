"""The public portal: what a citizen sees of the body."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "gongkai.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from gongkai.portal.selectors.items import items_section, items_section_all
        from gongkai.portal.sources import register_source
        from gongkai.proactive.law import Section

        register_source(
            "proactive_section",
            _("Information items of a catalog section"),
            items_section,
            param_choices=lambda: [(value, str(label)) for value, label in Section.choices],
            stream=items_section_all,
        )
