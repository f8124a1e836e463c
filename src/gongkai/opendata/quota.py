"""Rate limits and daily quotas of downloads and API reads, counted in the shared cache.

The same counting as the application tracker's failed tries (``foi.services.tracking``):
``cache.add`` then ``cache.incr`` on a key that expires with its window, so every web
worker sees the same counts (settings.CACHES "default" is shared). A key counts against
its own limits; a caller without a key against the anonymous limits of its address
(``core.clientip``: the citizen behind the trusted proxies).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from gongkai.core.cache import cache_count
from gongkai.core.errors import ServiceError
from gongkai.core.readroute import primary_reads

ANONYMOUS_PER_MINUTE = 30
ANONYMOUS_PER_DAY = 1000
KEY_PER_MINUTE = 120
KEY_PER_DAY = 20000


class QuotaExceededError(ServiceError):
    status = 429


def anonymous_limits() -> tuple[int, int]:
    return (
        getattr(settings, "GONGKAI_OPENDATA_ANONYMOUS_PER_MINUTE", ANONYMOUS_PER_MINUTE),
        getattr(settings, "GONGKAI_OPENDATA_ANONYMOUS_PER_DAY", ANONYMOUS_PER_DAY),
    )


def _windows(subject: str, now: float) -> tuple[str, str]:
    minute, day = int(now // 60), int((now + 8 * 3600) // 86400)  # days in China time
    return f"opendata:rate:{subject}:m{minute}", f"opendata:rate:{subject}:d{day}"


def usage(subject: str, *, now: float | None = None) -> tuple[int, int]:
    """(this minute's, today's) count of ``subject`` ("key:12" or "ip:203.0.113.5")."""
    keys = _windows(subject, time.time() if now is None else now)
    with primary_reads():  # the counts as written, not as a read replica has them yet
        counts = cache.get_many(keys)
    return counts.get(keys[0], 0), counts.get(keys[1], 0)


def take(subject: str, *, per_minute: int, per_day: int, now: float | None = None) -> None:
    """Count one request of ``subject``; refuse it (429, nothing counted) over a limit."""
    minute_key, day_key = _windows(subject, time.time() if now is None else now)
    with primary_reads():
        counts = cache.get_many([minute_key, day_key])
    if counts.get(day_key, 0) >= per_day:
        raise QuotaExceededError(
            "daily_quota_exceeded",
            _("The daily quota of %(limit)d downloads is used up. Please try again tomorrow.")
            % {"limit": per_day},
        )
    if counts.get(minute_key, 0) >= per_minute:
        raise QuotaExceededError(
            "rate_limited",
            _("More than %(limit)d downloads in a minute. Please wait a moment.")
            % {"limit": per_minute},
        )
    cache_count(minute_key, 120)
    cache_count(day_key, 2 * 86400)
