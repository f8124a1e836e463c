"""What the ledger's budgets codes are called (see core/vocabulary.py)."""

from django.utils.translation import gettext_lazy as _

from gongkai.budgets.law import DocumentKind
from gongkai.core import vocabulary

vocabulary.actions(
    {
        "create": _("Approved budget or final accounts recorded"),
        "update": _("Budget document changed"),
        "table_set": _("Budget table filled"),
        "three_set": _("Three public expenses filled"),
        "publish": _("Budget document published"),
    },
    prefix="budgets.",
)
# "year", "kind" and "total" are labelled by core and portal already.
vocabulary.keys({"rows": _("Rows")})
vocabulary.values("budgets", "kind", DocumentKind.choices)
