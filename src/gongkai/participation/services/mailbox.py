"""The mailbox: categories, letters, assignment, forwarding, replies, ratings, Q&A."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gongkai.core import holidays
from gongkai.core.clockmath import local_date
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Organisation
from gongkai.core.types import Actor
from gongkai.participation import law
from gongkai.participation.indexing import letter_index
from gongkai.participation.models import Letter, LetterCategory, LetterEvent
from gongkai.participation.services.common import (
    clean_text,
    fingerprint,
    lock,
    move,
    now,
    record,
    require_office,
    require_staff,
)
from gongkai.participation.transitions import LETTER_TRANSITIONS
from gongkai.privacy import detect

_PHONE = re.compile(r"^[0-9+\-() ]{7,20}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class LetterSubmission:
    letter: Letter
    secret: str  # shown to the writer once; only its hash is stored


def hash_secret(secret: str) -> str:
    # 128 random bits: a plain SHA-256 cannot be brute-forced.
    return hashlib.sha256(secret.encode("ascii", "ignore")).hexdigest()


def letter_secret_matches(letter: Letter, secret: str) -> bool:
    return hmac.compare_digest(letter.secret_hash, hash_secret(secret.strip()))


def letter_categories_ensure(*, organisation: Organisation) -> list[LetterCategory]:
    """The body's categories, creating the local-practice defaults the first time."""
    existing = list(LetterCategory.objects.filter(organisation=organisation))
    if existing:
        return existing
    with transaction.atomic():
        for code, name, days in law.LETTER_CATEGORY_DEFAULTS:
            category, created = LetterCategory.objects.get_or_create(
                organisation=organisation,
                code=code,
                defaults={
                    "name": str(name),
                    "reply_working_days": days,
                    "source": law.LETTER_CATEGORY_SOURCE,
                },
            )
            if created:
                record(
                    actor=None,
                    action="letter_category.create",
                    obj=category,
                    summary={"code": code, "days": days},
                )
    return list(LetterCategory.objects.filter(organisation=organisation))


def letter_category_update(
    *, actor: Actor, category: LetterCategory, name: str, reply_working_days: int, is_active: bool
) -> LetterCategory:
    require_office(actor)
    name = clean_text(name, field="name", label=_("the name"), max_chars=50)
    if not 1 <= reply_working_days <= 60:
        raise ServiceError("invalid_days", _("The reply period is 1 to 60 working days."))
    with transaction.atomic():
        before = category.reply_working_days
        category.name, category.reply_working_days = name, reply_working_days
        category.is_active = is_active
        category.save()
        record(
            actor=actor,
            action="letter_category.update",
            obj=category,
            summary={"days_before": before, "days": reply_working_days, "active": is_active},
        )
    return category


def _next_code(received: dt.date) -> str:
    prefix = f"XX{received:%Y%m%d}"
    last = (
        Letter.objects.filter(code__startswith=prefix)
        .order_by("-code")
        .values_list("code", flat=True)
        .first()
    )
    return f"{prefix}{int(last[len(prefix) :]) + 1 if last else 1:04d}"


def _check_contact(phone: str, email: str) -> None:
    if not phone and not email:
        raise ServiceError(
            "contact_required", _("Please give a phone number or an e-mail address.")
        )
    if phone and not _PHONE.match(phone):
        raise ServiceError("invalid_phone", _("The phone number is not valid."))
    if email and not _EMAIL.match(email):
        raise ServiceError("invalid_email", _("The e-mail address is not valid."))


def letter_submit(
    *,
    category: LetterCategory,
    subject: str,
    body: str,
    writer_name: str,
    writer_phone: str = "",
    writer_email: str = "",
    consent_to_publish: bool = False,
    received_at: dt.datetime | None = None,
) -> LetterSubmission:
    """A letter from the public; the reply is due ``category.reply_working_days`` working
    days after the day of receipt (the day itself does not count, 民法典 art. 201)."""
    if not category.is_active:
        raise ServiceError("category_closed", _("This mailbox is not open."))
    subject = clean_text(subject, field="subject", label=_("the subject"), max_chars=100)
    body = clean_text(body, field="body", label=_("your letter"), max_chars=law.LETTER_MAX_CHARS)
    writer_name = clean_text(writer_name, field="name", label=_("your name"), max_chars=50)
    writer_phone, writer_email = writer_phone.strip(), writer_email.strip()
    _check_contact(writer_phone, writer_email)
    received_at = received_at or now()
    due = holidays.get_calendar().add(local_date(received_at), category.reply_working_days)
    secret = secrets.token_urlsafe(16)
    values = {
        "secret_hash": hash_secret(secret),
        "organisation": category.organisation,
        "category": category,
        "subject": subject,
        "body": body,
        "writer_name": writer_name,
        "writer_phone": writer_phone,
        "writer_email": writer_email,
        "consent_to_publish": consent_to_publish,
        "fingerprint": fingerprint(category.organisation_id, writer_name, subject, body),
        "received_at": received_at,
        "due_on": due.value,
        "due_is_provisional": due.provisional,
    }
    if Letter.objects.filter(fingerprint=values["fingerprint"]).exists():
        raise _duplicate()
    for _attempt in range(5):
        try:
            with transaction.atomic():
                letter = Letter.objects.create(code=_next_code(local_date(received_at)), **values)
                LetterEvent.objects.create(letter=letter, type=LetterEvent.Type.RECEIVED)
                record(
                    actor=None,
                    action="letter.submit",
                    obj=letter,
                    summary={"code": letter.code, "category": category.code, "due_on": due.value},
                )
                return LetterSubmission(letter, secret)
        except IntegrityError:
            if Letter.objects.filter(fingerprint=values["fingerprint"]).exists():
                raise _duplicate() from None
    raise ServiceError("code_unavailable", _("Please try again in a moment."))


def _duplicate() -> ServiceError:
    return ServiceError(
        "duplicate_letter",
        _("This letter has already been received; please follow it with its code and secret."),
    )


def _event(
    letter: Letter,
    type: str,
    *,
    actor: Actor,
    from_unit: Organisation | None = None,
    to_unit: Organisation | None = None,
    note: str = "",
) -> None:
    LetterEvent.objects.create(
        letter=letter, type=type, actor=actor, from_unit=from_unit, to_unit=to_unit, note=note
    )


def _move(letter: Letter, to: str, fields: tuple[str, ...]) -> None:
    move(LETTER_TRANSITIONS, letter, to, fields)


def _check_unit(letter: Letter, unit: Organisation) -> None:
    if unit.kind != Organisation.Kind.UNIT or unit.parent_id != letter.organisation_id:
        raise ServiceError("invalid_unit", _("Please choose a unit of this body."))


def letter_assign(
    *, actor: Actor, letter: Letter, unit: Organisation, handler: User | None = None
) -> Letter:
    """The office assigns a letter to a unit; handlers forward it (``letter_forward``)."""
    require_office(actor)
    _check_unit(letter, unit)
    with transaction.atomic():
        lock(letter)
        from_unit = letter.unit
        letter.unit, letter.handler = unit, handler
        _move(letter, Letter.Status.ASSIGNED, ("unit", "handler"))
        _event(letter, LetterEvent.Type.ASSIGNED, actor=actor, from_unit=from_unit, to_unit=unit)
        record(actor=actor, action="letter.assign", obj=letter, summary={"unit": unit.pk})
    return letter


def letter_forward(*, actor: Actor, letter: Letter, unit: Organisation, note: str) -> Letter:
    """Internal forwarding to the unit that should answer, with the reason."""
    require_staff(actor)
    _check_unit(letter, unit)
    note = clean_text(note, field="note", label=_("the reason"), max_chars=300)
    with transaction.atomic():
        lock(letter)
        if unit.pk == letter.unit_id:
            raise ServiceError("same_unit", _("The letter is already with this unit."))
        from_unit = letter.unit
        letter.unit, letter.handler = unit, None
        _move(letter, Letter.Status.ASSIGNED, ("unit", "handler"))
        _event(
            letter,
            LetterEvent.Type.FORWARDED,
            actor=actor,
            from_unit=from_unit,
            to_unit=unit,
            note=note,
        )
        record(
            actor=actor,
            action="letter.forward",
            obj=letter,
            summary={"from": from_unit.pk if from_unit else None, "to": unit.pk, "note": note},
        )
    return letter


def letter_answer(
    *, actor: Actor, letter: Letter, reply: str, at: dt.datetime | None = None
) -> Letter:
    require_staff(actor)
    reply = clean_text(reply, field="reply", label=_("the reply"), max_chars=law.LETTER_MAX_CHARS)
    at = at or now()
    if at < letter.received_at:
        raise ServiceError("before_receipt", _("A reply cannot precede the letter."))
    with transaction.atomic():
        lock(letter)
        letter.reply, letter.answered_at, letter.answered_by = reply, at, actor
        _move(letter, Letter.Status.ANSWERED, ("reply", "answered_at", "answered_by"))
        _event(letter, LetterEvent.Type.ANSWERED, actor=actor)
        record(
            actor=actor,
            action="letter.answer",
            obj=letter,
            summary={"code": letter.code, "on_time": letter.answered_on_time},
        )
    return letter


def letter_mark_invalid(*, actor: Actor, letter: Letter, reason: str) -> Letter:
    """Not a valid message (spam, abuse, nothing asked): it leaves the site-check count."""
    require_office(actor)
    reason = clean_text(reason, field="reason", label=_("the reason"), max_chars=300)
    with transaction.atomic():
        lock(letter)
        letter.invalid_reason = reason
        _move(letter, Letter.Status.INVALID, ("invalid_reason",))
        _event(letter, LetterEvent.Type.INVALID, actor=actor, note=reason)
        record(actor=actor, action="letter.invalid", obj=letter, summary={"reason": reason})
    return letter


def letter_rate(*, letter: Letter, secret: str, rating: int, comment: str = "") -> Letter:
    """The writer rates the reply once (1–5), proving themselves with the secret."""
    if not letter_secret_matches(letter, secret):
        raise PermissionDeniedError("wrong_secret", _("The code or the secret is wrong."))
    if letter.status != Letter.Status.ANSWERED:
        raise ServiceError("not_answered", _("You can rate the reply once it has been sent."))
    if letter.rating is not None:
        raise ServiceError("already_rated", _("You have already rated this reply; thank you."))
    if rating not in range(1, 6):
        raise ServiceError("invalid_rating", _("Please choose a rating from 1 to 5."))
    comment = comment.strip()[:300]
    with transaction.atomic():
        updated = Letter.objects.filter(pk=letter.pk, rating__isnull=True).update(
            rating=rating, rating_comment=comment
        )
        if not updated:
            raise ServiceError("already_rated", _("You have already rated this reply; thank you."))
        letter.rating, letter.rating_comment = rating, comment
        _event(letter, LetterEvent.Type.RATED, actor=None, note=str(rating))
        record(actor=None, action="letter.rate", obj=letter, summary={"rating": rating})
    return letter


def _check_publishable(letter: Letter) -> None:
    if not letter.consent_to_publish:
        raise ServiceError("no_consent", _("The writer did not consent to publication."))
    if letter.status != Letter.Status.ANSWERED:
        raise ServiceError("not_answered", _("Only an answered letter can be published."))


def letter_publish(*, actor: Actor, letter: Letter, question: str, answer: str) -> Letter:
    """Public Q&A: only with the writer's consent, only after de-identification."""
    require_office(actor)
    _check_publishable(letter)
    question = clean_text(question, field="question", label=_("the question"), max_chars=10_000)
    answer = clean_text(answer, field="answer", label=_("the answer"), max_chars=10_000)
    found = {f.text for f in detect(question) + detect(answer)}
    if letter.writer_name in question or letter.writer_name in answer:
        found.add(letter.writer_name)
    if found:
        raise ServiceError(
            "personal_data",
            _("Personal information is still in the text (%(found)s): please de-identify it.")
            % {"found": "、".join(sorted(found)[:5])},
        )
    with transaction.atomic():
        _check_publishable(lock(letter))  # again on the locked row
        letter.is_public, letter.published_at = True, now()
        letter.public_question, letter.public_answer = question, answer
        letter.save(update_fields=["is_public", "published_at", "public_question", "public_answer"])
        _event(letter, LetterEvent.Type.PUBLISHED, actor=actor)
        record(actor=actor, action="letter.publish", obj=letter, summary={"code": letter.code})
        letter_index(letter)  # the site search, through its queue
    return letter
