"""Project middleware.

1. Requests whose form fields, JSON body or query string are not valid UTF-8 are refused
   (400).

   Django decodes such bytes to U+FFFD (the replacement character) and carries on, so a
   citizen's letter, a name or an address would be stored silently changed. The raw bytes
   are checked where they are at hand (query string, URL-encoded body); for multipart forms,
   whose fields Django decodes while streaming, a replacement character in a decoded field
   or file name is the sign of bytes that were not UTF-8 (nobody types U+FFFD).

2. Session rules for staff: idle sign-out, and no session without the second factor.

   ``StaffSessionMiddleware`` runs after Django's ``AuthenticationMiddleware`` and replaces
   django-otp's ``OTPMiddleware`` (which loads the device on every request). What it decides
   is kept in the session and re-checked at most once a minute, so a staff page costs no
   extra query: a device removed by a reset, or a role that now requires the second factor,
   takes effect within a minute.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.backends.base import SessionBase
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, JsonResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY

from gongkai.core.types import AnyUser

REPLACEMENT = "\ufffd"
FORM_URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
JSON = "application/json"


def _is_utf8(raw: bytes) -> bool:
    try:
        unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _multipart_is_text(request: HttpRequest) -> bool:
    values = [v for key in request.POST for v in [key, *request.POST.getlist(key)]]
    names = [f.name or "" for key in request.FILES for f in request.FILES.getlist(key)]
    return not any(REPLACEMENT in text for text in [*values, *names])


def has_invalid_text(request: HttpRequest) -> bool:
    query = request.META.get("QUERY_STRING", "")
    # WSGI hands the query string over as latin-1 text (PEP 3333): its bytes are these.
    if query and not _is_utf8(query.encode("latin-1", errors="replace")):
        return True
    if request.method not in ("POST", "PUT", "PATCH"):
        return False
    content_type = request.content_type or ""
    try:
        if content_type == FORM_URLENCODED:
            return not _is_utf8(request.body)
        if content_type == MULTIPART:
            return not _multipart_is_text(request)
        if content_type == JSON:  # JSON is UTF-8 (RFC 8259 section 8.1)
            request.body.decode("utf-8")
    except UnicodeDecodeError:
        return True
    except (RequestDataTooBig, SuspiciousOperation, MultiPartParserError, UnreadablePostError):
        return False  # Django answers these itself when the view reads the form
    return False


class RefuseInvalidTextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not has_invalid_text(request):
            return self.get_response(request)
        message = _(
            "What was sent contains characters that are not valid text (UTF-8) and was "
            "not accepted; nothing was saved. Please type the text again and send it."
        )
        if request.path.startswith("/api/"):
            return JsonResponse({"code": "invalid_text", "message": message}, status=400)
        return render(request, "core/invalid_text.html", {"message": message}, status=400)


# Unix time of the last request of a signed-in session (refreshed at most once a minute).
LAST_SEEN = "gongkai_last_seen"
# {"at": unix time, "verified": bool, "ok": bool}: the second-factor decision of the session.
SECOND_FACTOR = "gongkai_second_factor"
# Set after an idle sign-out, so the login page can say why.
EXPIRED = "gongkai_session_expired"
RECHECK_SECONDS = 60


def _anonymous() -> AnonymousUser:
    user = AnonymousUser()
    # The attributes django-otp's middleware sets (setattr: they are not on the class).
    setattr(user, "otp_device", None)  # noqa: B010
    setattr(user, "is_verified", lambda: False)  # noqa: B010
    return user


def second_factor_state(session: SessionBase, user: AnyUser) -> dict[str, Any]:
    """Decide afresh: is the session's device still the user's, and is a second factor due?"""
    from django_otp.models import Device

    from gongkai.core.twofactor import second_factor_due

    verified = False
    device_id = session.get(DEVICE_ID_SESSION_KEY)
    if device_id:
        device = Device.from_persistent_id(device_id, for_verify=False)
        verified = bool(device and device.user_id == user.pk and device.confirmed)
    ok = verified or not second_factor_due(user)
    return {"at": int(time.time()), "verified": verified, "ok": ok}


class StaffSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        if SESSION_KEY in session:
            now = int(time.time())
            last = session.get(LAST_SEEN)
            if last is not None and now - last > settings.GONGKAI_SESSION_IDLE_MINUTES * 60:
                logout(request)
                request.session[EXPIRED] = True
            else:
                if last is None or now - last >= RECHECK_SECONDS:
                    session[LAST_SEEN] = now
                user = request.user
                request.user = SimpleLazyObject(lambda: _gate(request, user, now))  # type: ignore[assignment]
        return self.get_response(request)


def _gate(request: HttpRequest, user: AnyUser, now: int) -> AnyUser:
    """The signed-in user, or an anonymous one while a due second factor is missing."""
    if not user.is_authenticated:
        return user
    session = request.session
    state = session.get(SECOND_FACTOR)
    if not state or now - state["at"] >= RECHECK_SECONDS:
        state = second_factor_state(session, user)
        session[SECOND_FACTOR] = state
    if not state["ok"]:
        return _anonymous()
    setattr(user, "is_verified", lambda: state["verified"])  # noqa: B010
    return user


@receiver(user_logged_in)
def _fresh_session_state(
    sender: object, request: HttpRequest, user: AnyUser, **kwargs: Any
) -> None:
    """A new sign-in decides afresh (the session key is kept when the same user signs in)."""
    session = getattr(request, "session", None)
    if session is not None:
        session.pop(SECOND_FACTOR, None)
        session[LAST_SEEN] = int(time.time())
