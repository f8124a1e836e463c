"""Periodic jobs, listed in one place.

``gongkai sweep`` runs them all; run it daily from cron or a worker
(e.g. ``15 0 * * * gongkai sweep``). Each job is idempotent, so running the
sweep twice, or late, does no harm.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _

from gongkai.core.services import ledger_anchor


def anchor_ledger() -> str:
    anchor = ledger_anchor()
    return f"#{anchor.seq} {anchor.head_hash[:16]}…" if anchor else "-"


# (name, job); later domains append their sweeps (reminders, overdue lists) here.
JOBS: list[tuple[str, Callable[[], str]]] = [
    (_("Anchor the ledger head"), anchor_ledger),
]
