"""The foi app's operations under /api/v1/foi/: one endpoint per operation.

Public: submit (idempotent through the ``Idempotency-Key`` header) and status by code and
secret (failed attempts limited per client address and per code). Staff (``staff_auth``): the scoped list,
the detail, and one endpoint per service. Errors are ``{"code", "message"}``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from ninja import Field, Header, Query, Router, Schema

from gongkai.core.api_auth import staff_auth
from gongkai.core.apischema import Error, ObjectId, PageNumber, choice
from gongkai.core.clientip import client_address
from gongkai.core.errors import NotFoundError, ServiceError
from gongkai.core.models import Clock, Organisation
from gongkai.core.selectors import site_organisation
from gongkai.foi import services
from gongkai.foi.forms import SECRET_RULE, is_acceptable_secret
from gongkai.foi.models import (
    APPLICANT_TYPE_CHOICES,
    OUTCOME_CHOICES,
    Channel,
    Consultation,
    Delivery,
    FeeNotice,
    Form,
    IdentityView,
    IdType,
    Remedy,
    Request,
    RequestEvent,
    Status,
)
from gongkai.foi.selectors import (
    access_request,
    request_remedy_statement,
    request_similar,
    requests_visible_to,
)
from gongkai.foi.services.personal_data import identity_view_record
from gongkai.foi.services.tracking import request_track
from gongkai.foi.services.web import request_submit_online
from gongkai.foi.transitions import Action, available_actions
from gongkai.foi.views import public

router = Router(tags=["foi"])


PAGE_SIZE_MAX = 100

ApplicantType = Annotated[str, choice(code for code, _label in APPLICANT_TYPE_CHOICES)]
Outcome = Annotated[str, choice(code for code, _label in OUTCOME_CHOICES)]
RequestStatus = Annotated[str, choice(Status.values)]


class ApplicationIn(Schema):
    applicant_type: ApplicantType
    name: str
    id_type: Annotated[str, choice(IdType.values)]
    id_number: str
    description: str
    form: Annotated[str, choice(Form.values)]
    delivery: Annotated[str, choice(Delivery.values)]
    phone: str = ""
    address: str = ""
    email: str = ""
    document_number: str = ""

    def applicant(self) -> services.Applicant:
        return services.Applicant(**self.dict())


class OnlineApplicationIn(ApplicationIn):
    secret: str = ""

    def applicant(self) -> services.Applicant:
        return services.Applicant(**self.dict(exclude={"secret"}))


class SubmissionOut(Schema):
    code: str
    secret: str | None
    status: RequestStatus
    created: bool


class StatusIn(Schema):
    code: str
    secret: str


class EventOut(Schema):
    type: Annotated[str, choice(RequestEvent.Type.values)]
    label: str
    at: dt.datetime


class RequestStatusOut(Schema):
    code: str
    status: RequestStatus
    status_label: str
    submitted_at: dt.datetime
    received_on: dt.date | None
    due_on: dt.date | None
    replied_on: dt.date | None
    outcome: Outcome | None
    outcome_label: str
    legal_basis: str
    remedy_statement: str
    events: list[EventOut]


class RequestOut(Schema):
    id: int
    code: str
    status: RequestStatus
    status_label: str
    channel: Annotated[str, choice(Channel.values)]
    applicant_type: ApplicantType
    organisation_id: int
    unit_id: int | None
    handler_id: int | None
    submitted_at: dt.datetime
    received_on: dt.date | None
    due_on: dt.date | None
    outcome: Outcome | None


class RequestPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[RequestOut]


class RequestDetailOut(RequestOut):
    applicant_name: str
    id_type: Annotated[str, choice(IdType.values)]
    id_number: str
    phone: str
    address: str
    email: str
    description: str
    document_number: str
    form: Annotated[str, choice(Form.values)]
    delivery: Annotated[str, choice(Delivery.values)]
    legal_basis: str
    replied_on: dt.date | None
    reply_clock_id: int | None
    repeat_of: list[str]
    petition_words: list[str]
    events: list[EventOut]
    # What the caller may do to the request now, each with its endpoint under
    # /staff/requests/{id}/ (foi.transitions: the same list the request page offers).
    actions: list[Annotated[str, choice(Action.values)]]


def _due_on(request: Request) -> dt.date | None:
    clock = request.reply_clock
    return clock.due_on if clock and clock.state != Clock.State.STOPPED else None


def _summary(request: Request) -> dict:
    return {
        "id": request.pk,
        "code": request.code,
        "status": request.status,
        "status_label": request.get_status_display(),
        "channel": request.channel,
        "applicant_type": request.applicant_type,
        "organisation_id": request.organisation_id,
        "unit_id": request.unit_id,
        "handler_id": request.handler_id,
        "submitted_at": request.submitted_at,
        "received_on": request.received_on,
        "due_on": _due_on(request),
        "outcome": request.outcome,
    }


def _events(request: Request, types=None) -> list[dict]:
    return [
        {"type": e.type, "label": e.get_type_display(), "at": e.at}
        for e in request.events.all()
        if types is None or e.type in types
    ]


def _detail(request: Request, *, viewer) -> dict:
    """The request with the applicant's identity data. Every response that carries it is
    recorded as a view by ``viewer`` (personal information law art. 51: access is logged),
    whichever endpoint returns it."""
    request = Request.objects.select_related("reply_clock").get(pk=request.pk)
    identity_view_record(request=request, viewer=viewer, channel=IdentityView.Channel.API)
    flags = request_similar(request)
    fields = (
        "applicant_name id_type id_number phone address email description document_number "
        "form delivery legal_basis replied_on reply_clock_id"
    ).split()
    return {
        **_summary(request),
        **{name: getattr(request, name) for name in fields},
        "repeat_of": [other.code for other in flags.repeats],
        "petition_words": flags.petition_words,
        "events": _events(request),
        "actions": [str(action) for action in available_actions(request, viewer)],
    }


# --- Public -----------------------------------------------------------------------------


@router.post("/requests", response={200: SubmissionOut, 201: SubmissionOut, 400: Error}, auth=None)
def request_submit(request, payload: OnlineApplicationIn, idempotency_key: str = Header(...)):
    """Submit an application (条例 art. 29); the same Idempotency-Key makes one request."""
    organisation = site_organisation()
    if organisation is None:
        raise ServiceError("no_public_body", _("No public body accepts applications here."))
    if payload.secret and not is_acceptable_secret(payload.secret):
        raise ServiceError("invalid_secret", str(SECRET_RULE))
    submission = request_submit_online(
        organisation=organisation,
        applicant=payload.applicant(),
        idempotency_key=idempotency_key.strip(),
        secret=payload.secret,
    )
    body = {
        "code": submission.request.code,
        "secret": submission.secret,
        "status": submission.request.status,
        "created": submission.created,
    }
    return (201 if submission.created else 200), body


@router.post("/status", response={200: RequestStatusOut, 404: Error, 429: Error}, auth=None)
def request_status(request, payload: StatusIn):
    """The status of an application by its code and secret (POST: the secret stays out of
    URLs and logs). Too many failures from one client address, or on one code, are
    refused for 15 minutes."""
    found = request_track(code=payload.code, secret=payload.secret, client=client_address(request))
    return {
        "code": found.code,
        "status": found.status,
        "status_label": found.get_status_display(),
        "submitted_at": found.submitted_at,
        "received_on": found.received_on,
        "due_on": _due_on(found),
        "replied_on": found.replied_on,
        "outcome": found.outcome,
        "outcome_label": found.get_outcome_display() if found.outcome else "",
        "legal_basis": found.legal_basis,
        "remedy_statement": request_remedy_statement(found) if found.replied_on else "",
        "events": _events(found, public.PUBLIC_EVENTS),
    }


# --- Staff ------------------------------------------------------------------------------


@router.get("/staff/requests", response={200: RequestPage}, auth=staff_auth)
def request_list(
    request,
    page: PageNumber = 1,
    page_size: int = Query(20, ge=1, le=PAGE_SIZE_MAX),
    status: RequestStatus | None = None,
):
    """Requests the caller may see (scoped like the workbench), newest first."""
    queryset = requests_visible_to(request.user).order_by("-submitted_at", "-id")
    if status:
        queryset = queryset.filter(status=status)
    start = (page - 1) * page_size
    items = [_summary(r) for r in queryset[start : start + page_size]]
    return {"count": queryset.count(), "page": page, "page_size": page_size, "items": items}


@router.get(
    "/staff/requests/{request_id}", response={200: RequestDetailOut, 404: Error}, auth=staff_auth
)
def request_detail(request, request_id: ObjectId):
    """The request with the applicant's identity data; each call is recorded."""
    foi = access_request(request.user, request_id)
    return _detail(foi, viewer=request.user)


# --- Staff actions: one endpoint per service --------------------------------------------


class RegisterIn(ApplicationIn):
    channel: Annotated[str, choice(Channel.values)]
    received_on: dt.date


class ConfirmIn(Schema):
    confirmed_on: dt.date | None = None


class AssignIn(Schema):
    unit_id: ObjectId | None
    handler_id: ObjectId | None = None


class SupplementIn(Schema):
    items: str
    deadline: dt.date
    notified_on: dt.date | None = None
    short_period_reason: str = ""


class OnDateIn(Schema):
    on: dt.date | None = None


class ConsultIn(Schema):
    kind: Annotated[str, choice(Consultation.Kind.values)]
    party: str
    sent_on: dt.date | None = None


class ConsultAnsweredIn(Schema):
    answered_on: dt.date | None = None
    is_silent: bool = False
    has_objection: bool = False
    objection_reasons: str = ""


class ExtendIn(Schema):
    days: int = Field(ge=1, le=366)
    approved_by_id: ObjectId
    reason: str
    on: dt.date | None = None


class FeeNoticeIn(Schema):
    basis: Annotated[str, choice(FeeNotice.Basis.values)]
    pages: int = Field(0, ge=0, le=1_000_000)
    sent_on: dt.date | None = None


class ReplyIn(Schema):
    outcome: Outcome
    legal_basis: str = ""
    replied_on: dt.date | None = None
    ground: str = ""
    published_at: str = ""
    responsible_body: str = ""
    public_interest_reason: str = ""


class CloseIn(Schema):
    note: str = ""


class RemedyIn(Schema):
    kind: Annotated[str, choice(Remedy.Kind.values)]
    filed_on: dt.date


class RemedyDecideIn(Schema):
    result: Annotated[str, choice(Remedy.Result.values)]
    decided_on: dt.date


class RemedyOut(Schema):
    id: int
    request_code: str
    kind: Annotated[str, choice(Remedy.Kind.values)]
    filed_on: dt.date
    result: Annotated[str, choice(Remedy.Result.values)]
    decided_on: dt.date | None


ACTION_RESPONSES = {200: RequestDetailOut, 400: Error, 403: Error, 404: Error}
ACTION_PATH = "/staff/requests/{request_id}/"


def _user(user_id: int | None, code: str):
    if user_id is None:
        return None
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise ServiceError(code, _("No such staff member."))
    return user


def _unit(unit_id: int | None) -> Organisation | None:
    if unit_id is None:
        return None
    unit = Organisation.objects.filter(pk=unit_id).first()
    if unit is None:
        raise ServiceError("unit_outside_body", _("The unit does not belong to this body."))
    return unit


@router.post("/staff/requests", response={201: RequestDetailOut, 400: Error}, auth=staff_auth)
def request_register(request, payload: RegisterIn, idempotency_key: str = Header("")):
    """Register a request received by letter, in person, fax or e-mail (art. 31 date)."""
    profile = getattr(request.user, "staff_profile", None)
    if profile is None:
        raise ServiceError("staff_only", _("Only openness staff can do this."))
    key = idempotency_key.strip() or None
    existing = Request.objects.filter(idempotency_key=key).first() if key else None
    if existing is not None:
        return 201, _detail(access_request(request.user, existing.pk), viewer=request.user)
    created = services.request_register(
        actor=request.user,
        organisation=profile.organisation,
        channel=payload.channel,
        applicant=services.Applicant(**payload.dict(exclude={"channel", "received_on"})),
        received_on=payload.received_on,
        idempotency_key=key,
    )
    return 201, _detail(created, viewer=request.user)


@router.post(ACTION_PATH + "confirm", response=ACTION_RESPONSES, auth=staff_auth)
def request_confirm(request, request_id: ObjectId, payload: ConfirmIn):
    """Confirm an online application's receipt (art. 31(3)); the reply clock starts."""
    foi = access_request(request.user, request_id)
    services.request_confirm_receipt(
        request=foi, actor=request.user, confirmed_on=payload.confirmed_on
    )
    return _detail(foi, viewer=request.user)


@router.post(ACTION_PATH + "assign", response=ACTION_RESPONSES, auth=staff_auth)
def request_assign(request, request_id: ObjectId, payload: AssignIn):
    foi = access_request(request.user, request_id)
    services.request_assign(
        request=foi,
        actor=request.user,
        unit=_unit(payload.unit_id),
        handler=_user(payload.handler_id, "handler_outside_unit"),
    )
    return _detail(foi, viewer=request.user)


@router.post(ACTION_PATH + "supplement", response=ACTION_RESPONSES, auth=staff_auth)
def request_supplement(request, request_id: ObjectId, payload: SupplementIn):
    """One supplement notice (art. 30): every item at once, with a reasonable deadline."""
    foi = access_request(request.user, request_id)
    services.request_supplement(request=foi, actor=request.user, **payload.dict())
    return _detail(foi, viewer=request.user)


@router.post(ACTION_PATH + "supplement-received", response=ACTION_RESPONSES, auth=staff_auth)
def request_supplement_received(request, request_id: ObjectId, payload: OnDateIn):
    foi = access_request(request.user, request_id)
    services.request_supplement_received(request=foi, actor=request.user, received_on=payload.on)
    return _detail(foi, viewer=request.user)


@router.post(ACTION_PATH + "supplement-lapsed", response=ACTION_RESPONSES, auth=staff_auth)
def request_supplement_lapsed(request, request_id: ObjectId, payload: OnDateIn):
    foi = access_request(request.user, request_id)
    services.request_supplement_lapsed(request=foi, actor=request.user, on=payload.on)
    return _detail(foi, viewer=request.user)


@router.post(ACTION_PATH + "consult", response=ACTION_RESPONSES, auth=staff_auth)
def request_consult(request, request_id: ObjectId, payload: ConsultIn):
    """Consult a third party (art. 32) or another agency (art. 34); the reply clock waits."""
    foi = access_request(request.user, request_id)
    services.request_consult(request=foi, actor=request.user, **payload.dict())
    return _detail(foi, viewer=request.user)


@router.post(ACTION_PATH + "consult-answered", response=ACTION_RESPONSES, auth=staff_auth)
def request_consult_answered(request, request_id: ObjectId, payload: ConsultAnsweredIn):
    foi = access_request(request.user, request_id)
    services.request_consult_answered(request=foi, actor=request.user, **payload.dict())
    return _detail(foi, viewer=request.user)


@router.post(ACTION_PATH + "extend", response=ACTION_RESPONSES, auth=staff_auth)
def request_extend(request, request_id: ObjectId, payload: ExtendIn):
    """One extension of at most 20 working days, approved by the office head (art. 33)."""
    foi = access_request(request.user, request_id)
    services.request_extend(
        request=foi,
        actor=request.user,
        days=payload.days,
        approved_by=_user(payload.approved_by_id, "approver_not_office"),
        reason=payload.reason,
        on=payload.on,
    )
    return _detail(foi, viewer=request.user)


@router.post(ACTION_PATH + "fee-notice", response=ACTION_RESPONSES, auth=staff_auth)
def request_fee_notice(request, request_id: ObjectId, payload: FeeNoticeIn):
    """A processing-fee notice, amount computed (国办函〔2020〕109号)."""
    foi = access_request(request.user, request_id)
    services.request_fee_notice(request=foi, actor=request.user, **payload.dict())
    return _detail(foi, viewer=request.user)


@router.post(ACTION_PATH + "fee-paid", response=ACTION_RESPONSES, auth=staff_auth)
def request_fee_paid(request, request_id: ObjectId, payload: OnDateIn):
    foi = access_request(request.user, request_id)
    services.request_fee_paid(request=foi, actor=request.user, paid_on=payload.on)
    return _detail(foi, viewer=request.user)


@router.post(ACTION_PATH + "fee-lapsed", response=ACTION_RESPONSES, auth=staff_auth)
def request_fee_lapsed(request, request_id: ObjectId, payload: OnDateIn):
    foi = access_request(request.user, request_id)
    services.request_fee_lapsed(request=foi, actor=request.user, on=payload.on)
    return _detail(foi, viewer=request.user)


@router.post(ACTION_PATH + "reply", response=ACTION_RESPONSES, auth=staff_auth)
def request_reply(request, request_id: ObjectId, payload: ReplyIn):
    """The reply (art. 36): exactly one outcome of the yearly report's section 三."""
    foi = access_request(request.user, request_id)
    services.request_reply(request=foi, actor=request.user, **payload.dict())
    return _detail(foi, viewer=request.user)


@router.post(ACTION_PATH + "close", response=ACTION_RESPONSES, auth=staff_auth)
def request_close(request, request_id: ObjectId, payload: CloseIn):
    foi = access_request(request.user, request_id)
    services.request_close(request=foi, actor=request.user, note=payload.note)
    return _detail(foi, viewer=request.user)


def _remedy_out(remedy) -> dict:
    return {
        "id": remedy.pk,
        "request_code": remedy.request.code,
        "kind": remedy.kind,
        "filed_on": remedy.filed_on,
        "result": remedy.result,
        "decided_on": remedy.decided_on,
    }


@router.post(
    ACTION_PATH + "remedies",
    response={201: RemedyOut, 400: Error, 403: Error, 404: Error},
    auth=staff_auth,
)
def remedy_record(request, request_id: ObjectId, payload: RemedyIn):
    """A 行政复议 or 行政诉讼 against the reply (report section 四)."""
    foi = access_request(request.user, request_id)
    return 201, _remedy_out(
        services.remedy_record(request=foi, actor=request.user, **payload.dict())
    )


@router.post(
    ACTION_PATH + "remedies/{remedy_id}/decide",
    response={200: RemedyOut, 400: Error, 403: Error, 404: Error},
    auth=staff_auth,
)
def remedy_decide(request, request_id: ObjectId, remedy_id: ObjectId, payload: RemedyDecideIn):
    foi = access_request(request.user, request_id)
    remedy = foi.remedies.filter(pk=remedy_id).first()
    if remedy is None:
        raise NotFoundError("remedy_not_found", _("No such review or lawsuit."))
    return _remedy_out(services.remedy_decide(remedy=remedy, actor=request.user, **payload.dict()))


# 条例 art. 35: clearly excessive requests (issue 11).
class ReasonsAskIn(Schema):
    grounds: str
    deadline: dt.date
    asked_on: dt.date | None = None


class ReasonsDecideIn(Schema):
    is_reasonable: bool
    answer: str = ""
    answered_on: dt.date | None = None
    reply_by: dt.date | None = None
    approved_by_id: int | None = None
    decided_on: dt.date | None = None


@router.post(ACTION_PATH + "reasons-ask", response=ACTION_RESPONSES, auth=staff_auth)
def request_reasons_ask(request, request_id: int, payload: ReasonsAskIn):
    """Ask the applicant for the reasons of a clearly excessive request (art. 35)."""
    foi = access_request(request.user, request_id)
    services.request_reasons_ask(request=foi, actor=request.user, **payload.dict())
    return _detail(foi, viewer=request.user)


@router.post(ACTION_PATH + "reasons-decide", response=ACTION_RESPONSES, auth=staff_auth)
def request_reasons_decide(request, request_id: int, payload: ReasonsDecideIn):
    """Unreasonable (or no) reasons: not handled; reasonable: go on, perhaps until a later
    reasonable reply time approved by the office (art. 35)."""
    foi = access_request(request.user, request_id)
    data = payload.dict()
    approver_id = data.pop("approved_by_id")
    approved_by = _user(approver_id, "approver_not_office") if approver_id else None
    services.request_reasons_decide(
        request=foi, actor=request.user, approved_by=approved_by, **data
    )
    return _detail(foi, viewer=request.user)
