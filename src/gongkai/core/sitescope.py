"""The site a request is for (集约化: one installation, many bodies' sites).

``gongkai.sites`` resolves the site from the host name first thing in a request and
activates its scope here; the lower apps read it through ``current_site_scope`` and
never import ``gongkai.sites`` (it is in a higher layer). With no scope active (a
single-body installation, an unknown host, a command, a task) nothing is filtered: the
installation serves its first top-level body, as it always did.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar, Token
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import Model, Q, QuerySet

if TYPE_CHECKING:
    from gongkai.core.models import Organisation

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class SiteScope:
    site_id: int
    name: str
    # The body the site's forms submit to (FOI, mailbox, consultations) and whose
    # guide and footer identity the pages show.
    organisation: Organisation
    # The bodies whose published content the site shows (the body, its subordinates, and
    # any bodies grouped under the site); None for the region's platform site: all.
    organisation_ids: tuple[int, ...] | None
    organisation_names: tuple[str, ...] = ()
    # Ids of items of other bodies shown here by reference (转载), read with the site table.
    shared_items: tuple[int, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def items_q(
        self, organisation_field: str = "organisation_id", pk_field: str | None = "pk"
    ) -> Q:
        """What the site shows of a queryset of published content (everything: ``Q()``)."""
        if self.organisation_ids is None:
            return Q()
        q = Q(**{f"{organisation_field}__in": self.organisation_ids})
        if self.shared_items and pk_field:
            q |= Q(**{f"{pk_field}__in": self.shared_items})
        return q


_current: ContextVar[SiteScope | None] = ContextVar("gongkai_site_scope", default=None)


def current_site_scope() -> SiteScope | None:
    return _current.get()


def site_scope_activate(scope: SiteScope | None) -> Token[SiteScope | None]:
    return _current.set(scope)


def site_scope_reset(token: Token[SiteScope | None]) -> None:
    _current.reset(token)


def site_shows(organisation_id: int, pk: int | None = None) -> bool:
    """Whether the current site shows a record of ``organisation_id`` (an information item
    ``pk`` also when the site reprints it): everywhere when no site or the platform."""
    scope = _current.get()
    if scope is None or scope.organisation_ids is None:
        return True
    if organisation_id in scope.organisation_ids:
        return True
    return pk is not None and pk in scope.shared_items


def scoped(
    queryset: QuerySet[M], organisation_field: str = "organisation_id", pk_field: str | None = "pk"
) -> QuerySet[M]:
    """Filter public content to the current site (unchanged when no site is active).
    ``pk_field`` None: not information items, nothing is shown by reference."""
    scope = _current.get()
    if scope is None or scope.organisation_ids is None:
        return queryset
    return queryset.filter(scope.items_q(organisation_field, pk_field))


@dataclass(frozen=True)
class SiteAddress:
    """A site with where it answers: what a check of every site (the monitor) visits."""

    scope: SiteScope
    host: str
    prefix: str = ""  # a path prefix on a shared host ("gaj"), or ""


# Set by gongkai.sites when it is ready (the lower apps cannot import it).
_site_lister: list[Callable[[], list[SiteAddress]]] = []


def site_lister_register(lister: Callable[[], list[SiteAddress]]) -> None:
    _site_lister[:] = [lister]


def sites_all() -> list[SiteAddress]:
    """Every active site, in the order of their ids; empty when no site is configured
    (the installation serves its one body)."""
    return _site_lister[0]() if _site_lister else []
