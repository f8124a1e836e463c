"""The enforcement register in the admin, read-only: changes go through the workbench and the
services, which keep the public history and the ledger."""

from django.contrib import admin

from gongkai.core.admin import ReadOnlyAdmin
from gongkai.enforcement.models import (
    ChangeRecord,
    Decision,
    DiscretionStandard,
    Draw,
    EnforcementBody,
    InspectionResult,
    InspectionTarget,
    Matter,
    Officer,
)


@admin.register(EnforcementBody)
class EnforcementBodyAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "organisation", "is_active", "updated_on")


@admin.register(Officer)
class OfficerAdmin(ReadOnlyAdmin):
    list_display = ("name", "certificate", "body", "is_inspector", "is_active")
    search_fields = ("name", "certificate")


@admin.register(Matter)
class MatterAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "body", "is_active")


@admin.register(DiscretionStandard)
class DiscretionStandardAdmin(ReadOnlyAdmin):
    list_display = ("title", "organisation", "adopted_on", "file_name", "is_active")
    exclude = ("content",)


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ("number", "kind", "title", "party_public", "decided_on", "status")
    list_filter = ("kind", "status")
    search_fields = ("number", "title")


@admin.register(ChangeRecord)
class ChangeRecordAdmin(ReadOnlyAdmin):
    list_display = ("changed_on", "subject", "action", "title", "reason")
    list_filter = ("subject", "action")


@admin.register(InspectionTarget)
class InspectionTargetAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "category", "organisation", "is_active")
    list_filter = ("category",)


@admin.register(Draw)
class DrawAdmin(ReadOnlyAdmin):
    list_display = ("title", "drawn_on", "seed", "target_count", "organisation")


@admin.register(InspectionResult)
class InspectionResultAdmin(ReadOnlyAdmin):
    list_display = ("target_name", "draw", "outcome", "inspected_on", "published_on")
