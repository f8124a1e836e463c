"""Participation models; only ``gongkai.participation.services`` writes them. Their statuses' allowed
changes and who may make them are in ``gongkai.participation.transitions``."""

from gongkai.participation.models.consultation import (
    Comment,
    Consultation,
    ConsultationAttachment,
    ModerationWord,
    Provision,
)
from gongkai.participation.models.incidents import (
    Incident,
    IncidentResponse,
    PressConference,
)
from gongkai.participation.models.mailbox import (
    Letter,
    LetterCategory,
    LetterEvent,
)
from gongkai.participation.models.proposals import Proposal

__all__ = [
    "Comment",
    "Consultation",
    "ConsultationAttachment",
    "Incident",
    "IncidentResponse",
    "Letter",
    "LetterCategory",
    "LetterEvent",
    "ModerationWord",
    "PressConference",
    "Proposal",
    "Provision",
]
