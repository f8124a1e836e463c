"""Tracking secrets: a salted, slow hash (make_password) for chosen and random secrets alike;
verification through check_password (constant-time), and a throwaway hash when the code
matches nothing, so the answer's timing does not tell whether a code exists."""

from __future__ import annotations

import hashlib

import pytest
from django.contrib.auth.hashers import identify_hasher

from gongkai.foi.services import request_secret_matches
from gongkai.foi.services.intake import hash_secret
from gongkai.foi.services.web import request_submit_online
from gongkai.foi.tests.factories import RequestFactory, make_applicant

pytestmark = pytest.mark.django_db
CHOSEN = "Mein-Code-2026"


def submit(body, key, secret=""):
    return request_submit_online(
        organisation=body, applicant=make_applicant(), idempotency_key=key, secret=secret
    )


def test_argon2_hashes_a_chosen_secret_slowly_with_a_salt(body):
    # This test's name holds "argon2": the project's real hasher runs (see conftest.py).
    first, second = submit(body, "a", CHOSEN), submit(body, "b", CHOSEN)
    hashes = [first.request.secret_hash, second.request.secret_hash]
    assert [identify_hasher(h).algorithm for h in hashes] == ["argon2", "argon2"]
    assert hashes[0] != hashes[1]  # salted: the same secret, two hashes
    assert CHOSEN not in hashes[0]
    assert hashes[0] != hashlib.sha256(CHOSEN.encode()).hexdigest()
    assert request_secret_matches(first.request, CHOSEN) is True
    assert request_secret_matches(first.request, CHOSEN + "x") is False


def test_argon2_hashes_a_random_secret_the_same_way(body):
    submission = submit(body, "r")
    assert identify_hasher(submission.request.secret_hash).algorithm == "argon2"
    assert request_secret_matches(submission.request, submission.secret) is True
    assert request_secret_matches(submission.request, "") is False


@pytest.mark.parametrize(
    ("given", "matches"),
    [(CHOSEN, True), (f"  {CHOSEN} ", True), (CHOSEN.lower(), False), ("", False)],
)
def test_chosen_secret_verification(body, given, matches):
    request = submit(body, "c", CHOSEN).request
    assert request_secret_matches(request, given) is matches


def test_the_field_holds_a_full_hash(body):
    request = submit(body, "w", "x" * 60 + "1a").request
    request.refresh_from_db()
    assert request_secret_matches(request, "x" * 60 + "1a") is True


def test_old_sha256_digests_still_verify():
    secret = "kJ3-random-16-bytes"
    request = RequestFactory(secret_hash=hashlib.sha256(secret.encode()).hexdigest())
    assert request_secret_matches(request, secret) is True
    assert request_secret_matches(request, secret + "x") is False


def count_hashes(monkeypatch) -> list:
    calls = []
    original = hash_secret.__globals__["make_password"]

    def counting(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr("gongkai.foi.services.intake.make_password", counting)
    return calls


@pytest.mark.parametrize("case", ["missing", "legacy"])
def test_a_hash_is_computed_even_without_a_real_check(monkeypatch, case):
    calls = count_hashes(monkeypatch)
    request = None if case == "missing" else RequestFactory(secret_hash="0" * 64)
    assert request_secret_matches(request, CHOSEN) is False
    assert calls == [(CHOSEN,)]


def test_tracking_an_unknown_code_still_hashes(client, body, monkeypatch):
    from django.urls import reverse

    calls = count_hashes(monkeypatch)
    response = client.post(reverse("foi:track"), {"code": "GK-2026-999999", "secret": CHOSEN})
    assert response.status_code == 404
    assert "查询码与查询密码不匹配，未找到相应申请。" in response.content.decode()
    assert calls == [(CHOSEN,)]
