"""What the ledger's participation codes are called (see core/vocabulary.py)."""

from django.utils.translation import gettext_lazy as _

from gongkai.core import vocabulary
from gongkai.participation.models import (
    Comment,
    Consultation,
    Incident,
    IncidentResponse,
    Letter,
    Proposal,
)

vocabulary.actions(
    {
        "comment.submit": _("Comment submitted"),
        "comment.moderate": _("Comment moderated"),
        "comment.decide": _("Adoption of a comment decided"),
        "consultation.create": _("Consultation drafted"),
        "consultation.attach": _("Consultation attachment added"),
        "consultation.open": _("Consultation opened"),
        "consultation.close": _("Consultation closed"),
        "consultation.report": _("Adoption report published"),
        "incident.record": _("Opinion incident recorded"),
        "incident.respond": _("Opinion incident answered"),
        "incident.close": _("Opinion incident closed"),
        "press_conference.record": _("Press conference recorded"),
        "letter.submit": _("Mailbox letter received"),
        "letter.assign": _("Mailbox letter assigned"),
        "letter.forward": _("Mailbox letter forwarded"),
        "letter.answer": _("Mailbox letter answered"),
        "letter.invalid": _("Mailbox letter marked not valid"),
        "letter.publish": _("Mailbox letter published"),
        "letter.rate": _("Mailbox answer rated"),
        "letter_category.create": _("Letter category created"),
        "letter_category.update": _("Letter category changed"),
        "moderation_word.add": _("Moderation word added"),
        "moderation_word.remove": _("Moderation word removed"),
        "proposal.register": _("Suggestion or proposal registered"),
        "proposal.assign": _("Suggestion or proposal assigned"),
        "proposal.reply": _("Suggestion or proposal answered"),
        "proposal.publish": _("Reply to a suggestion or proposal published"),
        "proposal.withhold": _("Reply to a suggestion or proposal withheld"),
    },
    prefix="participation.",
)
vocabulary.keys(
    {
        "closes_on": _("Closes on"),
        "opens_on": _("Opens on"),
        "decision": _("Decision"),
        "final_document": _("Final document"),
        "first_seen_at": _("First seen at"),
        "held": _("Held for review"),
        "held_at": _("Held at"),
        "provisions": _("Provisions"),
        "severity": _("Severity"),
        "shortened_reason": _("Reason for a shorter period"),
        "topic": _("Topic"),
        "rating": _("Rating"),
        "word": _("Word"),
        "from": _("From"),
        "to": _("To"),
    },
    free=(
        "participation:category",
        "participation:held",
        "participation:from",
        "participation:to",
        "word",
        "topic",
        "final_document",
    ),
)
for choices in (
    Consultation.Kind.choices,
    Proposal.Kind.choices,
    IncidentResponse.Kind.choices,
):
    vocabulary.values("participation", "kind", choices)
for choices in (
    Consultation.Status.choices,
    Comment.Status.choices,
    Incident.Status.choices,
    Letter.Status.choices,
    Proposal.Status.choices,
):
    vocabulary.values("participation", "status", choices)
vocabulary.values("participation", "decision", Comment.Decision.choices)
vocabulary.values("participation", "severity", Incident.Severity.choices)
