"""The yearly self-check of withheld information, signed off once per body and year.

条例 art. 18: "行政机关应当建立健全政府信息管理动态调整机制，对本行政机关不予公开的政府信息进行定期评估审查，
对因情势变化可以公开的政府信息应当公开。" Seed 002 (长治市公安局上党分局2023年方案) makes it yearly:
"每年对本单位不予公开的信息…进行全面自查". The decisions per item are ``SelfCheckDecision``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SelfCheck(models.Model):
    """A body's self-check of one year, signed off by the openness office; the summary is
    frozen at sign-off so the year reads the same later."""

    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="proactive_self_checks",
        verbose_name=_("public body"),
    )
    year = models.PositiveIntegerField(_("year"))
    summary = models.JSONField(_("summary"), default=dict)
    note = models.TextField(_("note"), blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("signed off by"),
    )
    signed_off_at = models.DateTimeField(_("signed off at"), auto_now_add=True)

    class Meta:
        verbose_name = _("yearly self-check")
        verbose_name_plural = _("yearly self-checks")
        ordering = ["organisation", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="proactive_one_self_check_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.year}"
