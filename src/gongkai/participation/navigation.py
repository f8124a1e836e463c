from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Role
from gongkai.core.navigation import portal_link, workbench_link

portal_link(40, _("Interaction"), "participation:home")

_STAFF = [Role.OFFICE, Role.HANDLER, Role.ADMIN, Role.LEADER]
workbench_link(40, _("Consultations"), "participation:wb_consultations", roles=_STAFF)
workbench_link(41, _("Mailbox"), "participation:wb_letters", roles=_STAFF)
workbench_link(42, _("Mailbox statistics"), "participation:wb_dashboard", roles=_STAFF)
workbench_link(43, _("Suggestions and proposals"), "participation:wb_proposals", roles=_STAFF)
workbench_link(44, _("Opinion incidents"), "participation:wb_incidents", roles=_STAFF)
