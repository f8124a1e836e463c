"""Single sign-on across the sites of one platform: with GONGKAI_COOKIE_DOMAIN the session
cookie is the parent domain's, so staff who sign in on the platform's host are signed in on
every body's site under it; signing out anywhere signs out everywhere."""

import pytest
from django.test import Client

from gongkai.sites.selectors import forget_sites
from gongkai.sites.services import site_create

pytestmark = pytest.mark.django_db

WORKBENCH = "/workbench/"


@pytest.fixture
def platform(police, town, two_sites):
    site_create(
        actor=None,
        organisation=police.org,
        name="湛江市政务公开平台",
        host="zw.example.cn",
        is_platform=True,
    )
    forget_sites()


def _sign_in(client: Client, user, host: str):
    # A drafting handler: the office and administrators sign in with a second factor too.
    return client.post(
        "/workbench/login/",
        {"username": user.username, "password": "pw-for-tests-1"},
        headers={"host": host},
    )


def test_one_sign_in_on_the_platform_serves_every_site(settings, platform, town):
    settings.SESSION_COOKIE_DOMAIN = settings.CSRF_COOKIE_DOMAIN = ".example.cn"
    browser = Client()
    response = _sign_in(browser, town.handler, "zw.example.cn")
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["domain"] == ".example.cn"  # the browser sends it to every site below
    for host, path in (("www.example.cn", "/xsq" + WORKBENCH), ("gaj.example.cn", WORKBENCH)):
        assert browser.get(path, headers={"host": host}).status_code == 200, host
    # Signing out on one site ends the one session: every site asks for a sign-in again.
    browser.post("/xsq/workbench/logout/", headers={"host": "www.example.cn"})
    response = browser.get(WORKBENCH, headers={"host": "zw.example.cn"})
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_without_a_cookie_domain_each_host_keeps_its_own(settings, platform, town):
    assert settings.SESSION_COOKIE_DOMAIN is None
    response = _sign_in(Client(), town.handler, "zw.example.cn")
    assert response.cookies[settings.SESSION_COOKIE_NAME]["domain"] == ""  # host-only
