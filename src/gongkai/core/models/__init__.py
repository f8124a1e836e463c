from gongkai.core.models.background import OutgoingMessage, TaskFailure
from gongkai.core.models.calendar import CalendarDay, CalendarYear
from gongkai.core.models.case import (
    Case,
    CaseManager,
    Scoped,
    ScopeFields,
    UnitOwned,
    organisation_field,
    unit_field,
)
from gongkai.core.models.clock import Clock, ClockEvent
from gongkai.core.models.ledger import LedgerAnchor, LedgerEntry
from gongkai.core.models.notification import Notification
from gongkai.core.models.organisation import Organisation, Role, StaffProfile
from gongkai.core.models.token import ApiToken

__all__ = [
    "ApiToken",
    "CalendarDay",
    "CalendarYear",
    "Case",
    "CaseManager",
    "Clock",
    "ClockEvent",
    "LedgerAnchor",
    "LedgerEntry",
    "Notification",
    "Organisation",
    "OutgoingMessage",
    "Role",
    "ScopeFields",
    "Scoped",
    "StaffProfile",
    "TaskFailure",
    "UnitOwned",
    "organisation_field",
    "unit_field",
]
