"""Reading and verifying the ledger."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_noop

from gongkai.core.models import LedgerAnchor, LedgerEntry
from gongkai.core.services.ledger import GENESIS_HASH, digest_of

# What each problem code means, translated where it is shown.
LEDGER_PROBLEMS = {
    "hash": gettext_noop("the entry was changed after it was written"),
    "link": gettext_noop(
        "the entry does not follow the one before (a row was removed or inserted)"
    ),
    "missing": gettext_noop("the entry is missing"),
    "anchor": gettext_noop("the entry differs from the anchored copy"),
    "truncated": gettext_noop("entries recorded by an anchor are gone (the tail was cut off)"),
}


@dataclass
class LedgerCheck:
    ok: bool
    entries: int
    broken_seq: int | None = None
    problem: str = ""


def ledger_verify(anchors: list[tuple[int, str]] | None = None) -> LedgerCheck:
    """Walk the chain; name the first broken entry.

    ``anchors`` are (seq, head hash) pairs, by default the stored daily anchors;
    an exported anchor file can be given to check against a copy kept elsewhere.
    Problems: ``hash`` (a row was edited), ``link`` or ``missing`` (a row was
    deleted or inserted), ``anchor`` (an anchored entry changed), ``truncated``
    (entries after an anchor are gone).
    """
    if anchors is None:
        anchors = list(LedgerAnchor.objects.values_list("seq", "head_hash"))
    anchored = dict(anchors)
    expected_seq, prev_hash, count = 1, GENESIS_HASH, 0
    for entry in LedgerEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected_seq:
            return LedgerCheck(False, count, expected_seq, "missing")
        if entry.prev_hash != prev_hash:
            return LedgerCheck(False, count, entry.seq, "link")
        if digest_of(entry) != entry.entry_hash:
            return LedgerCheck(False, count, entry.seq, "hash")
        if entry.seq in anchored and anchored[entry.seq] != entry.entry_hash:
            return LedgerCheck(False, count, entry.seq, "anchor")
        prev_hash, expected_seq, count = entry.entry_hash, expected_seq + 1, count + 1
    beyond = [seq for seq in anchored if seq >= expected_seq]
    if beyond:
        return LedgerCheck(False, count, expected_seq, "truncated")
    return LedgerCheck(True, count)


def ledger_entries(
    *,
    organisation_ids: list[int] | None = None,
    object_type: str = "",
    object_id: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> QuerySet[LedgerEntry]:
    entries = LedgerEntry.objects.select_related("organisation").order_by("-seq")
    if organisation_ids is not None:
        entries = entries.filter(organisation_id__in=organisation_ids)
    if object_type:
        entries = entries.filter(object_type=object_type)
    if object_id:
        entries = entries.filter(object_id=object_id)
    if start:
        entries = entries.filter(created_at__date__gte=start)
    if end:
        entries = entries.filter(created_at__date__lte=end)
    return entries
