"""The client address behind trusted proxies, and the login lockout keyed on it."""

import os
import subprocess
import sys

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from gongkai.core.clientip import client_address, parse_networks
from gongkai.core.tests.factories import OrganisationFactory, make_staff

PROXY = "10.0.0.5"  # the reverse proxy in front of the site
EDGE = "192.0.2.10"  # a second, outer proxy (CDN or load balancer)

# (trusted proxies, REMOTE_ADDR, X-Forwarded-For, the client address)
CASES = [
    # No proxy configured: the header is a client's word, never believed.
    ((), PROXY, "203.0.113.7", PROXY),
    ((), "203.0.113.9", "", "203.0.113.9"),
    # The peer is a trusted proxy: the address it appended is the client.
    (("10.0.0.0/8",), PROXY, "203.0.113.7", "203.0.113.7"),
    # A client forging the header: only the entry the trusted proxy wrote counts.
    (("10.0.0.0/8",), PROXY, "198.51.100.1, 203.0.113.7", "203.0.113.7"),
    # Two trusted proxies: skip both from the right.
    (("10.0.0.0/8", EDGE), PROXY, f"203.0.113.7, {EDGE}", "203.0.113.7"),
    # The outer proxy is not trusted: its address is as far as the chain can be believed.
    (("10.0.0.0/8",), PROXY, f"203.0.113.7, {EDGE}", EDGE),
    # A peer that is not a trusted proxy: its header is ignored.
    (("10.0.0.0/8",), "203.0.113.66", "203.0.113.7", "203.0.113.66"),
    # Ports, IPv6 brackets, IPv4-mapped IPv6.
    (("10.0.0.0/8",), PROXY, "203.0.113.7:4711", "203.0.113.7"),
    (("10.0.0.0/8",), PROXY, "[2001:db8::1]:443", "2001:db8::1"),
    (("10.0.0.0/8",), "::ffff:10.0.0.5", "203.0.113.7", "203.0.113.7"),
    (("fd00::/8",), "fd00::2", "2001:db8::7", "2001:db8::7"),
    # Garbage where the trusted proxy's entry should be: the proxy, never the garbage.
    (("10.0.0.0/8",), PROXY, "203.0.113.7, not-an-address", PROXY),
    # Only trusted addresses in the chain: the leftmost of them.
    (("10.0.0.0/8",), PROXY, "10.1.1.1", "10.1.1.1"),
]


@pytest.mark.parametrize(("trusted", "remote", "forwarded", "expected"), CASES)
def test_client_address(settings, trusted, remote, forwarded, expected):
    settings.GONGKAI_TRUSTED_PROXIES = parse_networks(",".join(trusted))
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_trusted_proxies_setting_is_parsed_and_checked():
    assert parse_networks(" 10.0.0.5, 172.16.0.0/12 ,") == ("10.0.0.5/32", "172.16.0.0/12")
    with pytest.raises(ValueError):
        parse_networks("10.0.0.0/8, proxy.example.cn")


def _login(client, forwarded, password="wrong"):  # noqa: S107
    return client.post(
        reverse("core:login"),
        {"username": "locked", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.mark.django_db
def test_behind_a_trusted_proxy_a_lockout_is_the_guessers_alone(settings):
    settings.GONGKAI_TRUSTED_PROXIES = parse_networks("10.0.0.0/8")
    make_staff(OrganisationFactory(), username="locked")
    guesser = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(guesser, "198.51.100.23")
    assert _login(guesser, "198.51.100.23", "pw-for-tests-1").status_code == 429
    colleague = Client()
    response = _login(colleague, "203.0.113.7", "pw-for-tests-1")
    assert response.status_code == 302
    assert colleague.session["_auth_user_id"]


@pytest.mark.django_db
def test_a_forged_header_from_an_untrusted_peer_does_not_escape_the_lockout(settings):
    settings.GONGKAI_TRUSTED_PROXIES = ()
    make_staff(OrganisationFactory(), username="locked")
    guesser = Client()
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(guesser, f"198.51.100.{attempt}")  # a new "address" on every try
    response = _login(guesser, "203.0.113.200", "pw-for-tests-1")
    assert response.status_code == 429
    assert "_auth_user_id" not in guesser.session


def test_a_bad_trusted_proxies_setting_stops_the_start(tmp_path):
    env = {
        **os.environ,
        "GONGKAI_HOME": str(tmp_path),
        "GONGKAI_TRUSTED_PROXIES": "10.0.0.0/8,proxy.example.cn",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import gongkai.settings as s"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode != 0
    assert "GONGKAI_TRUSTED_PROXIES" in result.stderr and "proxy.example.cn" in result.stderr
