"""Read-only views of the outreach records: every change goes through the services (and
the ledger) from the workbench pages."""

from django.contrib import admin

from gongkai.core.admin import ReadOnlyAdmin
from gongkai.outreach.models import Channel, Observation, OpenDay, Push, Registration, Supervisor


@admin.register(Channel)
class ChannelAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "organisation", "is_active")
    list_filter = ("kind", "is_active")


@admin.register(Push)
class PushAdmin(ReadOnlyAdmin):
    list_display = ("item", "channel", "state", "attempts", "sent_at")
    list_filter = ("state",)


@admin.register(Supervisor)
class SupervisorAdmin(ReadOnlyAdmin):
    list_display = ("full_name", "affiliation", "organisation", "appointed_on", "is_active")


@admin.register(Observation)
class ObservationAdmin(ReadOnlyAdmin):
    list_display = ("subject", "supervisor", "filed_at", "state")
    list_filter = ("state",)


@admin.register(OpenDay)
class OpenDayAdmin(ReadOnlyAdmin):
    list_display = ("title", "starts_at", "registered", "capacity")


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin):
    list_display = ("code", "open_day", "created_at", "attended")
    exclude = ("phone",)
