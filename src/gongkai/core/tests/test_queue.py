"""The queue: bounded retries with backoff, lost workers, idempotent delivery, the sweep,
and the office's page of failed tasks with its retry button."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from gongkai.core import periodic
from gongkai.core.models import LedgerEntry, OutgoingMessage, Role, TaskFailure
from gongkai.core.queue import (
    ATTEMPT,
    background,
    backoff,
    enqueue,
    policy,
    tasks_recover_stalled,
)
from gongkai.core.services.background import messages_queue, task_failure_retry
from gongkai.core.tasks import message_send, periodic_job_run
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.foi.models import SmsMessage

pytestmark = pytest.mark.django_db

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
CALLS: list[int] = []


@background(label=_("Test task"), max_attempts=3, backoff_seconds=10, timeout_seconds=60)
def flaky(fail_times: int) -> str:
    """Fails its first ``fail_times`` runs (counted in CALLS)."""
    CALLS.append(fail_times)
    if len(CALLS) <= fail_times:
        raise ConnectionError("gateway 13912345678 unreachable")
    return "done"


@pytest.fixture(autouse=True)
def reset_calls():
    CALLS.clear()


@pytest.mark.parametrize(
    ("attempt", "seconds"),
    [(1, 10), (2, 20), (3, 40), (12, 3600)],  # doubling, capped at an hour
)
def test_backoff_doubles_and_is_capped(attempt, seconds):
    assert backoff(policy(flaky.module_path), attempt) == dt.timedelta(seconds=seconds)


def test_a_task_that_recovers_is_retried_and_not_recorded_as_failed():
    flaky.enqueue(fail_times=2)
    assert len(CALLS) == 3
    assert TaskFailure.objects.count() == 0


def test_retries_are_bounded_and_the_last_failure_is_recorded_masked():
    flaky.enqueue(fail_times=10)
    assert len(CALLS) == 3  # max_attempts
    failure = TaskFailure.objects.get()
    assert failure.task_path == "gongkai.core.tests.test_queue.flaky"
    assert failure.attempts == 3
    assert failure.arguments == {"args": [], "kwargs": {"fail_times": 10}}
    # The phone number in the error never reaches the office page or the logs.
    assert failure.error == "ConnectionError: gateway 139****5678 unreachable"
    assert "13912345678" not in failure.traceback


def test_on_the_database_backend_a_failed_attempt_defers_the_next(settings, monkeypatch):
    settings.TASKS = DATABASE_BACKEND
    # The worker closes its connections between tasks; here that is the test's own.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    with transaction.atomic():
        enqueue(flaky, fail_times=10)
    before = timezone.now()
    call_command("worker", batch=True, startup_delay=False, recover_every=0, verbosity=0)
    first = DBTaskResult.objects.get(status="FAILED")
    second = DBTaskResult.objects.get(status="READY")
    assert first.args_kwargs["kwargs"] == {"fail_times": 10}
    assert second.args_kwargs["kwargs"] == {"fail_times": 10, ATTEMPT: 2}
    assert before + dt.timedelta(seconds=9) < second.run_after
    assert second.run_after < timezone.now() + dt.timedelta(seconds=11)
    assert TaskFailure.objects.count() == 0


def test_a_rolled_back_change_takes_its_task_with_it(settings):
    settings.TASKS = DATABASE_BACKEND
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue(flaky, fail_times=0)
        raise RuntimeError("the change failed")
    assert DBTaskResult.objects.count() == 0


def _running(kwargs: dict, minutes_ago: int) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status="RUNNING",
        args_kwargs={"args": [], "kwargs": kwargs},
        task_path=flaky.module_path,
        backend_name="default",
        run_after=timezone.now(),
        started_at=timezone.now() - dt.timedelta(minutes=minutes_ago),
        worker_ids=["killed"],
    )


def test_a_task_of_a_lost_worker_is_run_again_once(settings):
    settings.TASKS = DATABASE_BACKEND
    lost = _running({"fail_times": 0}, minutes_ago=5)
    recent = _running({"fail_times": 0}, minutes_ago=0)  # within its 60 s timeout
    assert tasks_recover_stalled() == 1
    assert tasks_recover_stalled() == 0  # a second look (another worker) finds nothing
    lost.refresh_from_db()
    assert lost.status == "FAILED"
    assert lost.exception_class_path == "gongkai.core.queue.WorkerLost"
    again = DBTaskResult.objects.get(status="READY")
    assert again.args_kwargs["kwargs"] == {"fail_times": 0, ATTEMPT: 2}
    assert DBTaskResult.objects.get(pk=recent.pk).status == "RUNNING"


def test_a_lost_task_on_its_last_attempt_is_recorded_for_the_office(settings):
    settings.TASKS = DATABASE_BACKEND
    lost = _running({"fail_times": 0, ATTEMPT: 3}, minutes_ago=5)
    assert tasks_recover_stalled() == 1
    failure = TaskFailure.objects.get()
    assert failure.result_id == str(lost.pk)
    assert failure.attempts == 3
    assert failure.error.startswith("WorkerLost")
    assert not DBTaskResult.objects.filter(status="READY").exists()


@pytest.fixture
def office(client):
    body = OrganisationFactory(name="湛江市公安局")
    user = make_staff(body, roles=[Role.OFFICE])
    user.email = "office@example.cn"
    user.save()
    user.staff_profile.phone = "13800138000"
    user.staff_profile.save()
    client.force_login(user)
    return user


def test_messages_are_delivered_once_however_often_the_task_runs(office):
    with transaction.atomic():
        messages = messages_queue(people=[office], subject="提醒", body="申请即将到期")
    assert [m.channel for m in messages] == ["email", "sms"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["office@example.cn"]
    assert list(SmsMessage.objects.values_list("phone", flat=True)) == ["13800138000"]
    for message in messages:
        assert message_send.enqueue(message_id=message.pk).return_value == "sent before"
    assert len(mail.outbox) == 1
    assert SmsMessage.objects.count() == 1
    assert OutgoingMessage.objects.filter(sent_at__isnull=True).count() == 0


def test_a_failing_mail_server_is_retried_then_shown_to_the_office(office, settings):
    settings.EMAIL_BACKEND = "gongkai.core.tests.test_queue.BrokenMail"
    with transaction.atomic():
        messages_queue(people=[office], subject="提醒", body="申请即将到期")
    email = OutgoingMessage.objects.get(channel="email")
    assert email.sent_at is None
    failure = TaskFailure.objects.get()
    assert failure.attempts == policy(message_send.module_path).max_attempts
    assert failure.arguments == {"args": [], "kwargs": {"message_id": email.pk}}
    # The text message went out all the same.
    assert OutgoingMessage.objects.get(channel="sms").sent_at is not None


class BrokenMail:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("connection refused")


def test_the_office_sees_the_failure_and_retries_it_once(client, office, settings):
    flaky.enqueue(fail_times=3)
    failure = TaskFailure.objects.get()
    home = client.get(reverse("core:workbench")).content.decode()
    assert "有 1 个后台任务重试后仍然失败。" in home
    page = client.get(reverse("core:tasks")).content.decode()
    assert "后台任务" in page
    assert "正在执行" in page
    assert "Test task" in page
    assert "ConnectionError: gateway 139****5678 unreachable" in page
    response = client.post(reverse("core:task_retry", args=[failure.pk]))
    assert response.status_code == 302
    assert len(CALLS) == 4  # the fourth run succeeds
    assert TaskFailure.objects.count() == 1
    failure.refresh_from_db()
    assert failure.retried_by == office
    assert failure.retry_result_id
    entry = LedgerEntry.objects.get(action="task.retry")
    assert entry.summary == {"task": failure.task_path, "task_id": failure.result_id}
    # A second press changes nothing.
    CALLS.clear()
    client.post(reverse("core:task_retry", args=[failure.pk]))
    assert CALLS == []
    assert LedgerEntry.objects.filter(action="task.retry").count() == 1


@pytest.mark.parametrize("roles", [(), (Role.HANDLER,), (Role.LEADER,)])
def test_only_the_office_and_administrators_see_background_work(client, roles):
    flaky.enqueue(fail_times=3)
    failure = TaskFailure.objects.get()
    user = make_staff(OrganisationFactory(), roles=roles)
    client.force_login(user)
    assert client.get(reverse("core:tasks")).status_code == 404
    assert client.post(reverse("core:task_retry", args=[failure.pk])).status_code == 404
    assert TaskFailure.objects.get().retried_at is None


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(reverse("core:tasks"))
    assert response.status_code == 302
    assert reverse("core:login") in response["Location"]


def test_a_failed_retry_is_refused_with_a_chinese_message():
    flaky.enqueue(fail_times=3)
    failure = TaskFailure.objects.get()
    user = make_staff(OrganisationFactory(), roles=[Role.OFFICE])
    task_failure_retry(failure=failure, actor=user)
    from gongkai.core.errors import ServiceError

    with pytest.raises(ServiceError) as refused:
        task_failure_retry(failure=failure, actor=user)
    assert refused.value.message == "该任务已重新排队，不能重复操作。"


def test_sweep_only_enqueues_each_job_once(settings):
    settings.TASKS = DATABASE_BACKEND
    keys = [periodic.job_key(f) for _o, _n, f in periodic.jobs()]
    call_command("sweep", dry_run=True, verbosity=0)
    assert DBTaskResult.objects.count() == 0
    call_command("sweep", verbosity=0)
    queued = DBTaskResult.objects.filter(task_path=periodic_job_run.module_path)
    assert sorted(row.args_kwargs["kwargs"]["job"] for row in queued) == sorted(keys)
    call_command("sweep", verbosity=0)  # still waiting: not queued twice
    assert queued.count() == len(keys)


def test_one_failing_periodic_job_does_not_stop_the_others(monkeypatch):
    from gongkai.core.models import LedgerAnchor
    from gongkai.core.services import ledger_append

    ran = []

    def broken() -> str:
        raise RuntimeError("broken job")

    def healthy() -> str:
        ran.append("healthy")
        return "ok"

    monkeypatch.setattr(periodic, "_JOBS", [(1, "broken", broken), *periodic._JOBS])
    monkeypatch.setattr(periodic, "_JOBS", [*periodic._JOBS, (99, "healthy", healthy)])
    ledger_append(actor=None, action="test.step")
    call_command("sweep", verbosity=0)
    assert ran == ["healthy"]
    assert LedgerAnchor.objects.get().seq == 1  # the real jobs ran too
    failure = TaskFailure.objects.get()
    assert failure.arguments["kwargs"] == {"job": periodic.job_key(broken)}
    assert failure.attempts == 3


def test_a_worker_waits_out_a_database_restart(monkeypatch, settings):
    settings.TASKS = DATABASE_BACKEND
    from django.db import OperationalError
    from django_tasks_db.management.commands import db_worker

    from gongkai.core.management.commands import worker

    runs = []

    def run(self):
        runs.append(len(runs))
        if len(runs) == 1:
            raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(worker.FastWorker, "run", run)
    monkeypatch.setattr(db_worker.Worker, "configure_signals", lambda self: None)
    monkeypatch.setattr(worker, "RECONNECT_SECONDS", 0)
    monkeypatch.setattr(worker.connections, "close_all", lambda: None)
    call_command("worker", recover_every=0, verbosity=0)
    assert runs == [0, 1]


def test_jobs_queued_while_no_worker_runs_are_run_once_when_one_returns(settings, monkeypatch):
    """The worker was stopped for hours: hourly sweeps queue each job once; when a worker
    starts again each job runs once, nothing lost, nothing twice."""
    from gongkai.core.models import LedgerAnchor
    from gongkai.core.services import ledger_append

    settings.TASKS = DATABASE_BACKEND
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    ledger_append(actor=None, action="test.step")
    for _hour in range(3):
        call_command("sweep", verbosity=0)
    call_command("worker", batch=True, startup_delay=False, recover_every=0, verbosity=0)
    runs = DBTaskResult.objects.filter(task_path=periodic_job_run.module_path)
    assert sorted(r.args_kwargs["kwargs"]["job"] for r in runs.filter(status="SUCCESSFUL")) == (
        sorted(periodic.job_key(f) for _o, _n, f in periodic.jobs())
    )
    assert runs.exclude(status="SUCCESSFUL").count() == 0
    assert LedgerAnchor.objects.count() == 1
