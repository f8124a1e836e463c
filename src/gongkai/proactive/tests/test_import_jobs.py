"""Imports asked for on the office's pages run in the background: the request stores the
files and queues a task; the job's page shows the progress and each file's outcome; a
retried task resumes at the first file not done; a finished job is never run again."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.proactive.models import ImportFile, ImportJob, Item, StandardCatalogItem, Status
from gongkai.proactive.services import import_queue
from gongkai.proactive.services.import_jobs import import_run
from gongkai.proactive.tasks import import_run as import_task

from .test_registers import BIRTH, _sheet

pytestmark = pytest.mark.django_db
DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
NOTICE = "关于做好2026年春节期间安全生产工作的通知\n各单位：请做好值班值守。".encode()
REPORT = "2025年政府信息公开工作情况\n本年度共主动公开信息120条。".encode()


def _files():
    return [SimpleUploadedFile("通知.txt", NOTICE), SimpleUploadedFile("报告.txt", REPORT)]


@pytest.fixture
def worker(monkeypatch):
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    return lambda: call_command(
        "worker", batch=True, startup_delay=False, recover_every=0, verbosity=0
    )


def test_the_request_only_queues_the_import(client, handler, settings, worker):
    settings.TASKS = DATABASE_BACKEND
    client.force_login(handler)
    response = client.post(reverse("proactive:import"), {"files": _files(), "section": "policy"})
    job = ImportJob.objects.get()
    assert response.url == reverse("proactive:import_job", args=[job.pk])
    assert (job.status, job.kind, job.created_by) == ("queued", "documents", handler)
    assert [bytes(f.content) for f in job.files.all()] == [NOTICE, REPORT]
    queued = DBTaskResult.objects.get()
    assert (queued.status, queued.task_path) == ("READY", import_task.module_path)
    assert queued.args_kwargs["kwargs"] == {"job_id": job.pk}
    assert Item.objects.count() == 0
    page = client.get(response.url).content.decode()
    assert "正在后台导入：共 2 个文件，已完成 0 个。" in page and 'http-equiv="refresh"' in page

    worker()
    job.refresh_from_db()
    assert job.status == "done" and job.finished_at is not None
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    titles = sorted(Item.objects.filter(status=Status.DRAFT).values_list("title", flat=True))
    assert titles == ["2025年政府信息公开工作情况", "关于做好2026年春节期间安全生产工作的通知"]
    assert all(bytes(f.content) == b"" for f in job.files.all())  # read once, not kept
    page = client.get(response.url).content.decode()
    assert 'http-equiv="refresh"' not in page
    assert page.count("已导入为草稿") == 2


def test_a_retried_import_resumes_at_the_first_file_not_done(handler, body, monkeypatch):
    """The database failed while the second file was imported: the next attempt (inline
    here) imports the second file only; the first draft is not made again."""
    from gongkai.proactive.services import importing

    real = importing.document_import
    calls = []

    def flaky(**kwargs):
        calls.append(kwargs["name"])
        if calls == ["通知.txt", "报告.txt"]:
            raise OSError("database connection lost")
        return real(**kwargs)

    monkeypatch.setattr(importing, "document_import", flaky)
    job = import_queue(
        actor=handler,
        organisation=body,
        kind=ImportJob.Kind.DOCUMENTS,
        files=[("通知.txt", NOTICE), ("报告.txt", REPORT)],
        options={"section": "policy"},
    )
    assert calls == ["通知.txt", "报告.txt", "报告.txt"]
    job.refresh_from_db()
    assert job.status == "done"
    assert Item.objects.count() == 2
    assert LedgerEntry.objects.filter(action="proactive.create").count() == 2
    # A second run of a finished job changes nothing.
    assert import_run(job_id=job.pk) == "done before"
    assert Item.objects.count() == 2


def test_a_refused_file_does_not_stop_the_others(client, handler):
    client.force_login(handler)
    files = [SimpleUploadedFile("空白.txt", b"   "), SimpleUploadedFile("报告.txt", REPORT)]
    page = client.post(
        reverse("proactive:import"), {"files": files, "section": "policy"}, follow=True
    ).content.decode()
    outcomes = list(ImportFile.objects.order_by("position").values_list("result", flat=True))
    assert "error" in outcomes[0] and "item_id" in outcomes[1]
    assert outcomes[0]["error"] in page
    assert Item.objects.count() == 1


def test_the_standard_catalog_is_imported_in_the_background(client, office, body):
    client.force_login(office)
    upload = SimpleUploadedFile("目录.xlsx", _sheet([BIRTH]))
    page = client.post(
        reverse("proactive:standard_catalog"), {"file": upload}, follow=True
    ).content.decode()
    assert "已导入 1 条目录事项。" in page
    assert StandardCatalogItem.objects.filter(organisation=body).count() == 1
    job = ImportJob.objects.get()
    assert (job.kind, job.status, job.rows) == ("catalog", "done", 1)


def test_a_bad_catalog_is_refused_whole_on_the_jobs_page(client, office):
    client.force_login(office)
    bad = list(BIRTH)
    bad[8] = "部分人"  # 公开对象 outside 全社会 / 特定群体
    upload = SimpleUploadedFile("目录.xlsx", _sheet([BIRTH, bad]))
    page = client.post(
        reverse("proactive:standard_catalog"), {"file": upload}, follow=True
    ).content.decode()
    job = ImportJob.objects.get()
    assert job.status == "refused" and "部分人" in job.error
    assert job.error in page
    assert StandardCatalogItem.objects.count() == 0


def test_only_staff_of_the_body_see_an_import(client, handler, body):
    job = import_queue(
        actor=handler,
        organisation=body,
        kind=ImportJob.Kind.DOCUMENTS,
        files=[("报告.txt", REPORT)],
        options={"section": "policy"},
    )
    url = reverse("proactive:import_job", args=[job.pk])
    client.force_login(make_staff(OrganisationFactory(), roles=[Role.OFFICE], username="o2"))
    assert client.get(url).status_code == 404
    client.force_login(handler)
    assert client.get(url).status_code == 200
