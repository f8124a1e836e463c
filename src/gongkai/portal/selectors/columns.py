"""Columns as the public and the office see them."""

from __future__ import annotations

from collections.abc import Iterator

from django.core.cache import caches
from django.db.models import Prefetch, QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import Http404
from django.urls import NoReverseMatch, reverse

from gongkai.core.access import has_role, organisation_ids_visible_to
from gongkai.core.cache import PAGE_SECONDS, PAGES, generation
from gongkai.core.models import Role
from gongkai.core.sitescope import current_site_scope
from gongkai.core.types import AnyUser
from gongkai.portal.models import Column, ColumnKind
from gongkai.portal.sources import Entry, Page, Source, get_source

OFFICE_ROLES = (Role.OFFICE, Role.ADMIN)
# Entries per page when a source without ``stream`` is read whole (column_entries_all).
CHUNK = 100


# Which sites have a column tree of their own, read once per public generation (a column
# edit bumps it): {generation: set of site ids}.
_own_trees: dict[int, set[int]] = {}


def sites_with_columns() -> set[int]:
    current = generation()
    found = _own_trees.get(current)
    if found is None:
        rows = Column.objects.filter(site_id__isnull=False).values_list("site_id", flat=True)
        found = {site_id for site_id in rows.distinct() if site_id is not None}
        _own_trees.clear()
        _own_trees[current] = found
    return found


@receiver(post_save, sender=Column)
@receiver(post_delete, sender=Column)
def forget_column_trees(**kwargs: object) -> None:
    # At once in the worker that edits a column (others: at the next generation).
    _own_trees.clear()


def tree_site_id() -> int | None:
    """The column tree the current site shows: its own, else the installation's (None)."""
    scope = current_site_scope()
    if scope is None or scope.site_id not in sites_with_columns():
        return None
    return scope.site_id


def site_columns(site_id: int | None) -> QuerySet[Column]:
    """Every column of one tree (None: the installation's own)."""
    if site_id is None:
        return Column.objects.filter(site_id__isnull=True)
    return Column.objects.filter(site_id=site_id)


def columns_active() -> QuerySet[Column]:
    """The active columns of the tree the current site shows."""
    return site_columns(tree_site_id()).filter(is_active=True)


_active = columns_active


def columns_tree() -> list[Column]:
    """Top-level active columns, each with ``active_children``. Every portal page shows
    this menu: it is kept in the process's page cache under the public generation (a
    column edit bumps it, as publishing does), so two queries become none."""
    key = f"portal:column-menu:{generation()}:{tree_site_id()}"
    pages = caches[PAGES]
    cached: list[Column] | None = pages.get(key)
    if cached is None:
        children = Prefetch("children", queryset=_active(), to_attr="active_children")
        cached = list(_active().filter(parent__isnull=True).prefetch_related(children))
        pages.set(key, cached, PAGE_SECONDS)
    return cached


def columns_home() -> list[Column]:
    return list(_active().filter(show_on_home=True))


def column_public(slug: str) -> Column:
    """An active column; the same 404 for a missing and an inactive one."""
    column = _active().select_related("parent").filter(slug=slug).first()
    if column is None:
        raise Http404
    return column


def columns_for_office(user: AnyUser) -> QuerySet[Column]:
    """The columns of the site the office works on (the request's): on a body's site of
    a shared platform (gongkai.sites) only that body's office, and that site's own tree."""
    if not has_role(user, *OFFICE_ROLES):
        return Column.objects.none()
    scope = current_site_scope()
    if scope is None:
        return Column.objects.filter(site_id__isnull=True).select_related("parent")
    visible = organisation_ids_visible_to(user)
    if visible is not None and scope.organisation.pk not in visible:
        return Column.objects.none()
    return site_columns(scope.site_id).select_related("parent")


def column_for_office(user: AnyUser, pk: int) -> Column:
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


def _list_source(column: Column) -> Source | None:
    """The source of a list column (None for other kinds or an unknown source)."""
    return get_source(column.source) if column.kind == ColumnKind.LIST else None


def column_entries(column: Column, *, offset: int = 0, limit: int = 20) -> Page:
    """The entries of a list column (an empty page for other kinds or unknown sources)."""
    source = _list_source(column)
    if source is None:
        return Page(total=0)
    return source.fetch(column.source_param, offset, limit)


def column_entries_all(column: Column, *, limit: int) -> Iterator[Entry]:
    """Every entry of a list column, newest first, at most ``limit``: the source's
    ``stream`` where it has one, else its pages of ``CHUNK`` read one after another."""
    source = _list_source(column)
    if source is None:
        return
    if source.stream is not None:
        yield from source.stream(column.source_param, limit)
        return
    offset = 0
    while offset < limit:
        page = source.fetch(column.source_param, offset, min(CHUNK, limit - offset))
        yield from page.entries
        offset += CHUNK
        if offset >= page.total or not page.entries:
            return
