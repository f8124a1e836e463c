"""What the ledger's disclosure-on-request codes are called (see core/vocabulary.py)."""

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from gongkai.core import vocabulary
from gongkai.foi.models import (
    APPLICANT_TYPE_CHOICES,
    OUTCOME_CHOICES,
    Channel,
    Consultation,
    FeeNotice,
    LetterDelivery,
    LetterKind,
    Remedy,
    RequestEvent,
    Status,
)

# Every timeline event is also a ledger action ``foi.<type>``: one list for both.
vocabulary.actions(dict(RequestEvent.Type.choices), prefix="foi.")
vocabulary.actions(
    {
        "attachment_stored": _("Attachment stored"),
        "letter_template_upload": _("Letter template uploaded"),
        "letter_numbering_set": _("Letter numbering set"),
        "reminder": _("Deadline reminder sent"),
        "overdue_list": _("Overdue list sent"),
        "settings_set": _("Disclosure settings changed"),
        "retention_set": _("Personal data retention period set"),
        "anonymise": _("Applicant's personal data removed"),
    },
    prefix="foi.",
)
vocabulary.keys({"months": _("Months"), "files": _("Files deleted")})
vocabulary.keys({"path": _("Stored file")}, free=("foi:path",))
vocabulary.keys(
    {
        "amount": _("Amount (yuan)"),
        "receipt_basis": _("Receipt date is"),
        "resumes_on": _("Reply period resumes on"),
        "over_objection": _("Disclosed over an objection"),
        "review_authority": _("Administrative review authority"),
        "court": _("People's court"),
        "supplement_minimum_days": _("Minimum supplement period (working days)"),
        "answer_due": _("Answer due"),
        "answered_on": _("Answered on"),
        "applicant_type": _("Applicant type"),
        "basis": _("Fee basis"),
        "channel": _("Channel"),
        "deadline": _("Deadline"),
        "decided_on": _("Decided on"),
        "delivered_on": _("Delivered on"),
        "filed_on": _("Filed on"),
        "has_objection": _("Objection raised"),
        "is_silent": _("No answer"),
        "issued_on": _("Issued on"),
        "lapsed_on": _("Lapsed on"),
        "method": _("Delivery method"),
        "notified_on": _("Notified on"),
        "paid_on": _("Paid on"),
        "payment_due": _("Payment due"),
        "prefix": _("Letter prefix"),
        "quantity": _("Quantity"),
        "received_on": _("Received on"),
        "replied_on": _("Replied on"),
        "result": _("Result"),
        "sent_on": _("Sent on"),
        "attachment": _("Attachment"),
        "content_type": _("File type"),
        "size": _("Size (bytes)"),
        "threshold": _("Reminder threshold"),
        "type": _("Type"),
        "recipients": _("Recipients"),
        "days_before": _("Working days before due"),
        "codes": _("Request codes"),
        "file": _("File"),
        "bytes": _("Size (bytes)"),
        "n": _("Count"),
        "request": _("Request"),
    },
    free=(
        "review_authority",
        "court",
        "prefix",
        "codes",
        "file",
        "attachment",
        "content_type",
        "recipients",
    ),
)
vocabulary.values("foi", "status", Status.choices)
vocabulary.values("foi", "channel", Channel.choices)
vocabulary.values("foi", "applicant_type", APPLICANT_TYPE_CHOICES)
vocabulary.values("foi", "outcome", OUTCOME_CHOICES)
vocabulary.values("foi", "basis", FeeNotice.Basis.choices)
vocabulary.values("foi", "method", LetterDelivery.choices)
vocabulary.values("foi", "result", Remedy.Result.choices)
vocabulary.values("foi", "type", RequestEvent.Type.choices)
for choices in (LetterKind.choices, Consultation.Kind.choices, Remedy.Kind.choices):
    vocabulary.values("foi", "kind", choices)
vocabulary.values(
    "foi",
    "receipt_basis",
    (
        ("handed_in", _("the day it was handed in")),
        ("signed_for", _("the day it was signed for")),
        ("confirmed", _("the day receipt was confirmed")),
    ),
)
# A clock's pause or stop note names what caused it: an outcome, a consultation, a notice.
NOTE_CHOICES: tuple[Iterable[tuple[str, StrOrPromise]], ...] = (
    OUTCOME_CHOICES,
    LetterKind.choices,
    Consultation.Kind.choices,
)
for note_choices in NOTE_CHOICES:
    vocabulary.values("clock", "note", note_choices)
vocabulary.values(
    "clock",
    "note",
    (
        ("delivery", _("Counted from the day the letter was received")),
        ("silence", _("Period ran out without an answer")),
        ("art35", _("Later reply time after the applicant's reasons (art. 35)")),
    ),
)
