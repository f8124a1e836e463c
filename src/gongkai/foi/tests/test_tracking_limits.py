"""Tracking limits behind a reverse proxy: per client (as the trusted proxy saw it) and per
tracking code, on the tracking page and the API."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from gongkai.core.clientip import parse_networks
from gongkai.foi.models import Request
from gongkai.foi.tests.test_views_public import submit

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.5"
SECRET = "mein-Geheimnis-42"
LIMIT = 3


@pytest.fixture(autouse=True)
def _setup(settings, tmp_path):
    settings.GONGKAI_FOI_FORM_MIN_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path
    settings.GONGKAI_FOI_TRACK_ATTEMPTS = LIMIT
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def codes(body):
    applicant = Client()
    submit(applicant, secret=SECRET)
    submit(applicant, secret=SECRET, description="2024年交通违法处理统计数据")
    return list(Request.objects.order_by("id").values_list("code", flat=True))


def page(client, code, secret, forwarded):
    response = client.post(
        reverse("foi:track"),
        {"code": code, "secret": secret},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )
    return response.status_code


def api(client, code, secret, forwarded):
    response = client.post(
        "/api/v1/foi/status",
        {"code": code, "secret": secret},
        content_type="application/json",
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )
    return response.status_code


@pytest.mark.parametrize("track", [page, api])
def test_behind_a_trusted_proxy_one_guesser_blocks_only_himself(settings, codes, track):
    settings.GONGKAI_TRUSTED_PROXIES = parse_networks("10.0.0.0/8")
    first, second = codes
    guesser, citizen = Client(), Client()
    # The guesser spreads his tries over both codes, so no code reaches the limit.
    assert [track(guesser, c, "guess-000000", "198.51.100.23") for c in (first, second, first)] == [
        404,
        404,
        404,
    ]
    assert track(guesser, second, SECRET, "198.51.100.23") == 429
    # Another citizen behind the same proxy is not affected.
    assert track(citizen, second, SECRET, "203.0.113.7") == 200


@pytest.mark.parametrize("track", [page, api])
def test_without_trusted_proxies_a_forged_header_changes_nothing(settings, codes, track):
    settings.GONGKAI_TRUSTED_PROXIES = ()
    first, second = codes
    guesser = Client()
    tries = [(first, "198.51.100.1"), (second, "198.51.100.2"), (first, "198.51.100.3")]
    assert [track(guesser, c, "guess-000000", f) for c, f in tries] == [404, 404, 404]
    # All came from the proxy's (the peer's) address: a new header does not help.
    assert track(guesser, second, SECRET, "198.51.100.4") == 429


@pytest.mark.parametrize("track", [page, api])
def test_one_code_is_locked_after_guesses_from_many_addresses(settings, codes, track):
    settings.GONGKAI_TRUSTED_PROXIES = parse_networks("10.0.0.0/8")
    first, second = codes
    for n in range(LIMIT):
        assert track(Client(), first, "guess-000000", f"198.51.100.{n}") == 404
    # Even the right secret from a fresh address is refused while the code is locked ...
    assert track(Client(), first, SECRET, "203.0.113.7") == 429
    # ... and only that code is.
    assert track(Client(), second, SECRET, "203.0.113.7") == 200


def test_the_lock_message_is_chinese(settings, codes):
    settings.GONGKAI_TRUSTED_PROXIES = ()
    client = Client()
    for _attempt in range(LIMIT):
        page(client, codes[0], "guess-000000", "")
    response = client.post(reverse("foi:track"), {"code": codes[0], "secret": SECRET})
    assert response.status_code == 429
    assert "尝试次数过多" in response.content.decode()
