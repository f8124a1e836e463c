"""Menu entries of disclosure on request."""

from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Role
from gongkai.core.navigation import portal_link, workbench_link

portal_link(30, _("Apply for disclosure"), "foi:apply")
portal_link(31, _("Follow an application"), "foi:track")
workbench_link(
    20, _("Disclosure requests"), "foi:queue", roles=[Role.OFFICE, Role.HANDLER, Role.LEADER]
)
workbench_link(21, _("Overdue requests"), "foi:overdue", roles=[Role.OFFICE, Role.LEADER])
workbench_link(22, _("Register a request"), "foi:register", roles=[Role.OFFICE, Role.HANDLER])
workbench_link(
    23, _("Letter templates and numbering"), "foi:letter_settings", roles=[Role.OFFICE, Role.ADMIN]
)
workbench_link(
    24, _("Views of applicants' data"), "foi:identity_views", roles=[Role.OFFICE, Role.ADMIN]
)
workbench_link(25, _("Personal data retention"), "foi:retention", roles=[Role.OFFICE, Role.ADMIN])
