"""/api/v1/opendata/: the catalog, a dataset's records with keys and limits, requests."""

import pytest

from gongkai.listings.tests.factories import make_power
from gongkai.opendata import services
from gongkai.opendata.models import DataRequest
from gongkai.opendata.tests.conftest import make_dataset

pytestmark = pytest.mark.django_db


def test_list_and_detail(client, office, body):
    services.builtin_datasets_sync()
    make_dataset(office, body)
    data = client.get("/api/v1/opendata/datasets?condition=conditional").json()
    assert data["count"] == 1 and data["results"][0]["slug"] == "police-calls"
    assert data["results"][0]["distributions"][0]["download_url"].endswith(
        "/opendata/police-calls/download.csv"
    )
    detail = client.get("/api/v1/opendata/datasets/powers").json()
    assert detail["builtin"] and [d["format"] for d in detail["distributions"]] == [
        "csv",
        "json",
        "xlsx",
    ]
    assert detail["fields"][0] == {
        "name": "code",
        "title": "编码",
        "type": "string",
        "meaning": "权责事项编码",
    }
    assert client.get("/api/v1/opendata/datasets/nothing").status_code == 404


def test_records_page_by_page_and_counted(client, office, body):
    services.builtin_datasets_sync()
    for n in range(3):
        make_power(office, body, f"GA-XK-00{n}", name=f"户籍事项{n}")
    data = client.get("/api/v1/opendata/datasets/powers/records?limit=2").json()
    assert [r["code"] for r in data["records"]] == ["GA-XK-000", "GA-XK-001"] and data["more"]
    data = client.get("/api/v1/opendata/datasets/powers/records?limit=2&offset=2").json()
    assert [r["code"] for r in data["records"]] == ["GA-XK-002"] and not data["more"]
    detail = client.get("/api/v1/opendata/datasets/powers").json()
    assert detail["downloads"] == 2


def test_records_need_a_granted_key_and_respect_its_limits(client, office, body, settings):
    services.builtin_datasets_sync()
    from gongkai.opendata.models import Dataset

    powers = Dataset.objects.get(source="powers")
    powers.condition = "conditional"
    powers.save()
    url = "/api/v1/opendata/datasets/powers/records"
    response = client.get(url)
    assert response.status_code == 403 and response.json()["code"] == "key_required"
    _key, text = services.api_key_issue(actor=office, holder="数据公司", per_minute=1, per_day=10,
                                        datasets=[powers])  # fmt: skip
    assert client.get(url, HTTP_X_API_KEY=text).status_code == 200
    response = client.get(url, HTTP_X_API_KEY=text)
    assert response.status_code == 429 and response.json()["code"] == "rate_limited"
    assert client.get(url + "?key=wrong").json()["code"] == "invalid_key"


def test_request_a_conditional_dataset(client, office, body):
    make_dataset(office, body)
    response = client.post(
        "/api/v1/opendata/datasets/police-calls/requests",
        {"applicant": "郑海峰", "purpose": "开展社会治安态势课题研究，仅用于学术分析。",
         "email": "zhenghf@example.edu.cn"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 201
    assert "/opendata/requests/" in response.json()["follow_url"]
    assert DataRequest.objects.get().status == "pending"
    response = client.post(
        "/api/v1/opendata/datasets/police-calls/requests",
        {"applicant": "郑海峰", "purpose": "短"}, content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 400 and response.json()["code"] == "missing_purpose"
