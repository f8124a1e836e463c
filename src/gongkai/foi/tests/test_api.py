"""The JSON API under /api/v1/foi/: public submission and status, staff list, detail, actions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import timezone

from gongkai.core.models import LedgerEntry, Role
from gongkai.core.services.organisation import api_token_create
from gongkai.core.tests.factories import UnitFactory, make_staff
from gongkai.foi.models import Remedy, Request, Status
from gongkai.foi.services import request_assign, request_register
from gongkai.foi.tests.conftest import D, snapshot
from gongkai.foi.tests.factories import make_applicant, resident_id

pytestmark = pytest.mark.django_db
BASE = "/api/v1/foi"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def application(**overrides) -> dict:
    data = {
        "applicant_type": "natural_person",
        "name": "王五",
        "id_type": "resident_id",
        "id_number": resident_id("44080219900101123"),
        "phone": "13900000000",
        "description": "湛江市公安局2025年行政处罚案件数量",
        "form": "electronic",
        "delivery": "online",
    }
    data.update(overrides)
    return data


def submit(client, key="key-1", **overrides):
    return client.post(
        f"{BASE}/requests",
        application(**overrides),
        content_type="application/json",
        headers={"Idempotency-Key": key} if key else {},
    )


def bearer(user) -> dict:
    _token, plain = api_token_create(actor=user, user=user, name="test")
    return {"Authorization": f"Bearer {plain}"}


def test_the_openapi_document_lists_every_operation(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    staff = f"{BASE}/staff/requests/{{request_id}}"
    expected = {
        f"{BASE}/requests": {"post"},
        f"{BASE}/status": {"post"},
        f"{BASE}/staff/requests": {"get", "post"},
        staff: {"get"},
        **{
            f"{staff}/{op}": {"post"}
            for op in (
                "confirm",
                "assign",
                "supplement",
                "supplement-received",
                "supplement-lapsed",
                "consult",
                "consult-answered",
                "extend",
                "fee-notice",
                "fee-paid",
                "fee-lapsed",
                "reply",
                "close",
                "remedies",
                "reasons-ask",
                "reasons-decide",
            )
        },
        f"{staff}/remedies/{{remedy_id}}/decide": {"post"},
    }
    found = {path: set(ops) for path, ops in paths.items() if path.startswith(BASE)}
    assert found == expected
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert {"OnlineApplicationIn", "SubmissionOut", "RequestStatusOut", "RequestDetailOut"} <= set(
        schemas
    )


def test_public_submission_is_idempotent(client, body):
    first = submit(client)
    second = submit(client)
    assert first.status_code == 201 and second.status_code == 200
    assert first.json()["code"] == second.json()["code"]
    assert first.json()["secret"] and second.json()["secret"] is None
    assert Request.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "key", "status", "code"),
    [
        ({}, None, 400, "invalid_input"),
        ({"id_number": "440802199001011230"}, "k", 400, "invalid_resident_id"),
        ({"description": "  "}, "k", 400, "description_required"),
        ({"phone": ""}, "k", 400, "contact_required"),
        ({"secret": "weak"}, "k", 400, "invalid_secret"),
        ({"form": "smoke"}, "k", 400, "invalid_input"),
    ],
)
def test_public_submission_refuses_bad_input(client, body, overrides, key, status, code):
    response = submit(client, key=key, **overrides)
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert response.json()["message"]
    assert (Request.objects.count(), LedgerEntry.objects.count()) == (0, 0)


def test_missing_field_is_a_structured_error(client, body):
    data = application()
    del data["name"]
    response = client.post(
        f"{BASE}/requests", data, content_type="application/json", headers={"Idempotency-Key": "k"}
    )
    assert (response.status_code, response.json()["code"]) == (400, "invalid_input")
    assert Request.objects.count() == 0


def test_status_by_code_and_chosen_secret(client, body, office):
    created = submit(client, secret="Mein-Code-2026").json()
    response = client.post(
        f"{BASE}/status",
        {"code": created["code"], "secret": "Mein-Code-2026"},
        content_type="application/json",
    )
    body_ = response.json()
    assert response.status_code == 200
    assert (body_["status"], body_["received_on"], body_["due_on"]) == ("submitted", None, None)
    assert "id_number" not in body_ and "王五" not in str(body_)
    assert [e["type"] for e in body_["events"]] == ["submitted"]


def test_status_guessing_is_limited(client, body, settings):
    settings.GONGKAI_FOI_TRACK_ATTEMPTS = 2
    created = submit(client, secret="Mein-Code-2026").json()
    wrong = {"code": created["code"], "secret": "nope-nope-1"}
    for _attempt in range(2):
        response = client.post(f"{BASE}/status", wrong, content_type="application/json")
        assert (response.status_code, response.json()["code"]) == (404, "not_found")
    right = {"code": created["code"], "secret": "Mein-Code-2026"}
    response = client.post(f"{BASE}/status", right, content_type="application/json")
    assert (response.status_code, response.json()["code"]) == (429, "too_many_attempts")


@pytest.fixture
def foi(body, unit, office, handler):
    request = request_register(
        actor=office,
        organisation=body,
        channel="in_person",
        applicant=make_applicant(),
        received_on=timezone.localdate() - dt.timedelta(days=2),
    )
    return request_assign(request=request, actor=office, unit=unit, handler=handler)


def test_staff_list_is_scoped_and_paginated(client, body, foi, office, handler):
    other = make_staff(body, roles=[Role.HANDLER], units=[UnitFactory(parent=body)])
    assert client.get(f"{BASE}/staff/requests").status_code == 401
    page = client.get(f"{BASE}/staff/requests?page_size=1", headers=bearer(office)).json()
    assert (page["count"], [i["code"] for i in page["items"]]) == (1, [foi.code])
    assert client.get(f"{BASE}/staff/requests", headers=bearer(other)).json()["count"] == 0
    assert client.get(f"{BASE}/staff/requests", headers=bearer(handler)).json()["count"] == 1


def test_staff_detail_is_404_out_of_scope(client, body, foi, office):
    other = make_staff(body, roles=[Role.HANDLER], units=[UnitFactory(parent=body)])
    url = f"{BASE}/staff/requests/{foi.pk}"
    assert client.get(url, headers=bearer(other)).status_code == 404
    assert client.get(f"{BASE}/staff/requests/999999", headers=bearer(office)).status_code == 404
    detail = client.get(url, headers=bearer(office)).json()
    assert (detail["code"], detail["unit_id"], detail["status"]) == (
        foi.code,
        foi.unit_id,
        "received",
    )


def test_the_detail_lists_what_the_caller_may_do(client, body, foi, handler):
    """The actions come from foi.transitions: the same list the request page offers."""
    detail = client.get(f"{BASE}/staff/requests/{foi.pk}", headers=bearer(handler)).json()
    assert detail["actions"] == [
        "assign",
        "supplement",
        "consult",
        "extend",
        "fee_notice",
        "reasons_ask",
        "reply",
    ]
    leader = make_staff(body, roles=[Role.LEADER])
    assert (
        client.get(f"{BASE}/staff/requests/{foi.pk}", headers=bearer(leader)).json()["actions"]
        == []
    )
    replied = post(client, handler, foi, "reply", outcome="granted")
    assert replied.json()["actions"] == ["close", "remedy"]


def test_a_public_user_gets_nothing(client, foi):
    user = get_user_model().objects.create_user("citizen", password="pw-for-tests-1")
    client.force_login(user)
    assert client.get(f"{BASE}/staff/requests").json()["count"] == 0
    before = snapshot(foi)
    response = client.post(
        f"{BASE}/staff/requests/{foi.pk}/reply",
        {"outcome": "granted"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert snapshot(foi) == before


def post(client, user, foi, op, **payload):
    headers = user if isinstance(user, dict) else bearer(user)
    return client.post(
        f"{BASE}/staff/requests/{foi.pk}/{op}",
        payload,
        content_type="application/json",
        headers=headers,
    )


def test_actions_through_the_api(client, foi, office, handler):
    today = timezone.localdate().isoformat()
    assert (
        post(
            client, handler, foi, "supplement", items="写明文号", deadline="2099-01-01"
        ).status_code
        == 200
    )
    assert (
        post(client, handler, foi, "supplement-received", on=today).json()["status"] == "received"
    )
    assert (
        post(
            client, handler, foi, "consult", kind="other_agency", party="湛江市交通运输局"
        ).status_code
        == 200
    )
    assert (
        post(client, handler, foi, "consult-answered", is_silent=False).json()["status"]
        == "received"
    )
    assert (
        post(
            client, handler, foi, "extend", days=5, approved_by_id=office.pk, reason="会商"
        ).json()["status"]
        == "extended"
    )
    reply = post(client, handler, foi, "reply", outcome="partial", legal_basis="第三十七条")
    assert (reply.json()["status"], reply.json()["outcome"]) == ("replied", "partial")
    remedy = post(client, handler, foi, "remedies", kind="litigation_direct", filed_on=today)
    assert remedy.status_code == 201
    decided = client.post(
        f"{BASE}/staff/requests/{foi.pk}/remedies/{remedy.json()['id']}/decide",
        {"result": "corrected", "decided_on": today},
        content_type="application/json",
        headers=bearer(office),
    )
    assert decided.json()["result"] == "corrected"
    assert post(client, office, foi, "close", note="").json()["status"] == "closed"
    assert Remedy.objects.get().result == "corrected"


@pytest.mark.parametrize(
    ("op", "payload", "status", "code"),
    [
        # 条例 art. 33: the head of the openness office approves.
        (
            "extend",
            {"days": 5, "approved_by_id": "HANDLER", "reason": "x"},
            403,
            "approver_not_office",
        ),
        (
            "extend",
            {"days": 25, "approved_by_id": "OFFICE", "reason": "x"},
            400,
            "extension_too_long",
        ),
        ("reply", {"outcome": "withheld.third_party"}, 400, "legal_basis_required"),
        ("reply", {"outcome": "other.no_supplement"}, 400, "invalid_outcome"),
        ("fee-paid", {}, 400, "no_open_fee_notice"),
        ("confirm", {}, 400, "invalid_transition"),
        ("assign", {"unit_id": 999999}, 400, "unit_outside_body"),
    ],
)
def test_refused_actions_change_nothing(client, foi, office, handler, op, payload, status, code):
    people = {"HANDLER": handler.pk, "OFFICE": office.pk}
    payload = {k: people.get(v, v) if isinstance(v, str) else v for k, v in payload.items()}
    headers = bearer(handler)  # the token's own ledger entry comes before the snapshot
    before = snapshot(foi)
    response = post(client, headers, foi, op, **payload)
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert response.json()["message"]
    assert snapshot(foi) == before


def test_staff_register_is_idempotent(client, body, office):
    payload = {**application(), "channel": "fax", "received_on": timezone.localdate().isoformat()}
    headers = {**bearer(office), "Idempotency-Key": "fax-7"}
    first = client.post(
        f"{BASE}/staff/requests", payload, content_type="application/json", headers=headers
    )
    second = client.post(
        f"{BASE}/staff/requests", payload, content_type="application/json", headers=headers
    )
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert Request.objects.get().status == Status.RECEIVED


def test_article_35_through_the_api(client, body, office):
    """Issue 11 point 7: ask for reasons, then refuse them (not handled, 三（五）4)."""
    foi = request_register(
        actor=office,
        organisation=body,
        channel="letter",
        applicant=make_applicant(),
        received_on=D("2026-09-24"),
    )
    headers = bearer(office)
    url = f"{BASE}/staff/requests/{foi.pk}/"
    response = client.post(
        url + "reasons-ask",
        {"grounds": "本月已提交120件申请", "deadline": "2026-10-13", "asked_on": "2026-09-29"},
        content_type="application/json",
        headers=headers,
    )
    assert (response.status_code, response.json()["status"]) == (200, "awaiting_reasons")
    response = client.post(
        url + "reasons-decide",
        {
            "is_reasonable": False,
            "answered_on": "2026-10-12",
            "answer": "无",
            "decided_on": "2026-10-14",
        },
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["outcome"]) == (
        "replied",
        "not_processed.massive",
    )
