"""Browser test: the office makes a letter on the request page and records its delivery,
on a phone-sized screen (Playwright driving Debian's chromium, headless)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.core.tests.twofactor import browser_login
from gongkai.foi.models import Letter
from gongkai.foi.services import request_register
from gongkai.foi.tests.factories import make_applicant

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_office_makes_a_letter_and_records_its_delivery(
    page,  # noqa: F811
    live_server,
    artifacts_dir,
    settings,
    tmp_path,
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path
    body = OrganisationFactory(name="湛江市公安局")
    office = make_staff(body, roles=[Role.OFFICE], username="office")
    foi = request_register(
        actor=office,
        organisation=body,
        channel="letter",
        applicant=make_applicant(),
        received_on=timezone.localdate() - dt.timedelta(days=2),
    )
    page.set_viewport_size({"width": 375, "height": 740})
    browser_login(page, live_server, "office")
    page.wait_for_url(f"{live_server.url}/workbench/")
    page.goto(f"{live_server.url}/workbench/foi/{foi.pk}/")
    page.get_by_role("button", name="制作受理回执").click()
    letter = Letter.objects.get()
    assert page.locator("#letters").get_by_text(letter.number).is_visible()
    page.locator("#letters summary").click()
    page.locator("#letters").get_by_label("送达日期").fill(timezone.localdate().isoformat())
    page.locator("#letters").get_by_label("送达方式").select_option("post")
    page.locator("#letters").get_by_role("button", name="登记送达").click()
    page.wait_for_selector("text=送达日期：")
    letter.refresh_from_db()
    assert (letter.delivered_on, letter.delivery_method) == (timezone.localdate(), "post")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=str(artifacts_dir / "foi-letters-phone.png"), full_page=True)
