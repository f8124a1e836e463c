"""Sites in the admin, read-only: sites are created by the workbench form or the command
(``gongkai sites create``), which copy the template's defaults and write the ledger."""

from django.contrib import admin

from gongkai.core.admin import ReadOnlyAdmin
from gongkai.sites.models import Reprint, Site


@admin.register(Site)
class SiteAdmin(ReadOnlyAdmin):
    list_display = ("name", "host", "path_prefix", "organisation", "is_platform", "is_default")
    list_filter = ("is_platform", "is_active")
    search_fields = ("name", "host", "organisation__name")


@admin.register(Reprint)
class ReprintAdmin(ReadOnlyAdmin):
    list_display = ("site", "item", "added_by", "added_at")
