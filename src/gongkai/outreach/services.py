"""Every change in outreach: one keyword-only function each, in a transaction, writing the
ledger. Channels and pushes (两微一端 from one source), supervisors and their observations
(监督员), open days and their registrations (政府开放日)."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from gongkai.core.access import has_role
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Organisation, Role
from gongkai.core.queue import PermanentError, enqueue
from gongkai.core.services import ledger_append
from gongkai.core.types import Actor, AnyUser
from gongkai.outreach.models import (
    Channel,
    ChannelKind,
    Observation,
    OpenDay,
    Push,
    PushState,
    Registration,
    Supervisor,
)
from gongkai.outreach.senders import ChannelError, get_sender
from gongkai.proactive.models import PUBLIC, Item

OFFICE_ROLES = (Role.OFFICE, Role.ADMIN)
MOBILE = re.compile(r"^1[3-9]\d{9}$")
# Attempts of one push before it is left failed for the office (the queue backs off between).
PUSH_MAX_ATTEMPTS = 5


def require_office(actor: Actor, organisation: Organisation) -> None:
    allowed = actor is not None and has_role(actor, *OFFICE_ROLES)
    if actor is not None and allowed and not actor.is_superuser:
        profile = getattr(actor, "staff_profile", None)
        allowed = profile is not None and profile.organisation.body == organisation.body
    if not allowed:
        raise PermissionDeniedError("office_only", _("Only the openness office can do this."))


def _ledger(
    action: str,
    obj: models.Model,
    organisation: Organisation,
    *,
    actor: Actor = None,
    summary: dict[str, Any] | None = None,
) -> None:
    ledger_append(
        actor=actor,
        action=f"outreach.{action}",
        obj=obj,
        organisation=organisation,
        summary=summary or {},
    )


# --- channels and pushes -----------------------------------------------------------------


def channel_create(
    *, actor: Actor, organisation: Organisation, kind: str, name: str, account: str = ""
) -> Channel:
    require_office(actor, organisation)
    name = name.strip()
    if kind not in ChannelKind.values:
        raise ServiceError("invalid_kind", _("Choose the kind of channel."))
    if not name:
        raise ServiceError("name_required", _("Enter the account's name."))
    try:
        with transaction.atomic():
            channel = Channel.objects.create(
                organisation=organisation, kind=kind, name=name, account=account.strip()
            )
            _ledger("channel_create", channel, organisation, actor=actor,
                    summary={"kind": kind, "name": name})  # fmt: skip
    except IntegrityError:
        raise ServiceError(
            "channel_exists", _("This body already has a channel of that kind with that name.")
        ) from None
    return channel


def channel_set_active(*, actor: Actor, channel: Channel, active: bool) -> Channel:
    require_office(actor, channel.organisation)
    with transaction.atomic():
        if Channel.objects.filter(pk=channel.pk, is_active=not active).update(is_active=active):
            channel.is_active = active
            _ledger("channel_active" if active else "channel_paused", channel,
                    channel.organisation, actor=actor)  # fmt: skip
    return channel


def pushes_create(*, item: Item) -> list[Push]:
    """A push of a public item to each active channel of its body, queued after the commit;
    an item already pushed to a channel is not pushed there again."""
    from gongkai.outreach.tasks import push_deliver

    body = item.organisation.body
    created = []
    with transaction.atomic():
        for channel in Channel.objects.filter(organisation=body, is_active=True):
            push, new = Push.objects.get_or_create(channel=channel, item=item)
            if new:
                enqueue(push_deliver, push_id=push.pk)
                created.append(push)
        if created:
            _ledger("pushes_create", item, body,
                    summary={"channels": [p.channel.name for p in created]})  # fmt: skip
    return created


def item_published(*, item_id: int) -> None:
    """The hook ``proactive.item_published`` (inside the publishing transaction)."""
    item = Item.objects.select_related("organisation").filter(PUBLIC, pk=item_id).first()
    if item is not None:
        pushes_create(item=item)


def _claim(push_id: int) -> Push | None:
    """Count the attempt; None when the push is gone, sent already or given up."""
    with transaction.atomic():
        push = (
            Push.objects.select_for_update()
            .select_related("channel", "item")
            .filter(pk=push_id)
            .first()
        )
        if push is None:
            raise PermanentError(f"push {push_id} does not exist")
        if push.state in (PushState.SENT, PushState.FAILED):
            return None
        Push.objects.filter(pk=push.pk).update(attempts=F("attempts") + 1)
        push.attempts += 1
    return push


def push_send(*, push_id: int) -> str:
    """One attempt at one push (the task): sent, or the error recorded and raised so the
    queue tries again; after ``PUSH_MAX_ATTEMPTS`` the push is left failed for the office."""
    push = _claim(push_id)
    if push is None:
        return "done before"
    item, channel = push.item, push.channel
    url = settings.GONGKAI_PUBLIC_URL + reverse("proactive:item", kwargs={"pk": item.pk})
    summary = item.summary or strip_tags(item.public_body)[:120]
    try:
        remote_id = get_sender().push(
            kind=channel.kind, account=channel.account, title=item.public_title,
            summary=summary, url=url,
        )  # fmt: skip
    except ChannelError as error:
        final = push.attempts >= PUSH_MAX_ATTEMPTS
        with transaction.atomic():
            Push.objects.filter(pk=push.pk).update(
                state=PushState.FAILED if final else PushState.RETRYING,
                last_error=str(error)[:300],
            )
            if final:
                _ledger("push_failed", push, channel.organisation,
                        summary={"item": item.pk, "attempts": push.attempts})  # fmt: skip
        if final:
            raise PermanentError(str(error)) from error
        raise
    with transaction.atomic():
        Push.objects.filter(pk=push.pk).exclude(state=PushState.SENT).update(
            state=PushState.SENT, remote_id=str(remote_id)[:120], sent_at=timezone.now(),
            last_error="",
        )  # fmt: skip
        _ledger("push_sent", push, channel.organisation,
                summary={"item": item.pk, "channel": channel.name})  # fmt: skip
    return "sent"


def push_retry(*, actor: Actor, push: Push) -> Push:
    """The office sends a failed push again (attempts counted afresh)."""
    from gongkai.outreach.tasks import push_deliver

    require_office(actor, push.channel.organisation)
    with transaction.atomic():
        taken = Push.objects.filter(pk=push.pk, state=PushState.FAILED).update(
            state=PushState.QUEUED, attempts=0, last_error=""
        )
        if not taken:
            raise ServiceError("not_failed", _("Only a failed push can be sent again."))
        enqueue(push_deliver, push_id=push.pk)
        _ledger("push_retry", push, push.channel.organisation, actor=actor)
    push.refresh_from_db()
    return push


# --- supervisors -------------------------------------------------------------------------


def supervisor_appoint(
    *,
    actor: Actor,
    organisation: Organisation,
    username: str,
    full_name: str,
    password: str,
    appointed_on: dt.date,
    affiliation: str = "",
    term_ends_on: dt.date | None = None,
) -> Supervisor:
    """A supervisor's account: it signs in, files observations and reads the answers; it
    has no staff profile and no role, so no workbench page opens to it."""
    require_office(actor, organisation)
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ServiceError(
            "username_taken", _("The user name %(name)s is taken.") % {"name": username}
        )
    if term_ends_on and term_ends_on <= appointed_on:
        raise ServiceError("term_before_appointment", _("The term must end after the appointment."))
    with transaction.atomic():
        user = User.objects.create_user(username=username, password=password, is_staff=False)
        supervisor = Supervisor.objects.create(
            organisation=organisation, user=user, full_name=full_name.strip(),
            affiliation=affiliation.strip(), appointed_on=appointed_on, term_ends_on=term_ends_on,
        )  # fmt: skip
        _ledger("supervisor_appoint", supervisor, organisation, actor=actor,
                summary={"username": username, "appointed_on": appointed_on.isoformat()})  # fmt: skip
    return supervisor


def supervisor_dismiss(*, actor: Actor, supervisor: Supervisor) -> Supervisor:
    """The appointment ends: the account can no longer sign in; observations are kept."""
    require_office(actor, supervisor.organisation)
    with transaction.atomic():
        if Supervisor.objects.filter(pk=supervisor.pk, is_active=True).update(is_active=False):
            get_user_model().objects.filter(pk=supervisor.user_id).update(is_active=False)
            supervisor.is_active = False
            _ledger("supervisor_dismiss", supervisor, supervisor.organisation, actor=actor)
    return supervisor


def supervisor_of(user: AnyUser | None) -> Supervisor | None:
    if user is None or not user.is_authenticated:
        return None
    return (
        Supervisor.objects.filter(user=user, is_active=True).select_related("organisation").first()
    )


def observation_file(*, user: AnyUser, subject: str, body: str) -> Observation:
    supervisor = supervisor_of(user)
    if supervisor is None:
        raise PermissionDeniedError(
            "supervisors_only", _("Only appointed openness supervisors can file observations.")
        )
    subject, body = subject.strip(), body.strip()
    if not subject or not body:
        raise ServiceError("text_required", _("Enter a subject and the observation."))
    with transaction.atomic():
        observation = Observation.objects.create(
            supervisor=supervisor, organisation=supervisor.organisation, subject=subject, body=body
        )
        _ledger("observation_file", observation, supervisor.organisation, actor=supervisor.user,
                summary={"supervisor": supervisor.full_name})  # fmt: skip
    return observation


def observation_answer(*, actor: Actor, observation: Observation, answer: str) -> Observation:
    require_office(actor, observation.organisation)
    answer = answer.strip()
    if not answer:
        raise ServiceError("answer_required", _("Enter the answer."))
    with transaction.atomic():
        done = Observation.objects.filter(pk=observation.pk, state=Observation.State.OPEN).update(
            state=Observation.State.ANSWERED, answer=answer, answered_by=actor,
            answered_at=timezone.now(),
        )  # fmt: skip
        if not done:
            raise ServiceError("answered_before", _("This observation was answered already."))
        _ledger("observation_answer", observation, observation.organisation, actor=actor)
    observation.refresh_from_db()
    return observation


# --- open days ---------------------------------------------------------------------------


def open_day_create(
    *,
    actor: Actor,
    organisation: Organisation,
    title: str,
    description: str,
    place: str,
    starts_at: dt.datetime,
    registration_closes_at: dt.datetime,
    capacity: int,
) -> OpenDay:
    require_office(actor, organisation)
    if capacity < 1:
        raise ServiceError("capacity", _("An open day has at least one place."))
    if registration_closes_at > starts_at:
        raise ServiceError(
            "closes_after_start", _("Registration must close before the open day starts.")
        )
    with transaction.atomic():
        open_day = OpenDay.objects.create(
            organisation=organisation, title=title.strip(), description=description.strip(),
            place=place.strip(), starts_at=starts_at,
            registration_closes_at=registration_closes_at, capacity=capacity,
        )  # fmt: skip
        _ledger("open_day_create", open_day, organisation, actor=actor,
                summary={"capacity": capacity, "starts_at": starts_at.isoformat()})  # fmt: skip
    return open_day


def _registration_code() -> str:
    return "KFR" + "".join(secrets.choice("23456789ABCDEFGHJKMNPQRSTUVWXYZ") for _i in range(7))


def full_message(capacity: int) -> str:
    return _("Sorry, all %(capacity)d places are taken. Please watch for the next open day.") % {
        "capacity": capacity
    }


def open_day_register(
    *, open_day: OpenDay, name: str, phone: str, moment: dt.datetime | None = None
) -> Registration:
    """A place for one person, while places are left and registration is open. The count
    moves with a conditional update, so two people never take the last place together."""
    moment = moment or timezone.now()
    name, phone = name.strip(), re.sub(r"[\s-]", "", phone).removeprefix("+86")
    if not name:
        raise ServiceError("name_required", _("Enter your name."))
    if not MOBILE.match(phone):
        raise ServiceError(
            "invalid_mobile", _("Enter an 11-digit mainland mobile number, e.g. 13800138000.")
        )
    if moment >= open_day.registration_closes_at:
        raise ServiceError("registration_closed", _("Registration for this open day has closed."))
    if Registration.objects.filter(open_day=open_day, phone=phone).exists():
        raise ServiceError(
            "registered_before", _("This mobile number is already registered for this open day.")
        )
    with transaction.atomic():
        taken = OpenDay.objects.filter(pk=open_day.pk, registered__lt=F("capacity")).update(
            registered=F("registered") + 1
        )
        if not taken:
            raise ServiceError("full", full_message(open_day.capacity))
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    open_day=open_day, name=name, phone=phone, code=_registration_code()
                )
        except IntegrityError:
            raise ServiceError(
                "registered_before",
                _("This mobile number is already registered for this open day."),
            ) from None
        _ledger("open_day_register", registration, open_day.organisation,
                summary={"open_day": open_day.pk})  # fmt: skip
    open_day.refresh_from_db(fields=["registered"])
    return registration


def attendance_mark(*, actor: Actor, registration: Registration, attended: bool) -> Registration:
    open_day = registration.open_day
    require_office(actor, open_day.organisation)
    with transaction.atomic():
        Registration.objects.filter(pk=registration.pk).update(attended=attended)
        registration.attended = attended
        _ledger("attendance_mark", registration, open_day.organisation, actor=actor,
                summary={"attended": attended})  # fmt: skip
    return registration


def open_day_summary_publish(*, actor: Actor, open_day: OpenDay, summary: str) -> OpenDay:
    """The published summary (what was shown, how many came, what visitors asked)."""
    require_office(actor, open_day.organisation)
    summary = summary.strip()
    if not summary:
        raise ServiceError("summary_required", _("Enter the summary."))
    if timezone.now() < open_day.starts_at:
        raise ServiceError(
            "not_held_yet", _("The summary can be published once the open day has taken place.")
        )
    with transaction.atomic():
        OpenDay.objects.filter(pk=open_day.pk).update(
            summary=summary, summary_published_at=timezone.now()
        )
        open_day.refresh_from_db()
        _ledger("open_day_summary", open_day, open_day.organisation, actor=actor)
    return open_day
