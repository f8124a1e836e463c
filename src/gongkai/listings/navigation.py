from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Role
from gongkai.core.navigation import workbench_link

workbench_link(
    30, _("Powers list"), "listings:manage", roles=[Role.OFFICE, Role.ADMIN], group="proactive"
)
workbench_link(
    31,
    _("Organisation profile"),
    "listings:profile_manage",
    roles=[Role.OFFICE, Role.ADMIN],
    group="proactive",
)
