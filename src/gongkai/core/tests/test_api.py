"""The JSON API: calendar endpoints, clock explanations, errors, the OpenAPI document."""

import datetime as dt

import pytest

from gongkai.core.clockmath import CHINA
from gongkai.core.models import Role
from gongkai.core.services import clock_start
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff

pytestmark = pytest.mark.django_db


def test_workdays_add(client):
    response = client.get("/api/v1/workdays/add", {"date": "2026-09-30", "n": 3})
    assert response.json() == {"date": "2026-10-10", "provisional": False}


def test_workdays_add_provisional_and_between_and_is(client):
    assert client.get("/api/v1/workdays/add", {"date": "2026-12-25", "n": 10}).json() == {
        "date": "2027-01-08",
        "provisional": True,
    }
    assert client.get(
        "/api/v1/workdays/between", {"start": "2026-09-30", "end": "2026-10-10"}
    ).json() == {"working_days": 3, "provisional": False}
    assert client.get("/api/v1/workdays/is", {"date": "2026-10-03"}).json() == {
        "date": "2026-10-03",
        "kind": "holiday",
        "holiday": "国庆节",
    }


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"date": "2026-02-30", "n": 1}, 400, "invalid_input"),
        ({"date": "2026-02-03", "n": -1}, 400, "negative_n"),
        ({"date": "1970-01-01", "n": 1}, 400, "date_out_of_range"),
    ],
)
def test_bad_input_gets_a_stable_code_and_a_chinese_message(client, params, status, code):
    response = client.get("/api/v1/workdays/add", params)
    assert response.status_code == status
    body = response.json()
    assert body["code"] == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["message"])


def test_clock_detail_is_scoped_and_explains(client):
    body = OrganisationFactory()
    unit, other = UnitFactory(parent=body), UnitFactory(parent=body)
    clock = clock_start(
        actor=None,
        rule="interpretation",
        label="解读",
        organisation=body,
        unit=unit,
        started_at=dt.datetime(2026, 9, 30, 9, tzinfo=CHINA),
    )
    url = f"/api/v1/clocks/{clock.pk}"
    assert client.get(url).status_code == 401
    client.force_login(make_staff(body, units=[other]))
    assert client.get(url).status_code == 404
    client.force_login(make_staff(body, roles=[Role.OFFICE]))
    data = client.get(url).json()
    assert data["due_on"] == "2026-10-10"
    assert [s["code"] for s in data["explanation"]][-1] == "due"
    assert "国庆节" in data["explanation"][1]["text"]


def test_openapi_document_lists_every_operation(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert set(schema["paths"]) >= {
        "/api/v1/workdays/add",
        "/api/v1/workdays/between",
        "/api/v1/workdays/is",
        "/api/v1/clocks/{clock_id}",
    }


def test_a_bearer_token_authenticates_and_a_revoked_one_does_not(client):
    from gongkai.core.services.organisation import api_token_create, api_token_revoke

    body = OrganisationFactory()
    clock = clock_start(
        actor=None,
        rule="foi_reply",
        label="推送",
        organisation=body,
        started_at=dt.datetime(2026, 9, 25, 9, tzinfo=CHINA),
    )
    user = make_staff(body, roles=[Role.OFFICE])
    record, token = api_token_create(actor=None, user=user, name="省级平台")
    url = f"/api/v1/clocks/{clock.pk}"
    assert client.get(url, headers={"Authorization": f"Bearer {token}"}).json()["due_on"] == (
        "2026-10-29"
    )
    assert client.get(url, headers={"Authorization": "Bearer wrong"}).status_code == 401
    api_token_revoke(actor=None, token=record)
    assert client.get(url, headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert record.token_hash != token
