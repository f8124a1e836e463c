"""The participation app's operations under /api/v1/participation/.

Public operations (consultations, comments, letters, published replies) need no login;
staff operations use a staff session or a Bearer token and the same scoping as pages.
Errors share the project's shape ``{"code", "message"}``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from gongkai.core.api_auth import staff_auth
from gongkai.core.apischema import Error, ObjectId, PageNumber, Year, choice
from gongkai.core.errors import NotFoundError, ServiceError
from gongkai.core.law import CLOCK_RULE_CHOICES
from gongkai.core.models import Clock
from gongkai.core.selectors import site_organisation
from gongkai.participation import selectors as sel
from gongkai.participation import services
from gongkai.participation.models import (
    Comment,
    Consultation,
    Incident,
    IncidentResponse,
    Letter,
    LetterCategory,
    Provision,
)
from gongkai.participation.services.consultation import comment_author_display

router = Router(tags=["participation"])


class ProvisionOut(Schema):
    id: int
    kind: Annotated[str, choice(Provision.Kind.values)]
    label: str
    text: str
    comments: int


class ConsultationOut(Schema):
    id: int
    title: str
    kind: Annotated[str, choice(Consultation.Kind.values)]
    status: Annotated[str, choice(Consultation.Status.values)]
    opens_on: dt.date
    closes_on: dt.date
    shortened_reason: str


class ConsultationDetailOut(ConsultationOut):
    explanation: str
    provisions: list[ProvisionOut]


class CommentIn(Schema):
    body: str
    provision_id: ObjectId | None = None
    author_name: str = ""
    contact: str = ""


class CommentOut(Schema):
    id: int
    provision_id: int | None
    author: str
    body: str
    created_at: dt.datetime


class CommentReceipt(Schema):
    id: int
    published: bool


class CommentPage(Schema):
    count: int
    page: int
    pages: int
    results: list[CommentOut]


class AdoptionReportOut(Schema):
    received: int
    adopted: int
    partly: int
    not_adopted: int
    report_text: str
    final_document_title: str
    final_document_url: str


def _consultation(c: Consultation) -> dict:
    return {
        f: getattr(c, f)
        for f in ("id", "title", "kind", "status", "opens_on", "closes_on", "shortened_reason")
    }


@router.get("/consultations", response=list[ConsultationOut])
def consultation_list(request, page: PageNumber = 1):
    """Published consultations, newest first, 20 a page."""
    items = Paginator(sel.consultations_public(), 20).get_page(page)
    return [_consultation(c) for c in items]


@router.get("/consultations/{pk}", response={200: ConsultationDetailOut, 404: Error})
def consultation_detail(request, pk: ObjectId):
    consultation = sel.consultation_public(pk)
    provisions = [
        {
            "id": p.pk,
            "kind": p.kind,
            "label": p.label,
            "text": p.text,
            "comments": p.published_comments,
        }
        for p in sel.provisions_with_counts(consultation)
    ]
    return {
        **_consultation(consultation),
        "explanation": consultation.explanation,
        "provisions": provisions,
    }


@router.get("/consultations/{pk}/comments", response={200: CommentPage, 404: Error})
def comment_list(request, pk: ObjectId, page: PageNumber = 1, provision: ObjectId | None = None):
    consultation = sel.consultation_public(pk)
    paginator = Paginator(sel.comments_published(consultation, provision), sel.COMMENTS_PER_PAGE)
    current = paginator.get_page(page)
    return {
        "count": paginator.count,
        "page": current.number,
        "pages": paginator.num_pages,
        "results": [
            {
                "id": c.pk,
                "provision_id": c.provision_id,
                "author": comment_author_display(c),
                "body": c.body_public,
                "created_at": c.created_at,
            }
            for c in current
        ],
    }


@router.post("/consultations/{pk}/comments", response={201: CommentReceipt, 400: Error, 404: Error})
def comment_create(request, pk: ObjectId, data: CommentIn):
    """Send a comment on the whole draft or on one provision."""
    consultation = sel.consultation_public(pk)
    provision = None
    if data.provision_id is not None:
        provision = Provision.objects.filter(
            pk=data.provision_id, consultation=consultation
        ).first()
        if provision is None:
            raise ServiceError("invalid_provision", _("Please choose an article of this draft."))
    comment = services.comment_submit(
        consultation=consultation,
        provision=provision,
        body=data.body,
        author_name=data.author_name,
        contact=data.contact,
    )
    return Status(201, {"id": comment.pk, "published": comment.status == Comment.Status.PUBLISHED})


@router.get("/consultations/{pk}/report", response={200: AdoptionReportOut, 404: Error})
def consultation_report(request, pk: ObjectId):
    consultation = sel.consultation_public(pk)
    if consultation.status != Consultation.Status.REPORTED:
        raise NotFoundError("no_report", _("The adoption report is not published yet."))
    report = sel.adoption_report(consultation)
    return {
        "received": report.received,
        "adopted": report.adopted,
        "partly": report.partly,
        "not_adopted": report.not_adopted,
        "report_text": consultation.report_text,
        "final_document_title": consultation.final_document_title,
        "final_document_url": consultation.final_document_url,
    }


class LetterIn(Schema):
    category: str
    subject: str
    body: str
    writer_name: str
    writer_phone: str = ""
    writer_email: str = ""
    consent_to_publish: bool = False


class LetterReceipt(Schema):
    code: str
    secret: str
    due_on: dt.date


class FollowIn(Schema):
    code: str
    secret: str


class LetterOut(Schema):
    code: str
    subject: str
    status: Annotated[str, choice(Letter.Status.values)]
    due_on: dt.date
    reply: str
    answered_at: dt.datetime | None
    rating: int | None


class RateIn(FollowIn):
    rating: int
    comment: str = ""


class QAOut(Schema):
    id: int
    subject: str
    question: str
    answer: str
    published_at: dt.datetime


@router.post("/letters", response={201: LetterReceipt, 400: Error})
def letter_create(request, data: LetterIn):
    """Write to the mailbox; keep the code and the secret to follow the letter."""
    body = site_organisation()
    category = None
    if body is not None:
        services.letter_categories_ensure(organisation=body)
        category = LetterCategory.objects.filter(organisation=body, code=data.category).first()
    if category is None:
        raise ServiceError("invalid_category", _("Please choose a mailbox."))
    fields = data.dict()
    fields.pop("category")
    submission = services.letter_submit(category=category, **fields)
    letter = submission.letter
    return Status(201, {"code": letter.code, "secret": submission.secret, "due_on": letter.due_on})


def _letter(letter) -> dict:
    return {
        "code": letter.code,
        "subject": letter.subject,
        "status": letter.status,
        "due_on": letter.due_on,
        "reply": letter.reply,
        "answered_at": letter.answered_at,
        "rating": letter.rating,
    }


@router.post("/letters/follow", response={200: LetterOut, 404: Error})
def letter_follow(request, data: FollowIn):
    return _letter(sel.letter_follow(data.code, data.secret))


@router.post("/letters/rate", response={200: LetterOut, 400: Error, 404: Error})
def letter_rate(request, data: RateIn):
    letter = sel.letter_follow(data.code, data.secret)
    services.letter_rate(
        letter=letter, secret=data.secret, rating=data.rating, comment=data.comment
    )
    return _letter(letter)


@router.get("/letters/public", response=list[QAOut])
def letters_public(request, page: PageNumber = 1):
    items = Paginator(sel.letters_public(), 20).get_page(page)
    return [
        {
            "id": x.pk,
            "subject": x.subject,
            "question": x.public_question,
            "answer": x.public_answer,
            "published_at": x.published_at,
        }
        for x in items
    ]


class ProposalOut(Schema):
    id: int
    title: str
    reply: str
    replied_on: dt.date | None


@router.get("/proposals", response=list[ProposalOut])
def proposals_public(request, page: PageNumber = 1):
    """Published replies to NPC suggestions and CPPCC proposals."""
    items = Paginator(sel.proposals_published(), 20).get_page(page)
    return [
        {
            "id": p.pk,
            "title": sel.proposal_public_title(p),
            "reply": p.reply_text,
            "replied_on": p.replied_on,
        }
        for p in items
    ]


class CountsOut(Schema):
    consultations_held: int
    comments_received: int
    comments_adopted: int
    letters_received: int
    letters_answered: int
    letters_on_time: int
    press_conferences: int
    incidents: int
    incidents_responded_on_time: int


@router.get("/staff/counts", response={200: CountsOut, 404: Error}, auth=staff_auth)
def counts(request, year: Year):
    """The yearly figures of the staff member's body."""
    profile = getattr(request.user, "staff_profile", None)
    if profile is None:
        raise NotFoundError("not_found", _("No such body."))
    return sel.participation_counts(profile.organisation, year)


class StaffLetterOut(Schema):
    id: int
    code: str
    subject: str
    status: Annotated[str, choice(Letter.Status.values)]
    due_on: dt.date
    unit: str


class AnswerIn(Schema):
    reply: str


@router.get("/staff/letters", response=list[StaffLetterOut], auth=staff_auth)
def staff_letters(request, page: PageNumber = 1):
    items = Paginator(sel.letters_visible_to(request.user).order_by("due_on", "id"), 50)
    return [
        {
            "id": x.pk,
            "code": x.code,
            "subject": x.subject,
            "status": x.status,
            "due_on": x.due_on,
            "unit": x.unit.name if x.unit else "",
        }
        for x in items.get_page(page)
    ]


@router.post(
    "/staff/letters/{pk}/answer",
    response={200: StaffLetterOut, 400: Error, 403: Error, 404: Error},
    auth=staff_auth,
)
def staff_letter_answer(request, pk: ObjectId, data: AnswerIn):
    letter = sel.access_letter(request.user, pk)
    services.letter_answer(actor=request.user, letter=letter, reply=data.reply)
    return {
        "id": letter.pk,
        "code": letter.code,
        "subject": letter.subject,
        "status": letter.status,
        "due_on": letter.due_on,
        "unit": letter.unit.name if letter.unit else "",
    }


class IncidentIn(Schema):
    title: str
    source: Annotated[str, choice(Incident.Source.values)]
    first_seen_at: dt.datetime
    severity: Annotated[str, choice(Incident.Severity.values)]
    source_url: str = ""
    description: str = ""


class IncidentClockOut(Schema):
    rule: Annotated[str, choice(code for code, _label in CLOCK_RULE_CHOICES)]
    due_at: dt.datetime | None
    state: Annotated[str, choice(Clock.State.values)]
    stopped_at: dt.datetime | None


class IncidentOut(Schema):
    id: int
    title: str
    severity: Annotated[str, choice(Incident.Severity.values)]
    status: Annotated[str, choice(Incident.Status.values)]
    first_seen_at: dt.datetime
    clocks: list[IncidentClockOut]


class ResponseIn(Schema):
    kind: Annotated[str, choice(IncidentResponse.Kind.values)]
    at: dt.datetime
    summary: str
    url: str = ""


def _incident(incident, clocks) -> dict:
    return {
        "id": incident.pk,
        "title": incident.title,
        "severity": incident.severity,
        "status": incident.status,
        "first_seen_at": incident.first_seen_at,
        "clocks": [
            {"rule": c.rule, "due_at": c.due_at, "state": c.state, "stopped_at": c.stopped_at}
            for c in clocks
        ],
    }


@router.post(
    "/staff/incidents", response={201: IncidentOut, 400: Error, 403: Error}, auth=staff_auth
)
def staff_incident_create(request, data: IncidentIn):
    profile = getattr(request.user, "staff_profile", None)
    if profile is None:
        raise ServiceError("no_body", _("Only openness staff can do this."))
    incident = services.incident_record(
        actor=request.user, organisation=profile.organisation, **data.dict()
    )
    return Status(201, _incident(incident, sel.clocks_of(incident)))


@router.post(
    "/staff/incidents/{pk}/responses",
    response={200: IncidentOut, 400: Error, 403: Error, 404: Error},
    auth=staff_auth,
)
def staff_incident_respond(request, pk: ObjectId, data: ResponseIn):
    incident = sel.access_incident(request.user, pk)
    services.incident_respond(actor=request.user, incident=incident, **data.dict())
    return _incident(incident, sel.clocks_of(incident))


@router.get("/staff/incidents/overdue", response=list[IncidentOut], auth=staff_auth)
def staff_incidents_overdue(request):
    return [_incident(i, clocks) for i, clocks in sel.incidents_overdue(request.user)]
