"""Every write of disclosure on request: one keyword-only function each, with its ledger entry."""

from gongkai.foi.services.common import check_transition, lock, transition
from gongkai.foi.services.excessive import request_reasons_ask, request_reasons_decide
from gongkai.foi.services.fees import (
    fee_quote,
    request_fee_lapsed,
    request_fee_notice,
    request_fee_paid,
)
from gongkai.foi.services.intake import (
    Applicant,
    Submission,
    request_assign,
    request_confirm_receipt,
    request_register,
    request_secret_matches,
    request_submit,
    validate_applicant,
)
from gongkai.foi.services.letters import (
    letter_generate,
    letter_numbering_set,
    letter_record_delivery,
    letter_template_upload,
)
from gongkai.foi.services.pauses import (
    consultation_due_is_provisional,
    consultations_end_silent,
    request_consult,
    request_consult_answered,
    request_supplement,
    request_supplement_lapsed,
    request_supplement_received,
)
from gongkai.foi.services.reminders import (
    overdue_list_send,
    overdue_lists_send,
    reminder_send,
    reminders_send_due,
)
from gongkai.foi.services.reply import (
    outcome_needs_basis,
    remedy_decide,
    remedy_record,
    request_close,
    request_extend,
    request_reply,
)
from gongkai.foi.services.settings import body_settings_set

__all__ = [
    "Applicant",
    "body_settings_set",
    "consultation_due_is_provisional",
    "consultations_end_silent",
    "lock",
    "Submission",
    "check_transition",
    "fee_quote",
    "letter_generate",
    "letter_numbering_set",
    "letter_record_delivery",
    "letter_template_upload",
    "outcome_needs_basis",
    "overdue_list_send",
    "overdue_lists_send",
    "reminder_send",
    "reminders_send_due",
    "remedy_decide",
    "remedy_record",
    "request_assign",
    "request_close",
    "request_confirm_receipt",
    "request_consult",
    "request_consult_answered",
    "request_extend",
    "request_fee_lapsed",
    "request_fee_notice",
    "request_fee_paid",
    "request_register",
    "request_reasons_ask",
    "request_reasons_decide",
    "request_reply",
    "request_secret_matches",
    "request_submit",
    "request_supplement",
    "request_supplement_lapsed",
    "request_supplement_received",
    "transition",
    "validate_applicant",
]
