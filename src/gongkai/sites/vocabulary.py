"""What the ledger's sites codes are called (see core/vocabulary.py)."""

from django.utils.translation import gettext_lazy as _

from gongkai.core import vocabulary

vocabulary.actions(
    {
        "site_create": _("Site created"),
        "reprint_add": _("Information reprinted on a site"),
        "reprint_remove": _("Reprint removed from a site"),
    },
    prefix="sites.",
)
vocabulary.keys(
    {
        "bodies": _("Further bodies shown"),
        "copied": _("Copied from the template"),
        "item": _("Information item number"),
        "platform": _("Region platform"),
        "site": _("Site"),
        "template": _("Template site"),
    }
)
vocabulary.values(
    "sites",
    "copied",
    [
        ("guide", _("Openness guide")),
        ("identity", _("Website identification")),
        ("columns", _("Column tree")),
    ],
)
