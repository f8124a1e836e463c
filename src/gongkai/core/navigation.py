"""Menus built from what the installed apps register, so no template lists them.

Each app registers its entries in its own ``navigation.py`` (discovered at start):

    from gongkai.core.navigation import portal_link, workbench_link
    portal_link(30, _("Apply for information"), "foi:apply")
    workbench_link(20, _("Requests"), "foi:queue", roles=[Role.OFFICE, Role.HANDLER])
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix, reverse


@dataclass(frozen=True)
class Link:
    order: int
    label: str
    url_name: str
    roles: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        # Every public page shows the menu; reversing it on each request was a tenth of
        # a document page's rendering time.
        return _reverse(self.url_name, get_script_prefix())


@lru_cache(maxsize=256)
def _reverse(url_name: str, script_prefix: str) -> str:
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return ""


@receiver(setting_changed)
def _urlconf_changed(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _reverse.cache_clear()


_PORTAL: list[Link] = []
_WORKBENCH: list[Link] = []


def portal_link(order: int, label, url_name: str) -> None:
    _PORTAL.append(Link(order, label, url_name))


def workbench_link(order: int, label, url_name: str, roles=()) -> None:
    _WORKBENCH.append(Link(order, label, url_name, tuple(str(r) for r in roles)))


def portal_links() -> list[Link]:
    return sorted(_PORTAL, key=lambda link: link.order)


def workbench_links(user_roles: set[str]) -> list[Link]:
    return [
        link
        for link in sorted(_WORKBENCH, key=lambda link: link.order)
        if not link.roles or set(link.roles) & user_roles
    ]


def _register_core() -> None:
    from django.utils.translation import gettext_lazy as _

    from gongkai.core.models import Role

    workbench_link(0, _("My deadlines"), "core:workbench")
    workbench_link(80, _("Working-day calculator"), "core:workdays")
    workbench_link(85, _("Holiday calendar"), "core:calendar", roles=[Role.OFFICE, Role.ADMIN])
    workbench_link(90, _("Ledger"), "core:ledger", roles=[Role.OFFICE, Role.LEADER, Role.ADMIN])
    workbench_link(92, _("Staff and units"), "core:staff", roles=[Role.OFFICE, Role.ADMIN])
    workbench_link(95, _("Background work"), "core:tasks", roles=[Role.OFFICE, Role.ADMIN])
    workbench_link(99, _("My account"), "core:account")


_register_core()
