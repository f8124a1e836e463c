"""Every state change of the foundation, one function each, writing the ledger."""

from gongkai.core.services.calendar import calendar_load_notice
from gongkai.core.services.clocks import (
    clock_extend,
    clock_pause,
    clock_postpone,
    clock_recompute,
    clock_restart,
    clock_resume,
    clock_start,
    clock_stop,
    clocks_recompute_open,
)
from gongkai.core.services.ledger import ledger_anchor, ledger_append
from gongkai.core.services.organisation import (
    notification_send,
    organisation_create,
    staff_create,
)

__all__ = [
    "calendar_load_notice",
    "clock_extend",
    "clock_postpone",
    "clock_pause",
    "clock_recompute",
    "clock_restart",
    "clock_resume",
    "clock_start",
    "clock_stop",
    "clocks_recompute_open",
    "ledger_anchor",
    "ledger_append",
    "notification_send",
    "organisation_create",
    "staff_create",
]
