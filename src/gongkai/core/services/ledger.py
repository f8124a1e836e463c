"""Appending to and anchoring the hash-chained ledger (台账)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.utils import timezone

from gongkai.core.models import LedgerAnchor, LedgerEntry, Organisation
from gongkai.core.types import Actor

GENESIS_HASH = "0" * 64
# Any constant works: it only has to be the same for every writer.
_ADVISORY_LOCK_KEY = 7_211_949


def canonical_summary(summary: dict[str, Any] | None) -> dict[str, Any]:
    """The summary as it will read back from the JSON column (dates as strings)."""
    loaded: dict[str, Any] = json.loads(
        json.dumps(summary or {}, cls=DjangoJSONEncoder, ensure_ascii=False)
    )
    return loaded


def entry_digest(
    *,
    seq: int,
    prev_hash: str,
    created_at: dt.datetime,
    actor_id: int | None,
    actor_name: str,
    action: str,
    organisation_id: int | None,
    object_type: str,
    object_id: str,
    object_repr: str,
    summary: dict[str, Any],
) -> str:
    payload = {
        "seq": seq,
        "prev": prev_hash,
        "at": created_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "actor": actor_id,
        "actor_name": actor_name,
        "action": action,
        "organisation": organisation_id,
        "object_type": object_type,
        "object_id": object_id,
        "object_repr": object_repr,
        "summary": summary,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def digest_of(entry: LedgerEntry) -> str:
    return entry_digest(
        seq=entry.seq,
        prev_hash=entry.prev_hash,
        created_at=entry.created_at,
        actor_id=entry.actor_id,
        actor_name=entry.actor_name,
        action=entry.action,
        organisation_id=entry.organisation_id,
        object_type=entry.object_type,
        object_id=entry.object_id,
        object_repr=entry.object_repr,
        summary=entry.summary,
    )


def _lock_head() -> None:
    # SQLite runs transactions in IMMEDIATE mode (settings), which already
    # serialises writers; PostgreSQL needs an explicit lock for the chain head.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_ADVISORY_LOCK_KEY])


def _describe(obj: models.Model | None) -> tuple[str, str, str]:
    if obj is None:
        return "", "", ""
    return obj._meta.label_lower, str(obj.pk), str(obj)[:200]


def _actor_name(actor: Actor) -> str:
    if actor is None:
        return "system"
    profile = getattr(actor, "staff_profile", None)
    return profile.full_name if profile else actor.get_username()


def ledger_append(
    *,
    actor: Actor,
    action: str,
    obj: models.Model | None = None,
    organisation: Organisation | None = None,
    summary: dict[str, Any] | None = None,
) -> LedgerEntry:
    """Append one entry; call inside the transaction that makes the change."""
    with transaction.atomic():
        _lock_head()
        head = LedgerEntry.objects.order_by("-seq").only("seq", "entry_hash").first()
        seq = head.seq + 1 if head else 1
        prev_hash = head.entry_hash if head else GENESIS_HASH
        object_type, object_id, object_repr = _describe(obj)
        fields: dict[str, Any] = {
            "seq": seq,
            "prev_hash": prev_hash,
            "created_at": timezone.now(),
            "actor_id": actor.pk if actor is not None else None,
            "actor_name": _actor_name(actor),
            "action": action,
            "organisation_id": organisation.pk if organisation else None,
            "object_type": object_type,
            "object_id": object_id,
            "object_repr": object_repr,
            "summary": canonical_summary(summary),
        }
        return LedgerEntry.objects.create(entry_hash=entry_digest(**fields), **fields)


def ledger_anchor(*, day: dt.date | None = None) -> LedgerAnchor | None:
    """Record today's head hash (idempotent per day); None while the ledger is empty."""
    day = day or timezone.localdate()
    with transaction.atomic():
        existing = LedgerAnchor.objects.filter(day=day).first()
        head = LedgerEntry.objects.order_by("-seq").first()
        if head is None:
            return existing
        if existing:
            if existing.seq != head.seq:
                existing.seq, existing.head_hash = head.seq, head.entry_hash
                existing.save(update_fields=["seq", "head_hash"])
            return existing
        return LedgerAnchor.objects.create(day=day, seq=head.seq, head_hash=head.entry_hash)
