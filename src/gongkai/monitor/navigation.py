from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Role
from gongkai.core.navigation import workbench_link

workbench_link(
    75, _("Site monitor"), "monitor:workbench", roles=[Role.OFFICE, Role.ADMIN], group="portal"
)
