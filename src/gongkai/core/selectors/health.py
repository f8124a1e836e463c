"""What the health endpoint reports: the database, the queue's lag, the search index and
the age of the ledger's last anchor. Figures only, never personal data."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone


def _database() -> dict[str, Any]:
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}


def _queue() -> dict[str, Any]:
    from gongkai.core.selectors.background import queue_state

    state = queue_state()
    return {
        "ok": state.lag_seconds <= settings.GONGKAI_HEALTH_QUEUE_LAG_SECONDS,
        "lag_seconds": round(state.lag_seconds, 1),
        "ready": state.ready,
        "deferred": state.deferred,
        "running": state.running,
        "failed": state.failed_open,
    }


def _ledger_anchor() -> dict[str, Any]:
    """Hours since the last anchor (or since the first entry, before any anchor): the
    daily sweep anchors the head, so more than the limit means the sweep is not running."""
    from gongkai.core.models import LedgerAnchor, LedgerEntry

    anchor = LedgerAnchor.objects.order_by("-day").values_list("created_at", flat=True).first()
    first = LedgerEntry.objects.order_by("seq").values_list("created_at", flat=True).first()
    since = anchor or first
    if since is None:
        return {"ok": True, "age_hours": None}
    age = (timezone.now() - since) / dt.timedelta(hours=1)
    return {"ok": age <= settings.GONGKAI_HEALTH_ANCHOR_HOURS, "age_hours": round(age, 1)}


CHECKS: dict[str, Callable[[], dict[str, Any]]] = {
    "database": _database,
    "queue": _queue,
    "ledger_anchor": _ledger_anchor,
}


def register_check(name: str, check: Callable[[], dict[str, Any]]) -> None:
    """A check of another app (the search index registers ``index`` from its apps.ready),
    so core does not import the apps built on it. ``check()`` returns {"ok": bool, …}."""
    CHECKS[name] = check


def health() -> dict[str, Any]:
    """Every check; one that raises is reported failed with the kind of error only."""
    results: dict[str, Any] = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception as error:  # the point is to report any failure, not to raise
            results[name] = {"ok": False, "error": type(error).__name__}
            if name == "database":
                connection.close()  # a broken connection must not poison the next check
    ok = all(result["ok"] for result in results.values())
    return {"status": "ok" if ok else "fail", "checks": results}
