from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gongkai.core.models import Role
from gongkai.core.navigation import portal_link, workbench_link

portal_link(10, _("Information disclosure"), "proactive:catalog")
portal_link(
    12, pgettext_lazy("information item", "Proactive disclosure catalog"), "proactive:directory"
)
workbench_link(
    10,
    _("Proactive disclosure"),
    "proactive:workbench",
    roles=[Role.OFFICE, Role.HANDLER, Role.REVIEWER, Role.LEADER, Role.ADMIN],
)
workbench_link(
    11,
    _("Proactive disclosure settings"),
    "proactive:settings",
    roles=[Role.OFFICE, Role.ADMIN],
)
