"""Computing a yearly report's tables is background work: the office's request only queues
it, the page says it is pending, a worker computes it once, a failure is shown."""

import datetime as dt

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from gongkai.core.models import TaskFailure
from gongkai.reports.models import YearlyReport
from gongkai.reports.services import report_generate_run
from gongkai.reports.tasks import report_generate_run as report_generate_task

from .factories import RepliedRequestFactory

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat
DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def replied(body):
    return RepliedRequestFactory(
        organisation=body, received_on=D("2025-03-03"), replied_on=D("2025-03-20")
    )


def test_the_request_only_queues_the_computation(
    client, body, office, replied, settings, monkeypatch
):
    settings.TASKS = DATABASE_BACKEND
    client.force_login(office)
    response = client.post("/workbench/reports/generate/", {"organisation": body.pk, "year": 2025})
    report = YearlyReport.objects.get()
    assert response.url == f"/workbench/reports/{report.pk}/"
    assert report.generated_at is None and report.tables == {}
    assert report.generation_pending
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY"
    assert queued.task_path == report_generate_task.module_path
    assert queued.args_kwargs["kwargs"] == {"report_id": report.pk, "actor_id": office.pk}
    # Asking again while it is pending queues nothing more.
    client.post(f"/workbench/reports/{report.pk}/regenerate/")
    assert DBTaskResult.objects.count() == 1
    page = client.get(f"/workbench/reports/{report.pk}/").content.decode()
    assert "正在后台计算" in page and 'http-equiv="refresh"' in page

    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    call_command("worker", batch=True, startup_delay=False, recover_every=0, verbosity=0)
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    report.refresh_from_db()
    assert not report.generation_pending
    assert report.tables["section3"]["received"]["total"] == 1
    assert report.prepared_by == office
    page = client.get(f"/workbench/reports/{report.pk}/").content.decode()
    assert "正在后台计算" not in page and 'http-equiv="refresh"' not in page


def test_inline_the_page_shows_the_tables_at_once(client, body, office, replied):
    client.force_login(office)
    client.post("/workbench/reports/generate/", {"organisation": body.pk, "year": 2025})
    report = YearlyReport.objects.get()
    assert not report.generation_pending
    assert report.tables["section3"]["received"]["total"] == 1


def test_a_second_run_changes_nothing(client, body, office, replied):
    client.force_login(office)
    client.post("/workbench/reports/generate/", {"organisation": body.pk, "year": 2025})
    report = YearlyReport.objects.get()
    before = (report.generated_at, report.tables)
    assert report_generate_run(report_id=report.pk, actor_id=office.pk) == "computed before"
    report.refresh_from_db()
    assert (report.generated_at, report.tables) == before


def test_a_failing_computation_is_retried_a_bounded_number_of_times_then_shown(
    client, body, office, replied, monkeypatch
):
    calls = []

    def broken(organisation, year):
        calls.append(year)
        raise OSError("disk full")

    monkeypatch.setattr("gongkai.reports.services.compute_tables", broken)
    client.force_login(office)
    client.post("/workbench/reports/generate/", {"organisation": body.pk, "year": 2025})
    report = YearlyReport.objects.get()
    assert len(calls) == 3  # max_attempts of the task
    failure = TaskFailure.objects.get()
    assert failure.task_path == report_generate_task.module_path
    assert failure.arguments["kwargs"]["report_id"] == report.pk
    page = client.get(f"/workbench/reports/{report.pk}/").content.decode()
    assert "计算失败" in page and 'http-equiv="refresh"' not in page
    assert "/workbench/tasks/" in page

    # Asking again after the failure queues a new computation, which succeeds.
    monkeypatch.undo()
    client.post(f"/workbench/reports/{report.pk}/regenerate/")
    report.refresh_from_db()
    assert not report.generation_pending
    assert report.tables["section3"]["received"]["total"] == 1
    assert "计算失败" not in client.get(f"/workbench/reports/{report.pk}/").content.decode()


def test_a_refusal_is_not_retried(client, body, office, replied, settings, monkeypatch):
    """The person lost the office role before the worker came: another attempt cannot
    help, so the queue records the failure after one attempt and nothing is computed."""
    settings.TASKS = DATABASE_BACKEND
    client.force_login(office)
    client.post("/workbench/reports/generate/", {"organisation": body.pk, "year": 2025})
    office.groups.clear()
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    call_command("worker", batch=True, startup_delay=False, recover_every=0, verbosity=0)
    assert DBTaskResult.objects.get().status == "FAILED"  # one attempt, none queued after
    assert TaskFailure.objects.get().attempts == 1
    report = YearlyReport.objects.get()
    assert report.generated_at is None and report.tables == {}
