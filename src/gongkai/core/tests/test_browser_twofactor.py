"""Browser test: an office member sets up two-factor sign-in at the first sign-in, then
signs in with a code from the app and with a backup code (Debian's chromium)."""

import base64
import time

import pytest
from django_otp.oath import TOTP

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.core.tests.twofactor import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def app_code(key_text: str, *, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the key typed from the page."""
    key = base64.b32decode(key_text.replace(" ", "") + "=" * (-len(key_text.replace(" ", "")) % 8))
    totp = TOTP(key, step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * steps_ahead
    return str(totp.token()).zfill(6)


def password_step(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/workbench/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


def test_office_enrols_and_signs_in_with_both_factors(page, live_server, artifacts_dir):
    make_staff(OrganisationFactory(name="湛江市公安局"), roles=[Role.OFFICE], username="office")
    password_step(page, live_server, "office")
    page.wait_for_url(f"{live_server.url}/workbench/two-factor/")
    assert page.get_by_role("heading", name="设置双因素登录").is_visible()
    qr = page.locator("#two-factor-qr")
    assert qr.is_visible()
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")  # CSP allows it
    key = page.locator("#two-factor-key").inner_text()
    page.screenshot(path=artifacts_dir / "two-factor-enrol.png", full_page=True)
    page.get_by_label("应用显示的验证码").fill(app_code(key))
    page.get_by_role("button", name="确认").click()
    codes = page.locator("#backup-codes code").all_inner_texts()
    assert len(codes) == 10
    page.screenshot(path=artifacts_dir / "two-factor-backup-codes.png", full_page=True)
    page.get_by_role("link", name="我已保存备用验证码，继续").click()
    page.wait_for_url(f"{live_server.url}/workbench/")
    # In the folded 系统管理 group of the menu: there, not necessarily shown.
    assert page.get_by_role("link", name="人员与科室", include_hidden=True).count() == 1

    # Signing in again: the password, then a code the app shows (the next one: the
    # code used at set-up cannot be used twice).
    password_step(page, live_server, "office")
    page.wait_for_url(f"{live_server.url}/workbench/login/code/")
    page.goto(f"{live_server.url}/workbench/ledger/")
    assert "/workbench/login/" in page.url  # the password alone opens nothing
    password_step(page, live_server, "office")
    page.get_by_label("验证码").fill("123")
    page.get_by_role("button", name="验证并登录").click()
    assert page.get_by_text("验证码不正确或已过期").is_visible()
    time.sleep(1.1)  # one wrong code: django-otp makes the next try wait a second
    page.get_by_label("验证码").fill(app_code(key, steps_ahead=1))
    page.get_by_role("button", name="验证并登录").click()
    page.wait_for_url(f"{live_server.url}/workbench/")

    # And with a backup code, which says how many are left.
    password_step(page, live_server, "office")
    page.get_by_label("验证码").fill(codes[0])
    page.get_by_role("button", name="验证并登录").click()
    page.wait_for_url(f"{live_server.url}/workbench/")
    assert page.get_by_text("还剩 9 个").is_visible()
