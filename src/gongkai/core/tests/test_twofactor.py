"""Two-factor sign-in: required for the office and administrators, on request for others.

Sign-in goes through the real pages here (``client.post``), never ``force_login``.
"""

import time
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.db import connection
from django.http import HttpRequest
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.core.middleware import LAST_SEEN, SECOND_FACTOR
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.services.accounts import two_factor_reset
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.core.tests.twofactor import PASSWORD, backup_code, code_now, enrol
from gongkai.core.twofactor import PENDING_SECONDS

pytestmark = pytest.mark.django_db

LOGIN = "/workbench/login/"
CODE = "/workbench/login/code/"
ENROL = "/workbench/two-factor/"
WORKBENCH = "/workbench/"


@pytest.fixture
def body():
    return OrganisationFactory(name="湛江市公安局")


def password_step(client, username, next_url=""):
    data = {"username": username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(LOGIN, data)


def signed_in(client) -> bool:
    return client.get(WORKBENCH).status_code == 200


@pytest.mark.parametrize(
    ("roles", "required"),
    [
        ([Role.OFFICE], True),
        ([Role.ADMIN], True),
        ([Role.HANDLER, Role.OFFICE], True),
        ([Role.HANDLER], False),
        ([Role.REVIEWER], False),
        ([Role.LEADER], False),
    ],
)
def test_who_must_use_the_second_factor(body, roles, required):
    make_staff(body, roles=roles, username="u")
    client = Client()
    response = password_step(client, "u")
    if required:
        assert response.status_code == 302 and response.url == ENROL
        assert not signed_in(client)
    else:
        assert response.status_code == 302 and response.url == WORKBENCH
        assert signed_in(client)


def test_office_enrols_at_first_sign_in_and_then_needs_a_code(body):
    office = make_staff(body, roles=[Role.OFFICE], username="office")
    client = Client()
    password_step(client, "office", next_url="/workbench/ledger/")
    page = client.get(ENROL)
    assert page.status_code == 200
    text = page.content.decode()
    assert "data:image/svg+xml;base64," in text and "设置双因素登录" in text
    assert "no-store" in page["Cache-Control"]  # the key is on the page
    device = TOTPDevice.objects.get(user=office, confirmed=False)
    # A reload shows the same key (the same unconfirmed device).
    client.get(ENROL)
    assert TOTPDevice.objects.filter(user=office).count() == 1
    wrong = client.post(ENROL, {"code": "000000" if code_now(device) != "000000" else "111111"})
    assert "验证码不正确" in wrong.content.decode()
    assert not signed_in(client)
    # Each wrong code doubles the wait before the next try (django-otp throttling).
    too_soon = client.post(ENROL, {"code": code_now(device)})
    assert "错误次数过多" in too_soon.content.decode()
    time.sleep(1.1)
    done = client.post(ENROL, {"code": code_now(device)})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert "no-store" in done["Cache-Control"]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert done.context["target"] == "/workbench/ledger/"
    assert signed_in(client)
    device.refresh_from_db()
    assert device.confirmed
    assert StaticToken.objects.filter(device__user=office).count() == 10
    entry = LedgerEntry.objects.get(action="staff.two_factor_enrol")
    assert entry.actor_id == office.pk

    # The next sign-in asks for a code; the password alone opens nothing.
    again = Client()
    assert password_step(again, "office").url == CODE
    assert not signed_in(again)
    assert again.get("/workbench/ledger/").status_code == 302
    # Enrolling a new device is not a way around the code.
    assert again.get(ENROL).status_code == 302
    assert TOTPDevice.objects.filter(user=office).count() == 1
    # A backup code works once.
    response = again.post(CODE, {"code": codes[0].upper()})
    assert response.status_code == 302 and response.url == WORKBENCH
    assert signed_in(again)
    third = Client()
    password_step(third, "office")
    assert third.post(CODE, {"code": codes[0]}).status_code == 200
    assert not signed_in(third)


def test_a_totp_code_signs_in_once(body):
    office = make_staff(body, roles=[Role.OFFICE], username="office")
    device = enrol(office)
    client = Client()
    password_step(client, "office")
    code = code_now(device)
    assert client.post(CODE, {"code": code}).status_code == 302
    assert signed_in(client)
    # The same code cannot be replayed in another session.
    other = Client()
    password_step(other, "office")
    assert other.post(CODE, {"code": code}).status_code == 200
    assert not signed_in(other)


def test_the_code_step_expires(body, monkeypatch):
    office = make_staff(body, roles=[Role.OFFICE], username="office")
    device = enrol(office)
    client = Client()
    password_step(client, "office")
    later = time.time() + PENDING_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)
    response = client.post(CODE, {"code": code_now(device)})
    assert response.status_code == 302 and response.url == LOGIN


def test_wrong_password_never_reaches_the_code_step(body):
    office = make_staff(body, roles=[Role.OFFICE], username="office")
    enrol(office)
    client = Client()
    response = client.post(LOGIN, {"username": "office", "password": "wrong-password-1"})
    assert response.status_code == 200
    assert client.get(CODE).status_code == 302


def test_a_handler_may_turn_it_on_and_then_needs_it(body):
    handler = make_staff(body, roles=[Role.HANDLER], username="h")
    client = Client()
    password_step(client, "h")
    assert client.get(reverse("core:account")).status_code == 200
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=handler)
    done = client.post(ENROL, {"code": code_now(device)})
    assert done.status_code == 200 and len(done.context["codes"]) == 10
    assert signed_in(client)
    fresh = Client()
    assert password_step(fresh, "h").url == CODE
    assert not signed_in(fresh)


def test_backup_codes_renewed_cancel_the_old_ones(body):
    office = make_staff(body, roles=[Role.OFFICE], username="office")
    enrol(office)
    old = backup_code(office, "oldcode1")
    client = Client()
    client.force_login(office)
    response = client.post(reverse("core:backup_codes_renew"))
    assert response.status_code == 200
    new = response.context["codes"]
    assert old not in new
    assert not StaticToken.objects.filter(token=old).exists()
    assert StaticToken.objects.filter(device__user=office).count() == 10
    assert LedgerEntry.objects.filter(action="staff.backup_codes").count() == 1


def test_a_session_without_the_second_factor_is_anonymous(body):
    """A session from before the role required it, or made with the password alone."""
    office = make_staff(body, roles=[Role.OFFICE], username="office")
    engine = import_module(settings.SESSION_ENGINE)
    request = HttpRequest()
    request.session = engine.SessionStore()
    login(request, office, "django.contrib.auth.backends.ModelBackend")
    request.session.save()
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = request.session.session_key
    response = client.get(WORKBENCH)
    assert response.status_code == 302 and response.url.startswith(LOGIN)
    assert client.get("/api/v1/foi/staff/requests").status_code == 401
    assert client.get("/admin/").status_code == 302


def test_a_reset_device_ends_the_verified_session_within_a_minute(body, monkeypatch):
    office = make_staff(body, roles=[Role.OFFICE], username="office")
    admin = make_staff(body, roles=[Role.ADMIN], username="admin")
    client = Client()
    client.force_login(office)
    assert signed_in(client)
    two_factor_reset(actor=admin, profile=office.staff_profile)
    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)
    assert not signed_in(client)


def test_idle_sessions_end(body, settings, monkeypatch):
    settings.GONGKAI_SESSION_IDLE_MINUTES = 30
    make_staff(body, roles=[Role.HANDLER], username="h")
    client = Client()
    password_step(client, "h")
    assert signed_in(client)
    session = client.session
    assert session[LAST_SEEN] <= time.time()
    later = time.time() + 29 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert signed_in(client)  # 29 minutes idle: still in; the clock restarts
    much_later = later + 31 * 60
    monkeypatch.setattr(time, "time", lambda: much_later)
    response = client.get(WORKBENCH)
    assert response.status_code == 302
    login_page = client.get(response.url)
    assert "长时间未操作" in login_page.content.decode()


@pytest.mark.parametrize("role", [Role.OFFICE, Role.HANDLER])
def test_the_gate_costs_no_query_per_request(body, role, settings):
    """The gate keeps its decision in the session (re-checked once a minute): a staff page
    makes the same queries with and without it."""
    user = make_staff(body, roles=[role], username="u")
    client = Client()
    client.force_login(user)
    assert client.session[SECOND_FACTOR]["verified"] is (role == Role.OFFICE)
    client.get(reverse("core:workdays"))

    def queries(client) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("core:workdays")).status_code == 200
        return len(captured)

    with_gate = queries(client)
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if m != "gongkai.core.middleware.StaffSessionMiddleware"
    ]
    without = Client()  # a client loads the middleware once, when first used
    without.cookies = client.cookies
    assert queries(without) == with_gate


def test_deactivated_accounts_cannot_sign_in(body):
    user = make_staff(body, roles=[Role.HANDLER], username="h")
    user.is_active = False
    user.save()
    client = Client()
    assert password_step(client, "h").status_code == 200
    assert not signed_in(client)


def test_admin_site_signs_in_through_the_workbench():
    response = Client().get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url == "/workbench/login/?next=%2Fadmin%2F"


def test_devices_are_not_edited_in_the_admin(admin_client):
    """Devices are set up and reset in the workbench, where the ledger records it."""
    assert admin_client.get("/admin/").status_code == 200
    assert admin_client.get("/admin/otp_totp/totpdevice/").status_code == 404
    assert admin_client.get("/admin/otp_static/staticdevice/").status_code == 404


def test_the_operator_resets_a_locked_out_administrator_from_the_command_line(body):
    from io import StringIO

    from django.core.management import call_command

    root = get_user_model().objects.create_superuser("root", password=PASSWORD)
    enrol(root)
    out = StringIO()
    call_command("twofactor", "status", "root", stdout=out)
    assert out.getvalue().strip() == "root：双因素登录已开启，必须开启；剩余备用验证码 0 个。"
    call_command("twofactor", "reset", "root", stdout=StringIO())
    assert not TOTPDevice.objects.filter(user=root).exists()
    entry = LedgerEntry.objects.get(action="staff.two_factor_reset")
    assert (entry.actor_id, entry.summary) == (None, {"username": "root"})
    client = Client()
    assert password_step(client, "root").url == ENROL  # sets it up again at sign-in
