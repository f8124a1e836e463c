from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Role
from gongkai.core.navigation import workbench_link

_OFFICE = [Role.OFFICE, Role.ADMIN]
for _order, _label, _url in (
    (47, _("New-media channels"), "outreach:channels"),
    (48, _("Openness supervisors"), "outreach:supervisors"),
    (49, _("Open days"), "outreach:open_days_manage"),
):
    workbench_link(_order, _label, _url, roles=_OFFICE, group="participation")
