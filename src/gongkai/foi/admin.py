"""Read-only admin views of disclosure requests: every change goes through the services
(and so the ledger); the admin is for looking, not for editing."""

from django.contrib import admin

from gongkai.core.admin import ReadOnlyMixin
from gongkai.foi.models import IdentityView, Request, RequestEvent


class RequestEventInline(ReadOnlyMixin, admin.TabularInline):
    model = RequestEvent
    fields = ("at", "type", "actor", "payload")
    readonly_fields = fields
    extra = 0


@admin.register(Request)
class RequestAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("code", "organisation", "unit", "channel", "status", "outcome", "received_on")
    list_filter = ("status", "channel", "organisation")
    search_fields = ("code",)
    exclude = ("secret_hash", "idempotency_key")
    inlines = [RequestEventInline]
    list_select_related = ("organisation", "unit")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The page shows the applicant's identity data: the view is recorded."""
        from gongkai.foi.services.personal_data import identity_view_record

        found = Request.objects.filter(pk=object_id).first() if object_id.isdigit() else None
        if found is not None and self.has_view_permission(request, found):
            identity_view_record(
                request=found, viewer=request.user, channel=IdentityView.Channel.ADMIN
            )
        return super().change_view(request, object_id, form_url, extra_context)
