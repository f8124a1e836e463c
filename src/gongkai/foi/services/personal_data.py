"""The lifecycle of applicants' personal data: views recorded, retention set, anonymisation.

Every staff view of a request's identity data (its page, the API detail, a stored file, the
admin page) is recorded — who, when, which request — so the office can check that access
stays within each person's work (《个人信息保护法》 art. 51: operating permissions and
security measures). After the retention period the office sets, a finished
request keeps what the yearly report and the ledger need (dates, channel, applicant type,
outcome, remedies) and loses the applicant's name, document number, contacts, personal
information in the description and the uploaded files (art. 19: kept no longer than
needed; art. 47: deleted when the retention period ends).
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.access import has_role
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Organisation, Role
from gongkai.core.services import ledger_append
from gongkai.core.types import Actor, AnyUser, signed_in
from gongkai.foi.law import LITIGATION_MONTHS
from gongkai.foi.models import (
    FeeNotice,
    IdentityView,
    Remedy,
    Request,
    RequestEvent,
    RetentionPolicy,
    Supplement,
)
from gongkai.foi.transitions import DONE_STATUSES
from gongkai.privacy.mask import mask

# Never shorter than the time an applicant has to sue over the reply (行政诉讼法 art. 46:
# six months), so the case file is whole while a remedy is still possible.
MIN_RETENTION_MONTHS = LITIGATION_MONTHS
# Upper bound on what the form accepts (thirty years: the longest archive period).
MAX_RETENTION_MONTHS = 360


def identity_view_record(*, request: Request, viewer: AnyUser, channel: str) -> IdentityView | None:
    """Record that ``viewer`` was shown ``request``'s identity data (nothing once anonymised)."""
    if request.anonymised_at is not None or not viewer.is_authenticated:
        return None
    return IdentityView.objects.create(request=request, viewer=signed_in(viewer), channel=channel)


def retention_set(*, actor: Actor, organisation: Organisation, months: int) -> RetentionPolicy:
    """The office sets how many months after a request is finished its personal data is kept."""
    if actor is None or not has_role(actor, Role.OFFICE, Role.ADMIN):
        raise PermissionDeniedError(
            "office_only", _("Only the openness office sets the retention period.")
        )
    if not MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS:
        raise ServiceError(
            "retention_out_of_range",
            _(
                "The retention period must be between %(min)d and %(max)d months (at least "
                "the six months an applicant has to bring a lawsuit, Article 46 of the "
                "Administrative Procedure Law)."
            )
            % {"min": MIN_RETENTION_MONTHS, "max": MAX_RETENTION_MONTHS},
        )
    with transaction.atomic():
        policy, _created = RetentionPolicy.objects.update_or_create(
            organisation=organisation, defaults={"months": months, "set_by": actor}
        )
        ledger_append(
            actor=actor,
            action="foi.retention_set",
            obj=policy,
            organisation=organisation,
            summary={"months": months},
        )
    return policy


def finished_before(organisation_id: int, cutoff: dt.date) -> QuerySet[Request]:
    """Finished requests of a body whose last act is on or before ``cutoff``, not yet
    anonymised, with no review or lawsuit pending or decided after ``cutoff``.

    The last act is the reply, or for a request closed without one the lapse of the
    supplement or fee notice, or the closing itself.
    """

    def before(model: type[models.Model], field: str, **extra: Any) -> Exists:
        return Exists(
            model._default_manager.filter(
                request=OuterRef("pk"), **{f"{field}__lte": cutoff}, **extra
            )
        )

    def after(model: type[models.Model], field: str) -> Exists:
        return Exists(
            model._default_manager.filter(request=OuterRef("pk"), **{f"{field}__gt": cutoff})
        )

    closed = {"type": RequestEvent.Type.CLOSED}
    ended_without_reply = (
        before(Supplement, "lapsed_on")
        | before(FeeNotice, "lapsed_on")
        | before(RequestEvent, "at__date", **closed)
    )
    later_act = (
        Exists(RequestEvent.objects.filter(request=OuterRef("pk"), at__date__gt=cutoff, **closed))
        | after(Remedy, "filed_on")
        | after(Remedy, "decided_on")
        | Exists(Remedy.objects.filter(request=OuterRef("pk"), result=Remedy.Result.PENDING))
    )
    return (
        Request.objects.filter(
            organisation_id=organisation_id,
            status__in=DONE_STATUSES,
            anonymised_at__isnull=True,
        )
        .filter(Q(replied_on__lte=cutoff) | Q(replied_on__isnull=True) & ended_without_reply)
        .exclude(later_act)
    )


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the month's last day if shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def retention_cutoff(policy: RetentionPolicy, today: dt.date) -> dt.date:
    return months_before(today, policy.months)


def request_anonymise(*, request: Request, actor: Actor = None) -> Request:
    """Remove the applicant's personal data from one finished request, once."""
    if request.status not in DONE_STATUSES:
        raise ServiceError("not_finished", _("Only finished requests are anonymised."))
    if request.anonymised_at is not None:
        return request
    files = [a.file for a in request.attachments.all()]
    with transaction.atomic():
        request.applicant_name = ""
        request.id_number = ""
        request.phone = ""
        request.address = ""
        request.email = ""
        request.description = mask(request.description)
        request.anonymised_at = timezone.now()
        request.save(
            update_fields=[
                "applicant_name",
                "id_number",
                "phone",
                "address",
                "email",
                "description",
                "anonymised_at",
            ]
        )
        removed = request.attachments.all().delete()[0]
        ledger_append(
            actor=actor,
            action="foi.anonymise",
            obj=request,
            organisation=request.organisation,
            summary={"code": request.code, "files": removed},
        )
        # The stored files go only once the rows are gone for good.
        transaction.on_commit(lambda: [f.storage.delete(f.name) for f in files if f.name])
    return request


def requests_anonymise_due(*, today: dt.date | None = None) -> int:
    """The periodic job: anonymise every finished request past its body's retention period."""
    today = today or timezone.localdate()
    count = 0
    for policy in RetentionPolicy.objects.select_related("organisation"):
        due = finished_before(policy.organisation_id, retention_cutoff(policy, today))
        for request in due.order_by("pk").iterator(chunk_size=200):
            request_anonymise(request=request)
            count += 1
    return count
