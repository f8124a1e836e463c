"""Records of background work the office can see: messages going out, tasks that failed.

The queue itself is django-tasks-db's table (``django_tasks_db.DBTaskResult``); these
rows hold what the queue does not: whether a message was delivered (so a second run of
its task sends nothing) and which tasks gave up after their last attempt (so the office
can look and retry).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMessage(models.Model):
    """One e-mail or text message to one person, recorded with the change that caused it
    and sent by a task (``core.tasks.message_send``), at most once once sent."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        SMS = "sms", _("text message")

    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recipient"),
    )
    address = models.CharField(_("address"), max_length=254)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["sent_at", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} #{self.pk}"


class TaskFailure(models.Model):
    """A task that failed its last allowed attempt (or could never succeed).

    Written by the queue (``core.queue``), shown to the office on the workbench with a
    button that enqueues the task again (``task_failure_retry``).
    """

    result_id = models.CharField(_("task id"), max_length=64, unique=True)
    task_path = models.CharField(_("task"), max_length=200)
    arguments = models.JSONField(_("arguments"), default=dict)
    attempts = models.PositiveSmallIntegerField(_("attempts"))
    error = models.CharField(_("error"), max_length=500)
    traceback = models.TextField(_("details"), blank=True)
    failed_at = models.DateTimeField(_("failed at"), auto_now_add=True)
    retried_at = models.DateTimeField(_("retried at"), null=True, blank=True)
    retried_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("retried by"),
    )
    retry_result_id = models.CharField(_("new task id"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("failed task")
        verbose_name_plural = _("failed tasks")
        ordering = ["-failed_at", "-id"]
        indexes = [models.Index(fields=["retried_at", "failed_at"])]

    def __str__(self) -> str:
        return f"{self.task_path} {self.result_id}"
