from django.contrib import admin

from gongkai.core.admin import ReadOnlyAdmin
from gongkai.reports.models import YearlyReport


@admin.register(YearlyReport)
class YearlyReportAdmin(ReadOnlyAdmin):
    """Read-only: every change goes through the services (and the ledger)."""

    list_display = ("organisation", "year", "status", "published_at")
    list_filter = ("status", "year")
