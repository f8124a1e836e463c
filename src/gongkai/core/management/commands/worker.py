"""Run background tasks: ``gongkai worker`` (django-tasks-db's worker, plus recovery).

Polls the database for tasks and runs them one at a time; start as many as the load
needs, on one machine or several (PostgreSQL hands each task to one worker with
``SELECT … FOR UPDATE SKIP LOCKED``). Every ``--recover-every`` seconds a worker also
looks for tasks left running by a worker that died (``core.queue.tasks_recover_stalled``)
and queues their next attempt. SIGTERM finishes the current task, then stops.

On PostgreSQL the worker takes a task in one statement (``UPDATE … WHERE id = (SELECT …
FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING *``) where the library selects, then saves,
and it commits its own marks (taken, succeeded) without waiting for the disk. The task's
own writes are committed as usual; if PostgreSQL itself crashed in that instant, a lost
mark only means the task runs again, and tasks are idempotent. The claim also forbids
the planner a sort: after a burst of enqueued tasks the table statistics are stale, and
the planner sorted all ready rows for every claim (18 ms at 10,000 waiting tasks, growing
with the queue) until autovacuum's next ANALYZE.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from argparse import ArgumentParser
from typing import Any

from django.core.management import CommandError
from django.db import (
    InterfaceError,
    OperationalError,
    connection,
    connections,
    transaction,
)
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max

from gongkai.core.queue import tasks_recover_stalled

logger = logging.getLogger("gongkai.worker")
RECONNECT_SECONDS = 5

# DBTaskResult._meta.db_table (checked by the tests) and TaskResultStatus values, spelt out
# in SQL.
_CLAIM = """
UPDATE django_tasks_database_dbtaskresult SET status = 'RUNNING', started_at = %(now)s,
       worker_ids = worker_ids || jsonb_build_array(%(worker)s::text)
WHERE id = (
    SELECT id FROM django_tasks_database_dbtaskresult
    WHERE status = 'READY' AND backend_name = %(backend)s
      AND (run_after = %(never)s OR run_after <= %(now)s) QUEUES
    ORDER BY priority DESC, run_after ASC, enqueued_at ASC
    LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING *
"""
# One statement in its own transaction; set_config(…, true) lasts until its commit.
_SUCCEEDED = """
WITH mark AS (SELECT set_config('synchronous_commit', 'off', true))
UPDATE django_tasks_database_dbtaskresult SET status = 'SUCCESSFUL', finished_at = %s,
       return_value = %s, exception_class_path = '', traceback = ''
FROM mark WHERE id = %s
"""
# For the claim's transaction only (see the module's docstring).
_CLAIM_SETTINGS = "SET LOCAL synchronous_commit = off; SET LOCAL enable_sort = off"


class FastWorker(Worker):
    """django-tasks-db's worker with a one-statement claim on PostgreSQL."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        queues = ""
        if not self.process_all_queues:
            queues = "AND queue_name = ANY(%(queues)s)"
        elif self.excluded_queue_names:
            queues = "AND NOT queue_name = ANY(%(excluded)s)"
        self.claim_sql = _CLAIM.replace("QUEUES", queues)

    def claim_next(self) -> DBTaskResult[Any, Any] | None:
        params = {
            "now": timezone.now(),
            "worker": self.worker_id,
            "backend": self.backend_name,
            "never": get_date_max(),
            "queues": self.queue_names,
            "excluded": self.excluded_queue_names,
        }
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(_CLAIM_SETTINGS)
            return next(iter(DBTaskResult.objects.raw(self.claim_sql, params)), None)

    def run(self) -> None:
        if connection.vendor != "postgresql":
            return super().run()
        logger.debug("worker %s takes tasks from %s", self.worker_id, self.queue_names)
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # noqa: S311 (no thundering herd at start)
        while self.running:
            db_worker.close_old_connections()  # as the library does (tests replace it)
            task_result = self.claim_next()
            if task_result is not None:
                self.run_task(task_result)
            elif self.batch:
                return None
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return None
            if self.running and task_result is None:
                time.sleep(self.interval)
        return None

    def run_task(self, db_task_result: DBTaskResult[Any, Any]) -> None:
        if connection.vendor != "postgresql":
            return super().run_task(db_task_result)
        # The library's run, with the success mark written as the claim is.
        original = db_task_result.set_successful

        def mark_successful(return_value: Any) -> None:
            try:
                with connection.cursor() as cursor:
                    db_task_result.return_value = return_value  # JSON errors raise here
                    field = DBTaskResult._meta.get_field("return_value")
                    value = field.get_db_prep_save(return_value, connection)
                    finished = timezone.now()
                    cursor.execute(_SUCCEEDED, [finished, value, db_task_result.pk])
                db_task_result.status = TaskResultStatus.SUCCESSFUL
                db_task_result.finished_at = finished
            except (OperationalError, InterfaceError):
                original(return_value)  # the library's save, with its retries

        db_task_result.set_successful = mark_successful
        return super().run_task(db_task_result)


def _recover_forever(every: float, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            tasks_recover_stalled()
        except Exception:  # the database is away for a moment: try again next round
            logger.warning("recovering stalled tasks failed", exc_info=True)
        finally:
            connection.close()
        stop.wait(every)


class Command(DatabaseWorkerCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--recover-every",
            type=float,
            default=30.0,
            help="Seconds between looks for tasks left running by a lost worker (0: never).",
        )

    # The library's options plus ours, passed on by name: not its exact signature.
    def handle(  # type: ignore[override]
        self, *args: Any, recover_every: float = 30.0, **options: Any
    ) -> None:
        options.setdefault("reload", False)
        if recover_every > 0:
            stop = threading.Event()
            threading.Thread(
                target=_recover_forever, args=(recover_every, stop), daemon=True
            ).start()
        while True:
            try:
                return self.work(**options)
            except (OperationalError, InterfaceError):
                # The database went away (restart, failover): wait, reconnect, carry on.
                logger.warning(
                    "database unavailable; the worker retries in %s s", RECONNECT_SECONDS
                )
                connections.close_all()
                time.sleep(RECONNECT_SECONDS)

    def work(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options: Any,
    ) -> None:
        """The library's ``handle`` with our worker (no autoreload: production use)."""
        self.configure_logging(verbosity)
        if exclude_queues and "*" not in queue_name.split(","):
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = FastWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
        )
        worker.configure_signals()
        worker.run()
