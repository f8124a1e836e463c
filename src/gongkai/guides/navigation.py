from django.utils.translation import gettext_lazy as _

from gongkai.core.duties import case_page
from gongkai.core.models import Role
from gongkai.core.navigation import workbench_link

workbench_link(
    32, _("Service guides"), "guides:manage", roles=[Role.OFFICE, Role.ADMIN], group="proactive"
)
workbench_link(
    33, _("Service map"), "guides:map_manage", roles=[Role.OFFICE, Role.ADMIN], group="proactive"
)
workbench_link(
    34,
    _("Government gazette"),
    "guides:gazette_manage",
    roles=[Role.OFFICE, Role.ADMIN],
    group="proactive",
)

# A running publication clock (approval → public, 1 working day) is the version's; on the
# staff deadlines board its row links to the guide's workbench page.
case_page("guides.guideversion", "guides:version_edit")
