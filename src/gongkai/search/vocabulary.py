"""What the ledger's search codes are called (see core/vocabulary.py)."""

from django.utils.translation import gettext_lazy as _

from gongkai.core import vocabulary

vocabulary.actions(
    {
        "synonym_add": _("Search synonym group added"),
        "synonym_update": _("Search synonym group changed"),
        "synonym_remove": _("Search synonym group removed"),
    },
    prefix="search.",
)

vocabulary.keys({"words": _("Words")}, free=("search:words",))
