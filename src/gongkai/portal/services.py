"""Writes of the portal: columns and the 公开指南. Each is one transaction with its ledger
entry; only the openness office and administrators may call them."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from gongkai.core.access import has_role, organisation_ids_visible_to
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Organisation, Role
from gongkai.core.services import ledger_append
from gongkai.core.types import Actor
from gongkai.portal.cache import cache_bump
from gongkai.portal.models import Column, ColumnKind, OpennessGuide, SiteIdentity
from gongkai.portal.selectors.columns import resolve_link, site_columns
from gongkai.portal.sources import get_source

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
MAX_DEPTH = 3  # 一级、二级、三级栏目


@dataclasses.dataclass
class ColumnFields:
    """What the office fills in; views, the admin and the demo build it from their input."""

    title: str
    slug: str
    kind: str
    parent: Column | None = None
    order: int = 0
    source: str = ""
    source_param: str = ""
    body: str = ""
    link: str = ""
    show_on_home: bool = False
    is_active: bool = True


FIELD_NAMES = [f.name for f in dataclasses.fields(ColumnFields)]


def _require_office(actor: Actor) -> User:
    if actor is None or not has_role(actor, Role.OFFICE, Role.ADMIN):
        raise PermissionDeniedError("not_allowed", _("Only the openness office may do this."))
    return actor


def _require_office_of(actor: Actor, organisation: Organisation) -> None:
    """The office of ``organisation`` (or of a body above it): on a shared platform
    (gongkai.sites) one body's office never edits another body's guide or footer."""
    visible = organisation_ids_visible_to(_require_office(actor))
    if visible is not None and organisation.pk not in visible:
        raise PermissionDeniedError(
            "outside_scope", _("This organisation is outside your area of responsibility.")
        )


def _check_parent(column: Column) -> None:
    depth, node = 1, column.parent
    while node is not None:
        if column.pk and node.pk == column.pk:
            raise ServiceError("parent_cycle", _("A column cannot sit inside itself."))
        depth, node = depth + 1, node.parent
    if depth > MAX_DEPTH:
        raise ServiceError(
            "too_deep", _("Columns nest at most %(depth)d levels.") % {"depth": MAX_DEPTH}
        )


def _check_kind(column: Column) -> None:
    if column.kind == ColumnKind.LIST:
        source = get_source(column.source)
        if source is None:
            raise ServiceError("invalid_source", _("Choose the source of this list."))
        allowed = (
            [value for value, _label in source.param_choices()] if source.param_choices else None
        )
        if allowed is not None and column.source_param and column.source_param not in allowed:
            raise ServiceError("invalid_source", _("Choose the source of this list."))
    elif column.kind == ColumnKind.PAGE:
        if not column.body.strip():
            raise ServiceError("body_required", _("A static page needs its text."))
    elif column.kind == ColumnKind.LINK:
        if not resolve_link(column.link.strip()):
            raise ServiceError(
                "invalid_link",
                _(
                    "Give an address starting with https://, a site path such as /foi/apply/, "
                    "or a page name such as foi:apply."
                ),
            )
    else:
        raise ServiceError("invalid_kind", _("Choose what the column shows."))


def _apply(column: Column, fields: ColumnFields) -> None:
    for name in FIELD_NAMES:
        setattr(column, name, getattr(fields, name))
    column.title = column.title.strip()
    column.slug = column.slug.strip().lower()
    column.link = column.link.strip()
    if not column.title or len(column.title) > 60:
        raise ServiceError("title_required", _("A column needs a title of at most 60 characters."))
    if not SLUG.match(column.slug):
        raise ServiceError(
            "invalid_slug",
            _("The short name may only hold lower-case letters, digits and hyphens."),
        )
    if column.kind != ColumnKind.LIST:
        column.source = column.source_param = ""
    _check_kind(column)
    _check_parent(column)


def _same(column: Column, fields: ColumnFields) -> bool:
    return all(getattr(column, name) == getattr(fields, name) for name in FIELD_NAMES)


def _save(column: Column, *, actor: Actor, action: str) -> Column:
    try:
        with transaction.atomic():
            column.save()
            ledger_append(
                actor=actor,
                action=f"portal.column_{action}",
                obj=column,
                summary={"slug": column.slug, "kind": column.kind, "active": column.is_active},
            )
    except IntegrityError as error:
        raise ServiceError(
            "slug_taken",
            _("Another column already uses the short name %(slug)s.") % {"slug": column.slug},
        ) from error
    transaction.on_commit(cache_bump)
    return column


def column_check(*, column: Column | None, fields: ColumnFields) -> None:
    """Validate ``fields`` for ``column`` (None: a new one) without saving anything."""
    probe = Column(pk=column.pk if column is not None and column.pk else None)
    _apply(probe, fields)


def column_create(*, actor: Actor, fields: ColumnFields, site_id: int | None = None) -> Column:
    """Create a column in the tree of site ``site_id`` (None: the installation's own);
    repeating the same request returns the column already made."""
    _require_office(actor)
    tree = site_columns(site_id)
    existing = tree.filter(slug=fields.slug.strip().lower()).first()
    if existing is not None and _same(existing, fields):
        return existing
    if fields.parent is not None and fields.parent.site_id != site_id:
        raise ServiceError("invalid_parent", _("The parent column belongs to another site."))
    column = Column(site_id=site_id)
    _apply(column, fields)
    return _save(column, actor=actor, action="create")


def column_update(*, column: Column, actor: Actor, fields: ColumnFields) -> Column:
    _require_office(actor)
    column = Column.objects.get(pk=column.pk)
    if _same(column, fields):
        return column
    _apply(column, fields)
    return _save(column, actor=actor, action="update")


def column_delete(*, column: Column, actor: Actor) -> None:
    """Delete a column without sub-columns (deactivate it to keep its address)."""
    _require_office(actor)
    if column.children.exists():
        raise ServiceError(
            "has_children",
            _("Move or delete the sub-columns of “%(title)s” first.") % {"title": column.title},
        )
    with transaction.atomic():
        ledger_append(
            actor=actor, action="portal.column_delete", obj=column, summary={"slug": column.slug}
        )
        column.delete()
    transaction.on_commit(cache_bump)


def columns_copy(
    *, actor: Actor, site_id: int, organisation: Organisation, source_site_id: int | None = None
) -> int:
    """Give site ``site_id`` a column tree of its own: a copy of site ``source_site_id``'s
    (the template site; its tree is the installation's when it has none of its own).
    Nothing is copied when the site already has columns. Returns the number copied."""
    if actor is not None:  # the system (site creation by the operator) is allowed
        _require_office_of(actor, organisation)
    if site_columns(site_id).exists():
        return 0
    own = source_site_id is not None and site_columns(source_site_id).exists()
    source = list(site_columns(source_site_id if own else None).order_by("parent_id", "id"))
    copies: dict[int, Column] = {}
    with transaction.atomic():
        pending = source
        while pending:  # parents before children, whatever their ids
            later = []
            for column in pending:
                if column.parent_id is not None and column.parent_id not in copies:
                    later.append(column)
                    continue
                old_pk, parent = column.pk, copies.get(column.parent_id or 0)
                column.pk, column.site_id, column.parent = None, site_id, parent
                column.save()
                copies[old_pk] = column
            if len(later) == len(pending):  # a parent outside the tree: keep them top-level
                for column in later:
                    column.parent_id = None
            pending = later
        ledger_append(
            actor=actor,
            action="portal.columns_copy",
            obj=None,
            organisation=organisation,
            summary={
                "site": site_id,
                "from": source_site_id if own else None,
                "count": len(copies),
            },
        )
    transaction.on_commit(cache_bump)
    return len(copies)


GUIDE_REQUIRED = (
    "classification",
    "how_to_obtain",
    "office_name",
    "address",
    "office_hours",
    "phone",
    "internet_contact",
)
GUIDE_FIELDS = (*GUIDE_REQUIRED, "fax", "postcode")


def guide_clean(values: Mapping[str, object]) -> dict[str, str]:
    """The guide's fields, stripped; every item 条例 art. 12 names is required."""
    cleaned = {name: str(values.get(name) or "").strip() for name in GUIDE_FIELDS}
    missing = [_label(OpennessGuide, name) for name in GUIDE_REQUIRED if not cleaned[name]]
    if missing:
        raise ServiceError(
            "guide_incomplete",
            _("The guide must state (条例 art. 12): %(fields)s.") % {"fields": "、".join(missing)},
        )
    if cleaned["postcode"] and not re.fullmatch(r"\d{6}", cleaned["postcode"]):
        raise ServiceError("invalid_postcode", _("A postcode has six digits."))
    return cleaned


def _label(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    return str(field.verbose_name) if isinstance(field, models.Field) else name


def guide_save(
    *, organisation: Organisation, actor: Actor, values: Mapping[str, object]
) -> OpennessGuide:
    """Create or update the body's 公开指南 (条例 art. 12); saving it unchanged is a no-op."""
    _require_office_of(actor, organisation)
    cleaned = guide_clean(values)
    with transaction.atomic():
        guide = OpennessGuide.objects.select_for_update().filter(organisation=organisation).first()
        if guide is not None and all(getattr(guide, k) == v for k, v in cleaned.items()):
            return guide
        guide = guide or OpennessGuide(organisation=organisation)
        for name, value in cleaned.items():
            setattr(guide, name, value)
        guide.save()
        ledger_append(
            actor=actor,
            action="portal.guide_save",
            obj=guide,
            organisation=organisation,
            summary={"office_name": guide.office_name, "phone": guide.phone},
        )
    transaction.on_commit(cache_bump)
    return guide


SITE_IDENTITY_FIELDS = ("host_name", "site_code", "icp_number", "police_number")
SITE_CODE = re.compile(r"^[0-9A-Za-z]{10}$")


def site_identity_clean(values: Mapping[str, object]) -> dict[str, str]:
    """The footer's fields, stripped; a website identification code has ten characters."""
    cleaned = {name: str(values.get(name) or "").strip() for name in SITE_IDENTITY_FIELDS}
    if cleaned["site_code"] and not SITE_CODE.match(cleaned["site_code"]):
        raise ServiceError(
            "invalid_site_code",
            _("A website identification code has ten letters or digits."),
        )
    if cleaned["police_number"] and not any(ch.isdigit() for ch in cleaned["police_number"]):
        raise ServiceError(
            "invalid_police_number", _("A public security filing number contains its digits.")
        )
    return cleaned


def site_identity_save(
    *, organisation: Organisation, actor: Actor, values: Mapping[str, object]
) -> SiteIdentity:
    """Create or update what the footer states about the website; unchanged is a no-op."""
    _require_office_of(actor, organisation)
    cleaned = site_identity_clean(values)
    with transaction.atomic():
        identity = (
            SiteIdentity.objects.select_for_update().filter(organisation=organisation).first()
        )
        if identity is not None and all(getattr(identity, k) == v for k, v in cleaned.items()):
            return identity
        identity = identity or SiteIdentity(organisation=organisation)
        for name, value in cleaned.items():
            setattr(identity, name, value)
        identity.save()
        ledger_append(
            actor=actor,
            action="portal.site_identity_save",
            obj=identity,
            organisation=organisation,
            summary=cleaned,
        )
    transaction.on_commit(cache_bump)
    return identity
