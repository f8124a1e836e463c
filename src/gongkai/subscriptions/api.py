"""Subscriptions under /api/v1/subscriptions/: subscribe, confirm, unsubscribe (public),
and the office's counts (staff). An answer never tells whether an address subscribes.

Errors: ``{"code", "message"}``.
"""

from __future__ import annotations

from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from gongkai.core.access import has_role
from gongkai.core.api_auth import staff_auth
from gongkai.core.apischema import Error, choice
from gongkai.core.clientip import client_address
from gongkai.core.errors import NotFoundError, PermissionDeniedError
from gongkai.core.selectors import site_organisation
from gongkai.proactive.law import Section
from gongkai.subscriptions import selectors, services
from gongkai.subscriptions.models import Channel, Frequency, Kind, State

router = Router(tags=["subscriptions"])

ItemKind = Annotated[str, choice([k for k in Kind.values if k != Kind.REQUEST])]


class SubscribeIn(Schema):
    kind: ItemKind
    channel: Annotated[str, choice(Channel.values)]
    address: str = Field(max_length=254)
    frequency: Annotated[str, choice(Frequency.values)] = Frequency.DAILY
    section: Annotated[str, choice(["", *Section.values])] = ""
    topic: int | None = None
    keyword: str = Field("", max_length=30)


class TokenIn(Schema):
    token: str = Field(max_length=300)


class Accepted(Schema):
    message: str


class StateOut(Schema):
    state: Annotated[str, choice(State.values)]
    state_label: str


class TargetOut(Schema):
    code: str
    label: str


class TargetsOut(Schema):
    sections: list[TargetOut]
    topics: list[TargetOut]


class SubscriptionCountsOut(Schema):
    active: int
    pending: int
    ended: int
    email: int
    sms: int


def _body():
    body = site_organisation()
    if body is None:
        raise NotFoundError("not_found", _("This site serves no body yet."))
    return body


@router.get("/targets", response=TargetsOut)
def targets(request):
    """What can be followed: the catalog's columns and the topics (ids for ``topic``)."""
    return {
        "sections": [{"code": code, "label": str(label)} for code, label in Section.choices],
        "topics": [{"code": str(t.pk), "label": t.name} for t in selectors.topics()],
    }


@router.post("/", response={200: Accepted, 400: Error, 404: Error, 429: Error})
def subscribe(request, data: SubscribeIn):
    """Subscribe an address; a confirmation link is sent to it (double opt-in). The answer
    is the same for a new, a pending and an active address."""
    topic = selectors.topics().filter(pk=data.topic).first() if data.topic else None
    services.subscription_create(
        organisation=_body(),
        channel=data.channel,
        address=data.address,
        kind=data.kind,
        frequency=data.frequency,
        section=data.section,
        topic=topic,
        keyword=data.keyword,
        client=client_address(request),
    )
    return {"message": _("A confirmation link was sent to the address.")}


@router.post("/confirm", response={200: StateOut, 400: Error})
def confirm(request, data: TokenIn):
    """Confirm with the token of the confirmation link."""
    subscription = services.subscription_confirm(token=data.token)
    return {"state": subscription.state, "state_label": subscription.get_state_display()}


@router.post("/unsubscribe", response={200: StateOut, 400: Error})
def unsubscribe(request, data: TokenIn):
    """Unsubscribe with the token of the link in any message; the address is erased."""
    subscription = services.subscription_end(token=data.token)
    return {"state": subscription.state, "state_label": subscription.get_state_display()}


@router.get("/staff/counts", response={200: SubscriptionCountsOut, 403: Error}, auth=staff_auth)
def counts(request):
    """The office's counts of subscriptions (never the addresses)."""
    profile = getattr(request.user, "staff_profile", None)
    if profile is None or not has_role(request.user, *services.OFFICE_ROLES):
        raise PermissionDeniedError("office_only", _("Only the openness office can do this."))
    return selectors.live_counts(profile.organisation.body)
