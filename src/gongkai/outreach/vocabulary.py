"""What the ledger's outreach codes are called (see core/vocabulary.py)."""

from django.utils.translation import gettext_lazy as _

from gongkai.core import vocabulary
from gongkai.outreach.models import ChannelKind

vocabulary.actions(
    {
        "channel_create": _("New-media channel added"),
        "channel_active": _("New-media channel resumed"),
        "channel_paused": _("New-media channel paused"),
        "pushes_create": _("Item queued for the new-media channels"),
        "push_sent": _("Item pushed to a new-media channel"),
        "push_failed": _("Push to a new-media channel failed"),
        "push_retry": _("Push sent again"),
        "supervisor_appoint": _("Openness supervisor appointed"),
        "supervisor_dismiss": _("Openness supervisor's appointment ended"),
        "observation_file": _("Supervisor's observation filed"),
        "observation_answer": _("Supervisor's observation answered"),
        "open_day_create": _("Open day announced"),
        "open_day_register": _("Registered for an open day"),
        "attendance_mark": _("Open-day attendance marked"),
        "open_day_summary": _("Open-day summary published"),
    },
    prefix="outreach.",
)
vocabulary.keys(
    {
        "channels": _("Channels"),
        "item": _("Information item"),
        "attempts": _("Attempts"),
        "appointed_on": _("Appointed on"),
        "supervisor": _("Openness supervisor"),
        "capacity": _("Places"),
        "starts_at": _("Starts at"),
        "open_day": _("Open day"),
        "attended": _("Attended"),
    },
    free=("outreach:channels", "outreach:supervisor", "outreach:starts_at", "outreach:name",
          "outreach:channel", "outreach:appointed_on"),
)  # fmt: skip
vocabulary.values("outreach", "kind", ChannelKind.choices)
