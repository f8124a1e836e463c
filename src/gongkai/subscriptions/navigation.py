from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Role
from gongkai.core.navigation import portal_link, workbench_link

portal_link(45, _("Subscribe"), "subscriptions:subscribe")
workbench_link(
    46, _("Subscriptions"), "subscriptions:manage", roles=[Role.OFFICE, Role.ADMIN],
    group="participation",
)  # fmt: skip
