"""对内公开 in the admin, read-only: notices are published and withdrawn in the workbench."""

from django.contrib import admin

from gongkai.core.admin import ReadOnlyAdmin
from gongkai.internal.models import InternalNotice


@admin.register(InternalNotice)
class InternalNoticeAdmin(ReadOnlyAdmin):
    list_display = ("title", "category", "organisation", "published_at", "withdrawn_at")
    list_filter = ("category",)
