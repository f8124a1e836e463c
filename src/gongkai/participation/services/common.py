"""What every participation service shares: role checks, guarded transitions, the ledger."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any, TypeAlias, TypeVar

from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.access import has_role
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.locking import changed_meanwhile, lock_in_place, save_if_unchanged
from gongkai.core.services import ledger_append
from gongkai.core.types import Actor
from gongkai.participation.models import (
    Comment,
    Consultation,
    Incident,
    Letter,
    LetterCategory,
    ModerationWord,
    PressConference,
    Proposal,
)
from gongkai.participation.transitions import OFFICE, STAFF, Table

# The rows whose status the services move (and lock while they do).
Moved = TypeVar("Moved", Consultation, Letter, Proposal, Incident, Comment)
# The rows a ledger entry is about: each belongs to a public body.
Recorded: TypeAlias = (
    Consultation | Letter | Proposal | Incident | LetterCategory | ModerationWord | PressConference
)

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|javascript\s*:", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def require_staff(actor: Actor, *, allow_system: bool = False) -> None:
    """Participation work needs the openness office, a handling unit or an administrator."""
    if actor is None and allow_system:
        return
    if actor is None or not has_role(actor, *STAFF):
        raise PermissionDeniedError("staff_only", _("Only openness staff can do this."))


def require_office(actor: Actor) -> None:
    if actor is None or not has_role(actor, *OFFICE):
        raise PermissionDeniedError("office_only", _("Only the openness office can do this."))


def lock(obj: Moved) -> Moved:
    """Inside the service's transaction: lock ``obj``'s row until commit and refresh ``obj``
    from it, so every check that follows sees the current state (``core.locking``). The
    status the caller saw is remembered: a transition refused because another person moved
    the object meanwhile says so."""
    seen = obj.status
    lock_in_place(obj, guard=())
    setattr(obj, "seen_status", seen)  # noqa: B010 (not a field: read by check_transition)
    return obj


def check_transition(table: Table, obj: Moved, to: str) -> None:
    if to not in table[obj.status]:
        if getattr(obj, "seen_status", obj.status) != obj.status:
            raise changed_meanwhile(obj)
        raise ServiceError(
            "invalid_transition",
            _("“%(object)s” cannot go from “%(from)s” to “%(to)s”.")
            % {
                "object": str(obj)[:60],
                "from": obj.get_status_display(),
                "to": type(obj).Status(to).label,
            },
        )


def move(table: Table, obj: Moved, to: str, fields: tuple[str, ...] = ()) -> None:
    """The guarded status change, written only if the row still has the old status."""
    check_transition(table, obj, to)
    old = obj.status
    obj.status = to
    save_if_unchanged(obj, guard={"status": old}, fields=("status", *fields))


def record(
    *, actor: Actor, action: str, obj: Recorded, summary: dict[str, Any] | None = None
) -> None:
    """The ledger entry of one service call (inside its transaction)."""
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    ledger_append(
        actor=user,
        action=f"participation.{action}",
        obj=obj,
        organisation=obj.organisation,
        summary=summary or {},
    )


def clean_text(value: str | None, *, field: str, label: str, max_chars: int) -> str:
    """Stripped text, refused when empty, too long, or carrying markup or script."""
    text = (value or "").strip()
    if not text:
        raise ServiceError(f"{field}_required", _("Please fill in %(field)s.") % {"field": label})
    if len(text) > max_chars:
        raise ServiceError(
            f"{field}_too_long",
            _("%(field)s is too long: at most %(max)d characters, you wrote %(n)d.")
            % {"field": label, "max": max_chars, "n": len(text)},
        )
    if _TAG.search(text):
        raise ServiceError(
            f"{field}_markup",
            _("%(field)s cannot contain HTML tags or scripts; please write plain text.")
            % {"field": label},
        )
    return text


def fingerprint(*parts: object) -> str:
    """A hash of normalised text (whitespace removed, case folded) for duplicate detection."""
    normal = "\x1f".join(_SPACE.sub("", str(p)).casefold() for p in parts)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def now() -> dt.datetime:
    return timezone.now()


def today() -> dt.date:
    return timezone.localdate()


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    import calendar

    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def mask_name(name: str) -> str:
    """Keep the first character of a name, e.g. 张三丰 → 张**."""
    name = name.strip()
    return name[:1] + "*" * max(len(name) - 1, 1) if name else ""
