"""/api/v1/enforcement/: public and read-only; only what the public pages show."""

import datetime as dt

import pytest

from gongkai.enforcement import services
from gongkai.enforcement.tests.factories import make_decision, make_targets

pytestmark = pytest.mark.django_db


def test_bodies_with_officers_and_matters(client, office, agency):
    services.matter_create(actor=office, body=agency, name="户口迁移审批", kind="licensing",
                           basis="《户口登记条例》第十条", steps=["申请", "决定"])  # fmt: skip
    data = client.get("/api/v1/enforcement/bodies").json()
    assert [o["certificate"] for o in data[0]["officers"]] == [
        "44080010231", "44080010232", "44080010475",
    ]  # fmt: skip
    assert set(data[0]["officers"][0]) == {"name", "certificate", "area"}  # no phone, no ID
    assert data[0]["matters"][0]["steps"] == ["申请", "决定"]


def test_decisions_filtered_and_masked(client, office, body, agency):
    published = make_decision(office, body, agency)
    make_decision(office, body, agency, number="湛公行罚决字〔2026〕2号", publish=False)
    data = client.get("/api/v1/enforcement/decisions?kind=penalty&year=2026").json()
    assert data["count"] == 1
    result = data["results"][0]
    assert (result["party"], result["decided_on"], result["status"]) == (
        "王某", "2026-03-16", "published",
    )  # fmt: skip
    assert "王小明" not in str(data)
    assert client.get("/api/v1/enforcement/decisions?kind=levy").status_code == 400
    services.decision_withdraw(actor=office, decision=published, withdrawal="revoked",
                               withdrawn_on=dt.date(2026, 7, 20), reason="撤销")  # fmt: skip
    detail = client.get(f"/api/v1/enforcement/decisions/{published.pk}").json()
    assert (detail["status"], detail["content"], detail["withdrawn_on"]) == (
        "withdrawn", "", "2026-07-20",
    )  # fmt: skip


def test_unknown_decision_is_404_with_the_shared_error(client, office, body, agency):
    draft = make_decision(office, body, agency, publish=False)
    response = client.get(f"/api/v1/enforcement/decisions/{draft.pk}")
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "没有这项执法决定。"}


def test_draws_carry_what_is_needed_to_rerun_them(client, office, body, agency):
    make_targets(office, body)
    draw = services.draw_run(actor=office, organisation=body, title="抽查", category="",
                             target_count=3, seed=42)  # fmt: skip
    data = client.get(f"/api/v1/enforcement/draws/{draw.pk}").json()
    assert (data["seed"], data["target_count"], data["targets_sha256"]) == (
        "42", 3, draw.targets_sha256,
    )  # fmt: skip
    assert data["chosen"] == draw.chosen
    assert client.get("/api/v1/enforcement/draws/999999").status_code == 404


def test_changes(client, office, agency):
    data = client.get("/api/v1/enforcement/changes?limit=2").json()
    assert [(c["subject"], c["action"]) for c in data] == [("officer", "added")] * 2


def test_the_openapi_document_lists_the_router(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/enforcement/decisions", "/api/v1/enforcement/draws/{draw_id}"} <= set(paths)
