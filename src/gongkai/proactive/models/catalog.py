"""The 政务公开事项标准目录 (standard catalog) of a body, imported from its spreadsheet."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class StandardCatalogItem(models.Model):
    """One row of the standard catalog (columns: RULES.md "Standard catalogs")."""

    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="standard_catalog",
        verbose_name=_("public body"),
    )
    number = models.PositiveIntegerField(_("number"))
    level1 = models.CharField(_("first-level matter"), max_length=100)
    level2 = models.CharField(_("second-level matter"), max_length=100)
    elements = models.TextField(_("content elements"), blank=True)
    basis = models.TextField(pgettext_lazy("information item", "basis"), blank=True)
    time_limit = models.CharField(
        pgettext_lazy("information item", "time limit"), max_length=200, blank=True
    )
    limit_working_days = models.PositiveIntegerField(
        _("time limit in working days"), null=True, blank=True
    )
    subject = models.CharField(_("disclosing body"), max_length=100, blank=True)
    channels = models.JSONField(_("channels and carriers"), default=list)
    audience = models.CharField(_("audience"), max_length=20, blank=True)
    method = models.CharField(_("method"), max_length=10, blank=True)
    levels = models.CharField(_("levels"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("standard catalog item")
        verbose_name_plural = _("standard catalog items")
        ordering = ["organisation", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "level1", "level2"], name="proactive_catalog_item_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.level1}／{self.level2}"
