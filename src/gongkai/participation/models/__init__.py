"""Participation models; only ``gongkai.participation.services`` writes them."""

from gongkai.participation.models.consultation import (
    CONSULTATION_TRANSITIONS,
    Comment,
    Consultation,
    ConsultationAttachment,
    ModerationWord,
    Provision,
)
from gongkai.participation.models.incidents import (
    INCIDENT_TRANSITIONS,
    Incident,
    IncidentResponse,
    PressConference,
)
from gongkai.participation.models.mailbox import (
    LETTER_TRANSITIONS,
    Letter,
    LetterCategory,
    LetterEvent,
)
from gongkai.participation.models.proposals import PROPOSAL_TRANSITIONS, Proposal

__all__ = [
    "CONSULTATION_TRANSITIONS",
    "INCIDENT_TRANSITIONS",
    "LETTER_TRANSITIONS",
    "PROPOSAL_TRANSITIONS",
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
