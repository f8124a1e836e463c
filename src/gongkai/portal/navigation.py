from django.utils.translation import gettext_lazy as _

from gongkai.core.navigation import portal_link

portal_link(0, _("Home"), "portal:home")
