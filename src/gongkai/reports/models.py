"""The yearly report of one public body for one year (条例 arts. 49–50).

The tables are a JSON snapshot computed by ``generate`` from the platform's data; the prose of
sections 一, 五 and 六 and the staff-entered section 二 tables are edited by the office. Only
``gongkai.reports.services`` writes these rows, each write with its ledger entry.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.law import clock_rule
from gongkai.core.models import Scoped, ScopeFields


# Its allowed changes and who may make them: ``gongkai.reports.transitions``.
class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class YearlyReport(Scoped):
    # A report has no unit: a handler sees the reports they prepared (and, as every rule
    # here, only in their own body).
    scope_fields = ScopeFields(unit="organisation_id", handler="prepared_by_id")

    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="yearly_reports",
        verbose_name=_("public body"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    tables = models.JSONField(_("tables"), default=dict, blank=True)
    overview = models.TextField(_("overall situation"), blank=True)
    problems = models.TextField(_("main problems and improvements"), blank=True)
    other_matters = models.TextField(_("other matters to report"), blank=True)
    manual_tables = models.JSONField(_("tables entered by staff"), default=dict, blank=True)
    generated_at = models.DateTimeField(_("generated at"), null=True, blank=True)
    # The office asked for the tables to be computed; a worker does it (reports.tasks).
    generation_requested_at = models.DateTimeField(
        _("computation requested at"), null=True, blank=True
    )
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("prepared by"),
    )
    # 领导审签: the office submits the finished draft, a leader of the body signs it off, and
    # only then may the office publish. Any change to the draft withdraws both.
    sign_off_requested_at = models.DateTimeField(_("sign-off requested at"), null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed off by"),
    )
    signed_off_at = models.DateTimeField(_("signed off at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("office reminded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")
        ordering = ["-year", "organisation_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="reports_one_report_per_body_year"
            ),
            models.CheckConstraint(
                condition=models.Q(status=Status.DRAFT) | models.Q(published_at__isnull=False),
                name="reports_published_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "year"])]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}"

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def due_on(self) -> dt.date:
        """条例 art. 49: published by 31 January; core's rule "yearly_report" counts its days
        from the end of the reported year."""
        return dt.date(self.year, 12, 31) + dt.timedelta(days=clock_rule("yearly_report").amount)

    @property
    def generation_pending(self) -> bool:
        """Computation requested and not yet done (a draft only: publishing ends it)."""
        return (
            self.status == Status.DRAFT
            and self.generation_requested_at is not None
            and (self.generated_at is None or self.generated_at < self.generation_requested_at)
        )

    @property
    def awaiting_sign_off(self) -> bool:
        return (
            self.status == Status.DRAFT
            and self.sign_off_requested_at is not None
            and self.signed_off_at is None
        )

    def is_overdue(self, today: dt.date) -> bool:
        return not self.is_published and today > self.due_on
