from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Role
from gongkai.core.navigation import portal_link, workbench_link

# Reached from the home page's 订阅推送 column, not the header (its line is full).
portal_link(45, _("Subscribe"), "subscriptions:subscribe", in_header=False)
workbench_link(
    46, _("Subscriptions"), "subscriptions:manage", roles=[Role.OFFICE, Role.ADMIN],
    group="participation",
)  # fmt: skip
