"""The register of normative documents (规范性文件) and their clean-ups (清理)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gongkai.proactive.law import CleanupOutcome, NormativeKind, NormativeStatus


class NormativeDocument(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="normative_documents",
        verbose_name=_("issuing body"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=NormativeKind.choices)
    title = models.CharField(_("title"), max_length=300)
    document_number = models.CharField(_("document number"), max_length=60)
    issued_on = models.DateField(_("issued on"))
    effective_from = models.DateField(_("effective from"))
    effective_until = models.DateField(_("effective until"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=NormativeStatus.choices,
        default=NormativeStatus.IN_FORCE,
    )
    status_changed_on = models.DateField(_("status changed on"), null=True, blank=True)
    changed_by = models.CharField(_("amending or repealing document"), max_length=200, blank=True)
    item = models.ForeignKey(
        "proactive.Item",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="normative_documents",
        verbose_name=_("published item"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("normative document")
        verbose_name_plural = _("normative documents")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "document_number"], name="proactive_normative_unique"
            ),
            models.CheckConstraint(
                condition=Q(effective_until__isnull=True)
                | Q(effective_until__gte=models.F("effective_from")),
                name="proactive_normative_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(status=NormativeStatus.IN_FORCE) | ~Q(status_changed_on=None),
                name="proactive_normative_change_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}（{self.document_number}）"


class Cleanup(models.Model):
    """A published clean-up (清理结果) of a body's normative documents."""

    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="normative_cleanups",
        verbose_name=_("public body"),
    )
    title = models.CharField(_("title"), max_length=300)
    decided_on = models.DateField(pgettext_lazy("information item", "decided on"))
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        verbose_name = _("clean-up result")
        verbose_name_plural = _("clean-up results")
        ordering = ["-decided_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "title"], name="proactive_cleanup_once")
        ]

    def __str__(self) -> str:
        return self.title


class CleanupEntry(models.Model):
    cleanup = models.ForeignKey(
        Cleanup, on_delete=models.CASCADE, related_name="entries", verbose_name=_("clean-up")
    )
    document = models.ForeignKey(
        NormativeDocument,
        on_delete=models.PROTECT,
        related_name="cleanup_entries",
        verbose_name=pgettext_lazy("information item", "document"),
    )
    outcome = models.CharField(
        pgettext_lazy("information item", "outcome"), max_length=8, choices=CleanupOutcome.choices
    )

    class Meta:
        verbose_name = _("clean-up entry")
        verbose_name_plural = _("clean-up entries")
        ordering = ["cleanup", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cleanup", "document"], name="proactive_cleanup_entry")
        ]

    def __str__(self) -> str:
        return f"{self.document} {self.outcome}"
