"""预决算 in the admin, read-only: changes go through the workbench and the services, which
keep the clock, the corrections and the ledger."""

from django.contrib import admin

from gongkai.budgets.models import BudgetCorrection, BudgetDocument, BudgetTable
from gongkai.core.admin import ReadOnlyAdmin, ReadOnlyInline


class TableInline(ReadOnlyInline):
    model = BudgetTable
    fields = ("template", "empty_note")


class CorrectionInline(ReadOnlyInline):
    model = BudgetCorrection
    fields = ("corrected_on", "what", "reason", "recorded_by")


@admin.register(BudgetDocument)
class BudgetDocumentAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "year", "kind", "approved_on", "status", "published_at")
    list_filter = ("kind", "status", "year")
    inlines = [TableInline, CorrectionInline]
