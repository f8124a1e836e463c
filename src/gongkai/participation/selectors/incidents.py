"""Reading incidents: staff scope, their clocks, the overdue list, press conferences."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.errors import NotFoundError
from gongkai.core.models import Clock
from gongkai.core.types import AnyUser
from gongkai.participation.models import Incident, PressConference


def incidents_visible_to(user: AnyUser) -> QuerySet[Incident]:
    return Incident.objects.visible_to(user).select_related("organisation", "unit")


def access_incident(user: AnyUser, pk: int) -> Incident:
    incident = incidents_visible_to(user).filter(pk=pk).first()
    if incident is None:
        raise NotFoundError("incident_not_found", _("No such incident."))
    return incident


def incident_clock_queryset() -> QuerySet[Clock]:
    return Clock.objects.filter(subject_type=ContentType.objects.get_for_model(Incident))


def late_clock_filter(now: dt.datetime) -> Q:
    """A clock is late when it runs past its due moment or stopped after it."""
    running_late = ~Q(state=Clock.State.STOPPED) & Q(due_at__lt=now)
    stopped_late = Q(state=Clock.State.STOPPED, stopped_at__gt=F("due_at"))
    return running_late | stopped_late


def incidents_overdue(
    user: AnyUser, *, now: dt.datetime | None = None
) -> list[tuple[Incident, list[Clock]]]:
    """Incidents with a clock overdue now or answered late (two queries)."""
    now = now or timezone.now()
    incidents = {i.pk: i for i in incidents_visible_to(user)}
    late: dict[int, list[Clock]] = {}
    first_due: dict[int, dt.datetime] = {}
    clocks = incident_clock_queryset().filter(
        late_clock_filter(now), subject_id__in=list(incidents)
    )
    for clock in clocks.order_by("due_at"):
        # Always true here: the filters need a subject and a due moment; said for the types.
        if clock.subject_id is not None and clock.due_at is not None:
            late.setdefault(clock.subject_id, []).append(clock)
            first_due.setdefault(clock.subject_id, clock.due_at)
    return [(incidents[pk], late[pk]) for pk in sorted(late, key=first_due.__getitem__)]


def clocks_of(incident: Incident) -> list[Clock]:
    return list(incident_clock_queryset().filter(subject_id=incident.pk).order_by("due_at"))


def press_conferences_of(user: AnyUser) -> QuerySet[PressConference]:
    return PressConference.objects.filter(
        organisation__in=incidents_visible_to(user).values("organisation")
    ).order_by("-held_at")
