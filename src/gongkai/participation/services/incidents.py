"""Opinion incidents on core's hour clocks, their responses, and press conferences."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.law import CLOCK_RULES
from gongkai.core.models import Clock, Organisation
from gongkai.core.services import clock_start, clock_stop
from gongkai.core.types import Actor
from gongkai.participation import law
from gongkai.participation.models import (
    Incident,
    IncidentResponse,
    PressConference,
)
from gongkai.participation.services.common import (
    check_transition,
    clean_text,
    lock,
    move,
    now,
    record,
    require_office,
    require_staff,
)
from gongkai.participation.transitions import INCIDENT_TRANSITIONS


def incident_clocks(incident: Incident) -> QuerySet[Clock]:
    return Clock.objects.filter(
        subject_type=ContentType.objects.get_for_model(Incident), subject_id=incident.pk
    )


def _not_future(at: dt.datetime) -> None:
    if at > now() + dt.timedelta(minutes=5):
        raise ServiceError("time_in_future", _("A time in the future cannot be recorded."))


def incident_record(
    *,
    actor: Actor,
    organisation: Organisation,
    title: str,
    source: str,
    first_seen_at: dt.datetime,
    severity: str,
    unit: Organisation | None = None,
    source_url: str = "",
    description: str = "",
) -> Incident:
    """Record an incident and start its clocks from the moment it was first seen
    (国办发〔2016〕61号: 5 h / 24 h for major emergencies, 48 h otherwise)."""
    require_staff(actor)
    title = clean_text(title, field="title", label=_("the title"), max_chars=200)
    if source not in Incident.Source.values:
        raise ServiceError("invalid_source", _("Please choose where it was seen."))
    if severity not in Incident.Severity.values:
        raise ServiceError("invalid_severity", _("Please choose the severity."))
    _not_future(first_seen_at)
    try:
        with transaction.atomic():
            incident = Incident.objects.create(
                organisation=organisation,
                unit=unit,
                handler=actor,
                title=title,
                source=source,
                source_url=source_url.strip(),
                first_seen_at=first_seen_at,
                severity=severity,
                description=description.strip(),
            )
            for rule in law.INCIDENT_CLOCKS[severity]:
                clock_start(
                    actor=actor,
                    rule=rule,
                    label=f"{CLOCK_RULES[rule].label}：{title}",
                    organisation=organisation,
                    unit=unit,
                    handler=actor,
                    started_at=first_seen_at,
                    subject=incident,
                )
            record(
                actor=actor,
                action="incident.record",
                obj=incident,
                summary={"severity": severity, "first_seen_at": first_seen_at},
            )
    except IntegrityError:
        raise ServiceError("duplicate_incident", _("This incident is already recorded.")) from None
    return incident


def incident_respond(
    *,
    actor: Actor,
    incident: Incident,
    kind: str,
    at: dt.datetime,
    summary: str,
    url: str = "",
) -> IncidentResponse:
    """A response or follow-up; it stops every clock it satisfies, at its own time."""
    require_staff(actor)
    if kind not in IncidentResponse.Kind.values:
        raise ServiceError("invalid_kind", _("Please choose the kind of response."))
    summary = clean_text(summary, field="summary", label=_("the summary"), max_chars=5000)
    if at < incident.first_seen_at:
        raise ServiceError("before_incident", _("A response cannot precede the incident."))
    _not_future(at)
    try:
        with transaction.atomic():
            lock(incident)
            if kind != IncidentResponse.Kind.FOLLOW_UP:
                check_transition(INCIDENT_TRANSITIONS, incident, Incident.Status.RESPONDED)
            response = IncidentResponse.objects.create(
                incident=incident, kind=kind, at=at, summary=summary, url=url.strip(), actor=actor
            )
            stops = law.INCIDENT_RESPONSE_STOPS[kind]
            for clock in incident_clocks(incident).exclude(state=Clock.State.STOPPED):
                if clock.rule in stops:
                    clock_stop(clock=clock, actor=actor, at=at, note=str(response))
            if kind != IncidentResponse.Kind.FOLLOW_UP:
                move(INCIDENT_TRANSITIONS, incident, Incident.Status.RESPONDED)
            record(
                actor=actor,
                action="incident.respond",
                obj=incident,
                summary={"kind": kind, "at": at},
            )
    except IntegrityError:
        raise ServiceError("duplicate_response", _("This response is already recorded.")) from None
    return response


def incident_close(*, actor: Actor, incident: Incident) -> Incident:
    require_staff(actor)
    with transaction.atomic():
        lock(incident)
        check_transition(INCIDENT_TRANSITIONS, incident, Incident.Status.CLOSED)
        at = now()
        for clock in incident_clocks(incident).exclude(state=Clock.State.STOPPED):
            clock_stop(clock=clock, actor=actor, at=at, note=_("Incident closed"))
        move(INCIDENT_TRANSITIONS, incident, Incident.Status.CLOSED)
        record(actor=actor, action="incident.close", obj=incident)
    return incident


def press_conference_record(
    *,
    actor: Actor,
    organisation: Organisation,
    topic: str,
    held_at: dt.datetime,
    speakers: str,
    venue: str = "",
    materials: str = "",
    incident: Incident | None = None,
) -> PressConference:
    """A press conference (新闻发布会); on an incident it is also that incident's response."""
    require_office(actor)
    topic = clean_text(topic, field="topic", label=_("the topic"), max_chars=200)
    speakers = clean_text(speakers, field="speakers", label=_("the speakers"), max_chars=300)
    _not_future(held_at)
    try:
        with transaction.atomic():
            conference = PressConference.objects.create(
                organisation=organisation,
                incident=incident,
                topic=topic,
                held_at=held_at,
                venue=venue.strip()[:200],
                speakers=speakers,
                materials=materials.strip(),
            )
            if incident is not None:
                incident_respond(
                    actor=actor,
                    incident=incident,
                    kind=IncidentResponse.Kind.PRESS_CONFERENCE,
                    at=held_at,
                    summary=topic,
                )
            record(
                actor=actor,
                action="press_conference.record",
                obj=conference,
                summary={"topic": topic, "held_at": held_at},
            )
    except IntegrityError:
        raise ServiceError(
            "duplicate_press_conference", _("This press conference is already recorded.")
        ) from None
    return conference
