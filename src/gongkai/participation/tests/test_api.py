"""The JSON API: public operations, structured errors, staff scoping."""

import json

import pytest

from gongkai.participation.models import Comment, Letter
from gongkai.participation.tests.conftest import counts
from gongkai.participation.tests.factories import ConsultationFactory, ProvisionFactory

pytestmark = pytest.mark.django_db
API = "/api/v1/participation"


def post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_comment_through_the_api(client, body):
    consultation = ConsultationFactory(organisation=body)
    article = ProvisionFactory(consultation=consultation)
    url = f"{API}/consultations/{consultation.pk}/comments"
    response = post(client, url, {"body": "建议细化。", "provision_id": article.pk})
    assert (response.status_code, response.json()["published"]) == (201, True)
    before = counts()
    for data, code in (
        ({"body": ""}, "body_required"),
        ({"body": "<script>x</script>"}, "body_markup"),
        ({"body": "建议细化。", "provision_id": article.pk}, "duplicate_comment"),
        ({"body": "意见", "provision_id": 999999}, "invalid_provision"),
    ):
        response = post(client, url, data)
        assert (response.status_code, response.json()["code"]) == (400, code)
        assert response.json()["message"]
    assert counts() == before
    page = client.get(url).json()
    assert (page["count"], page["results"][0]["body"]) == (1, "建议细化。")
    assert Comment.objects.count() == 1


def test_letter_write_follow_and_errors(client, body):
    data = {
        "category": "consult",
        "subject": "交通违法查询",
        "body": "如何查询交通违法记录？",
        "writer_name": "赵六",
        "writer_phone": "13700000000",
    }
    created = post(client, f"{API}/letters", data)
    assert created.status_code == 201
    receipt = created.json()
    followed = post(
        client, f"{API}/letters/follow", {"code": receipt["code"], "secret": receipt["secret"]}
    )
    assert followed.json()["status"] == "received"
    wrong = post(client, f"{API}/letters/follow", {"code": receipt["code"], "secret": "x"})
    assert (wrong.status_code, wrong.json()["code"]) == (404, "letter_not_found")
    repeated = post(client, f"{API}/letters", data)
    assert (repeated.status_code, repeated.json()["code"]) == (400, "duplicate_letter")
    assert Letter.objects.count() == 1


def test_staff_operations_need_staff(client, body, public_user, office):
    assert client.get(f"{API}/staff/counts?year=2026").status_code == 401
    client.force_login(public_user)
    assert client.get(f"{API}/staff/counts?year=2026").status_code == 404
    client.force_login(office)
    response = client.get(f"{API}/staff/counts?year=2026")
    assert response.json()["press_conferences"] == 0


def test_openapi_lists_the_operations(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {
        f"{API}/consultations/{{pk}}/comments",
        f"{API}/letters",
        f"{API}/letters/follow",
        f"{API}/staff/incidents/overdue",
    } <= set(paths)
