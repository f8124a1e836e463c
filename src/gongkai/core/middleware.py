"""Session rules for staff: idle sign-out, and no session without the second factor.

``StaffSessionMiddleware`` runs after Django's ``AuthenticationMiddleware`` and replaces
django-otp's ``OTPMiddleware`` (which loads the device on every request). What it decides
is kept in the session and re-checked at most once a minute, so a staff page costs no
extra query: a device removed by a reset, or a role that now requires the second factor,
takes effect within a minute.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.functional import SimpleLazyObject
from django_otp import DEVICE_ID_SESSION_KEY

# Unix time of the last request of a signed-in session (refreshed at most once a minute).
LAST_SEEN = "gongkai_last_seen"
# {"at": unix time, "verified": bool, "ok": bool}: the second-factor decision of the session.
SECOND_FACTOR = "gongkai_second_factor"
# Set after an idle sign-out, so the login page can say why.
EXPIRED = "gongkai_session_expired"
RECHECK_SECONDS = 60


def _anonymous() -> AnonymousUser:
    user = AnonymousUser()
    user.otp_device = None
    user.is_verified = lambda: False
    return user


def second_factor_state(session, user) -> dict:
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
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
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
                request.user = SimpleLazyObject(lambda: _gate(request, user, now))
        return self.get_response(request)


def _gate(request, user, now: int):
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
    user.is_verified = lambda: state["verified"]
    return user


@receiver(user_logged_in)
def _fresh_session_state(sender, request, user, **kwargs):
    """A new sign-in decides afresh (the session key is kept when the same user signs in)."""
    session = getattr(request, "session", None)
    if session is not None:
        session.pop(SECOND_FACTOR, None)
        session[LAST_SEEN] = int(time.time())
