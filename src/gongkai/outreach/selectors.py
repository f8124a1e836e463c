"""Reads for the outreach pages, the API and the yearly report's figures."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from gongkai.core.clockmath import CHINA
from gongkai.core.models import Organisation
from gongkai.outreach.models import (
    Channel,
    Observation,
    OpenDay,
    Push,
    PushState,
    Registration,
    Supervisor,
)


def _year(year: int) -> tuple[dt.datetime, dt.datetime]:
    """[1 January 00:00, next 1 January 00:00) in Beijing time."""
    first = dt.datetime(year, 1, 1, tzinfo=CHINA)
    return first, dt.datetime(year + 1, 1, 1, tzinfo=CHINA)


def new_media_counts(organisation: Organisation, year: int) -> dict[str, int]:
    """The yearly report's 政务新媒体 figures from the push records (not from words typed in
    an item's carriers), and the supervisors' and open days' counts, for one calendar year.

    ``items_new_media``: items posted on at least one channel that year;
    ``new_media_accounts``: channels pushing; ``new_media_posts``: posts sent."""
    first, last = _year(year)
    sent = Push.objects.filter(
        channel__organisation=organisation,
        state=PushState.SENT,
        sent_at__gte=first,
        sent_at__lt=last,
    ).order_by()
    observations = Observation.objects.filter(
        organisation=organisation, filed_at__gte=first, filed_at__lt=last
    ).order_by()
    open_days = OpenDay.objects.filter(
        organisation=organisation, starts_at__gte=first, starts_at__lt=last
    ).order_by()
    counted = observations.aggregate(
        filed=Count("pk"), answered=Count("pk", filter=Q(state=Observation.State.ANSWERED))
    )
    return {
        "items_new_media": sent.values("item_id").distinct().count(),
        "new_media_accounts": Channel.objects.filter(
            organisation=organisation, is_active=True
        ).count(),
        "new_media_posts": sent.count(),
        "supervisors": Supervisor.objects.filter(
            Q(term_ends_on__isnull=True) | Q(term_ends_on__gte=first.date()),
            organisation=organisation,
            appointed_on__lt=last.date(),
        ).count(),
        "supervisor_observations": counted["filed"],
        "supervisor_observations_answered": counted["answered"],
        "open_days": open_days.count(),
        "open_day_visitors": Registration.objects.filter(
            open_day__in=open_days, attended=True
        ).count(),
    }


def channels_of(organisation: Organisation) -> QuerySet[Channel]:
    return Channel.objects.filter(organisation=organisation).annotate(
        sent=Count("pushes", filter=Q(pushes__state=PushState.SENT)),
        failed=Count("pushes", filter=Q(pushes__state=PushState.FAILED)),
        waiting=Count("pushes", filter=Q(pushes__state__in=[PushState.QUEUED, PushState.RETRYING])),
    )


def channels_public(organisation: Organisation) -> QuerySet[Channel]:
    return Channel.objects.filter(organisation=organisation, is_active=True)


def pushes_of(organisation: Organisation) -> QuerySet[Push]:
    return Push.objects.filter(channel__organisation=organisation).select_related("channel", "item")


def supervisors_of(organisation: Organisation) -> QuerySet[Supervisor]:
    return Supervisor.objects.filter(organisation=organisation).annotate(
        filed=Count("observations"),
        answered=Count("observations", filter=Q(observations__state=Observation.State.ANSWERED)),
    )


def observations_of(organisation: Organisation) -> QuerySet[Observation]:
    return Observation.objects.filter(organisation=organisation).select_related("supervisor")


def open_days_public(organisation: Organisation) -> QuerySet[OpenDay]:
    return OpenDay.objects.filter(organisation=organisation)


def open_day_public(organisation: Organisation, pk: int) -> OpenDay:
    found = OpenDay.objects.filter(organisation=organisation, pk=pk).first()
    if found is None:
        raise Http404
    return found


def mask_phone(phone: str) -> str:
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 7 else "****"
