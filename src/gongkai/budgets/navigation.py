from django.utils.translation import gettext_lazy as _

from gongkai.core.duties import case_page
from gongkai.core.models import Role
from gongkai.core.navigation import workbench_link

workbench_link(
    32,
    _("Budgets and final accounts"),
    "budgets:manage",
    roles=[Role.OFFICE, Role.ADMIN],
    group="proactive",
)

# A running publication clock on the deadlines board links to the document's workbench page.
case_page("budgets.budgetdocument", "budgets:edit")
