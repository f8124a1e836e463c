"""Following an application by its tracking code and secret, with failed tries limited.

Failures are counted per client address (``core.clientip``: the citizen behind the
trusted proxies, not the proxy) and per tracking code, each for 15 minutes. The client
count stops one address guessing across codes; the code count stops many addresses
guessing one secret. A citizen whose neighbour behind the same proxy mistypes is not
blocked, and while a code is blocked even its right secret is refused, so the lock means
something.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from gongkai.core.errors import NotFoundError, ServiceError
from gongkai.foi.models import Request
from gongkai.foi.services.intake import request_secret_matches

TRACK_ATTEMPTS_DEFAULT = 10
TRACK_WINDOW_SECONDS = 15 * 60


class TooManyAttemptsError(ServiceError):
    status = 429


def attempts_allowed() -> int:
    return getattr(settings, "GONGKAI_FOI_TRACK_ATTEMPTS", TRACK_ATTEMPTS_DEFAULT)


def _keys(client: str, code: str) -> tuple[str, str]:
    return f"foi-track:client:{client}", f"foi-track:code:{code}"


def _count_failure(key: str) -> None:
    if cache.add(key, 1, TRACK_WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, TRACK_WINDOW_SECONDS)


def _find(code: str, secret: str) -> Request | None:
    request = (
        Request.objects.filter(code=code)
        .select_related("organisation", "reply_clock")
        .prefetch_related("supplements", "fee_notices")
        .first()
    )
    # Checked even when no request has the code, so the time taken tells nothing.
    return request if request_secret_matches(request, secret) else None


def request_track(*, code: str, secret: str, client: str) -> Request:
    """The request ``code`` and ``secret`` open, for the client at address ``client``.

    Raises ``TooManyAttemptsError`` (429) while the client or the code has had too many
    failures, ``NotFoundError`` when code and secret do not match (and counts it).
    """
    code = code.strip().upper()
    keys = _keys(client, code)
    counts = cache.get_many(keys)
    if any((counts.get(key) or 0) >= attempts_allowed() for key in keys):
        raise TooManyAttemptsError(
            "too_many_attempts", _("Too many failed attempts. Please try again in 15 minutes.")
        )
    found = _find(code, secret)
    if found is None:
        for key in keys:
            _count_failure(key)
        raise NotFoundError("not_found", _("No application matches this code and secret."))
    return found
