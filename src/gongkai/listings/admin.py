"""The powers list in the admin, read-only: changes go through the workbench import and the
services, which keep the public history and the ledger."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from gongkai.core.admin import ReadOnlyAdmin, ReadOnlyInline, shown_as
from gongkai.listings.models import (
    Leader,
    OrganisationProfile,
    Power,
    PowerBasis,
    PowerImport,
    PowerVersion,
)


class BasisInline(ReadOnlyInline):
    model = PowerBasis
    fields = ("position", "law", "article")


class VersionInline(ReadOnlyInline):
    model = PowerVersion
    fields = ("number", "change", "changed_on", "reason", "fields_changed", "recorded_by")


@admin.register(Power)
class PowerAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "kind", "organisation", "is_active", "version", "changed_on")
    list_filter = ("kind", "is_active")
    search_fields = ("code", "name")
    inlines = [BasisInline, VersionInline]


@admin.register(PowerImport)
class PowerImportAdmin(ReadOnlyAdmin):
    list_display = ("file_name", "organisation", "uploaded_by", "uploaded_at", "applied_at")
    exclude = ("content", "sha256")
    # Django takes a callable here; django-stubs types the attribute as field names only.
    readonly_fields = (shown_as("sha256", _("SHA-256 checksum")),)  # type: ignore[assignment]


@admin.register(OrganisationProfile)
class OrganisationProfileAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "phone", "updated_on")


@admin.register(Leader)
class LeaderAdmin(ReadOnlyAdmin):
    list_display = ("name", "title", "organisation", "position", "is_active", "updated_on")
    list_filter = ("is_active",)
