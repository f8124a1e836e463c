from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Role
from gongkai.core.navigation import portal_link, workbench_group, workbench_link

portal_link(0, _("Home"), "portal:home")
portal_link(10, _("Government information disclosure"), "portal:openness")
portal_link(90, _("Search"), "portal:search")
workbench_group("portal", 70, _("Website management"))
_OFFICE = [Role.OFFICE, Role.ADMIN]
workbench_link(60, _("Portal columns"), "portal:workbench-columns", roles=_OFFICE, group="portal")
workbench_link(61, _("Openness guide"), "portal:workbench-guide", roles=_OFFICE, group="portal")
workbench_link(
    62, _("Website identification"), "portal:workbench-identity", roles=_OFFICE, group="portal"
)
