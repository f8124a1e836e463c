"""What the ledger's enforcement codes are called (see core/vocabulary.py)."""

from django.utils.translation import gettext_lazy as _

from gongkai.core import vocabulary

vocabulary.actions(
    {
        "body_added": _("Enforcement body published"),
        "officer_added": _("Enforcement officer listed"),
        "officer_removed": _("Enforcement officer no longer listed"),
        "matter_added": _("Enforcement matter published"),
        "matter_changed": _("Enforcement matter changed"),
        "standard_added": _("Discretion standard published"),
        "decision_create": _("Enforcement decision recorded"),
        "decision_update": _("Enforcement decision draft corrected"),
        "decision_published": _("Enforcement decision published"),
        "decision_withdrawn": _("Enforcement decision withdrawn"),
        "target_added": _("Inspection target listed"),
        "draw_published": _("Random inspection draw made and published"),
        "result_published": _("Inspection result published"),
    },
    prefix="enforcement.",
)
