"""The assessment API: a unit's tasks, progress through the API, the ranking; refusals."""

import pytest
from django.test import Client

from gongkai.assessment import services
from gongkai.assessment.models import Progress
from gongkai.core.services.organisation import api_token_create

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    _record, plain = api_token_create(actor=user, user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {plain}"})


@pytest.fixture
def plan(office, body, seed_000):
    services.unit_alias_set(actor=office, organisation=body, name="警校", target=None)
    upload = services.plan_import_upload(
        actor=office, organisation=body, title="实施方案", year=2017, file_name="000.txt",
        content=seed_000,
    )  # fmt: skip
    return services.plan_import_apply(actor=office, upload=upload)


def test_a_unit_s_tasks_and_progress(handler, plan, tree):
    client = _client(handler)
    tasks = client.get("/api/v1/assessment/tasks/mine").json()
    # 法制支队 leads tasks 1, 2, 5, 6, 12, 15 and 19.
    assert sorted(t["number"] for t in tasks) == [1, 2, 5, 6, 12, 15, 19]
    task = next(t for t in tasks if t["number"] == 2)
    assert (task["due_on"], task["deadline_text"]) == ("2017-06-30", "2017年6月底前完成")
    response = client.post(
        f"/api/v1/assessment/tasks/{task['id']}/progress",
        {"organisation": tree["法制支队"].pk, "text": "已完成", "completes": True},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["organisation"] == "法制支队"
    refused = client.post(
        f"/api/v1/assessment/tasks/{task['id']}/progress",
        {"organisation": tree["户政科"].pk, "text": "x"},
        content_type="application/json",
    )
    assert refused.status_code == 403
    assert Progress.objects.count() == 1


def test_the_ranking_is_for_the_office_and_leaders(office, handler, body, tree):
    services.rubric_create(actor=office, organisation=body, year=2026, template="yunnan2017")
    rows = _client(office).get("/api/v1/assessment/ranking/2026").json()
    assert len(rows) == 17  # 7 subordinate bodies, then 10 units
    assert [r["kind"] for r in rows[:7]] == ["body"] * 7
    assert _client(handler).get("/api/v1/assessment/ranking/2026").status_code == 403
    assert Client().get("/api/v1/assessment/ranking/2026").status_code == 401
