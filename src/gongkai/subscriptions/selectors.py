"""Reads for the subscription pages, the API and the digests."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from gongkai.core.access import body_and_descendants
from gongkai.core.models import Organisation
from gongkai.proactive.law import Section
from gongkai.proactive.models import PUBLIC, Item, Topic
from gongkai.subscriptions.models import Kind, State, Subscription

# Items listed in one message at most (the rest are counted, with a link to the column).
DIGEST_ITEMS_MAX = 20


def mask_address(address: str) -> str:
    """What staff see of an address: 138****5678, z***@example.com."""
    if not address:
        return "—"
    if "@" in address:
        local, _at, domain = address.partition("@")
        return f"{local[:1]}***@{domain}"
    if len(address) >= 7:
        return f"{address[:3]}****{address[-4:]}"
    return "****"


def target_label(subscription: Subscription) -> str:
    """The subscription's target as people read it (栏目：政策文件)."""
    if subscription.kind == Kind.SECTION:
        label = (
            Section(subscription.section).label if subscription.section in Section.values else ""
        )
        return _("Column: %(name)s") % {"name": label}
    if subscription.kind == Kind.TOPIC:
        return _("Topic: %(name)s") % {
            "name": subscription.topic.name if subscription.topic else ""
        }
    if subscription.kind == Kind.KEYWORD:
        return _("Keyword: %(word)s") % {"word": subscription.keyword}
    code = subscription.request.code if subscription.request is not None else ""
    return _("Application %(code)s") % {"code": code}


def items_matching(
    subscription: Subscription, after: dt.datetime, until: dt.datetime
) -> QuerySet[Item]:
    """Public items of the body (and its subordinates) published in (after, until] that the
    subscription follows, oldest first."""
    items = Item.objects.filter(
        PUBLIC,
        organisation_id__in=body_and_descendants(subscription.organisation),
        published_at__gt=after,
        published_at__lte=until,
    )
    if subscription.kind == Kind.SECTION:
        items = items.filter(section=subscription.section)
    elif subscription.kind == Kind.TOPIC:
        topic = subscription.topic_id
        items = items.filter(topic_id=topic) if topic is not None else items.none()
    elif subscription.kind == Kind.KEYWORD:
        word = subscription.keyword
        items = items.filter(
            Q(public_title__icontains=word)
            | Q(keywords__icontains=word)
            | Q(summary__icontains=word)
        )
    else:
        return items.none()
    return items.order_by("published_at", "pk")


def topics() -> QuerySet[Topic]:
    return Topic.objects.all()


def subscriptions_of(organisation: Organisation) -> QuerySet[Subscription]:
    """The office's list: every subscription of the body, newest first."""
    return Subscription.objects.filter(organisation=organisation).select_related("topic", "request")


def live_counts(organisation: Organisation) -> dict[str, int]:
    """Live (pending or active) subscriptions per state, and per channel when active."""
    rows = (
        Subscription.objects.filter(organisation=organisation)
        .values_list("state", "channel")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {"pending": 0, "active": 0, "ended": 0, "email": 0, "sms": 0}
    for state, channel, n in rows:
        counts[state] += n
        if state == State.ACTIVE:
            counts[channel] += n
    return counts
