"""Submission, receipt (条例 art. 31), staff registration and assignment."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.models import Clock, Organisation
from gongkai.core.services import clock_start
from gongkai.core.types import Actor
from gongkai.core.validators import is_valid_credit_code
from gongkai.foi.models import Channel, Delivery, Form, IdType, Request, RequestEvent, Status
from gongkai.foi.outcomes import APPLICANT_PARTS
from gongkai.foi.services.common import (
    check_transition,
    lock,
    moment,
    not_in_future,
    record,
    require_staff,
    today,
    transition,
)
from gongkai.foi.validators import is_valid_resident_id

CODE_PREFIX = "GK"
_CODE_ATTEMPTS = 8
# Channels whose receipt both sides confirm (art. 31(3)); the others are registered by staff.
CONFIRMED_CHANNELS = (Channel.ONLINE, Channel.FAX, Channel.EMAIL)


@dataclass(frozen=True)
class Applicant:
    """What 条例 art. 29 requires of the applicant and the request, as submitted."""

    applicant_type: str
    name: str
    id_type: str
    id_number: str
    description: str
    form: str
    delivery: str
    phone: str = ""
    address: str = ""
    email: str = ""
    document_number: str = ""


@dataclass(frozen=True)
class Submission:
    request: Request
    # The plain tracking secret, shown once; None when the key had already been used.
    secret: str | None
    created: bool


def hash_secret(secret: str) -> str:
    """A salted, deliberately slow hash (Django's ``make_password``, the password hasher of
    the settings): a secret the applicant chose may be guessable, so a fast hash will not do.
    Random secrets (128 bits) are hashed the same way."""
    return make_password(secret)


def _legacy_digest(encoded: str) -> bool:
    # Rows written before the slow hash hold a bare SHA-256 of a random 128-bit secret.
    return len(encoded) == 64 and "$" not in encoded


def request_secret_matches(request: Request | None, secret: str) -> bool:
    """Whether ``secret`` opens ``request``, in the same time whether or not it exists.

    ``check_password`` compares in constant time; for a missing request (or an old digest)
    a throwaway hash is computed so the answer takes as long as a real check.
    """
    secret = secret.strip()
    if request is None:
        make_password(secret)
        return False
    encoded = request.secret_hash
    if _legacy_digest(encoded):
        make_password(secret)
        digest = hashlib.sha256(secret.encode("utf-8")).hexdigest()
        return hmac.compare_digest(encoded, digest)
    return check_password(secret, encoded)


def _invalid(code: str, message: str) -> ServiceError:
    return ServiceError(code, message)


def _validate_identity(applicant: Applicant) -> None:
    number = applicant.id_number.strip()
    if applicant.id_type not in IdType.values or not number:
        raise _invalid("invalid_identity", _("Give a proof of identity and its number."))
    if applicant.id_type == IdType.RESIDENT_ID and not is_valid_resident_id(number):
        raise _invalid(
            "invalid_resident_id",
            _("The resident identity number is not valid (18 characters, GB 11643)."),
        )
    if applicant.id_type == IdType.CREDIT_CODE and not is_valid_credit_code(number.upper()):
        raise _invalid(
            "invalid_credit_code",
            _("The unified social credit code is not valid (GB 32100)."),
        )


def _validate_contact(applicant: Applicant) -> None:
    if not (applicant.phone.strip() or applicant.address.strip() or applicant.email.strip()):
        raise _invalid("contact_required", _("Give at least one way to contact you."))
    if applicant.email.strip():
        try:
            validate_email(applicant.email.strip())
        except ValidationError as error:
            raise _invalid("invalid_email", _("The e-mail address is not valid.")) from error


def validate_applicant(applicant: Applicant) -> None:
    """条例 art. 29: name, proof of identity, contact; the information; form and way."""
    if applicant.applicant_type not in APPLICANT_PARTS:
        raise _invalid("invalid_applicant_type", _("Choose the type of applicant."))
    if not applicant.name.strip():
        raise _invalid("name_required", _("Give the applicant's name."))
    _validate_identity(applicant)
    _validate_contact(applicant)
    if not applicant.description.strip():
        raise _invalid("description_required", _("Describe the information you ask for."))
    if applicant.form not in Form.values or applicant.delivery not in Delivery.values:
        raise _invalid(
            "form_required", _("Choose the form and the way of receiving the information.")
        )
    if applicant.delivery == Delivery.EMAIL and not applicant.email.strip():
        raise _invalid(
            "email_required",
            _("You chose to receive the information by e-mail: give your e-mail address."),
        )


def _next_code(year: int) -> str:
    prefix = f"{CODE_PREFIX}-{year}-"
    last = (
        Request.objects.filter(code__startswith=prefix)
        .order_by("-code")
        .values_list("code", flat=True)
        .first()
    )
    number = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{number:06d}"


def _create(
    organisation: Organisation, channel: str, applicant: Applicant, **fields: Any
) -> tuple[Request, str]:
    """Insert with the next free code; on a collision (a concurrent insert) try the next one."""
    secret = secrets.token_urlsafe(16)
    year = timezone.localdate().year
    values = {
        "organisation": organisation,
        "channel": channel,
        "secret_hash": hash_secret(secret),
        "applicant_type": applicant.applicant_type,
        "applicant_name": applicant.name.strip(),
        "id_type": applicant.id_type,
        "id_number": applicant.id_number.strip().upper(),
        "phone": applicant.phone.strip(),
        "address": applicant.address.strip(),
        "email": applicant.email.strip(),
        "description": applicant.description.strip(),
        "document_number": applicant.document_number.strip(),
        "form": applicant.form,
        "delivery": applicant.delivery,
        "submitted_at": timezone.now(),
        **fields,
    }
    for _attempt in range(_CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                return Request.objects.create(code=_next_code(year), **values), secret
        except IntegrityError:
            key = values.get("idempotency_key")
            if key and Request.objects.filter(idempotency_key=key).exists():
                raise
    raise ServiceError("code_unavailable", _("Please try again in a moment."))


def request_submit(
    *,
    organisation: Organisation,
    channel: str = Channel.ONLINE,
    applicant: Applicant,
    idempotency_key: str,
    actor: Actor = None,
) -> Submission:
    """Public submission: one key makes one request, however often the form is sent."""
    existing = Request.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return Submission(existing, None, False)
    if channel not in CONFIRMED_CHANNELS:
        raise _invalid("invalid_channel", _("This channel is registered by staff."))
    if not idempotency_key or len(idempotency_key) > 64:
        raise _invalid("invalid_key", _("The submission key is missing or too long."))
    validate_applicant(applicant)
    try:
        with transaction.atomic():
            request, secret = _create(
                organisation, channel, applicant, idempotency_key=idempotency_key
            )
            record(
                request,
                actor=actor,
                type=RequestEvent.Type.SUBMITTED,
                summary={"channel": channel, "applicant_type": applicant.applicant_type},
            )
    except IntegrityError:
        # The same key committed by a concurrent call between our check and our insert.
        return Submission(Request.objects.get(idempotency_key=idempotency_key), None, False)
    return Submission(request, secret, True)


def _start_reply_clock(request: Request, actor: Actor, received_on: dt.date) -> Clock:
    """条例 art. 33: 20 working days counted from the day after receipt."""
    clock = request.reply_clock = clock_start(
        actor=actor,
        rule="foi_reply",
        label=_("Reply to request %(code)s") % {"code": request.code},
        organisation=request.organisation,
        unit=request.unit,
        handler=request.handler,
        started_at=moment(received_on),
        subject=request,
    )
    request.save(update_fields=["reply_clock"])
    return clock


def request_confirm_receipt(
    *,
    request: Request,
    actor: Actor,
    confirmed_on: dt.date | None = None,
) -> Request:
    """Art. 31(3): an online, fax or e-mail request is received the day both sides confirm;
    art. 31(2): an ordinary letter the day the office confirms it with the applicant."""
    require_staff(actor)
    confirmed_on = confirmed_on or today()
    with transaction.atomic():
        lock(request)
        not_in_future(confirmed_on)
        check_transition(request, Status.RECEIVED)
        if confirmed_on < timezone.localdate(request.submitted_at):
            raise ServiceError(
                "date_before_submission", _("Receipt cannot be confirmed before the submission.")
            )
        request.received_on = confirmed_on
        transition(request, Status.RECEIVED, fields=("received_on",))
        clock = _start_reply_clock(request, actor, confirmed_on)
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.RECEIVED,
            summary={"received_on": confirmed_on, "due_on": clock.due_on},
        )
    return request


# Art. 31: what the receipt date of each staff-registered channel is.
RECEIPT_BASIS: dict[str, str] = {
    Channel.IN_PERSON: "handed_in",  # 31(1): the day the applicant hands it in
    Channel.REGISTERED_POST: "signed_for",  # 31(2): the day the body signs for it
    Channel.LETTER: "confirmed",  # 31(2): ordinary post, the day the office confirms
    Channel.FAX: "confirmed",  # 31(3): the day both sides confirm
    Channel.EMAIL: "confirmed",  # 31(3)
}


def request_register(
    *,
    actor: Actor,
    organisation: Organisation,
    channel: str,
    applicant: Applicant,
    received_on: dt.date,
    idempotency_key: str | None = None,
) -> Request:
    """Staff intake of a letter, an in-person, fax or e-mail request with its receipt date.

    Art. 31: in person, the day handed in; registered post, the day signed for; ordinary
    post, the day the office confirms with the applicant; fax and e-mail, the day both sides
    confirm. Staff give that date (``RECEIPT_BASIS`` records which it is).
    """
    require_staff(actor)
    if channel not in Channel.values or channel == Channel.ONLINE:
        raise _invalid("invalid_channel", _("Online requests are submitted by the applicant."))
    not_in_future(received_on)
    validate_applicant(applicant)
    with transaction.atomic():
        request, _secret = _create(
            organisation,
            channel,
            applicant,
            status=Status.RECEIVED,
            received_on=received_on,
            idempotency_key=idempotency_key,
        )
        clock = _start_reply_clock(request, actor, received_on)
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.REGISTERED,
            summary={
                "channel": channel,
                "receipt_basis": RECEIPT_BASIS[channel],
                "received_on": received_on,
                "due_on": clock.due_on,
            },
        )
    return request


def _works_in(user: User, organisation: Organisation, unit: Organisation | None) -> bool:
    profile = getattr(user, "staff_profile", None)
    if profile is None or profile.organisation_id != organisation.pk:
        return False
    return unit is None or profile.units.filter(pk=unit.pk).exists()


def request_assign(
    *,
    request: Request,
    actor: Actor,
    unit: Organisation | None,
    handler: User | None = None,
) -> Request:
    """Hand the request to a unit of its body and, optionally, a handler in that unit."""
    require_staff(actor)
    if unit is not None and (
        unit.kind != Organisation.Kind.UNIT or unit.parent_id != request.organisation_id
    ):
        raise ServiceError("unit_outside_body", _("The unit does not belong to this body."))
    if handler is not None and not _works_in(handler, request.organisation, unit):
        raise ServiceError("handler_outside_unit", _("The handler does not work in this unit."))
    with transaction.atomic():
        request.unit, request.handler = unit, handler
        request.save(update_fields=["unit", "handler"])
        clock = request.reply_clock
        if clock is not None:
            clock.unit, clock.handler = unit, handler
            clock.save(update_fields=["unit", "handler"])
        record(
            request,
            actor=actor,
            type=RequestEvent.Type.ASSIGNED,
            summary={"unit": unit.pk if unit else None, "handler": handler.pk if handler else None},
        )
    return request
