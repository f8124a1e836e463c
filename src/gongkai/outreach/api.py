"""Outreach under /api/v1/outreach/: new-media accounts, open days and registration
(public); channel push status and the yearly figures (staff).

Errors: ``{"code", "message"}``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from gongkai.core.access import has_role
from gongkai.core.api_auth import staff_auth
from gongkai.core.apischema import Error, ObjectId, Year, choice
from gongkai.core.errors import NotFoundError, PermissionDeniedError
from gongkai.core.selectors import site_organisation
from gongkai.outreach import selectors, services
from gongkai.outreach.models import ChannelKind, OpenDay, PushState

router = Router(tags=["outreach"])


class ChannelOut(Schema):
    id: int
    kind: Annotated[str, choice(ChannelKind.values)]
    kind_label: str
    name: str
    account: str


class ChannelStatusOut(ChannelOut):
    is_active: bool
    sent: int
    waiting: int
    failed: int


class OpenDayOut(Schema):
    id: int
    title: str
    description: str
    place: str
    starts_at: dt.datetime
    registration_closes_at: dt.datetime
    capacity: int
    places_left: int
    summary: str


class RegistrationIn(Schema):
    name: str = Field(max_length=60)
    phone: str = Field(max_length=20)


class RegistrationOut(Schema):
    code: str
    places_left: int


class PushOut(Schema):
    id: int
    channel_name: str
    item_id: int
    state: Annotated[str, choice(PushState.values)]
    attempts: int
    last_error: str
    sent_at: dt.datetime | None


def _site():
    body = site_organisation()
    if body is None:
        raise NotFoundError("not_found", _("This site serves no body yet."))
    return body


def _channel(c) -> dict:
    return {"id": c.pk, "kind": c.kind, "kind_label": c.get_kind_display(), "name": c.name,
            "account": c.account}  # fmt: skip


def _open_day(d: OpenDay) -> dict:
    return {
        "id": d.pk, "title": d.title, "description": d.description, "place": d.place,
        "starts_at": d.starts_at, "registration_closes_at": d.registration_closes_at,
        "capacity": d.capacity, "places_left": d.places_left,
        "summary": d.summary if d.summary_published_at else "",
    }  # fmt: skip


@router.get("/channels", response={200: list[ChannelOut], 404: Error})
def channels(request):
    """The body's new-media accounts that are in use (两微一端 and the provincial platform)."""
    return [_channel(c) for c in selectors.channels_public(_site())]


@router.get("/open-days", response={200: list[OpenDayOut], 404: Error})
def open_days(request):
    """Open days, latest first; a summary once published."""
    return [_open_day(d) for d in selectors.open_days_public(_site())]


@router.get("/open-days/{pk}", response={200: OpenDayOut, 404: Error})
def open_day(request, pk: ObjectId):
    return _open_day(selectors.open_day_public(_site(), pk))


@router.post(
    "/open-days/{pk}/registrations", response={201: RegistrationOut, 400: Error, 404: Error}
)
def register(request, pk: ObjectId, data: RegistrationIn):
    """Register one person; refused with code ``full`` when no place is left, ``registration_closed``
    after the closing time, ``registered_before`` for a number already registered."""
    found = selectors.open_day_public(_site(), pk)
    registration = services.open_day_register(open_day=found, name=data.name, phone=data.phone)
    found.refresh_from_db()
    return Status(201, {"code": registration.code, "places_left": found.places_left})


def _office_body(request):
    profile = getattr(request.user, "staff_profile", None)
    if profile is None or not has_role(request.user, *services.OFFICE_ROLES):
        raise PermissionDeniedError("office_only", _("Only the openness office can do this."))
    return profile.organisation.body


@router.get("/staff/channels", response={200: list[ChannelStatusOut], 403: Error}, auth=staff_auth)
def staff_channels(request):
    """Each channel with its pushes sent, waiting and failed."""
    return [
        {
            **_channel(c),
            "is_active": c.is_active,
            "sent": c.sent,
            "waiting": c.waiting,
            "failed": c.failed,
        }  # fmt: skip
        for c in selectors.channels_of(_office_body(request))
    ]


@router.get("/staff/pushes", response={200: list[PushOut], 403: Error}, auth=staff_auth)
def staff_pushes(request, state: Annotated[str, choice(PushState.values)] | None = None):
    """The latest 200 pushes, optionally of one state (``failed`` to find what to resend)."""
    pushes = selectors.pushes_of(_office_body(request))
    if state:
        pushes = pushes.filter(state=state)
    return [
        {
            "id": p.pk,
            "channel_name": p.channel.name,
            "item_id": p.item_id,
            "state": p.state,
            "attempts": p.attempts,
            "last_error": p.last_error,
            "sent_at": p.sent_at,
        }  # fmt: skip
        for p in pushes[:200]
    ]


@router.get("/staff/counts", response={200: dict[str, int], 403: Error}, auth=staff_auth)
def staff_counts(request, year: Year):
    """The yearly report's figures for new media, supervisors and open days."""
    return selectors.new_media_counts(_office_body(request), year)
