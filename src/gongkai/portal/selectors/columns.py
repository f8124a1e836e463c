"""Columns as the public and the office see them."""

from __future__ import annotations

from django.core.cache import caches
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.urls import NoReverseMatch, reverse

from gongkai.core.access import has_role
from gongkai.core.cache import PAGE_SECONDS, PAGES, generation
from gongkai.core.models import Role
from gongkai.portal.models import Column, ColumnKind
from gongkai.portal.sources import Page, get_source

OFFICE_ROLES = (Role.OFFICE, Role.ADMIN)


def _active() -> QuerySet[Column]:
    return Column.objects.filter(is_active=True)


def columns_tree() -> list[Column]:
    """Top-level active columns, each with ``active_children``. Every portal page shows
    this menu: it is kept in the process's page cache under the public generation (a
    column edit bumps it, as publishing does), so two queries become none."""
    key, pages = f"portal:column-menu:{generation()}", caches[PAGES]
    tree = pages.get(key)
    if tree is None:
        children = Prefetch("children", queryset=_active(), to_attr="active_children")
        tree = list(_active().filter(parent__isnull=True).prefetch_related(children))
        pages.set(key, tree, PAGE_SECONDS)
    return tree


def columns_home() -> list[Column]:
    return list(_active().filter(show_on_home=True))


def column_public(slug: str) -> Column:
    """An active column; the same 404 for a missing and an inactive one."""
    column = _active().select_related("parent").filter(slug=slug).first()
    if column is None:
        raise Http404
    return column


def columns_for_office(user) -> QuerySet[Column]:
    if not has_role(user, *OFFICE_ROLES):
        return Column.objects.none()
    return Column.objects.select_related("parent")


def column_for_office(user, pk: int) -> Column:
    """A column the office may edit; the same 404 for missing and forbidden."""
    column = columns_for_office(user).filter(pk=pk).first()
    if column is None:
        raise Http404
    return column


def resolve_link(link: str) -> str:
    """A link column's target: http(s) and site paths as they are, URL names reversed."""
    if link.startswith(("http://", "https://", "/")):
        return link
    try:
        return reverse(link)
    except NoReverseMatch:
        return ""


def column_url(column: Column) -> str:
    if column.kind == ColumnKind.LINK:
        return resolve_link(column.link)
    return reverse("portal:column", args=[column.slug])


def column_entries(column: Column, *, offset: int = 0, limit: int = 20) -> Page:
    """The entries of a list column (an empty page for other kinds or unknown sources)."""
    source = get_source(column.source) if column.kind == ColumnKind.LIST else None
    if source is None:
        return Page(total=0)
    return source.fetch(column.source_param, offset, limit)
