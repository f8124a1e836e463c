"""The office's monitor settings in the admin: saved and deleted through the services."""

from django.contrib import admin

from gongkai.monitor.models import AllowedHost, ColumnWatch, SensitiveWord
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
