"""Periodic jobs, registered by each app's ``periodic.py`` and listed in this one place.

``gongkai sweep`` (the one cron line, e.g. ``15 0 * * * gongkai sweep``) enqueues each job
as its own task (``core.tasks.periodic_job_run``) for the workers, so one failing job
never stops the others and each is retried on its own. Each job must be idempotent, so
running the sweep twice, or late, does no harm. Register with::

    from gongkai.core.periodic import job

    @job(20, _("Send deadline reminders"))
    def send_reminders() -> str: ...
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

_JOBS: list[tuple[int, StrOrPromise, Callable[[], str]]] = []


def job(order: int, name: StrOrPromise) -> Callable[[Callable[[], str]], Callable[[], str]]:
    def decorator(function: Callable[[], str]) -> Callable[[], str]:
        if all(existing is not function for _o, _n, existing in _JOBS):
            _JOBS.append((order, name, function))
        return function

    return decorator


def jobs() -> list[tuple[int, StrOrPromise, Callable[[], str]]]:
    return sorted(_JOBS, key=lambda entry: entry[0])


def job_key(function: Callable[[], str]) -> str:
    """The name a job is queued by: its import path."""
    return f"{function.__module__}.{function.__qualname__}"


def job_by_key(key: str) -> Callable[[], str] | None:
    return next((f for _o, _n, f in _JOBS if job_key(f) == key), None)


@job(90, _("Anchor the ledger head"))
def anchor_ledger() -> str:
    from gongkai.core.services import ledger_anchor

    anchor = ledger_anchor()
    return f"#{anchor.seq} {anchor.head_hash[:16]}…" if anchor else "-"
