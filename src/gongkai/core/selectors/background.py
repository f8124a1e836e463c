"""Reads about background work: the queue's state, failed tasks, the health page's figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Min, QuerySet
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from gongkai.core.models import OutgoingMessage, TaskFailure


@dataclass(frozen=True)
class QueueState:
    ready: int  # waiting to run now
    deferred: int  # waiting for a later attempt
    running: int
    failed_open: int  # failures the office has not retried
    lag_seconds: float  # how long the oldest task ready to run has waited
    unsent_messages: int


def queue_state(*, now: dt.datetime | None = None) -> QueueState:
    now = now or timezone.now()
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    ready = waiting.ready()
    undeferred = ready.filter(run_after=get_date_max()).aggregate(oldest=Min("enqueued_at"))
    due = ready.exclude(run_after=get_date_max()).aggregate(oldest=Min("run_after"))
    oldest = [t for t in (undeferred["oldest"], due["oldest"]) if t is not None]
    ready_count = ready.count()
    return QueueState(
        ready=ready_count,
        deferred=waiting.count() - ready_count,
        running=DBTaskResult.objects.running().count(),
        failed_open=TaskFailure.objects.filter(retried_at__isnull=True).count(),
        lag_seconds=max(0.0, (now - min(oldest)).total_seconds()) if oldest else 0.0,
        unsent_messages=OutgoingMessage.objects.filter(sent_at__isnull=True).count(),
    )


def failures_open() -> QuerySet[TaskFailure]:
    return TaskFailure.objects.filter(retried_at__isnull=True).order_by("-failed_at", "-id")


def failures_retried() -> QuerySet[TaskFailure]:
    return TaskFailure.objects.filter(retried_at__isnull=False).select_related(
        "retried_by__staff_profile"
    )


def periodic_jobs_waiting() -> set[str]:
    """Keys of periodic jobs queued and not yet finished (ready, deferred or running)."""
    from gongkai.core.tasks import periodic_job_run

    rows = DBTaskResult.objects.filter(
        task_path=periodic_job_run.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    ).values_list("args_kwargs", flat=True)
    return {row["kwargs"]["job"] for row in rows if "job" in row.get("kwargs", {})}
