"""Test helpers for two-factor sign-in: a device, its current code, a browser login.

``Client.force_login`` stands for a completed sign-in; the root conftest makes it stand
for both factors (``force_login_both_factors``), as a real sign-in of that user would end.
Tests of the sign-in itself post to the login pages instead.
"""

from __future__ import annotations

import time

from django.contrib.auth import get_user_model
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.core.middleware import LAST_SEEN, SECOND_FACTOR
from gongkai.core.twofactor import second_factor_due

PASSWORD = "pw-for-tests-1"


def enrol(user) -> TOTPDevice:
    """A confirmed authenticator for ``user`` (as after the set-up page)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first() or (
        TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    )


def code_now(device: TOTPDevice) -> str:
    """The code an authenticator app shows now for ``device``."""
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(value).zfill(device.digits)


def backup_code(user, token: str) -> str:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": "backup", "confirmed": True}
    )
    StaticToken.objects.create(device=device, token=token)
    return token


def force_login_both_factors(client, user, original, backend=None) -> None:
    original(client, user, backend)
    session = client.session
    verified = False
    if second_factor_due(user):
        session[DEVICE_ID_SESSION_KEY] = enrol(user).persistent_id
        verified = True
    session[SECOND_FACTOR] = {"at": int(time.time()), "verified": verified, "ok": True}
    session[LAST_SEEN] = int(time.time())
    session.save()


def browser_login(page, live_server, username: str, password: str = PASSWORD) -> None:
    """Sign in through the pages; set up the authenticator when the role requires it."""
    page.goto(f"{live_server.url}/workbench/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()
    user = get_user_model().objects.get(username=username)
    if "/workbench/two-factor/" in page.url:
        device = TOTPDevice.objects.get(user=user, confirmed=False)
        page.get_by_label("应用显示的验证码").fill(code_now(device))
        page.get_by_role("button", name="确认").click()
        page.get_by_role("link", name="我已保存备用验证码，继续").click()
    elif "/workbench/login/code/" in page.url:
        page.get_by_label("验证码").fill(backup_code(user, f"{user.pk:04d}wxyz"[-8:]))
        page.get_by_role("button", name="验证并登录").click()
    page.wait_for_url(f"{live_server.url}/workbench/**")
