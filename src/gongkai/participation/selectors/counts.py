"""participation_counts(organisation, year): the figures the yearly report takes."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q

from gongkai.core.clockmath import CHINA
from gongkai.core.models import Organisation
from gongkai.participation.models import (
    Comment,
    Consultation,
    Incident,
    Letter,
    PressConference,
)
from gongkai.participation.selectors.incidents import incident_clock_queryset, late_clock_filter
from gongkai.participation.selectors.mailbox import letter_statistics


def _year_bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime(year, 1, 1, tzinfo=CHINA)
    return start, dt.datetime(year + 1, 1, 1, tzinfo=CHINA)


def participation_counts(organisation: Organisation, year: int) -> dict[str, int]:
    """Counts for one body and one calendar year (Beijing time)."""
    start, end = _year_bounds(year)
    consultations = Consultation.objects.filter(
        organisation=organisation, opens_on__year=year
    ).exclude(status=Consultation.Status.DRAFT)
    comments = Comment.objects.filter(consultation__in=consultations).aggregate(
        received=Count("pk"),
        adopted=Count(
            "pk", filter=Q(decision__in=(Comment.Decision.ADOPTED, Comment.Decision.PARTLY))
        ),
    )
    letters = letter_statistics(
        Letter.objects.filter(
            organisation=organisation, received_at__gte=start, received_at__lt=end
        )
    )
    incidents = Incident.objects.filter(
        organisation=organisation, first_seen_at__gte=start, first_seen_at__lt=end
    )
    late = incident_clock_queryset().filter(late_clock_filter(dt.datetime.now(tz=CHINA)))
    responded = incidents.exclude(status=Incident.Status.OPEN)
    on_time = responded.exclude(Exists(late.filter(subject_id=OuterRef("pk")))).count()
    return {
        "consultations_held": consultations.count(),
        "comments_received": comments["received"],
        "comments_adopted": comments["adopted"],
        "letters_received": letters.received,
        "letters_answered": letters.answered,
        "letters_on_time": letters.on_time,
        "press_conferences": PressConference.objects.filter(
            organisation=organisation, held_at__gte=start, held_at__lt=end
        ).count(),
        "incidents": incidents.count(),
        "incidents_responded_on_time": on_time,
    }
