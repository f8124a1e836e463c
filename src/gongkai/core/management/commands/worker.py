"""Run background tasks: ``gongkai worker`` (django-tasks-db's worker, plus recovery).

Polls the database for tasks and runs them one at a time; start as many as the load
needs, on one machine or several (PostgreSQL hands each task to one worker with
``SELECT … FOR UPDATE SKIP LOCKED``). Every ``--recover-every`` seconds a worker also
looks for tasks left running by a worker that died (``core.queue.tasks_recover_stalled``)
and queues their next attempt. SIGTERM finishes the current task, then stops.
"""

from __future__ import annotations

import logging
import threading
import time

from django.db import InterfaceError, OperationalError, connection, connections
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from gongkai.core.queue import tasks_recover_stalled

logger = logging.getLogger("gongkai.worker")
RECONNECT_SECONDS = 5


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

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--recover-every",
            type=float,
            default=30.0,
            help="Seconds between looks for tasks left running by a lost worker (0: never).",
        )

    def handle(self, *args, recover_every: float = 30.0, **options):
        options.setdefault("reload", False)
        if recover_every > 0:
            stop = threading.Event()
            threading.Thread(
                target=_recover_forever, args=(recover_every, stop), daemon=True
            ).start()
        while True:
            try:
                return super().handle(*args, **options)
            except (OperationalError, InterfaceError):
                # The database went away (restart, failover): wait, reconnect, carry on.
                logger.warning(
                    "database unavailable; the worker retries in %s s", RECONNECT_SECONDS
                )
                connections.close_all()
                time.sleep(RECONNECT_SECONDS)
