from django.contrib import admin

from gongkai.core.admin import ReadOnlyAdmin
from gongkai.subscriptions.models import Subscription
from gongkai.subscriptions.selectors import mask_address


@admin.register(Subscription)
class SubscriptionAdmin(ReadOnlyAdmin):
    """Read-only: subscriptions change through their services (confirm, end), and the
    address is shown masked like on the workbench."""

    list_display = ("target", "channel", "masked_address", "frequency", "state", "created_at")
    list_filter = ("state", "channel", "kind", "frequency")
    exclude = ("address",)
    readonly_fields = ("masked_address",)

    @admin.display(description=Subscription._meta.get_field("address").verbose_name)
    def masked_address(self, obj):
        return mask_address(obj.address)
