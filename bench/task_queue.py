"""Queue throughput on PostgreSQL with 1, 2 and 4 workers; no task lost or run twice,
also when a worker is killed with SIGKILL in the middle of a task.

    python bench/task_queue.py 2000 [--workers 1,2,4] [--kill-tasks 300] [--database postgres://…]

``count`` tasks (``bench/queue_tasks.py``: record the start, then an idempotent insert)
are queued in one transaction while ``gongkai worker`` processes wait; the clock runs from
the commit until the last task has succeeded. Worker start-up is not timed.

Checks after every run: each task succeeded exactly once in the queue (``SUCCESSFUL``
rows = count, distinct keys), its effect exists once (no task lost), and no task started
twice (``bench_start`` rows = count: two workers never took the same task).

The kill run: two workers on tasks that take ``--work-ms``; once a third of them are done
one worker gets SIGKILL in the middle of a task and a new worker starts; the killed
task is taken back after its 3 s timeout (``core.queue.tasks_recover_stalled``) and run
again: it starts twice, its effect happens once.

The baseline, measured in the same run, is the same task body called ``count`` times in
this one process without a queue: the ratio shows what queueing costs per task.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/gongkai_bench_queue"


def _setup(database: str) -> None:
    os.environ["DATABASE_URL"] = database
    os.environ["GONGKAI_TASKS_BACKEND"] = "database"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    sys.path.insert(0, str(ROOT))
    import psycopg

    base, name = database.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_start (id bigserial, key int, worker int)")
        cursor.execute("CREATE TABLE bench_effect (key int PRIMARY KEY, worker int)")


def _reset() -> None:
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE bench_start, bench_effect")


def _start_workers(n: int, database: str, tag: str, recover: int = 30) -> list[subprocess.Popen]:
    """``n`` workers; each looks for tasks of lost workers every ``recover`` seconds
    (production's 30 s, but 1 s in the kill run, so the killed task comes back fast)."""
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "GONGKAI_TASKS_BACKEND": "database",
        "PYTHONPATH": str(ROOT),
        "GONGKAI_TASK_TIMEOUT": "3",
    }
    command = [sys.executable, "-m", "gongkai.cli", "worker", "--no-startup-delay", "-v0"]
    workers = [
        subprocess.Popen(
            [
                *command,
                "--interval",
                "0.05",
                "--recover-every",
                str(recover),
                "--worker-id",
                f"{tag}{i}",
            ],
            env=env,
        )
        for i in range(n)
    ]
    time.sleep(6)  # start-up (Django, jieba) is not part of the figure
    return workers


def _stop(workers: list[subprocess.Popen]) -> None:
    for worker in workers:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
    for worker in workers:
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()


def _enqueue(count: int, work_ms: int) -> float:
    from django.db import transaction

    from bench.queue_tasks import bench_effect
    from gongkai.core.queue import enqueue

    with transaction.atomic():
        for key in range(count):
            enqueue(bench_effect, key=key, work_ms=work_ms)
    return time.time()  # committed: the workers see the tasks from now on


def _done() -> int:
    """Tasks succeeded so far (a cheap count: distinct keys are checked at the end)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'SUCCESSFUL'"
        )
        return cursor.fetchone()[0]


def _wait_until_done(count: int, limit: float) -> float:
    """Wait, polling once a second (polling must not load the database it measures);
    the end is the last task's own finish time, as a wall-clock ``time.time()``."""
    from django.db import connection

    deadline = time.monotonic() + limit
    while _done() < count:
        if time.monotonic() > deadline:
            raise SystemExit(f"only {_done()} of {count} tasks done after {limit:.0f} s")
        time.sleep(1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(finished_at) FROM django_tasks_database_dbtaskresult")
        return cursor.fetchone()[0].timestamp()


def _check(count: int) -> dict[str, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*), count(DISTINCT key) FROM bench_start")
        starts, started_keys = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM bench_effect")
        effects = cursor.fetchone()[0]
        cursor.execute(
            "SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY status"
        )
        statuses = dict(cursor.fetchall())
    return {
        "lost": count - effects,
        "effects": effects,
        "starts": starts,
        "started_twice": starts - started_keys,
        "successful": statuses.get("SUCCESSFUL", 0),
        "failed_attempts": statuses.get("FAILED", 0),
    }


def _baseline(count: int) -> float:
    """The task body ``count`` times in this process, without a queue: tasks/s."""
    from bench.queue_tasks import effect_write

    started = time.perf_counter()
    for key in range(count):
        effect_write(key=key)
    elapsed = time.perf_counter() - started
    _reset()
    return count / elapsed


def _throughput(count: int, n_workers: int, database: str, limit: float) -> tuple[float, dict]:
    _reset()
    workers = _start_workers(n_workers, database, f"w{n_workers}-")
    try:
        started = _enqueue(count, 0)
        finished = _wait_until_done(count, limit=limit)
    finally:
        _stop(workers)
    return count / (finished - started), _check(count)


def _kill_run(count: int, work_ms: int, database: str) -> dict:
    _reset()
    workers = _start_workers(2, database, "k-", recover=1)
    try:
        _enqueue(count, work_ms)
        while _done() < count // 3:
            time.sleep(0.02)
        # Kill in the middle of a task: wait until this worker has a task running.
        victim = workers[0]
        from django_tasks_db.models import DBTaskResult

        deadline = time.monotonic() + 30
        while not DBTaskResult.objects.filter(status="RUNNING", worker_ids__contains=["k-0"]):
            if time.monotonic() > deadline:
                raise SystemExit("worker k-0 never ran a task")
            time.sleep(0.001)
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        workers += _start_workers(1, database, "k-new-", recover=1)
        _wait_until_done(count, limit=600)
    finally:
        _stop(workers)
    return _check(count)


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="tasks per run")
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument(
        "--baseline-count", type=int, help="tasks in the inline baseline (default: count)"
    )
    parser.add_argument(
        "--limit", type=float, default=3600, help="seconds a run may take before it fails"
    )
    parser.add_argument("--kill-tasks", type=int, default=300, help="tasks in the kill run")
    parser.add_argument("--work-ms", type=int, default=50, help="task duration in the kill run")
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE", DEFAULT_DATABASE))
    args = parser.parse_args()
    if not args.database.startswith("postgres"):
        raise SystemExit("the queue benchmark runs on PostgreSQL (--database postgres://…)")

    _setup(args.database)
    baseline_count = args.baseline_count or args.count
    baseline = _baseline(baseline_count)
    print(f"queue benchmark: {args.count} tasks per run, PostgreSQL, {os.cpu_count()} cores")
    print(f"load average before: {_load()}")
    print(f"baseline (task body inline, no queue, {baseline_count} tasks): {baseline:8.0f} tasks/s")
    print(f"{'workers':>7} {'tasks/s':>9} {'vs baseline':>11}  checks")
    ok = True
    for n in [int(w) for w in args.workers.split(",")]:
        rate, check = _throughput(args.count, n, args.database, args.limit)
        good = check["lost"] == 0 and check["started_twice"] == 0
        good = good and check["successful"] == args.count
        ok &= good
        print(
            f"{n:>7} {rate:9.0f} {rate / baseline:10.2f}x  lost {check['lost']}, "
            f"started twice {check['started_twice']}, succeeded {check['successful']}"
            f" {'OK' if good else 'FAILED'}; load {_load()}",
            flush=True,
        )
    if args.kill_tasks:
        check = _kill_run(args.kill_tasks, args.work_ms, args.database)
        good = check["lost"] == 0 and check["effects"] == args.kill_tasks
        good = good and check["successful"] == args.kill_tasks and check["started_twice"] <= 1
        ok &= good
        print(
            f"SIGKILL mid-task ({args.kill_tasks} tasks of {args.work_ms} ms, 2 workers, one "
            f"killed and replaced): lost {check['lost']}, effects {check['effects']}, "
            f"started twice {check['started_twice']} (the killed task), attempts taken back "
            f"{check['failed_attempts']}, succeeded {check['successful']}"
            f" {'OK' if good else 'FAILED'}"
        )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
