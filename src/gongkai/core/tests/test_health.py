"""/healthz: 200 with figures when all is well; 503 naming the failing check."""

import datetime as dt

import pytest
from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from gongkai.core.models import LedgerEntry
from gongkai.core.selectors import health as health_module
from gongkai.core.services import ledger_anchor, ledger_append

pytestmark = pytest.mark.django_db


def test_a_healthy_installation_answers_200(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "queue", "index", "ledger_anchor"}
    assert body["checks"]["queue"] == {
        "ok": True,
        "lag_seconds": 0.0,
        "ready": 0,
        "deferred": 0,
        "running": 0,
        "failed": 0,
    }
    assert body["checks"]["ledger_anchor"] == {"ok": True, "age_hours": None}


def test_a_queue_nobody_works_on_fails_the_check(client):
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {"job": "x"}},
        task_path="gongkai.core.tasks.periodic_job_run",
        backend_name="default",
        run_after=dt.datetime(9999, 1, 1, tzinfo=dt.UTC),
    )
    DBTaskResult.objects.update(enqueued_at=timezone.now() - dt.timedelta(minutes=10))
    response = client.get("/healthz")
    assert response.status_code == 503
    queue = response.json()["checks"]["queue"]
    assert queue["ok"] is False
    assert queue["ready"] == 1
    assert 600 <= queue["lag_seconds"] < 660


def test_a_ledger_not_anchored_for_days_fails_until_anchored(client):
    ledger_append(actor=None, action="test.step")
    LedgerEntry.objects.update(created_at=timezone.now() - dt.timedelta(days=3))
    failing = client.get("/healthz")
    assert failing.status_code == 503
    assert failing.json()["checks"]["ledger_anchor"]["ok"] is False
    assert 71.9 < failing.json()["checks"]["ledger_anchor"]["age_hours"] < 72.1
    ledger_anchor()
    anchored = client.get("/healthz").json()["checks"]["ledger_anchor"]
    assert anchored["ok"] is True
    assert anchored["age_hours"] < 0.1


def test_a_failing_check_is_named_without_details(client, monkeypatch):
    def unreachable():
        raise OperationalError("could not connect to server at 10.0.0.5 as gongkai")

    monkeypatch.setitem(health_module.CHECKS, "index", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["index"] == {"ok": False, "error": "OperationalError"}
    assert response.json()["checks"]["database"]["ok"] is True


def test_a_deleted_search_index_fails_the_check(client, settings, tmp_path):
    import shutil

    from gongkai.search.backends import get_backend, reset_backend

    settings.GONGKAI_SEARCH_BACKEND = "tantivy"
    settings.GONGKAI_SEARCH_DIR = str(tmp_path / "search")
    reset_backend()
    assert client.get("/healthz").json()["checks"]["index"]["ok"] is True
    shutil.rmtree(get_backend().path)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["index"] == {"ok": False, "documents": 0, "pending": 0}
    reset_backend()
