from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Role
from gongkai.core.navigation import workbench_link

workbench_link(96, _("Sites of the platform"), "sites:workbench", roles=[Role.ADMIN], group="tools")
workbench_link(34, _("Reprints"), "sites:reprints", roles=[Role.OFFICE, Role.ADMIN], group="portal")
