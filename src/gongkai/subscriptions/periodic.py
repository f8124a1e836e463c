from django.utils.translation import gettext_lazy as _

from gongkai.core.periodic import job


@job(60, _("Send the daily subscription digests"))
def send_daily_digests() -> str:
    from gongkai.subscriptions.models import Frequency
    from gongkai.subscriptions.services import digests_send

    # Immediate subscriptions too, in case a worker missed a publication's task.
    immediate = digests_send(frequency=Frequency.IMMEDIATE)
    return f"{digests_send(frequency=Frequency.DAILY)} + {immediate}"


@job(61, _("Erase unconfirmed subscriptions"))
def forget_unconfirmed_subscriptions() -> str:
    from gongkai.subscriptions.services import subscriptions_forget_unconfirmed

    return str(subscriptions_forget_unconfirmed())
