from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Role
from gongkai.core.navigation import workbench_link

workbench_link(
    32, _("Enforcement decisions"), "enforcement:manage",
    roles=[Role.OFFICE, Role.HANDLER, Role.ADMIN], group="proactive")  # fmt: skip
workbench_link(
    33, _("Random inspection draws"), "enforcement:draws_manage",
    roles=[Role.OFFICE, Role.HANDLER, Role.ADMIN], group="proactive")  # fmt: skip
workbench_link(
    34, _("Enforcement bodies and officers"), "enforcement:register_manage",
    roles=[Role.OFFICE, Role.ADMIN], group="proactive")  # fmt: skip
