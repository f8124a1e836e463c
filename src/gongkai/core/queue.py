"""Background work on django-tasks: one decorator, one way to enqueue, bounded retries.

Work that leaves a request (mail, SMS, the search index, periodic jobs) is a task::

    from gongkai.core.queue import background, enqueue

    @background(label=_("Send a message"), max_attempts=5, backoff_seconds=60)
    def message_send(message_id: int) -> str: ...

    enqueue(message_send, message_id=message.pk)   # ids, never objects

``enqueue`` ties the task to the caller's transaction: on the database backend the task
row is written inside it, so a worker sees the task exactly when the change commits and
a rollback takes the task with it (nothing lost between commit and enqueue); on other
backends (Redis through django-tasks-rq) it is enqueued by ``transaction.on_commit``.

django-tasks runs each task once and records the outcome. This module adds what a public
body's queue needs on top, without a queue of its own:

- **bounded retries with backoff**: a failed attempt enqueues the next one, deferred by
  ``backoff_seconds * 2**(attempt-1)`` (capped at an hour), until ``max_attempts``;
- **lost workers**: a task left running past its ``timeout_seconds`` (its worker was
  killed) is marked failed and its next attempt enqueued (``tasks_recover_stalled``, run
  by every ``gongkai worker``); tasks are idempotent, so a second run changes nothing;
- **failures the office sees**: the last failed attempt is recorded as a ``TaskFailure``,
  listed on the workbench with a retry button.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_stubs_ext import StrOrPromise
from django_tasks import task as django_task
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import Task, TaskContext, TaskResultStatus

from gongkai.core.logging import redact

if TYPE_CHECKING:
    from django_tasks.backends.base import BaseTaskBackend
    from django_tasks_db.models import DBTaskResult

# Any task, whatever its arguments and result.
AnyTask = Task[Any, Any]

logger = logging.getLogger(__name__)

# The keyword that carries the attempt number from one attempt to the next.
ATTEMPT = "gongkai_attempt"
MAX_BACKOFF_SECONDS = 3600


class PermanentError(Exception):
    """Raised by a task when another attempt cannot help (the record is gone)."""


class WorkerLost(Exception):
    """The worker running the task stopped before the task finished."""


@dataclass(frozen=True)
class Policy:
    label: StrOrPromise
    max_attempts: int
    backoff_seconds: int
    timeout_seconds: int | None

    @property
    def timeout(self) -> int:
        return self.timeout_seconds or settings.GONGKAI_TASK_TIMEOUT


_POLICIES: dict[str, Policy] = {}


def background(
    *,
    label: StrOrPromise,
    max_attempts: int = 5,
    backoff_seconds: int = 30,
    timeout_seconds: int | None = None,
    priority: int = 0,
) -> Callable[[Callable[..., Any]], AnyTask]:
    """Make a module-level function a task with bounded, backed-off retries."""
    if max_attempts < 1:
        raise ValueError("max_attempts must be at least 1")

    def decorator(function: Callable[..., Any]) -> AnyTask:
        def run(context: TaskContext, *args: Any, **kwargs: Any) -> Any:
            attempt = int(kwargs.pop(ATTEMPT, 1))
            try:
                return function(*args, **kwargs)
            except Exception as error:
                _after_failure(
                    task=context.task_result.task,
                    result_id=str(context.task_result.id),
                    attempt=attempt,
                    args=list(args),
                    kwargs=kwargs,
                    error=error,
                )
                raise

        # The task is found again by its import path: keep the function's own.
        for attribute in ("__module__", "__name__", "__qualname__", "__doc__"):
            setattr(run, attribute, getattr(function, attribute))
        task = django_task(takes_context=True, priority=priority)(run)
        _POLICIES[task.module_path] = Policy(label, max_attempts, backoff_seconds, timeout_seconds)
        return task

    return decorator


def policy(task_path: str) -> Policy | None:
    return _POLICIES.get(task_path)


def task_label(task_path: str) -> str:
    known = _POLICIES.get(task_path)
    return str(known.label) if known else task_path.rsplit(".", 1)[-1]


def backoff(policy: Policy, attempt: int) -> dt.timedelta:
    """How long to wait before attempt ``attempt + 1``."""
    seconds = min(policy.backoff_seconds * 2 ** (attempt - 1), MAX_BACKOFF_SECONDS)
    return dt.timedelta(seconds=seconds)


def enqueue(task: AnyTask, *args: Any, **kwargs: Any) -> None:
    """Queue ``task`` with the caller's transaction (see the module's docstring)."""
    backend = task.get_backend()
    if _writes_with_transaction(backend):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs), robust=True)


def _writes_with_transaction(backend: BaseTaskBackend) -> bool:
    from django_tasks_db.backend import DatabaseBackend

    # The immediate backend (tests) runs the task at once, as a worker would right after
    # the commit; the caller's transaction is the test's own.
    return isinstance(backend, DatabaseBackend | ImmediateBackend)


def _after_failure(
    *,
    task: AnyTask,
    result_id: str,
    attempt: int,
    args: list[Any],
    kwargs: dict[str, Any],
    error: Exception,
) -> None:
    """Enqueue the next attempt, or record the failure for the office."""
    known = _POLICIES.get(task.module_path)
    max_attempts = known.max_attempts if known else 1
    if attempt < max_attempts and not isinstance(error, PermanentError):
        try:
            _enqueue_attempt(task, args, kwargs, attempt + 1, known)
            logger.warning("task %s attempt %d failed; retrying", result_id, attempt)
            return
        except Exception:  # the queue itself is down: record what we can
            logger.exception("could not enqueue the next attempt of task %s", result_id)
    failure_record(
        result_id=result_id,
        task_path=task.module_path,
        args=args,
        kwargs=kwargs,
        attempts=attempt,
        error=error,
    )


def _enqueue_attempt(
    task: AnyTask, args: list[Any], kwargs: dict[str, Any], attempt: int, known: Policy | None
) -> None:
    backend = task.get_backend()
    if backend.supports_defer and known is not None:
        task = task.using(run_after=timezone.now() + backoff(known, attempt - 1))
    task.enqueue(*args, **{**kwargs, ATTEMPT: attempt})


def failure_record(
    *,
    result_id: str,
    task_path: str,
    args: list[Any],
    kwargs: dict[str, Any],
    attempts: int,
    error: Exception,
) -> None:
    from gongkai.core.models import TaskFailure

    message = redact(f"{type(error).__name__}: {error}")[:500]
    try:
        with transaction.atomic():
            TaskFailure.objects.create(
                result_id=result_id,
                task_path=task_path,
                arguments={"args": args, "kwargs": kwargs},
                attempts=attempts,
                error=message,
                traceback=redact(_traceback(error))[-8000:],
            )
    except IntegrityError:
        pass  # recorded already (a recovered task that was finishing after all)
    logger.error(
        "task %s (%s) gave up after %d attempts: %s", result_id, task_path, attempts, message
    )


def _traceback(error: BaseException) -> str:
    from traceback import format_exception

    return "".join(format_exception(error))


def tasks_recover_stalled(*, now: dt.datetime | None = None) -> int:
    """Tasks left running past their timeout (their worker died): mark each failed and
    enqueue its next attempt, or record the failure; how many were recovered.

    The conditional update makes each recovery happen once even when several workers run
    this at the same moment."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    shortest = min([p.timeout for p in _POLICIES.values()] + [settings.GONGKAI_TASK_TIMEOUT])
    candidates = DBTaskResult.objects.running().filter(
        started_at__lt=now - dt.timedelta(seconds=shortest)
    )
    recovered = 0
    for row in candidates.only("id", "task_path", "started_at", "args_kwargs"):
        known = _POLICIES.get(row.task_path)
        timeout = known.timeout if known else settings.GONGKAI_TASK_TIMEOUT
        if row.started_at >= now - dt.timedelta(seconds=timeout):
            continue
        if _recover(row, now=now, known=known):
            recovered += 1
    return recovered


def _recover(row: DBTaskResult[Any, Any], *, now: dt.datetime, known: Policy | None) -> bool:
    from django_tasks_db.models import DBTaskResult

    error = WorkerLost("the worker stopped while the task was running")
    with transaction.atomic():
        taken = DBTaskResult.objects.filter(
            pk=row.pk, status=TaskResultStatus.RUNNING, started_at=row.started_at
        ).update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
            traceback=str(error),
        )
        if not taken:
            return False
        args = list(row.args_kwargs.get("args", []))
        kwargs = dict(row.args_kwargs.get("kwargs", {}))
        attempt = int(kwargs.pop(ATTEMPT, 1))
        try:
            task = import_string(row.task_path)
        except ImportError:
            task = None
        known = known or _POLICIES.get(row.task_path)  # registered by the import above
        if task is not None and known is not None and attempt < known.max_attempts:
            task.enqueue(*args, **{**kwargs, ATTEMPT: attempt + 1})
        else:
            failure_record(
                result_id=str(row.pk),
                task_path=row.task_path,
                args=args,
                kwargs=kwargs,
                attempts=attempt,
                error=error,
            )
    logger.warning("task %s was running on a lost worker; recovered", row.pk)
    return True
