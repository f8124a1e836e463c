"""Answered on time: one definition for every count of "share answered within the limit".

A case is *answered* when its clock stopped (or, for rows without a clock, when its answer
date is set); *on time* when it stopped at or before its due time; *late* when after. A clock
still running, or one without a due time, is neither on time nor late. The yearly report
(reports.generate), the dashboard (reports.selectors.dashboard), the assessment headline,
participation's letter statistics and proactive's interpretation statistics all count with
these expressions, so the same case is on time everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet

from gongkai.core.models import Clock


@dataclass(frozen=True)
class Timeliness:
    answered: int
    on_time: int
    late: int

    @property
    def rate(self) -> float | None:
        return on_time_rate(self.on_time, self.answered)


def answered_q(prefix: str = "", *, done: str = "stopped_at") -> Q:
    """Rows answered: ``prefix`` reaches the clock through a relation (``"reply_clock__"``)."""
    return Q(**{f"{prefix}{done}__isnull": False})


def on_time_q(prefix: str = "", *, done: str = "stopped_at", due: str = "due_at") -> Q:
    return answered_q(prefix, done=done) & Q(**{f"{prefix}{done}__lte": F(f"{prefix}{due}")})


def late_q(prefix: str = "", *, done: str = "stopped_at", due: str = "due_at") -> Q:
    return Q(**{f"{prefix}{done}__gt": F(f"{prefix}{due}")})


def timeliness_counts(
    prefix: str = "", *, done: str = "stopped_at", due: str = "due_at"
) -> dict[str, Count]:
    """``answered``, ``on_time`` and ``late`` as aggregates, for ``aggregate`` or a grouped
    ``annotate`` (per month)."""
    return {
        "answered": Count("pk", filter=answered_q(prefix, done=done)),
        "on_time": Count("pk", filter=on_time_q(prefix, done=done, due=due)),
        "late": Count("pk", filter=late_q(prefix, done=done, due=due)),
    }


def timeliness(queryset: QuerySet[Any], prefix: str = "") -> Timeliness:
    """The counts over clocks, or over cases whose clock ``prefix`` leads to."""
    counts = queryset.aggregate(**timeliness_counts(prefix))
    return Timeliness(answered=counts["answered"], on_time=counts["on_time"], late=counts["late"])


def clock_late(clock: Clock) -> bool:
    """The same test for one clock already in hand (``late_q`` in Python)."""
    return clock.is_overdue_when_stopped


def on_time_rate(on_time: int, answered: int) -> float | None:
    """Per cent answered on time, one decimal; None when nothing was answered."""
    return round(100 * on_time / answered, 1) if answered else None
