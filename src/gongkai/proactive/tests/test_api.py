"""The JSON API: public reads, staff writes with structured errors."""

import pytest

from gongkai.proactive.models import Item
from gongkai.proactive.tests.factories import published

pytestmark = pytest.mark.django_db
API = "/api/v1/proactive"


def test_public_reads(client, handler, reviewer, leader, office, body):
    item = published(handler, reviewer, leader, office)
    listed = client.get(f"{API}/items").json()
    assert [(i["id"], i["index_number"], i["withdrawn"]) for i in listed] == [
        (item.pk, item.index_number, False)
    ]
    detail = client.get(f"{API}/items/{item.pk}").json()
    assert detail["body"] == "<p>自2026年起，户籍业务可在网上办理。</p>"
    missing = client.get(f"{API}/items/999999")
    assert (missing.status_code, missing.json()["code"]) == (404, "not_found")
    assert [r["name"] for r in client.get(f"{API}/catalog").json()] == ["关于户籍业务办理的通知"]


def test_staff_writes_with_structured_errors(client, handler, body):
    payload = {"title": "通知", "section": "business", "document_number": "湛公通2017年12号"}
    assert client.post(f"{API}/drafts", payload, content_type="application/json").status_code == 401
    client.force_login(handler)
    bad = client.post(f"{API}/drafts", payload, content_type="application/json")
    assert (bad.status_code, bad.json()["code"]) == (400, "invalid_document_number")
    assert Item.objects.count() == 0
    payload.update(
        document_number="湛公通〔2017〕12号", idempotency_key="api-1", body="<p>正文</p>"
    )
    first = client.post(f"{API}/drafts", payload, content_type="application/json")
    again = client.post(f"{API}/drafts", payload, content_type="application/json")
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    submitted = client.post(f"{API}/items/{first.json()['id']}/submit")
    assert submitted.json()["status"] == "in_review"
    refused = client.post(
        f"{API}/items/{first.json()['id']}/review",
        {"approve": True},
        content_type="application/json",
    )
    assert (refused.status_code, refused.json()["code"]) == (403, "not_your_step")


def test_normative_counts_need_staff(client, office, body):
    url = f"{API}/normative/counts?organisation={body.pk}&year=2024"
    assert client.get(url).status_code == 401
    client.force_login(office)
    assert client.get(url).json() == {
        "regulation": {"made": 0, "repealed": 0, "in_force": 0},
        "normative": {"made": 0, "repealed": 0, "in_force": 0},
    }
