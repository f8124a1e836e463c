"""Two-factor sign-in (TOTP through django-otp): who needs it and what a login carries.

The openness office and administrators must use it (they assign cases, see every
applicant's identity data and manage accounts); every other staff member may turn it on,
and once on, it is required at each sign-in. A password alone never opens a session for
someone who needs the second factor: the password step only records a *pending* sign-in
in the session (for a few minutes), and the Django login happens after the code.
"""

from __future__ import annotations

import base64
import io
import time
from typing import Any

import qrcode
import qrcode.image.svg
from django.contrib.auth.models import User
from django.contrib.sessions.backends.base import SessionBase
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from qrcode.constants import ERROR_CORRECT_M

from gongkai.core.access import has_role
from gongkai.core.models import Role
from gongkai.core.types import AnyUser

# Roles that must sign in with a second factor.
REQUIRED_ROLES = (Role.OFFICE, Role.ADMIN)
# Backup codes issued at enrolment (each works once).
BACKUP_CODE_COUNT = 10
# How long a password step waits for its code (seconds).
PENDING_SECONDS = 300

_PENDING = "gongkai_pending_login"


def second_factor_required(user: AnyUser) -> bool:
    return user.is_superuser or has_role(user, *REQUIRED_ROLES)


def second_factor_enrolled(user: AnyUser) -> bool:
    return bool(user_has_device(user, confirmed=True))


def second_factor_due(user: AnyUser) -> bool:
    """Whether signing in needs a code: required by role, or turned on by the user."""
    return second_factor_required(user) or second_factor_enrolled(user)


def pending_start(session: SessionBase, *, user: AnyUser, backend: str, next_url: str) -> None:
    session[_PENDING] = {
        "user": user.pk,
        "backend": backend,
        "next": next_url,
        "at": int(time.time()),
    }


def pending_user(session: SessionBase) -> User | None:
    """The user who passed the password step in this session, if still in time."""
    data = session.get(_PENDING)
    if not data or time.time() - data["at"] > PENDING_SECONDS:
        return None
    return User.objects.filter(pk=data["user"], is_active=True).first()


def pending_data(session: SessionBase) -> dict[str, Any]:
    return session.get(_PENDING) or {}


def pending_clear(session: SessionBase) -> None:
    session.pop(_PENDING, None)


def totp_device(user: AnyUser) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-id").first()


def backup_codes_left(user: AnyUser) -> int:
    device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    return device.token_set.count() if device else 0


def totp_key_text(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    key = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def totp_qr_data_uri(device: TOTPDevice) -> str:
    """The enrolment QR code as an inline SVG (the CSP allows ``data:`` images only)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=8, border=4)
    code.add_data(device.config_url)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def normalise_code(text: str) -> str:
    """Codes as people type them: spaces and dashes dropped, backup codes lower-case."""
    return "".join(ch for ch in text if ch not in " -\u3000").lower()
