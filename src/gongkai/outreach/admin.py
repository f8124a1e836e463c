"""Read-only views of the outreach records: every change goes through the services (and
the ledger) from the workbench pages."""

from django.contrib import admin

from gongkai.outreach.models import Channel, Observation, OpenDay, Push, Registration, Supervisor


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Channel)
class ChannelAdmin(ReadOnly):
    list_display = ("name", "kind", "organisation", "is_active")
    list_filter = ("kind", "is_active")


@admin.register(Push)
class PushAdmin(ReadOnly):
    list_display = ("item", "channel", "state", "attempts", "sent_at")
    list_filter = ("state",)


@admin.register(Supervisor)
class SupervisorAdmin(ReadOnly):
    list_display = ("full_name", "affiliation", "organisation", "appointed_on", "is_active")


@admin.register(Observation)
class ObservationAdmin(ReadOnly):
    list_display = ("subject", "supervisor", "filed_at", "state")
    list_filter = ("state",)


@admin.register(OpenDay)
class OpenDayAdmin(ReadOnly):
    list_display = ("title", "starts_at", "registered", "capacity")


@admin.register(Registration)
class RegistrationAdmin(ReadOnly):
    list_display = ("code", "open_day", "created_at", "attended")
    exclude = ("phone",)
