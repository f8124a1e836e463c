from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InternalConfig(AppConfig):
    name = "gongkai.internal"
    label = "internal"
    verbose_name = _("Internal disclosure")
