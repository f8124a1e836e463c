from django.utils.translation import gettext_lazy as _

from gongkai.core.navigation import workbench_link

# Every member of staff reads their body's internal notices.
workbench_link(78, _("Internal disclosure"), "internal:notices", group="tools")
