from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Role
from gongkai.core.navigation import portal_link, workbench_link

# Reached from the home page's 数据开放 column, not the header (its line is full).
portal_link(65, _("Open data"), "opendata:catalog", in_header=False)
# Inside "Website management": the workbench menu keeps its groups on one line.
workbench_link(
    75, _("Open data catalog"), "opendata:manage", roles=[Role.OFFICE, Role.ADMIN], group="portal"
)
