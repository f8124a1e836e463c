from django.utils.translation import gettext_lazy as _

from gongkai.core.periodic import job


@job(40, _("Close consultations whose period has ended"))
def close_consultations() -> str:
    from gongkai.participation.services import consultations_close_due

    return str(consultations_close_due())
