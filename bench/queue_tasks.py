"""The task the queue benchmark runs (bench/task_queue.py): a small, idempotent effect.

Each run first records that it started (autocommit, so a killed run leaves its mark),
then writes its effect in one transaction; the effect's primary key makes a second run
change nothing. ``bench_start`` therefore counts runs, ``bench_effect`` effects.
"""

from __future__ import annotations

import os
import time

from django.db import connection, transaction

from gongkai.core.queue import background

# A short timeout: a task of a killed worker is taken back after 3 s.
TIMEOUT_SECONDS = 3


@background(label="bench effect", max_attempts=5, backoff_seconds=1, timeout_seconds=3)
def bench_effect(key: int, work_ms: int = 0) -> int:
    return effect_write(key=key, work_ms=work_ms)


def effect_write(*, key: int, work_ms: int = 0) -> int:
    """The task's body, also called without a queue for the baseline."""
    worker = os.getpid()
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_start (key, worker) VALUES (%s, %s)", [key, worker])
    if work_ms:
        time.sleep(work_ms / 1000)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_effect (key, worker) VALUES (%s, %s) ON CONFLICT (key) DO NOTHING",
            [key, worker],
        )
    return key
