from django.contrib import admin

from gongkai.reports.models import YearlyReport


@admin.register(YearlyReport)
class YearlyReportAdmin(admin.ModelAdmin):
    """Read-only: every change goes through the services (and the ledger)."""

    list_display = ("organisation", "year", "status", "published_at")
    list_filter = ("status", "year")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
