"""Configurable vocabularies and the negative list."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.proactive.law import NegativeCategory


class Topic(models.Model):
    """主题分类: a configurable vocabulary (e.g. 公安、司法; 户籍管理)."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("topic category")
        verbose_name_plural = _("topic categories")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name


class Genre(models.Model):
    """体裁分类: a configurable vocabulary (通知, 公告, 意见, 方案, 报告…)."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("genre")
        verbose_name_plural = _("genres")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name


class NegativeListEntry(models.Model):
    """负面清单: one category of information this body does not disclose, with its basis."""

    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="negative_list",
        verbose_name=_("public body"),
    )
    category = models.CharField(_("category"), max_length=20, choices=NegativeCategory.choices)
    description = models.TextField(_("description"))
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    review_on = models.DateField(_("next review date"))
    is_active = models.BooleanField(_("active"), default=True)
    # Retired (no longer a reason to withhold): kept, with its history, for items citing it.
    retired_on = models.DateField(_("retired on"), null=True, blank=True)
    retired_reason = models.TextField(_("reason for retiring"), blank=True)
    # The review date the office was last told about (the sweep tells it once per date).
    review_flagged_for = models.DateField(_("review reminder sent for"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("negative list entry")
        verbose_name_plural = _("negative list entries")
        ordering = ["category", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "category", "description"],
                name="proactive_negative_entry_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()}：{self.description[:40]}"


class NegativeListVersion(models.Model):
    """One state of a negative-list entry: created, edited, retired (the history shown)."""

    class Change(models.TextChoices):
        CREATED = "created", _("Created")
        EDITED = "edited", _("Edited")
        RETIRED = "retired", _("Retired")

    entry = models.ForeignKey(
        NegativeListEntry,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("negative list entry"),
    )
    number = models.PositiveIntegerField(_("version"))
    change = models.CharField(_("change"), max_length=10, choices=Change.choices)
    category = models.CharField(_("category"), max_length=20, choices=NegativeCategory.choices)
    description = models.TextField(_("description"))
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    review_on = models.DateField(_("next review date"))
    reason = models.TextField(_("reason for the change"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("negative list version")
        verbose_name_plural = _("negative list versions")
        ordering = ["entry", "number"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "number"], name="proactive_negative_version")
        ]

    def __str__(self) -> str:
        return f"{self.entry_id} v{self.number}"
