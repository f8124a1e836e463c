"""Menus built from what the installed apps register, so no template lists them.

Each app registers its entries in its own ``navigation.py`` (discovered at start):

    from gongkai.core.navigation import portal_link, workbench_link
    portal_link(30, _("Apply for information"), "foi:apply")
    workbench_link(20, _("Requests"), "foi:queue", roles=[Role.OFFICE, Role.HANDLER])
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class Link:
    order: int
    label: str
    url_name: str
    roles: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return ""


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


_register_core()
