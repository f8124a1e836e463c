"""The guides, map and gazette in the admin, read-only: changes go through the workbench
and the services, which keep the public history, the clock and the ledger."""

from django.contrib import admin

from gongkai.core.admin import ReadOnlyAdmin, ReadOnlyInline
from gongkai.guides.models import (
    GazetteEntry,
    GazetteIssue,
    Guide,
    GuideBasis,
    GuideMaterial,
    GuideStep,
    GuideVersion,
    MapSettings,
    ServicePoint,
)


class BasisInline(ReadOnlyInline):
    model = GuideBasis
    fields = ("position", "law", "article")


class MaterialInline(ReadOnlyInline):
    model = GuideMaterial
    fields = ("position", "name", "copies", "form", "note")


class StepInline(ReadOnlyInline):
    model = GuideStep
    fields = ("position", "name", "description")


class VersionInline(ReadOnlyInline):
    model = GuideVersion
    fields = ("number", "change", "approved_on", "published_at", "reason", "recorded_by")


class EntryInline(ReadOnlyInline):
    model = GazetteEntry
    fields = ("position", "document")


@admin.register(Guide)
class GuideAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "organisation", "visits", "online_depth", "is_active",
                    "version", "changed_on")  # fmt: skip
    list_filter = ("is_active", "online_depth")
    search_fields = ("code", "name")
    inlines = [BasisInline, MaterialInline, StepInline, VersionInline]


@admin.register(ServicePoint)
class ServicePointAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "organisation", "latitude", "longitude", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "address")


@admin.register(MapSettings)
class MapSettingsAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "tile_url", "updated_on")


@admin.register(GazetteIssue)
class GazetteIssueAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "year", "number", "period_start", "period_end", "published_at")
    inlines = [EntryInline]
