"""What the ledger's site-monitor codes are called (see core/vocabulary.py)."""

from django.utils.translation import gettext_lazy as _

from gongkai.core import vocabulary
from gongkai.monitor.models import Run

vocabulary.actions(
    {
        "run_requested": _("Site check requested"),
        "run_finished": _("Site check finished"),
        "run_failed": _("Site check failed"),
        "setting_saved": _("Site monitor setting saved"),
        "setting_deleted": _("Site monitor setting deleted"),
        "alerts_raised": _("Site check alerts sent"),
    },
    prefix="monitor.",
)
vocabulary.keys(
    {
        "trigger": _("Started by"),
        "pages": _("Pages checked"),
        "findings": _("Problems found"),
        "vetoes": _("Single-veto findings"),
        "value": _("Value"),
        "alerts": _("Alerts"),
    },
    free=["monitor:value"],
)
vocabulary.values("monitor", "trigger", Run.Trigger.choices)
