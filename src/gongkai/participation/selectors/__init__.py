"""Reads used by views and the API."""

from gongkai.participation.selectors.consultation import (
    COMMENTS_PER_PAGE,
    access_comment,
    access_consultation,
    adoption_report,
    comments_for_staff,
    comments_published,
    consultation_accepting,
    consultation_public,
    consultations_public,
    consultations_visible_to,
    provisions_with_counts,
)
from gongkai.participation.selectors.counts import participation_counts
from gongkai.participation.selectors.incidents import (
    access_incident,
    clocks_of,
    incidents_overdue,
    incidents_visible_to,
    press_conferences_of,
)
from gongkai.participation.selectors.mailbox import (
    access_letter,
    categories_of,
    letter_follow,
    letter_public,
    letter_statistics,
    letters_public,
    letters_visible_to,
    site_check,
)
from gongkai.participation.selectors.proposals import (
    access_proposal,
    proposal_public_title,
    proposal_published,
    proposals_published,
    proposals_visible_to,
)
from gongkai.participation.statistics import (
    participation_statistics as participation_statistics,
)

__all__ = [
    "consultation_accepting",
    "COMMENTS_PER_PAGE",
    "access_comment",
    "access_consultation",
    "access_incident",
    "access_letter",
    "access_proposal",
    "adoption_report",
    "categories_of",
    "clocks_of",
    "comments_for_staff",
    "comments_published",
    "consultation_public",
    "consultations_public",
    "consultations_visible_to",
    "incidents_overdue",
    "incidents_visible_to",
    "letter_follow",
    "letter_public",
    "letter_statistics",
    "letters_public",
    "letters_visible_to",
    "participation_counts",
    "press_conferences_of",
    "proposal_public_title",
    "proposal_published",
    "proposals_published",
    "proposals_visible_to",
    "provisions_with_counts",
    "site_check",
]
