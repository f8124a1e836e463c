"""/api/v1/listings/: the public, read-only powers list."""

import datetime as dt

import pytest

from gongkai.listings.law import PowerKind
from gongkai.listings.services import power_update
from gongkai.listings.tests.factories import fields, make_power

pytestmark = pytest.mark.django_db


def test_list_filters_searches_and_pages(client, office, body):
    for n in range(5):
        make_power(office, body, f"GA-XK-{n}", name=f"户籍事项{n}")
    make_power(office, body, "GA-CF-1", name="对饮酒后驾驶机动车的处罚", kind=PowerKind.PENALTY)
    data = client.get("/api/v1/listings/powers?kind=licensing&limit=2&offset=1").json()
    assert data["count"] == 5
    assert [p["code"] for p in data["results"]] == ["GA-XK-1", "GA-XK-2"]
    data = client.get("/api/v1/listings/powers?q=饮酒").json()
    assert [(p["code"], p["kind"], p["kind_label"]) for p in data["results"]] == [
        ("GA-CF-1", "penalty", "行政处罚")
    ]


def test_detail_has_bases_and_versions(client, office, body):
    power = make_power(office, body)
    power_update(actor=office, power=power, fields=fields(remedy="行政复议"),
                 changed_on=dt.date(2026, 9, 1), reason="修订救济途径")  # fmt: skip
    data = client.get(f"/api/v1/listings/powers/{power.pk}").json()
    assert data["bases"] == [{"law": "中华人民共和国户口登记条例", "article": "第十条"}]
    assert (data["in_force"], data["version"], data["changed_on"]) == (True, 2, "2026-09-01")
    assert [(v["number"], v["change"], v["reason"]) for v in data["versions"]] == [
        (2, "changed", "修订救济途径"),
        (1, "added", "首次公布"),
    ]
    assert data["versions"][0]["fields_changed"] == [
        {"field": "remedy", "old": "行政复议或者行政诉讼", "new": "行政复议"}
    ]


def test_missing_power_is_a_404_with_a_code(client, db):
    response = client.get("/api/v1/listings/powers/404")
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "没有该权责事项。"}


def test_the_api_is_read_only_and_documented(client, db):
    assert client.post("/api/v1/listings/powers", {}).status_code == 405
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/listings/powers"]) == {"get"}
    assert set(paths["/api/v1/listings/powers/{power_id}"]) == {"get"}
