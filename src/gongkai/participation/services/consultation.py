"""Consultations: create, open, close, attach, comment, moderate, decide, report."""

from __future__ import annotations

import datetime as dt
import re

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gongkai.core import holidays
from gongkai.core.errors import ServiceError
from gongkai.core.filebounds import check_upload
from gongkai.core.law import LimitUnit
from gongkai.core.models import Organisation
from gongkai.core.types import Actor
from gongkai.participation import law
from gongkai.participation.drafts import split_draft
from gongkai.participation.indexing import consultation_index
from gongkai.participation.models import (
    Comment,
    Consultation,
    ConsultationAttachment,
    ModerationWord,
    Provision,
)
from gongkai.participation.selectors.consultation import consultation_accepting
from gongkai.participation.services.common import (
    check_transition,
    clean_text,
    fingerprint,
    lock,
    mask_name,
    move,
    now,
    record,
    require_office,
    require_staff,
    today,
)
from gongkai.participation.transitions import CONSULTATION_TRANSITIONS
from gongkai.privacy import mask

ATTACHMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".wps", ".ofd", ".xls", ".xlsx", ".txt")
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)
_REPEAT = re.compile(r"(.)\1{" + str(law.SPAM_MAX_REPEAT) + ",}")


def minimum_close(kind: str, opens_on: dt.date) -> tuple[dt.date, bool]:
    """The earliest lawful last day of a period opening on ``opens_on`` (and whether it is
    provisional). The opening day itself does not count (民法典 art. 201)."""
    rule = law.CONSULTATION_MINIMUMS[kind]
    if rule.unit == LimitUnit.WORKING_DAYS:
        answer = holidays.get_calendar().add(opens_on, rule.amount)
        return answer.value, answer.provisional
    return opens_on + dt.timedelta(days=rule.amount), False


def _check_period(kind: str, opens_on: dt.date, closes_on: dt.date, reason: str) -> None:
    if kind not in law.CONSULTATION_MINIMUMS:
        raise ServiceError("invalid_kind", _("Unknown kind of draft."))
    if closes_on < opens_on:
        raise ServiceError("period_reversed", _("The period cannot end before it starts."))
    earliest, _provisional = minimum_close(kind, opens_on)
    if closes_on < earliest and not reason.strip():
        rule = law.CONSULTATION_MINIMUMS[kind]
        raise ServiceError(
            "period_too_short",
            _(
                "This period is shorter than the legal minimum (%(source)s): it must end on "
                "%(earliest)s or later, or state the reason for shortening it."
            )
            % {"source": rule.source, "earliest": earliest.isoformat()},
        )


def consultation_create(
    *,
    actor: Actor,
    organisation: Organisation,
    title: str,
    kind: str,
    draft_text: str,
    explanation: str,
    opens_on: dt.date,
    closes_on: dt.date,
    shortened_reason: str = "",
    unit: Organisation | None = None,
) -> Consultation:
    require_staff(actor)
    title = clean_text(title, field="title", label=_("the title"), max_chars=200)
    draft_text = clean_text(draft_text, field="draft", label=_("the draft"), max_chars=200_000)
    _check_period(kind, opens_on, closes_on, shortened_reason)
    if Consultation.objects.filter(organisation=organisation, title=title).exists():
        raise ServiceError("duplicate_title", _("A consultation with this title already exists."))
    parts = split_draft(draft_text)
    with transaction.atomic():
        consultation = Consultation.objects.create(
            organisation=organisation,
            unit=unit,
            handler=actor,
            title=title,
            kind=kind,
            draft_text=draft_text,
            explanation=explanation.strip(),
            opens_on=opens_on,
            closes_on=closes_on,
            shortened_reason=shortened_reason.strip(),
        )
        Provision.objects.bulk_create(
            Provision(
                consultation=consultation, position=n, kind=p.kind, label=p.label, text=p.text
            )
            for n, p in enumerate(parts, start=1)
        )
        record(
            actor=actor,
            action="consultation.create",
            obj=consultation,
            summary={
                "kind": kind,
                "opens_on": opens_on,
                "closes_on": closes_on,
                "shortened_reason": consultation.shortened_reason,
                "provisions": len(parts),
            },
        )
    return consultation


def consultation_open(*, actor: Actor, consultation: Consultation) -> Consultation:
    require_staff(actor)
    with transaction.atomic():
        lock(consultation)
        check_transition(CONSULTATION_TRANSITIONS, consultation, Consultation.Status.OPEN)
        if consultation.closes_on < today():
            raise ServiceError("period_over", _("The period has already ended; change the dates."))
        move(CONSULTATION_TRANSITIONS, consultation, Consultation.Status.OPEN)
        record(actor=actor, action="consultation.open", obj=consultation)
        consultation_index(consultation)  # the site search, through its queue
    return consultation


def consultation_close(*, actor: Actor, consultation: Consultation) -> Consultation:
    require_staff(actor, allow_system=True)
    with transaction.atomic():
        lock(consultation)
        move(CONSULTATION_TRANSITIONS, consultation, Consultation.Status.CLOSED)
        record(actor=actor, action="consultation.close", obj=consultation)
    return consultation


def consultations_close_due(*, on: dt.date | None = None) -> int:
    """The sweep: close every open consultation whose last day has passed (idempotent)."""
    day = on or today()
    closed = 0
    for consultation in Consultation.objects.filter(
        status=Consultation.Status.OPEN, closes_on__lt=day
    ):
        try:
            consultation_close(actor=None, consultation=consultation)
        except ServiceError:
            continue  # closed by staff meanwhile
        closed += 1
    return closed


def consultation_attach(
    *, actor: Actor, consultation: Consultation, title: str, file: UploadedFile
) -> ConsultationAttachment:
    require_staff(actor)
    title = clean_text(title, field="title", label=_("the title"), max_chars=200)
    name = (getattr(file, "name", "") or "").lower()
    if not name.endswith(ATTACHMENT_EXTENSIONS):
        raise ServiceError(
            "attachment_type",
            _("Attachments must be one of: %(types)s.")
            % {"types": " ".join(ATTACHMENT_EXTENSIONS)},
        )
    # Django sets the size of every upload; None is only the type of a bare File.
    if file.size is not None and file.size > ATTACHMENT_MAX_BYTES:
        raise ServiceError("attachment_too_big", _("An attachment can be at most 20 MB."))
    # Published for anyone to open: no decompression bomb (.docx, .xlsx, .ofd, .pdf).
    file.seek(0)
    check_upload(name, file.read())
    file.seek(0)
    with transaction.atomic():
        attachment = ConsultationAttachment.objects.create(
            consultation=consultation, title=title, file=file
        )
        record(
            actor=actor,
            action="consultation.attach",
            obj=consultation,
            summary={"title": title, "file": attachment.file.name},
        )
    return attachment


def moderation_reason(*, organisation: Organisation, text: str) -> str:
    """Why a comment or letter is held for review ("" when it can be shown at once)."""
    words = ModerationWord.objects.filter(organisation=organisation).values_list("word", flat=True)
    hits = [w for w in words if w and w in text]
    if hits:
        return _("Contains listed words: %(words)s") % {"words": "、".join(hits[:5])}
    if len(_LINK.findall(text)) > law.SPAM_MAX_LINKS:
        return _("Looks like spam: too many links.")
    if _REPEAT.search(text):
        return _("Looks like spam: one character repeated many times.")
    return ""


def comment_submit(
    *,
    consultation: Consultation,
    body: str,
    provision: Provision | None = None,
    author_name: str = "",
    contact: str = "",
) -> Comment:
    """A comment from the public: moderated, masked, and stored once."""
    body = clean_text(body, field="body", label=_("your comment"), max_chars=law.COMMENT_MAX_CHARS)
    author_name = author_name.strip()[:50]
    if not consultation_accepting(consultation, today()):
        raise ServiceError("consultation_closed", _("This consultation is not open for comments."))
    if provision is not None and (
        provision.consultation_id != consultation.pk or not provision.is_commentable
    ):
        raise ServiceError("invalid_provision", _("Please choose an article of this draft."))
    reason = moderation_reason(organisation=consultation.organisation, text=body)
    comment = Comment(
        consultation=consultation,
        provision=provision,
        author_name=author_name,
        contact=contact.strip()[:100],
        body=body,
        body_public=mask(body),
        fingerprint=fingerprint(provision.pk if provision else "-", body),
        status=Comment.Status.HELD if reason else Comment.Status.PUBLISHED,
        moderation_reason=reason,
    )
    try:
        with transaction.atomic():
            comment.save()
            record(
                actor=None,
                action="comment.submit",
                obj=consultation,
                summary={"comment": comment.pk, "status": comment.status, "held": reason},
            )
    except IntegrityError:
        raise ServiceError(
            "duplicate_comment", _("This comment has already been received; thank you.")
        ) from None
    return comment


def comment_author_display(comment: Comment) -> str:
    return mask_name(comment.author_name) if comment.author_name else _("Anonymous")


def comment_moderate(*, actor: Actor, comment: Comment, publish: bool, reason: str = "") -> Comment:
    require_staff(actor)
    status = Comment.Status.PUBLISHED if publish else Comment.Status.REJECTED
    if not publish and not reason.strip():
        raise ServiceError("reason_required", _("Please give the reason for rejecting it."))
    with transaction.atomic():
        lock(comment)
        comment.status = status
        comment.moderation_reason = reason.strip()[:200]
        comment.save(update_fields=["status", "moderation_reason"])
        record(
            actor=actor,
            action="comment.moderate",
            obj=comment.consultation,
            summary={"comment": comment.pk, "status": status, "reason": comment.moderation_reason},
        )
    return comment


def comment_decide(*, actor: Actor, comment: Comment, decision: str, reason: str = "") -> Comment:
    """Adopted, partly adopted or not adopted (the last always with its reason)."""
    require_staff(actor)
    if decision not in Comment.Decision.values or decision == Comment.Decision.PENDING:
        raise ServiceError("invalid_decision", _("Please choose whether it was adopted."))
    if decision == Comment.Decision.NOT_ADOPTED and not reason.strip():
        raise ServiceError("reason_required", _("A comment that is not adopted needs the reason."))
    with transaction.atomic():
        # The consultation's lock orders a decision against the report that freezes them.
        if lock(comment.consultation).status == Consultation.Status.REPORTED:
            raise ServiceError("already_reported", _("The adoption report is already published."))
        lock(comment)
        comment.decision, comment.decision_reason = decision, reason.strip()[:500]
        comment.decided_by = actor
        comment.save(update_fields=["decision", "decision_reason", "decided_by"])
        record(
            actor=actor,
            action="comment.decide",
            obj=comment.consultation,
            summary={"comment": comment.pk, "decision": decision, "reason": reason.strip()},
        )
    return comment


def consultation_report_publish(
    *,
    actor: Actor,
    consultation: Consultation,
    report_text: str,
    final_document_title: str,
    final_document_url: str = "",
) -> Consultation:
    """Publish the 意见收集和采纳情况 once every published comment is decided."""
    require_staff(actor)
    check_transition(CONSULTATION_TRANSITIONS, consultation, Consultation.Status.REPORTED)
    report_text = clean_text(report_text, field="report", label=_("the report"), max_chars=50_000)
    with transaction.atomic():
        lock(consultation)
        check_transition(CONSULTATION_TRANSITIONS, consultation, Consultation.Status.REPORTED)
        pending = consultation.comments.filter(
            status=Comment.Status.PUBLISHED, decision=Comment.Decision.PENDING
        ).count()
        if pending:
            raise ServiceError(
                "undecided_comments",
                _("%(n)d published comments are not yet decided.") % {"n": pending},
            )
        consultation.report_text = report_text
        consultation.final_document_title = final_document_title.strip()[:200]
        consultation.final_document_url = final_document_url.strip()
        consultation.report_published_at = now()
        move(CONSULTATION_TRANSITIONS, consultation, Consultation.Status.REPORTED,
             ("report_text", "final_document_title", "final_document_url",
              "report_published_at"))  # fmt: skip
        record(
            actor=actor,
            action="consultation.report",
            obj=consultation,
            summary={"final_document": consultation.final_document_title},
        )
        consultation_index(consultation)  # the adoption report joins the site search
    return consultation


def moderation_word_add(*, actor: Actor, organisation: Organisation, word: str) -> ModerationWord:
    require_office(actor)
    word = clean_text(word, field="word", label=_("the word"), max_chars=50)
    with transaction.atomic():
        entry, created = ModerationWord.objects.get_or_create(organisation=organisation, word=word)
        if created:
            record(actor=actor, action="moderation_word.add", obj=entry, summary={"word": word})
    return entry


def moderation_word_remove(*, actor: Actor, word: ModerationWord) -> None:
    require_office(actor)
    with transaction.atomic():
        record(actor=actor, action="moderation_word.remove", obj=word, summary={"word": word.word})
        word.delete()
