from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import (
    CalendarDay,
    CalendarYear,
    Clock,
    ClockEvent,
    LedgerAnchor,
    LedgerEntry,
    Organisation,
    StaffProfile,
)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "credit_code", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "credit_code", "code"]


@admin.register(StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):
    list_display = ["full_name", "user", "organisation"]
    search_fields = ["full_name", "user__username"]
    filter_horizontal = ["units"]


class CalendarDayInline(admin.TabularInline):
    model = CalendarDay
    extra = 0
    can_delete = False
    readonly_fields = ["date", "kind", "name"]


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    """Read-only: years are loaded through the workbench so the ledger records them."""

    list_display = ["year", "loaded_by", "loaded_at"]
    readonly_fields = ["year", "source_text", "loaded_by", "loaded_at"]
    inlines = [CalendarDayInline]

    def has_add_permission(self, request):
        return False


class ClockEventInline(admin.TabularInline):
    model = ClockEvent
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "at", "days", "actor", "approved_by", "note"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Clock)
class ClockAdmin(admin.ModelAdmin):
    """Read-only: clocks change only through their services (and the ledger)."""

    list_display = ["label", "rule", "organisation", "unit", "state", "due_at", "is_provisional"]
    list_filter = ["rule", "state", "is_provisional"]
    inlines = [ClockEventInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    list_display = ["seq", "created_at", "actor_name", "action", "object_repr", "organisation"]
    list_filter = ["action"]
    search_fields = ["object_repr", "actor_name"]


@admin.register(LedgerAnchor)
class LedgerAnchorAdmin(ReadOnlyAdmin):
    list_display = ["day", "seq", "head_hash"]


admin.site.empty_value_display = _("(none)")
