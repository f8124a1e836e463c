"""State changes of background work: messages queued with the change that causes them,
and the office's retry of a failed task."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from gongkai.core.errors import ServiceError
from gongkai.core.models import OutgoingMessage, TaskFailure
from gongkai.core.queue import enqueue
from gongkai.core.services.ledger import ledger_append
from gongkai.core.types import Actor


def messages_queue(*, people: Iterable[Any], subject: str, body: str) -> list[OutgoingMessage]:
    """An e-mail to each person with an address and a text message to each with a phone,
    recorded now and delivered by the worker once the caller's transaction commits."""
    from gongkai.core.tasks import message_send

    messages = []
    with transaction.atomic():
        for user in people:
            phone = getattr(getattr(user, "staff_profile", None), "phone", "")
            for channel, address in (
                (OutgoingMessage.Channel.EMAIL, user.email),
                (OutgoingMessage.Channel.SMS, phone),
            ):
                if not address:
                    continue
                message = OutgoingMessage.objects.create(
                    channel=channel, recipient=user, address=address, subject=subject, body=body
                )
                enqueue(message_send, message_id=message.pk)
                messages.append(message)
    return messages


def task_failure_retry(*, failure: TaskFailure, actor: Actor) -> TaskFailure:
    """Enqueue a failed task again (attempts counted afresh); once per failure."""
    with transaction.atomic():
        taken = TaskFailure.objects.filter(pk=failure.pk, retried_at__isnull=True).update(
            retried_at=timezone.now(), retried_by=actor
        )
        if not taken:
            raise ServiceError("task_retried", _retried_message())
        task = import_string(failure.task_path)
        arguments = failure.arguments
        result = task.enqueue(*arguments.get("args", []), **arguments.get("kwargs", {}))
        TaskFailure.objects.filter(pk=failure.pk).update(retry_result_id=str(result.id))
        ledger_append(
            actor=actor,
            action="task.retry",
            obj=failure,
            summary={"task": failure.task_path, "task_id": failure.result_id},
        )
    failure.refresh_from_db()
    return failure


def _retried_message() -> str:
    from django.utils.translation import gettext as _

    return _("This task was retried already.")


@dataclass(frozen=True)
class QueuedJob:
    key: str
    name: str
    state: str  # "queued", "waiting" (queued before, not yet run) or "dry-run"


def periodic_jobs_enqueue(*, dry_run: bool = False) -> list[QueuedJob]:
    """Each periodic job as its own task, unless one is still waiting or running."""
    from gongkai.core.periodic import job_key, jobs
    from gongkai.core.selectors.background import periodic_jobs_waiting
    from gongkai.core.tasks import periodic_job_run

    waiting = periodic_jobs_waiting()
    done = []
    for _order, name, function in jobs():
        key = job_key(function)
        if dry_run:
            state = "dry-run"
        elif key in waiting:
            state = "waiting"
        else:
            with transaction.atomic():
                enqueue(periodic_job_run, job=key)
            state = "queued"
        done.append(QueuedJob(key=key, name=str(name), state=state))
    return done
