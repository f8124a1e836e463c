"""The office's monitor settings in the admin: saved and deleted through the services."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from gongkai.core.admin import ReadOnlyAdmin, ReadOnlyInline, shown_as
from gongkai.monitor.models import (
    Alert,
    AllowedHost,
    ColumnWatch,
    Finding,
    NationalLeader,
    Page,
    Probe,
    Run,
    SensitiveWord,
    TermForm,
    WatchedSite,
)
from gongkai.monitor.services import setting_delete, setting_save


class SettingAdmin(admin.ModelAdmin):
    def save_model(self, request, obj, form, change):
        setting_save(actor=request.user, obj=obj)

    def delete_model(self, request, obj):
        setting_delete(actor=request.user, obj=obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            setting_delete(actor=request.user, obj=obj)


@admin.register(AllowedHost)
class AllowedHostAdmin(SettingAdmin):
    list_display = ["host", "note"]
    search_fields = ["host", "note"]


@admin.register(SensitiveWord)
class SensitiveWordAdmin(SettingAdmin):
    list_display = ["word", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["word"]


@admin.register(ColumnWatch)
class ColumnWatchAdmin(SettingAdmin):
    list_display = ["column", "cadence"]
    list_filter = ["cadence"]


@admin.register(WatchedSite)
class WatchedSiteAdmin(SettingAdmin):
    list_display = ["name", "url", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "url"]


@admin.register(NationalLeader)
class NationalLeaderAdmin(SettingAdmin):
    list_display = ["name", "titles", "is_current", "checked_on"]
    list_filter = ["is_current"]
    search_fields = ["name", "titles"]


@admin.register(TermForm)
class TermFormAdmin(SettingAdmin):
    list_display = ["wrong", "correct", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["wrong", "correct"]


@admin.register(Probe)
class ProbeAdmin(ReadOnlyAdmin):
    list_display = ["slot", "url", "status_code", "elapsed_ms", "is_ok"]
    list_filter = ["is_ok"]
    date_hierarchy = "slot"


@admin.register(Alert)
class AlertAdmin(ReadOnlyAdmin):
    list_display = ["kind", "detail", "raised_at", "closed_at"]
    list_filter = ["kind"]


class FindingInline(ReadOnlyInline):
    model = Finding
    fields = ["kind", "is_veto", "url", "page", "detail"]


class PageInline(ReadOnlyInline):
    model = Page
    fields = ["url", "status_code", "elapsed_ms", "depth"]


@admin.register(Run)
class RunAdmin(ReadOnlyAdmin):
    """Runs are written by the monitor only: the admin shows each page's status and time."""

    list_display = ["pk", "status", "trigger", "finished_at", "pages_checked", "veto_count"]
    list_filter = ["status", "trigger"]
    inlines = [FindingInline, PageInline]
    exclude = ["requested_by"]
    # Django takes callables here; django-stubs types the list as field names only.
    readonly_fields = [shown_as("requested_by", _("Requested by"))]  # type: ignore[list-item]
