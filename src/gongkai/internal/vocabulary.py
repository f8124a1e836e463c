"""What the ledger's internal-disclosure codes are called (see core/vocabulary.py)."""

from django.utils.translation import gettext_lazy as _

from gongkai.core import vocabulary
from gongkai.internal.law import Category

vocabulary.actions(
    {
        "publish": _("Internal notice published to staff"),
        "withdraw": _("Internal notice withdrawn"),
    },
    prefix="internal.",
)
# "category" and "title" are labelled by core already.
vocabulary.values("internal", "category", Category.choices)
