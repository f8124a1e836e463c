"""Letters: generating, numbering and recording delivery; the body's templates and prefix."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import override

from gongkai.core.access import has_role
from gongkai.core.errors import NotFoundError, PermissionDeniedError, ServiceError
from gongkai.core.filebounds import check_archive
from gongkai.core.models import Organisation, Role
from gongkai.core.services import ledger_append
from gongkai.core.types import Actor
from gongkai.foi.letter_templates import default_template
from gongkai.foi.letters import numbering, pdf, render
from gongkai.foi.letters.selectors import template_of
from gongkai.foi.letters.values import ALLOWED, Subject, subject_of, values_for
from gongkai.foi.models import (
    Consultation,
    FeeNotice,
    Letter,
    LetterDelivery,
    LetterKind,
    LetterNumbering,
    LetterTemplate,
    Request,
    RequestEvent,
)
from gongkai.foi.services.common import lock, not_in_future, record, require_staff
from gongkai.foi.services.fees import fee_notice_received
from gongkai.foi.services.pauses import consultation_notice_received

_NUMBER_ATTEMPTS = 8
MAX_TEMPLATE_BYTES = 5 * 1024 * 1024
MAX_PREFIX_LENGTH = 20


def _existing(request: Request, kind: str, subject: Subject) -> Letter | None:
    return Letter.objects.filter(request=request, kind=kind, subject_key=subject.key).first()


def _document(
    request: Request, kind: str, subject: Subject, number: str
) -> tuple[bytes, LetterTemplate | None]:
    uploaded = template_of(request.organisation, kind)
    template = uploaded.file.read() if uploaded else default_template(kind)
    if uploaded:
        uploaded.file.close()
    return render.render(template, values_for(request, subject, number)), uploaded


def _insert(request: Request, kind: str, subject: Subject, actor: Actor) -> Letter:
    """One attempt: the next number, the document, the files and the row, or nothing."""
    body, year = request.organisation, subject.issued_on.year
    sequence = numbering.next_sequence(body, kind, year)
    number = numbering.format_number(numbering.prefix_of(body), kind, year, sequence)
    content, uploaded = _document(request, kind, subject, number)
    letter = Letter(
        request=request,
        organisation=body,
        kind=kind,
        subject_key=subject.key,
        year=year,
        sequence=sequence,
        number=number,
        issued_on=subject.issued_on,
        uploaded_template=uploaded,
        created_by=actor,
    )
    stem = f"{body.code}/{year}/{kind}-{sequence:05d}"
    letter.file.save(f"{stem}.docx", ContentFile(content), save=False)
    try:
        with transaction.atomic():
            letter.save()
            record(
                request,
                actor=actor,
                type=RequestEvent.Type.LETTER_ISSUED,
                summary={"kind": kind, "number": number, "issued_on": subject.issued_on},
            )
            if pdf.converter_available():
                # LibreOffice takes seconds: the PDF copy is made by a worker.
                from gongkai.core.queue import enqueue
                from gongkai.foi.tasks import letter_pdf_make

                enqueue(letter_pdf_make, letter_id=letter.pk)
    except BaseException:
        letter.file.delete(save=False)
        raise
    return letter


def letter_pdf_make(*, letter_id: int) -> str:
    """The worker's half of a letter: its PDF copy, once. A failed conversion raises, for
    the queue to try again; a letter that has its PDF is left as it is."""
    letter = Letter.objects.select_related("organisation").filter(pk=letter_id).first()
    if letter is None:
        raise NotFoundError("letter_not_found", _("No such letter."))
    if letter.pdf:
        return "made before"
    with letter.file.open("rb") as handle:
        converted = pdf.to_pdf(handle.read())
    if converted is None:
        raise RuntimeError("the PDF converter produced no file")
    with transaction.atomic():
        locked = Letter.objects.select_for_update().get(pk=letter.pk)
        if locked.pdf:
            return "made before"
        locked.pdf.save(
            f"{letter.organisation.code}/{letter.year}/{letter.kind}-{letter.sequence:05d}.pdf",
            ContentFile(converted),
            save=False,
        )
        try:
            locked.save(update_fields=["pdf"])
        except BaseException:
            locked.pdf.delete(save=False)
            raise
    return "made"


def letter_generate(*, request: Request, kind: str, actor: Actor) -> Letter:
    """The letter of ``kind`` for the request's current state, numbered and stored.

    Idempotent: a letter already made for the same subject (the request, its consultation
    or fee notice) is returned as it is, never numbered twice.
    """
    require_staff(actor)
    if kind not in LetterKind.values:
        raise ServiceError("invalid_letter_kind", _("Choose a kind of letter."))
    with override(settings.LANGUAGE_CODE):
        subject = subject_of(request, kind)
        for _attempt in range(_NUMBER_ATTEMPTS):
            existing = _existing(request, kind, subject)
            if existing is not None:
                return existing
            try:
                return _insert(request, kind, subject, actor)
            except IntegrityError:
                continue  # a concurrent letter took the number (or made this very letter)
    raise ServiceError("letter_number_unavailable", _("Please try again in a moment."))


def _notice_received(letter: Letter, delivered_on: dt.date, actor: Actor) -> dict[str, Any]:
    """A consultation letter or fee notice received: the addressee's period counts from
    that day (条例 art. 32; 国办函〔2020〕109号). Returns the new due date for the timeline."""
    kind, _sep, pk = letter.subject_key.partition(":")
    if letter.kind == LetterKind.THIRD_PARTY and kind == "consultation":
        consultation = Consultation.objects.get(pk=int(pk))
        consultation_notice_received(
            consultation=consultation, received_on=delivered_on, actor=actor
        )
        return {"answer_due": consultation.answer_due}
    if letter.kind == LetterKind.FEE and kind == "fee":
        notice = FeeNotice.objects.get(pk=int(pk))
        fee_notice_received(notice=notice, received_on=delivered_on, actor=actor)
        return {"payment_due": notice.payment_due}
    return {}


def letter_record_delivery(
    *, letter: Letter, delivered_on: dt.date, method: str, actor: Actor
) -> Letter:
    """送达: the day and way the letter reached its addressee, recorded once. For a
    consultation letter or a fee notice it is also the day the addressee's period counts from.
    """
    require_staff(actor)
    if method not in LetterDelivery.values:
        raise ServiceError("invalid_delivery_method", _("Choose how the letter was delivered."))
    not_in_future(delivered_on)
    if delivered_on < letter.issued_on:
        raise ServiceError(
            "delivery_before_letter", _("A letter cannot be delivered before its date.")
        )
    with transaction.atomic():
        lock(letter.request)
        # Conditional: of two deliveries recorded at once, only the first is kept.
        recorded = Letter.objects.filter(pk=letter.pk, delivered_on=None).update(
            delivered_on=delivered_on, delivery_method=method
        )
        if recorded != 1:
            letter.refresh_from_db(fields=["delivered_on", "delivery_method"])
            if (letter.delivered_on, letter.delivery_method) == (delivered_on, method):
                return letter
            raise ServiceError(
                "already_delivered",
                _("The delivery of letter %(number)s was already recorded on %(day)s.")
                % {"number": letter.number, "day": letter.delivered_on},
            )
        letter.delivered_on, letter.delivery_method = delivered_on, method
        due = _notice_received(letter, delivered_on, actor)
        record(
            letter.request,
            actor=actor,
            type=RequestEvent.Type.LETTER_DELIVERED,
            summary={
                "number": letter.number,
                "delivered_on": delivered_on,
                "method": method,
                **due,
            },
        )
    return letter


def _require_office(actor: Actor) -> None:
    if actor is None or not has_role(actor, Role.OFFICE, Role.ADMIN):
        raise PermissionDeniedError(
            "office_only", _("Only the openness office can change letter templates.")
        )


def _check_template(kind: str, data: bytes) -> None:
    if len(data) > MAX_TEMPLATE_BYTES:
        raise ServiceError("template_too_large", _("The template is larger than 5 MB."))
    check_archive(data)  # a .docx: its unpacked size is bounded before it is opened
    try:
        names = render.placeholders(render.open_document(data))
    except render.TemplateError as error:
        raise ServiceError(
            "template_not_docx", _("The file is not a Word (.docx) file.")
        ) from error
    unknown = sorted(names - ALLOWED[kind])
    if unknown:
        raise ServiceError(
            "template_unknown_placeholder",
            _("The template uses placeholders this letter does not have: %(names)s")
            % {"names": "、".join("{{%s}}" % name for name in unknown)},  # noqa: UP031
        )


def letter_template_upload(
    *, organisation: Organisation, kind: str, data: bytes, actor: Actor
) -> LetterTemplate:
    """The body's own .docx for ``kind``, replacing any earlier one."""
    _require_office(actor)
    if kind not in LetterKind.values:
        raise ServiceError("invalid_letter_kind", _("Choose a kind of letter."))
    _check_template(kind, data)
    template = template_of(organisation, kind) or LetterTemplate(
        organisation=organisation, kind=kind
    )
    old_name = template.file.name if template.pk else None
    template.uploaded_by = actor
    template.file.save(f"{organisation.code}-{kind}.docx", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            template.save()
            ledger_append(
                actor=actor,
                action="foi.letter_template_upload",
                obj=template,
                organisation=organisation,
                summary={"kind": kind, "bytes": len(data)},
            )
    except BaseException:
        template.file.delete(save=False)
        raise
    if old_name and old_name != template.file.name:
        template.file.storage.delete(old_name)
    return template


def letter_numbering_set(
    *, organisation: Organisation, prefix: str, actor: Actor
) -> LetterNumbering:
    """The body's letter prefix, e.g. 湛公信 (湛公信复〔2026〕第12号)."""
    _require_office(actor)
    prefix = prefix.strip()
    if not prefix or len(prefix) > MAX_PREFIX_LENGTH or any(ch.isspace() for ch in prefix):
        raise ServiceError(
            "invalid_prefix",
            _("The prefix is 1 to %(max)d characters without spaces.") % {"max": MAX_PREFIX_LENGTH},
        )
    with transaction.atomic():
        numbering_row, _created = LetterNumbering.objects.update_or_create(
            organisation=organisation, defaults={"prefix": prefix}
        )
        ledger_append(
            actor=actor,
            action="foi.letter_numbering_set",
            obj=numbering_row,
            organisation=organisation,
            summary={"prefix": prefix},
        )
    return numbering_row
