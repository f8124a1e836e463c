"""What fills the placeholders of one letter, and what each kind of letter requires first.

Placeholder names are Chinese because the office edits the templates: ``{{申请人}}`` reads
as what it is. ``ALLOWED[kind]`` lists the names a template of that kind may use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gongkai.core import holidays
from gongkai.core.clockmath import EventKind, local_date
from gongkai.core.errors import ServiceError
from gongkai.core.law import clock_rule
from gongkai.foi import law
from gongkai.foi.letters import wording
from gongkai.foi.models import Consultation, FeeNotice, LetterKind, Request
from gongkai.foi.selectors import require_remedy_settings, settings_of
from gongkai.foi.transitions import DONE_STATUSES

BODY, NUMBER, APPLICANT, CODE = "机关", "编号", "申请人", "申请编号"
RECEIVED, CONTENT, DATE, DUE = "收到日期", "申请内容", "日期", "答复期限"
PHONE, ADDRESS, REMEDY = "联系电话", "地址", "救济途径"
REPLY_DATE, DECISION, BASIS = "答复日期", "答复意见", "法律依据"
ITEMS, SUPPLEMENT_DUE = "补正事项", "补正期限"
DAYS, REASON = "延期天数", "延期理由"
PARTY, OPINION_DUE = "第三方", "意见期限"
FEE_BASIS, QUANTITY, AMOUNT, PAY_DUE = "计收方式", "计费数量", "收费金额", "缴费期限"
INTEREST = "公开理由"
GROUNDS, REASONS_DUE = "超出合理范围情形", "说明理由期限"

COMMON = frozenset(
    {BODY, NUMBER, APPLICANT, CODE, RECEIVED, CONTENT, DATE, DUE, PHONE, ADDRESS, REMEDY}
)
ALLOWED: dict[str, frozenset[str]] = {
    LetterKind.RECEIPT: COMMON,
    LetterKind.SUPPLEMENT: COMMON | {ITEMS, SUPPLEMENT_DUE},
    LetterKind.EXTENSION: COMMON | {DAYS, REASON},
    LetterKind.THIRD_PARTY: COMMON | {PARTY, OPINION_DUE},
    LetterKind.FEE: COMMON | {FEE_BASIS, QUANTITY, AMOUNT, PAY_DUE},
    LetterKind.REPLY: COMMON | {REPLY_DATE, DECISION, BASIS},
    LetterKind.DISCLOSURE: COMMON | {PARTY, REPLY_DATE, INTEREST},
    LetterKind.REASONS: COMMON | {GROUNDS, REASONS_DUE},
}

# What people type often ends with its own full stop; the letter's sentence adds one.
_TRAILING = "。，、；：.,;:!?！？ \n\t"


def clause(text: str) -> str:
    """``text`` without trailing punctuation, to sit inside a sentence of the letter."""
    return text.strip().rstrip(_TRAILING)


def day(value: dt.date | None) -> str:
    return date_format(value, "DATE_FORMAT") if value else ""


@dataclass(frozen=True)
class Subject:
    """What one letter is about: its date, its key (several of a kind) and its own values."""

    issued_on: dt.date
    key: str
    values: dict[str, str]


def _refuse(message: str) -> ServiceError:
    return ServiceError("letter_not_applicable", message)


def _receipt(request: Request) -> Subject:
    if request.received_on is None:
        raise _refuse(_("The request has not been received yet."))
    # 条例 art. 33: the statutory period from receipt, whatever happened since.
    limit = clock_rule("foi_reply").amount
    due = holidays.get_calendar().add(request.received_on, limit).value
    return Subject(request.received_on, "", {DUE: day(due)})


def _supplement(request: Request) -> Subject:
    supplement = request.supplements.first()
    if supplement is None:
        raise _refuse(_("No supplement was asked for this request."))
    values = {ITEMS: supplement.items, SUPPLEMENT_DUE: day(supplement.deadline)}
    return Subject(supplement.notified_on, "", values)


def _extension(request: Request) -> Subject:
    clock = request.reply_clock
    event = clock.events.filter(kind=EventKind.EXTEND).first() if clock else None
    if clock is None or event is None:
        raise _refuse(_("The reply period of this request was not extended."))
    values = {DAYS: str(event.days), REASON: clause(event.note), DUE: day(clock.due_on)}
    return Subject(local_date(event.at), "", values)


def _third_party(request: Request) -> Subject:
    consultation = (
        request.consultations.filter(kind=Consultation.Kind.THIRD_PARTY).order_by("-id").first()
    )
    if consultation is None:
        raise _refuse(_("No third party was consulted on this request."))
    values = {PARTY: consultation.party, OPINION_DUE: day(consultation.answer_due)}
    return Subject(consultation.sent_on, f"consultation:{consultation.pk}", values)


def _fee(request: Request) -> Subject:
    notice = request.fee_notices.order_by("-id").first()
    if notice is None:
        raise _refuse(_("No fee notice was sent for this request."))
    if notice.basis == FeeNotice.Basis.PER_PAGE:
        quantity = _("%(n)d pages") % {"n": notice.quantity}
    else:
        quantity = _("application no. %(n)d of the month") % {"n": notice.quantity}
    values = {
        FEE_BASIS: str(notice.get_basis_display()),
        QUANTITY: quantity,
        AMOUNT: str(notice.amount),
        PAY_DUE: day(notice.payment_due),
    }
    return Subject(notice.sent_on, f"fee:{notice.pk}", values)


def _decided_on(request: Request) -> dt.date | None:
    if request.replied_on:
        return request.replied_on
    if request.outcome == "other.no_supplement":
        return request.supplements.values_list("lapsed_on", flat=True).first()
    if request.outcome == "other.no_fee":
        return request.fee_notices.exclude(lapsed_on=None).values_list("lapsed_on", flat=True)[0]
    return None


def _reply(request: Request) -> Subject:
    decided_on = _decided_on(request)
    if request.status not in DONE_STATUSES or not request.outcome or decided_on is None:
        raise _refuse(_("The request has not been decided yet."))
    settings = require_remedy_settings(request.organisation)
    text = wording.reply_wording(request.outcome, request.reply_ground, request.responsible_body)
    way = _("%(form)s, %(delivery)s") % {
        "form": request.get_form_display(),
        "delivery": request.get_delivery_display(),
    }
    basis = str(wording.LEGAL_BASIS) % {"citation": text.citation}
    if request.legal_basis:
        basis = "\n".join([basis, str(wording.REASONS) % {"reasons": request.legal_basis}])
    decision = str(text.decision) % {
        "way": way,
        "where": clause(request.published_at),
        "body": clause(request.responsible_body),
    }
    values = {
        REPLY_DATE: day(decided_on),
        DECISION: decision,
        BASIS: basis,
        REMEDY: law.remedy_statement(
            request.outcome,
            authority=settings.review_authority,
            court=settings.court,
            decided_on=decided_on,
        ),
    }
    return Subject(decided_on, "", values)


def _disclosure(request: Request) -> Subject:
    """条例 art. 32: disclosed over a third party's objection; the party is told in writing."""
    if not request.public_interest_reason or request.replied_on is None:
        raise _refuse(_("Nothing was disclosed over a third party's objection."))
    consultation = (
        request.consultations.filter(kind=Consultation.Kind.THIRD_PARTY, has_objection=True)
        .order_by("-id")
        .first()
    )
    values = {
        PARTY: consultation.party if consultation else "",
        REPLY_DATE: day(request.replied_on),
        INTEREST: clause(request.public_interest_reason),
    }
    return Subject(request.replied_on, "", values)


def _reasons(request: Request) -> Subject:
    inquiry = getattr(request, "reasons_inquiry", None)
    if inquiry is None:
        raise _refuse(_("The applicant was not asked for reasons."))
    values = {GROUNDS: clause(inquiry.grounds), REASONS_DUE: day(inquiry.deadline)}
    return Subject(inquiry.asked_on, "", values)


SUBJECTS: dict[str, Callable[[Request], Subject]] = {
    LetterKind.RECEIPT: _receipt,
    LetterKind.SUPPLEMENT: _supplement,
    LetterKind.EXTENSION: _extension,
    LetterKind.THIRD_PARTY: _third_party,
    LetterKind.FEE: _fee,
    LetterKind.REPLY: _reply,
    LetterKind.DISCLOSURE: _disclosure,
    LetterKind.REASONS: _reasons,
}


def subject_of(request: Request, kind: str) -> Subject:
    if kind not in SUBJECTS:
        raise ServiceError("invalid_letter_kind", _("Choose a kind of letter."))
    return SUBJECTS[kind](request)


def _remedy(request: Request) -> str:
    settings = settings_of(request.organisation)
    if settings is None:
        return ""
    return law.remedy_statement(
        request.outcome or "", authority=settings.review_authority, court=settings.court
    )


def values_for(request: Request, subject: Subject, number: str) -> dict[str, str]:
    """Every name of ``ALLOWED`` for the kind; names a kind does not use are empty."""
    body = request.organisation
    clock = request.reply_clock
    values = dict.fromkeys(set().union(*ALLOWED.values()), "")
    values.update(
        {
            BODY: body.name,
            NUMBER: number,
            APPLICANT: request.applicant_name,
            CODE: request.code,
            RECEIVED: day(request.received_on),
            CONTENT: clause(request.description),
            DATE: day(subject.issued_on),
            DUE: day(clock.due_on) if clock else "",
            PHONE: body.phone,
            ADDRESS: body.address,
            REMEDY: _remedy(request),
        }
    )
    values.update(subject.values)
    return values
