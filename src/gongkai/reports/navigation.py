from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Role
from gongkai.core.navigation import portal_link, workbench_group, workbench_link

portal_link(60, _("Yearly reports"), "reports:public_list")
workbench_group("reports", 60, _("Reports and statistics"))
_READERS = [Role.OFFICE, Role.LEADER, Role.ADMIN]
workbench_link(60, _("Yearly reports"), "reports:workbench", roles=_READERS, group="reports")
workbench_link(65, _("Statistics"), "reports:dashboard", roles=_READERS, group="reports")
workbench_link(66, _("Application ledger"), "reports:ledger", roles=_READERS, group="reports")
