"""An import the office asked for on a page, run by a worker (``proactive.tasks``).

The uploaded files wait in the database until the worker has read them; each file's
outcome is kept, so the page shows the progress and a retried task resumes where the last
attempt stopped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from gongkai.proactive.models.item import Item


class ImportJob(models.Model):
    class Kind(models.TextChoices):
        DOCUMENTS = "documents", _("documents")
        CATALOG = "catalog", _("standard catalog")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        DONE = "done", _("done")
        REFUSED = "refused", _("refused")

    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    options = models.JSONField(_("options"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("asked by"),
    )
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    error = models.CharField(_("reason refused"), max_length=2000, blank=True)
    rows = models.PositiveIntegerField(_("rows imported"), null=True, blank=True)

    # Not columns: ``selectors.import_job_for`` puts the files and their count done here.
    file_list: list[ImportFile]
    done_count: int

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"


class ImportFile(models.Model):
    job = models.ForeignKey(
        ImportJob, on_delete=models.CASCADE, related_name="files", verbose_name=_("import")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("file name"), max_length=255)
    # Emptied once read: the imported drafts are the lasting record.
    content = models.BinaryField(_("content"), blank=True)
    done = models.BooleanField(_("done"), default=False)
    result = models.JSONField(_("result"), default=dict, blank=True)

    # Not a column: the draft the file became (``selectors.import_job_for``).
    item: Item | None

    class Meta:
        verbose_name = _("imported file")
        verbose_name_plural = _("imported files")
        ordering = ["job", "position"]
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="proactive_import_file_once")
        ]

    def __str__(self) -> str:
        return self.name
