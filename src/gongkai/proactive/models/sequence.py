"""Index-number sequences: one counter per body and year, only ever incremented."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexSequence(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("public body"),
    )
    year = models.PositiveIntegerField(_("year"))
    last = models.PositiveIntegerField(_("last number issued"), default=0)

    class Meta:
        verbose_name = _("index number sequence")
        verbose_name_plural = _("index number sequences")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="proactive_index_sequence_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.year}: {self.last}"
