"""Every change to a subscription: one keyword-only function each, writing the ledger.

Double opt-in: ``subscription_create`` records a pending subscription and sends one message
to the address with a signed confirmation link; only ``subscription_confirm`` (the link)
makes it active. Every message carries a signed one-click unsubscribe link
(``subscription_end``), which also erases the address. Each message goes to one address
(``core.OutgoingMessage``, sent by ``core.tasks.message_send``): a subscriber never sees
another's address. Digests run on the queue (``subscriptions.tasks``): immediately when an
item is published, daily from the sweep.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.access import has_role
from gongkai.core.cache import cache_count
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Organisation, OutgoingMessage, Role
from gongkai.core.queue import enqueue
from gongkai.core.services import ledger_append
from gongkai.core.tasks import message_send
from gongkai.core.types import Actor
from gongkai.foi.models import Request
from gongkai.proactive.law import Section
from gongkai.proactive.models import Item, Topic
from gongkai.subscriptions import selectors
from gongkai.subscriptions.models import TRANSITIONS, Channel, Frequency, Kind, State, Subscription

CONFIRM_SALT = "gongkai.subscriptions.confirm"
END_SALT = "gongkai.subscriptions.end"
MOBILE = re.compile(r"^1[3-9]\d{9}$")
KEYWORD_MIN, KEYWORD_MAX = 2, 30
OFFICE_ROLES = (Role.OFFICE, Role.ADMIN)


# --- tokens and links --------------------------------------------------------------------


def confirm_token(subscription: Subscription) -> str:
    return signing.dumps(subscription.pk, salt=CONFIRM_SALT)


def end_token(subscription: Subscription) -> str:
    return signing.dumps(subscription.pk, salt=END_SALT)


def _link(name: str, token: str) -> str:
    return settings.GONGKAI_PUBLIC_URL + reverse(name, kwargs={"token": token})


def confirm_link(subscription: Subscription) -> str:
    return _link("subscriptions:confirm", confirm_token(subscription))


def end_link(subscription: Subscription) -> str:
    return _link("subscriptions:end", end_token(subscription))


def _invalid_link() -> ServiceError:
    return ServiceError(
        "invalid_link",
        _("This link is not valid or has expired. Please subscribe again; nothing was changed."),
    )


def _from_token(token: str, *, salt: str, max_age: int | None = None) -> Subscription:
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        raise _invalid_link() from None
    found = Subscription.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if found is None:
        raise _invalid_link()
    return found


# --- input -------------------------------------------------------------------------------


def normalise_address(channel: str, address: str) -> str:
    address = address.strip()
    if channel == Channel.EMAIL:
        address = address.lower()
        try:
            validate_email(address)
        except ValidationError:
            raise ServiceError(
                "invalid_email", _("Enter a valid e-mail address, e.g. name@example.com.")
            ) from None
        return address
    if channel == Channel.SMS:
        digits = re.sub(r"[\s-]", "", address).removeprefix("+86")
        if not MOBILE.match(digits):
            raise ServiceError(
                "invalid_mobile", _("Enter an 11-digit mainland mobile number, e.g. 13800138000.")
            )
        return digits
    raise ServiceError("invalid_channel", _("Choose e-mail or text message."))


def _target(
    *, kind: str, section: str, topic: Topic | None, keyword: str, request: Request | None
) -> str:
    if kind == Kind.SECTION:
        if section not in Section.values:
            raise ServiceError("invalid_section", _("Choose a column to follow."))
        return f"section:{section}"
    if kind == Kind.TOPIC:
        if topic is None:
            raise ServiceError("invalid_topic", _("Choose a topic to follow."))
        return f"topic:{topic.pk}"
    if kind == Kind.KEYWORD:
        if not KEYWORD_MIN <= len(keyword) <= KEYWORD_MAX:
            raise ServiceError(
                "invalid_keyword",
                _("A keyword has %(min)d to %(max)d characters.")
                % {"min": KEYWORD_MIN, "max": KEYWORD_MAX},
            )
        return f"keyword:{keyword}"
    if kind == Kind.REQUEST:
        if request is None:
            raise ServiceError("invalid_request", _("Enter your application's code and secret."))
        return f"request:{request.pk}"
    raise ServiceError("invalid_kind", _("Choose what to follow."))


# --- messages ----------------------------------------------------------------------------


def _site_name(organisation: Organisation) -> str:
    return organisation.name


def _queue(subscription: Subscription, *, subject: str, body: str) -> OutgoingMessage:
    """One message to this one address, sent by the worker after the commit."""
    message = OutgoingMessage.objects.create(
        channel=subscription.channel,
        recipient=None,
        address=subscription.address,
        subject=subject[:300],
        body=body,
    )
    enqueue(message_send, message_id=message.pk)
    return message


def _confirmation_body(subscription: Subscription) -> tuple[str, str]:
    values = {
        "site": _site_name(subscription.organisation),
        "target": selectors.target_label(subscription),
        "confirm": confirm_link(subscription),
        "end": end_link(subscription),
        "days": settings.GONGKAI_SUBSCRIPTION_CONFIRM_DAYS,
    }
    if subscription.channel == Channel.SMS:
        body = _(
            "[%(site)s] Confirm your subscription (%(target)s): %(confirm)s . Not you? "
            "Ignore this message."
        )
        return "", body % values
    subject = _("Please confirm your subscription: %(target)s") % values
    body = _(
        "Someone, hopefully you, subscribed this address to %(target)s on the portal of "
        "%(site)s.\n\nTo confirm, open this link within %(days)d days:\n%(confirm)s\n\n"
        "If it was not you, ignore this message: without confirmation nothing is sent and "
        "the address is erased.\n\nUnsubscribe at any time: %(end)s\n"
    )
    return subject, body % values


# --- changes -----------------------------------------------------------------------------


def _transition(subscription: Subscription, to: str, **fields: Any) -> bool:
    """The guarded state change as a conditional update; False when another call made it."""
    if to not in TRANSITIONS[subscription.state]:
        return False
    changed = Subscription.objects.filter(pk=subscription.pk, state=subscription.state).update(
        state=to, **fields
    )
    if changed:
        subscription.state = to
        for name, value in fields.items():
            setattr(subscription, name, value)
    return bool(changed)


def _ledger(
    subscription: Subscription,
    action: str,
    *,
    actor: Actor = None,
    summary: dict[str, Any] | None = None,
) -> None:
    ledger_append(
        actor=actor,
        action=f"subscriptions.{action}",
        obj=subscription,
        organisation=subscription.organisation,
        summary={
            "kind": subscription.kind,
            "target": subscription.target,
            "channel": subscription.channel,
            "address": selectors.mask_address(subscription.address),
            **(summary or {}),
        },
    )


# Bounds on the sign-up form, which anyone may fill in with anyone's address: a client
# may ask this many times an hour, and an address gets at most this many confirmation
# messages a day, whoever asks (more are silently not sent, so that nobody can flood an
# address and the page still never tells whether an address subscribes).
SUBSCRIBE_PER_CLIENT_PER_HOUR = 20
CONFIRMATIONS_PER_ADDRESS_PER_DAY = 3


class TooManySignUpsError(ServiceError):
    status = 429


def _client_take(client: str) -> None:
    if (
        client
        and cache_count(f"subscriptions:client:{client}", 3600) > SUBSCRIBE_PER_CLIENT_PER_HOUR
    ):
        raise TooManySignUpsError(
            "too_many_requests", _("Too many sign-ups from this connection. Try again in an hour.")
        )


def _confirmation_allowed(channel: str, address: str) -> bool:
    digest = hashlib.sha256(f"{channel}:{address}".encode()).hexdigest()[:32]
    return (
        cache_count(f"subscriptions:address:{digest}", 86400) <= CONFIRMATIONS_PER_ADDRESS_PER_DAY
    )


def subscription_create(
    *,
    organisation: Organisation,
    channel: str,
    address: str,
    kind: str,
    frequency: str = Frequency.DAILY,
    section: str = "",
    topic: Topic | None = None,
    keyword: str = "",
    request: Request | None = None,
    client: str = "",
) -> Subscription:
    """A pending subscription and its confirmation message.

    The answer is the same whether the address was new, pending or already active (the
    page never tells anyone which addresses subscribe); a pending one gets its
    confirmation again, an active one nothing new. ``client``: the sender's address, for
    the hourly bound (SUBSCRIBE_PER_CLIENT_PER_HOUR)."""
    _client_take(client)
    address = normalise_address(channel, address)
    keyword = keyword.strip()
    target = _target(kind=kind, section=section, topic=topic, keyword=keyword, request=request)
    if frequency not in Frequency.values:
        raise ServiceError("invalid_frequency", _("Choose how often to receive messages."))
    if kind == Kind.REQUEST:
        frequency = Frequency.IMMEDIATE  # a status change is told when it happens
    live = Subscription.objects.filter(
        organisation=organisation, channel=channel, address=address, target=target
    ).exclude(state=State.ENDED)
    with transaction.atomic():
        existing = live.select_for_update().first()
        if existing is not None:
            if existing.state == State.PENDING and _confirmation_allowed(channel, address):
                subject, body = _confirmation_body(existing)
                _queue(existing, subject=subject, body=body)
                _ledger(existing, "confirmation_resent")
            return existing
        try:
            with transaction.atomic():
                subscription = Subscription.objects.create(
                    organisation=organisation,
                    channel=channel,
                    address=address,
                    kind=kind,
                    section=section if kind == Kind.SECTION else "",
                    topic=topic if kind == Kind.TOPIC else None,
                    keyword=keyword if kind == Kind.KEYWORD else "",
                    request=request if kind == Kind.REQUEST else None,
                    target=target,
                    frequency=frequency,
                )
        except IntegrityError:  # the same address at the same moment: one row wins
            return live.get()
        if _confirmation_allowed(channel, address):
            subject, body = _confirmation_body(subscription)
            _queue(subscription, subject=subject, body=body)
        _ledger(subscription, "create", summary={"frequency": frequency})
    return subscription


def subscription_confirm(*, token: str) -> Subscription:
    """The confirmation link: pending → active (again: nothing more happens)."""
    max_age = settings.GONGKAI_SUBSCRIPTION_CONFIRM_DAYS * 86400
    subscription = _from_token(token, salt=CONFIRM_SALT, max_age=max_age)
    if subscription.state == State.ENDED:
        raise _invalid_link()
    with transaction.atomic():
        status = subscription.request.status if subscription.request is not None else ""
        now = timezone.now()
        if _transition(
            subscription, State.ACTIVE, confirmed_at=now, sent_until=now, status_told=status
        ):
            _ledger(subscription, "confirm")
    return subscription


def subscription_end(
    *, token: str = "", subscription: Subscription | None = None, actor: Actor = None
) -> Subscription:
    """Unsubscribe (the link in every message, or the office on request): the address is
    erased. Ending an ended subscription changes nothing."""
    if subscription is None:
        subscription = _from_token(token, salt=END_SALT)
    elif actor is None or not has_role(actor, *OFFICE_ROLES):
        raise PermissionDeniedError("office_only", _("Only the openness office can do this."))
    with transaction.atomic():
        masked = selectors.mask_address(subscription.address)
        if _transition(subscription, State.ENDED, ended_at=timezone.now(), address=""):
            _ledger(
                subscription,
                "end",
                actor=actor,
                summary={"address": masked, "by": "office" if actor else "subscriber"},
            )
    return subscription


def subscriptions_forget_unconfirmed(*, moment: dt.datetime | None = None) -> int:
    """The periodic job: pending subscriptions past the confirmation period end and their
    addresses are erased (nothing is kept of someone who never confirmed)."""
    moment = moment or timezone.now()
    limit = moment - dt.timedelta(days=settings.GONGKAI_SUBSCRIPTION_CONFIRM_DAYS)
    ended = 0
    stale = Subscription.objects.filter(state=State.PENDING, created_at__lt=limit)
    for subscription in stale.select_related("organisation"):
        with transaction.atomic():
            if _transition(subscription, State.ENDED, ended_at=moment, address=""):
                _ledger(subscription, "expire")
                ended += 1
    return ended


# --- delivery ----------------------------------------------------------------------------


def _item_url(item: Item) -> str:
    return settings.GONGKAI_PUBLIC_URL + reverse("proactive:item", kwargs={"pk": item.pk})


def _digest_body(subscription: Subscription, items: list[Item], total: int) -> tuple[str, str]:
    values = {
        "site": _site_name(subscription.organisation),
        "target": selectors.target_label(subscription),
        "count": total,
        "end": end_link(subscription),
    }
    if subscription.channel == Channel.SMS:
        first = items[0]
        values |= {"title": first.public_title[:40], "url": _item_url(first)}
        return "", _(
            "[%(site)s] %(target)s: %(count)d new, e.g. “%(title)s” %(url)s . Unsubscribe: %(end)s"
        ) % values
    lines = [
        _("%(count)d new items were published (%(target)s):") % values,
        "",
    ]
    for number, item in enumerate(items, start=1):
        lines.append(f"{number}. {item.public_title}")
        lines.append(f"   {_item_url(item)}")
    if total > len(items):
        lines.append(_("… and %(more)d more on the portal.") % {"more": total - len(items)})
    lines += ["", _("Unsubscribe with one click: %(end)s") % values]
    return _("%(site)s: %(count)d new items (%(target)s)") % values, "\n".join(lines)


def digests_send(*, frequency: str, moment: dt.datetime | None = None) -> int:
    """Send every active item subscription of ``frequency`` the items published since its
    last message; the messages queued. Idempotent: each subscription's ``sent_until`` moves
    with a conditional update in the transaction that queues its message."""
    moment = moment or timezone.now()
    due = (
        Subscription.objects.filter(state=State.ACTIVE, frequency=frequency)
        .exclude(kind=Kind.REQUEST)
        .select_related("organisation", "topic")
    )
    sent = 0
    for subscription in due.iterator(chunk_size=500):
        after = subscription.sent_until or subscription.confirmed_at or moment
        matching = selectors.items_matching(subscription, after, moment)
        items = list(matching[: selectors.DIGEST_ITEMS_MAX])
        if not items:
            continue
        total = len(items) if len(items) < selectors.DIGEST_ITEMS_MAX else matching.count()
        with transaction.atomic():
            moved = Subscription.objects.filter(
                pk=subscription.pk, state=State.ACTIVE, sent_until=subscription.sent_until
            ).update(sent_until=moment, messages_sent=F("messages_sent") + 1)
            if not moved:
                continue  # another run sent it, or the subscriber left meanwhile
            subject, body = _digest_body(subscription, items, total)
            _queue(subscription, subject=subject, body=body)
        sent += 1
    if sent:
        ledger_append(
            actor=None,
            action="subscriptions.digests",
            summary={"frequency": frequency, "messages": sent, "until": moment.isoformat()},
        )
    return sent


def request_updates_send(*, request_id: int) -> int:
    """Tell the application's subscribers its new status (once per status)."""
    subscriptions = Subscription.objects.filter(
        state=State.ACTIVE, kind=Kind.REQUEST, request_id=request_id
    ).select_related("request", "organisation")
    sent = 0
    for subscription in subscriptions:
        request = subscription.request
        if request is None or request.status == subscription.status_told:
            continue
        with transaction.atomic():
            moved = Subscription.objects.filter(
                pk=subscription.pk, state=State.ACTIVE, status_told=subscription.status_told
            ).update(status_told=request.status, messages_sent=F("messages_sent") + 1)
            if not moved:
                continue
            values = {
                "site": _site_name(subscription.organisation),
                "code": request.code,
                "status": request.get_status_display(),
                "track": settings.GONGKAI_PUBLIC_URL + reverse("foi:track"),
                "end": end_link(subscription),
            }
            subject = _("Your application %(code)s: %(status)s") % values
            body = (
                _(
                    "[%(site)s] Your application %(code)s is now: %(status)s. Follow it with "
                    "its code and secret at %(track)s . Unsubscribe: %(end)s"
                )
                % values
            )
            _queue(subscription, subject=subject, body=body)
            _ledger(subscription, "status_told", summary={"status": request.status})
        sent += 1
    return sent


# --- hooks (called inside the announcing transaction: only enqueue) ------------------------


def item_published(*, item_id: int) -> None:
    from gongkai.subscriptions.tasks import digests_deliver

    live = Subscription.objects.filter(state=State.ACTIVE, frequency=Frequency.IMMEDIATE)
    if live.exclude(kind=Kind.REQUEST).exists():
        enqueue(digests_deliver, frequency=Frequency.IMMEDIATE)


def request_changed(*, request_id: int) -> None:
    from gongkai.subscriptions.tasks import request_updates_deliver

    if Subscription.objects.filter(
        state=State.ACTIVE, kind=Kind.REQUEST, request_id=request_id
    ).exists():
        enqueue(request_updates_deliver, request_id=request_id)
