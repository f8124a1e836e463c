"""Menus built from what the installed apps register, so no template lists them.

Each app registers its entries in its own ``navigation.py`` (discovered at start):

    from gongkai.core.navigation import portal_link, workbench_link
    portal_link(30, _("Apply for information"), "foi:apply")
    workbench_group("foi", 20, _("Disclosure on request"))
    workbench_link(20, _("Requests"), "foi:queue", roles=[Role.OFFICE, Role.HANDLER], group="foi")

The workbench menu shows the links in their groups, each group folded on a phone; links
without a group gather under "More".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, Resolver404, get_script_prefix, resolve, reverse
from django_stubs_ext import StrOrPromise

from gongkai.core.types import AnyUser


@dataclass(frozen=True)
class Link:
    order: int
    label: StrOrPromise
    url_name: str
    roles: tuple[str, ...] = ()
    group: str = ""
    # Off the header: a page reached from the home page's columns (the header's line is
    # full at 1280 px), still listed in the sitemap.
    in_header: bool = True

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
def _urlconf_changed(*, setting: str, **kwargs: Any) -> None:
    if setting == "ROOT_URLCONF":
        _reverse.cache_clear()
        view_roles.cache_clear()


@dataclass(frozen=True)
class Group:
    key: str
    order: int
    label: StrOrPromise


@dataclass(frozen=True)
class MenuGroup:
    key: str
    label: StrOrPromise
    links: tuple[Link, ...]
    is_current: bool = False


_PORTAL: list[Link] = []
_WORKBENCH: list[Link] = []
_GROUPS: dict[str, Group] = {}
MORE = ""  # the group of links registered without one


def portal_link(order: int, label: StrOrPromise, url_name: str, *, in_header: bool = True) -> None:
    _PORTAL.append(Link(order, label, url_name, in_header=in_header))


def workbench_group(key: str, order: int, label: StrOrPromise) -> None:
    """A heading of the workbench menu; apps put their links under it with ``group=key``."""
    _GROUPS[key] = Group(key, order, label)


def workbench_link(
    order: int,
    label: StrOrPromise,
    url_name: str,
    roles: Iterable[str] = (),
    group: str = MORE,
) -> None:
    _WORKBENCH.append(Link(order, label, url_name, tuple(str(r) for r in roles), group))


def portal_links(*, header_only: bool = True) -> list[Link]:
    """The header's links; with ``header_only=False`` every public page an app registered."""
    links = sorted(_PORTAL, key=lambda link: link.order)
    return [link for link in links if link.in_header or not header_only]


def workbench_links(user_roles: set[str]) -> list[Link]:
    """The links for these roles: those the link names and the page's own view allows."""
    return [
        link
        for link in sorted(_WORKBENCH, key=lambda link: link.order)
        if (not link.roles or set(link.roles) & user_roles)
        and _roles_allow(view_roles(link.url_name), user_roles)
    ]


def workbench_menu(user_roles: set[str], path: str = "") -> list[MenuGroup]:
    """The user's links in their groups (group order, then link order); the group holding
    the page at ``path`` is marked current. The home link (order 0) stands outside."""
    by_group: dict[str, list[Link]] = {}
    for link in workbench_links(user_roles):
        if link.order > 0 and link.url:
            key = link.group if link.group in _GROUPS else MORE
            by_group.setdefault(key, []).append(link)
    more = Group(MORE, 1000, _more_label())
    groups = sorted((_GROUPS.get(key, more) for key in by_group), key=lambda g: g.order)
    return [
        MenuGroup(
            group.key,
            group.label,
            tuple(by_group[group.key]),
            any(_is_under(path, link.url) for link in by_group[group.key]),
        )
        for group in groups
    ]


def _is_under(path: str, url: str) -> bool:
    return bool(path) and (path == url or (url.endswith("/") and path.startswith(url)))


def _more_label() -> StrOrPromise:
    from django.utils.translation import gettext_lazy as _

    return _("More")


@lru_cache(maxsize=512)
def view_roles(url_name: str, *args: Any) -> frozenset[str] | None:
    """The roles the page's view requires (``core.views.role_required``); None: any staff."""
    try:
        match = resolve(reverse(url_name, args=args or None))
    except (NoReverseMatch, Resolver404):
        return None
    return getattr(match.func, "required_roles", None)


def _roles_allow(required: frozenset[str] | None, user_roles: set[str]) -> bool:
    return required is None or bool(required & user_roles)


def may_open(user: AnyUser, url_name: str, *args: Any) -> bool:
    """Whether ``user`` may open the page: templates show a link only when this holds, so
    navigation follows the views' own permissions instead of a second list of roles."""
    from gongkai.core.access import user_roles

    return _roles_allow(view_roles(url_name, *args), user_roles(user))


def _register_core() -> None:
    from django.utils.translation import gettext_lazy as _

    from gongkai.core.models import Role

    workbench_group("tools", 90, _("Records and administration"))
    workbench_link(0, _("Due for me"), "core:workbench")
    workbench_link(80, _("Working-day calculator"), "core:workdays", group="tools")
    workbench_link(
        85, _("Holiday calendar"), "core:calendar", roles=[Role.OFFICE, Role.ADMIN], group="tools"
    )
    workbench_link(
        90, _("Ledger"), "core:ledger", roles=[Role.OFFICE, Role.LEADER, Role.ADMIN], group="tools"
    )
    workbench_link(
        92, _("Staff and units"), "core:staff", roles=[Role.OFFICE, Role.ADMIN], group="tools"
    )
    workbench_link(
        95, _("Background work"), "core:tasks", roles=[Role.OFFICE, Role.ADMIN], group="tools"
    )


_register_core()
