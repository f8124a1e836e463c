from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Role
from gongkai.core.navigation import workbench_link

workbench_link(32, _("Search synonyms"), "search:synonyms", roles=[Role.OFFICE, Role.ADMIN])
