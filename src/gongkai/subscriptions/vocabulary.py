"""What the ledger's subscription codes are called (see core/vocabulary.py)."""

from django.utils.translation import gettext_lazy as _

from gongkai.core import vocabulary
from gongkai.subscriptions.models import Channel, Frequency, Kind

vocabulary.actions(
    {
        "create": _("Subscription requested"),
        "confirmation_resent": _("Subscription confirmation sent again"),
        "confirm": _("Subscription confirmed"),
        "end": _("Unsubscribed and address erased"),
        "expire": _("Unconfirmed subscription erased"),
        "digests": _("Subscription digests sent"),
        "status_told": _("Subscriber told an application's status"),
    },
    prefix="subscriptions.",
)
vocabulary.keys(
    {
        "target": _("Subscribed to"),
        "frequency": _("Frequency"),
        "by": _("Ended by"),
        "messages": _("Messages"),
        "until": _("Items published up to"),
    },
    free=("subscriptions:target", "subscriptions:address", "subscriptions:until"),
)
vocabulary.values("subscriptions", "kind", Kind.choices)
vocabulary.values("subscriptions", "channel", Channel.choices)
vocabulary.values("subscriptions", "frequency", Frequency.choices)
vocabulary.values(
    "subscriptions",
    "by",
    [("office", _("The openness office")), ("subscriber", _("The subscriber"))],
)
