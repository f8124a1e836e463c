"""Integration: real ``gongkai worker`` processes against the test database, including
one killed with SIGKILL in the middle of a task."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection, transaction
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from gongkai.core.models import OutgoingMessage, TaskFailure
from gongkai.core.queue import background, enqueue, tasks_recover_stalled
from gongkai.core.tasks import message_send

pytestmark = pytest.mark.django_db(transaction=True)


@background(label=_("Test task"), max_attempts=3, backoff_seconds=1, timeout_seconds=1)
def slow_once(marker: str, effect: str) -> str:
    """The first run hangs (and is killed); a later run appends one line to ``effect``."""
    if not os.path.exists(marker):
        Path(marker).touch()
        time.sleep(120)
    with open(effect, "a", encoding="utf-8") as handle:
        handle.write("done\n")
    return "done"


def _database_url() -> str:
    params = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{params['NAME']}"
    user, host, port = params["USER"], params["HOST"] or "127.0.0.1", params["PORT"] or 5432
    login = f"{quote(user)}:{quote(params['PASSWORD'])}" if params["PASSWORD"] else quote(user)
    return f"postgres://{login}@{host}:{port}/{params['NAME']}"


def _worker(*args: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "GONGKAI_TASKS_BACKEND": "database",
        "DJANGO_SETTINGS_MODULE": "gongkai.settings",
    }
    command = [sys.executable, "-m", "gongkai.cli", "worker", "--no-startup-delay"]
    return subprocess.Popen(
        [*command, "--interval", "0.1", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.fixture
def database_backend(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_a_worker_process_sends_the_queued_message(database_backend):
    with transaction.atomic():
        message = OutgoingMessage.objects.create(
            channel="email", address="office@example.cn", subject="提醒", body="申请即将到期"
        )
        enqueue(message_send, message_id=message.pk)
    worker = _worker("--batch", "--recover-every", "0")
    output, _unused = worker.communicate(timeout=120)
    assert worker.returncode == 0, output
    message.refresh_from_db()
    assert message.sent_at is not None
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_task_killed_mid_run_is_run_again_and_its_effect_happens_once(database_backend, tmp_path):
    marker, effect = tmp_path / "started", tmp_path / "effect"
    with transaction.atomic():
        enqueue(slow_once, marker=str(marker), effect=str(effect))
    worker = _worker("--recover-every", "0")
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert time.monotonic() < deadline, "the worker never started the task"
            time.sleep(0.1)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    assert DBTaskResult.objects.get().status == "RUNNING"  # left behind by the dead worker
    time.sleep(1.2)  # past the task's one-second timeout
    assert tasks_recover_stalled() == 1
    second = _worker("--batch", "--recover-every", "0")
    output, _unused = second.communicate(timeout=120)
    assert second.returncode == 0, output
    assert effect.read_text(encoding="utf-8") == "done\n"
    statuses = sorted(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == ["FAILED", "SUCCESSFUL"]
    assert TaskFailure.objects.count() == 0
