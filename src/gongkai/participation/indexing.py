"""What the site search (gongkai.search) holds of participation: published Q&A, public
consultations, their adoption reports (征集结果) and published proposal replies.

Each kind is one source registered in ``apps.py`` (its documents for a reindex, its label,
its visibility check); the services call ``*_index`` inside their transaction when a
thing becomes public or changes, so the index follows through the search queue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.clockmath import CHINA
from gongkai.participation.models import Consultation, Letter, Proposal
from gongkai.search.documents import SearchDocument, document_id, register_source
from gongkai.search.services import enqueue_delete, enqueue_upsert

LETTER = "participation-letter:"
CONSULTATION = "participation-consultation:"
ADOPTION = "participation-adoption:"
PROPOSAL = "participation-proposal:"
# As ``selectors.consultation.PUBLIC_STATUSES`` (not imported: the services import this
# module, and the selectors import the services).
PUBLIC_STATUSES = (
    Consultation.Status.OPEN,
    Consultation.Status.CLOSED,
    Consultation.Status.REPORTED,
)


def _year(moment: dt.datetime | None) -> int:
    return moment.astimezone(CHINA).year if moment else 0


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=CHINA)


def _index(document: SearchDocument | None, doc_id: str) -> None:
    """Upsert when public, else make sure it is gone (in the caller's transaction)."""
    if document is None:
        enqueue_delete(doc_id)
    else:
        enqueue_upsert(document)


# ------------------------------------------------------------------ public Q&A


def letter_document(letter: Letter) -> SearchDocument:
    """Only what the Q&A page shows: the subject and the de-identified question and answer."""
    return SearchDocument(
        id=document_id(LETTER, letter.pk),
        title=letter.subject,
        body=f"{letter.public_question}\n{letter.public_answer}",
        url=reverse("participation:letter_public", args=[letter.pk]),
        organisation=letter.organisation.name,
        year=_year(letter.published_at),
        kind="participation_letter",
        published_at=letter.published_at,
    )


def letter_index(letter: Letter) -> None:
    _index(letter_document(letter) if letter.is_public else None, document_id(LETTER, letter.pk))


def _letters():
    return Letter.objects.filter(is_public=True).select_related("organisation")


def _visible_letters(pks: list[int]) -> Iterable[int]:
    return _letters().filter(pk__in=pks).values_list("pk", flat=True)


# ------------------------------------------------------------------ consultations


def consultation_document(consultation: Consultation) -> SearchDocument:
    return SearchDocument(
        id=document_id(CONSULTATION, consultation.pk),
        title=consultation.title,
        body=f"{consultation.explanation}\n{consultation.draft_text}",
        url=reverse("participation:consultation", args=[consultation.pk]),
        organisation=consultation.organisation.name,
        year=consultation.opens_on.year,
        kind="participation_consultation",
        published_at=_start_of(consultation.opens_on),
    )


def adoption_document(consultation: Consultation) -> SearchDocument:
    """The consultation's result: 意见收集和采纳情况."""
    title = _("Comments received and adopted: %(title)s") % {"title": consultation.title}
    return SearchDocument(
        id=document_id(ADOPTION, consultation.pk),
        title=title,
        body=f"{consultation.report_text}\n{consultation.final_document_title}",
        url=reverse("participation:report", args=[consultation.pk]),
        organisation=consultation.organisation.name,
        year=_year(consultation.report_published_at),
        kind="participation_adoption",
        published_at=consultation.report_published_at,
    )


def consultation_index(consultation: Consultation) -> None:
    """The consultation while public, and its adoption report once published."""
    public = consultation.status in PUBLIC_STATUSES
    reported = consultation.status == Consultation.Status.REPORTED
    _index(
        consultation_document(consultation) if public else None,
        document_id(CONSULTATION, consultation.pk),
    )
    _index(
        adoption_document(consultation) if reported else None,
        document_id(ADOPTION, consultation.pk),
    )


def _consultations(statuses=PUBLIC_STATUSES):
    return Consultation.objects.filter(status__in=statuses).select_related("organisation")


def _visible_consultations(pks: list[int]) -> Iterable[int]:
    return _consultations().filter(pk__in=pks).values_list("pk", flat=True)


def _visible_adoptions(pks: list[int]) -> Iterable[int]:
    reported = _consultations((Consultation.Status.REPORTED,))
    return reported.filter(pk__in=pks).values_list("pk", flat=True)


# ------------------------------------------------------------------ proposal replies


def proposal_document(proposal: Proposal) -> SearchDocument:
    """What the public reply page shows (建议提案办理复文)."""
    from gongkai.participation.selectors.proposals import proposal_public_title

    return SearchDocument(
        id=document_id(PROPOSAL, proposal.pk),
        title=proposal_public_title(proposal),
        body=f"{proposal.title}\n{proposal.reply_text}",
        url=reverse("participation:proposal", args=[proposal.pk]),
        organisation=proposal.organisation.name,
        year=_year(proposal.published_at),
        kind="participation_proposal",
        published_at=proposal.published_at,
    )


def proposal_index(proposal: Proposal) -> None:
    published = proposal.status == Proposal.Status.PUBLISHED
    _index(proposal_document(proposal) if published else None, document_id(PROPOSAL, proposal.pk))


def _proposals():
    return Proposal.objects.filter(status=Proposal.Status.PUBLISHED).select_related("organisation")


def _visible_proposals(pks: list[int]) -> Iterable[int]:
    return _proposals().filter(pk__in=pks).values_list("pk", flat=True)


# ------------------------------------------------------------------ sources


def letters_source() -> Iterator[SearchDocument]:
    for letter in _letters().iterator(chunk_size=500):
        yield letter_document(letter)


def consultations_source() -> Iterator[SearchDocument]:
    for consultation in _consultations().iterator(chunk_size=200):
        yield consultation_document(consultation)


def adoptions_source() -> Iterator[SearchDocument]:
    for consultation in _consultations((Consultation.Status.REPORTED,)).iterator(chunk_size=200):
        yield adoption_document(consultation)


def proposals_source() -> Iterator[SearchDocument]:
    for proposal in _proposals().iterator(chunk_size=500):
        yield proposal_document(proposal)


def register_search_sources() -> None:
    """Called from ``ParticipationConfig.ready``."""
    register_source(
        letters_source,
        count=lambda: _letters().count(),
        kind="participation_letter",
        label=gettext_lazy("Published questions and answers"),
        prefix=LETTER,
        visible=_visible_letters,
    )
    register_source(
        consultations_source,
        count=lambda: _consultations().count(),
        kind="participation_consultation",
        label=gettext_lazy("Public consultation"),
        prefix=CONSULTATION,
        visible=_visible_consultations,
    )
    register_source(
        adoptions_source,
        count=lambda: _consultations((Consultation.Status.REPORTED,)).count(),
        kind="participation_adoption",
        label=gettext_lazy("Adoption report"),
        prefix=ADOPTION,
        visible=_visible_adoptions,
    )
    register_source(
        proposals_source,
        count=lambda: _proposals().count(),
        kind="participation_proposal",
        label=gettext_lazy("Reply to a suggestion or proposal"),
        prefix=PROPOSAL,
        visible=_visible_proposals,
    )
