"""What every proactive service shares: the guarded transition, the ledger, validation."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any

import nh3
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from gongkai.core.access import has_role
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.locking import lock_current, save_if_unchanged
from gongkai.core.models import Organisation, Role
from gongkai.core.services import ledger_append
from gongkai.core.types import Actor
from gongkai.proactive.law import DOCUMENT_NUMBER_BRACKETS, DOCUMENT_NUMBER_PATTERN
from gongkai.proactive.models import IndexSequence, Item
from gongkai.proactive.transitions import (
    DRAFTING_ROLES,
    ORIGINAL_ROLES,
    PUBLISHING_ROLES,
    REDACTING_ROLES,
    check_transition,
)

# Rich text allowed in an item's body; everything else is stripped (nh3 = ammonia).
BODY_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h2", "h3", "h4",
    "blockquote", "table", "thead", "tbody", "tr", "th", "td", "a", "span",
}  # fmt: skip
BODY_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan"}}

# The role sets and the transition check live in ``proactive.transitions``; services import
# them from here too.
__all__ = [
    "DRAFTING_ROLES",
    "ORIGINAL_ROLES",
    "PUBLISHING_ROLES",
    "REDACTING_ROLES",
    "check_transition",
    "item_lock",
    "record",
    "require_role",
    "transition",
]


def require_role(actor: Actor, roles: Iterable[Role], code: str = "not_allowed") -> User:
    """The acting person, refused unless they hold one of ``roles`` (the system never does)."""
    if actor is None or not has_role(actor, *roles):
        raise PermissionDeniedError(code, _("You do not have the right to do this."))
    return actor


def sanitise_body(html: str) -> str:
    return nh3.clean(
        html or "",
        tags=BODY_TAGS,
        attributes=BODY_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def text_to_html(text: str) -> str:
    """Plain text (an imported document) as paragraphs."""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_number_clean(value: str) -> str:
    """Normalise the brackets of a 文号 and validate it (GB/T 9704-2012 7.2.4)."""
    value = (value or "").strip().replace(" ", "").translate(DOCUMENT_NUMBER_BRACKETS)
    if not value:
        return ""
    match = DOCUMENT_NUMBER_PATTERN.match(value)
    this_year = timezone.localdate().year
    if match is None or not 1949 <= int(match["year"]) <= this_year + 1:
        raise ServiceError(
            "invalid_document_number",
            _("The document number %(value)s is not valid; write it like 湛公通〔2017〕12号.")
            % {"value": value},
        )
    return value


def index_number_issue(organisation: Organisation, year: int) -> str:
    """The next 索引号 of ``organisation``'s body for ``year``: credit code/year-sequence.

    Safe under concurrency: the counter row is incremented with an UPDATE … SET last =
    last + 1 (a row lock on PostgreSQL; SQLite serialises writers), never reused because it
    only grows, and ``Item.index_number`` is unique as a last guard.
    """
    body = organisation.body
    if not body.credit_code:
        raise ServiceError(
            "no_credit_code",
            _("%(body)s has no unified social credit code; index numbers need it.")
            % {"body": body.name},
        )
    with transaction.atomic():
        if not IndexSequence.objects.filter(organisation=body, year=year).exists():
            try:
                with transaction.atomic():
                    IndexSequence.objects.create(organisation=body, year=year)
            except IntegrityError:
                pass  # another writer created it first
        IndexSequence.objects.filter(organisation=body, year=year).update(last=F("last") + 1)
        last = IndexSequence.objects.get(organisation=body, year=year).last
    return f"{body.credit_code}/{year}-{last:05d}"


def item_lock(item: Item) -> Item:
    """Inside the service's transaction: the row locked until commit and freshly read, every
    check that follows runs on it (``core.locking``). It remembers the status the caller saw,
    so a transition the current status forbids is refused as "changed meanwhile" when
    another person moved the item since (two staff acting at once)."""
    fresh = lock_current(item, guard=())
    fresh.seen_status = item.status
    return fresh


def transition(item: Item, to: str, *, fields: tuple[str, ...] = ()) -> None:
    """The guarded status change, written only if the row still has the old status."""
    check_transition(item, to)
    old = item.status
    item.status = to
    save_if_unchanged(item, guard={"status": old}, fields=("status", "updated_at", *fields))


def record(item: Item, *, actor: Actor, action: str, summary: dict[str, Any] | None = None) -> None:
    """The ledger entry of one service call (inside its transaction)."""
    ledger_append(
        actor=actor if _is_user(actor) else None,
        action=f"proactive.{action}",
        obj=item,
        organisation=item.organisation,
        summary={"index_number": item.index_number, "status": item.status, **(summary or {})},
    )


def _is_user(actor: Actor) -> bool:
    return actor is not None and getattr(actor, "is_authenticated", False)


def now() -> dt.datetime:
    return timezone.now()
