"""The security baseline every later issue inherits."""

import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.hashers import identify_hasher
from django.urls import reverse

from gongkai.core.logging import RedactPersonalData
from gongkai.core.tests.factories import OrganisationFactory, make_staff

pytestmark = pytest.mark.django_db


def test_passwords_are_hashed_with_argon2():
    user = make_staff(OrganisationFactory())
    assert identify_hasher(user.password).algorithm == "argon2"


def test_login_locks_after_repeated_failures(client):
    user = make_staff(OrganisationFactory(), username="locked")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("core:login"), {"username": "locked", "password": "wrong"})
    response = client.post(
        reverse("core:login"), {"username": "locked", "password": "pw-for-tests-1"}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert user.is_active


def test_headers_csp_and_frame_options(client):
    response = client.get(reverse("portal:home"))
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_csrf_is_enforced():
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("core:login"), {"username": "a", "password": "b"})
    assert response.status_code == 403


def test_production_fails_fast_without_a_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update(
        {
            "GONGKAI_PRODUCTION": "1",
            "GONGKAI_HOME": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "gongkai.settings",
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_are_secure(tmp_path):
    env = {
        **os.environ,
        "GONGKAI_PRODUCTION": "1",
        "SECRET_KEY": "x" * 50,
        "GONGKAI_HOME": str(tmp_path),
        "DEBUG": "1",
    }
    code = (
        "import gongkai.settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.stdout.split() == ["False", "True", "True", "True"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("applicant 44080319800101123X called", "applicant 440803********123X called"),
        ("phone 13812345678", "phone 138****5678"),
        ("mail zhang.san@example.com", "mail z***@example.com"),
        ("request GK-2026-000123 received", "request GK-2026-000123 received"),
    ],
)
def test_logs_carry_no_personal_data(message, expected):
    record = logging.LogRecord("x", logging.INFO, __file__, 1, message, None, None)
    RedactPersonalData().filter(record)
    assert record.getMessage() == expected


def test_importing_settings_writes_nothing_and_the_command_makes_var(tmp_path):
    # Issue 15 point 5: settings compute paths only; the entry points make var/ and the
    # development secret key, which later processes then share.
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "GONGKAI_PRODUCTION"}}
    env.update({"GONGKAI_HOME": str(tmp_path), "DJANGO_SETTINGS_MODULE": "gongkai.settings"})
    code = "import gongkai.settings as s; print(s.SECRET_KEY)"
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert first.returncode == 0, first.stderr
    assert list(tmp_path.iterdir()) == []
    command = "from gongkai import cli; cli.main(['check'])"
    done = subprocess.run([sys.executable, "-c", command], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "var" / "static").is_dir()
    key = (tmp_path / "var" / "secret_key").read_text(encoding="utf-8").strip()
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert again.stdout.strip() == key
