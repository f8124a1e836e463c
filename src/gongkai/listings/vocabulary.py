"""What the ledger's listings codes are called (see core/vocabulary.py)."""

from django.utils.translation import gettext_lazy as _

from gongkai.core import vocabulary

vocabulary.actions(
    {
        "create": _("Power added to the list"),
        "update": _("Power adjusted"),
        "remove": _("Power removed from the list"),
        "restore": _("Power restored to the list"),
        "import_upload": _("Powers list uploaded for preview"),
        "import_apply": _("Powers list import applied"),
        "profile_set": _("Organisation functions updated"),
        "leader_add": _("Leader added"),
        "leader_update": _("Leader's post or responsibilities changed"),
        "leader_retire": _("Leader no longer listed"),
    },
    prefix="listings.",
)
vocabulary.keys(
    {
        "power_code": _("Power code"),
        "version": _("Version"),
        "file_name": _("File name"),
        "added": _("Added"),
        "changed": _("Changed"),
        "unchanged": _("Unchanged"),
        "created": _("Newly created"),
        "restored": _("Restored"),
        "removed": _("Removed"),
    },
    free=("power_code", "listings:file_name"),
)
