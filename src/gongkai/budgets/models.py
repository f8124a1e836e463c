"""预决算 and 三公经费: one document per unit, year and kind, filled from the template.

A ``BudgetDocument`` is a unit's 部门预算 or 部门决算 for one year: the approval (批复) that
starts the 20-day clock, the explanation (情况说明), the template's tables (``BudgetTable``
with its ``BudgetRow``s) and the 三公经费 figures with the reasons for their change. It is
written only by ``services``; once published it changes only by a correction, which keeps
its reason public (``BudgetCorrection``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypedDict

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.budgets.law import TABLES, DocumentKind
from gongkai.core.models import Clock, Organisation


class _Amount(TypedDict):
    max_digits: int
    decimal_places: int


AMOUNT: _Amount = {"max_digits": 14, "decimal_places": 2}


class BudgetDocument(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="budget_documents",
    )
    year = models.PositiveSmallIntegerField(_("budget year"))
    kind = models.CharField(_("document kind"), max_length=10, choices=DocumentKind.choices)
    approved_on = models.DateField(_("approval date"))
    approved_by = models.CharField(_("approving body"), max_length=100)
    explanation = models.TextField(_("situation statement"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    clock = models.ForeignKey(
        Clock,
        verbose_name=_("publication clock"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # 三公经费 (万元) and the counts published beside them; the reasons for the change.
    abroad = models.DecimalField(_("official trips abroad"), default=0, **AMOUNT)
    vehicle_purchase = models.DecimalField(_("official vehicle purchase"), default=0, **AMOUNT)
    vehicle_operation = models.DecimalField(_("official vehicle operation"), default=0, **AMOUNT)
    reception = models.DecimalField(_("official reception"), default=0, **AMOUNT)
    abroad_groups = models.PositiveIntegerField(_("delegations abroad"), default=0)
    abroad_people = models.PositiveIntegerField(_("people abroad"), default=0)
    reception_batches = models.PositiveIntegerField(_("receptions"), default=0)
    reception_people = models.PositiveIntegerField(_("guests received"), default=0)
    vehicles_bought = models.PositiveIntegerField(_("vehicles bought"), default=0)
    vehicles_held = models.PositiveIntegerField(_("vehicles held"), default=0)
    three_explanation = models.TextField(_("reasons for the change"), blank=True)
    three_set = models.BooleanField(_("three public expenses filled"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("budget document")
        verbose_name_plural = _("budget documents")
        ordering = ["-year", "organisation", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "kind"], name="budget_document_unique"
            ),
        ]
        indexes = [models.Index(fields=["status", "year"])]

    def __str__(self) -> str:
        return f"{self.organisation.name} {self.year} {self.get_kind_display()}"

    @property
    def three_total(self) -> Decimal:
        return self.abroad + self.vehicle_purchase + self.vehicle_operation + self.reception


class BudgetTable(models.Model):
    """One of the template's tables for a document: its rows, or a note saying why it is
    empty (a table without data is published empty, with the reason)."""

    document = models.ForeignKey(
        BudgetDocument,
        verbose_name=_("budget document"),
        on_delete=models.CASCADE,
        related_name="tables",
    )
    template = models.CharField(
        _("table"), max_length=20, choices=[(t.code, t.title) for t in TABLES]
    )
    empty_note = models.CharField(_("why the table is empty"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("budget table")
        verbose_name_plural = _("budget tables")
        constraints = [
            models.UniqueConstraint(fields=["document", "template"], name="budget_table_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.document} {self.get_template_display()}"


class BudgetRow(models.Model):
    """A row of a table: 科目编码, 科目名称 and the template's amount columns (万元)."""

    table = models.ForeignKey(
        BudgetTable, verbose_name=_("budget table"), on_delete=models.CASCADE, related_name="rows"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    code = models.CharField(_("subject code"), max_length=20, blank=True)
    name = models.CharField(_("subject name"), max_length=120)
    # Decimal strings, one per template column ("1234.56").
    amounts = models.JSONField(_("amounts"), default=list)

    class Meta:
        verbose_name = _("budget row")
        verbose_name_plural = _("budget rows")
        ordering = ["table", "position"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class BudgetCorrection(models.Model):
    """A change to a published document, public: when, why, and what was changed."""

    document = models.ForeignKey(
        BudgetDocument,
        verbose_name=_("budget document"),
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    corrected_on = models.DateField(_("corrected on"))
    reason = models.CharField(_("reason"), max_length=500)
    what = models.CharField(_("what was changed"), max_length=200)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("budget correction")
        verbose_name_plural = _("budget corrections")
        ordering = ["document", "-recorded_at"]

    def __str__(self) -> str:
        return f"{self.document} {self.corrected_on}"
