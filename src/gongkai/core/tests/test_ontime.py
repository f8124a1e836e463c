"""One definition of "answered on time" (core.selectors.ontime), and the figures of every
count that uses it unchanged on the demo data (compared with the formulas each had before)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.db.models import Count, F, Q

from gongkai.core.access import body_and_descendants
from gongkai.core.clockmath import CHINA
from gongkai.core.models import Clock, Organisation
from gongkai.core.selectors.ontime import (
    clock_late,
    late_q,
    on_time_rate,
    timeliness,
)
from gongkai.core.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

DUE = dt.datetime(2026, 11, 20, 17, tzinfo=CHINA)
HOUR = dt.timedelta(hours=1)


def _clock(label: str, *, due: dt.datetime | None, stopped: dt.datetime | None, body) -> Clock:
    return Clock.objects.create(
        organisation=body,
        rule="foi_reply",
        label=label,
        started_at=dt.datetime(2026, 11, 2, 10, tzinfo=CHINA),
        due_at=due,
        stopped_at=stopped,
        state=Clock.State.STOPPED if stopped else Clock.State.RUNNING,
    )


def test_each_kind_of_clock_counts_once():
    body = OrganisationFactory()
    _clock("early", due=DUE, stopped=DUE - HOUR, body=body)
    _clock("on the minute", due=DUE, stopped=DUE, body=body)
    _clock("late", due=DUE, stopped=DUE + HOUR, body=body)
    _clock("running", due=DUE, stopped=None, body=body)
    _clock("running past due", due=DUE - 1000 * HOUR, stopped=None, body=body)
    _clock("no due time", due=None, stopped=DUE, body=body)

    counts = timeliness(Clock.objects.all())
    assert (counts.answered, counts.on_time, counts.late) == (4, 2, 1)
    assert counts.rate == 50.0
    late_in_sql = set(Clock.objects.filter(late_q()).values_list("label", flat=True))
    late_in_python = {c.label for c in Clock.objects.all() if clock_late(c)}
    assert late_in_sql == late_in_python == {"late"}


def test_through_a_relation_and_the_rate():
    assert on_time_rate(0, 0) is None
    assert on_time_rate(2, 3) == 66.7
    assert on_time_rate(0, 4) == 0.0


def test_demo_figures_are_those_of_the_formulas_before():
    from gongkai.assessment.selectors import headline
    from gongkai.foi.models import Request
    from gongkai.participation import statistics as participation_statistics
    from gongkai.participation.models import Letter
    from gongkai.proactive import statistics as proactive_statistics
    from gongkai.proactive.law import INTERPRETATION_CLOCK_RULE
    from gongkai.reports.generate import replies_on_time

    call_command("demo", verbosity=0)
    now = dt.datetime(2026, 12, 6, 12, tzinfo=CHINA)
    today = now.date()
    checked = 0
    for body in Organisation.objects.filter(parent__isnull=True):
        ids = body_and_descendants(body)
        for year in (2025, 2026):
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
            first = dt.datetime(year, 1, 1, tzinfo=CHINA)
            last = dt.datetime(year + 1, 1, 1, tzinfo=CHINA)

            # reports.generate.replies_on_time: replied minus late.
            before = Request.objects.filter(
                organisation_id=body.pk, replied_on__year=year, reply_clock__isnull=False
            ).aggregate(
                replied=Count("pk"),
                late=Count("pk", filter=Q(reply_clock__stopped_at__gt=F("reply_clock__due_at"))),
            )
            assert replies_on_time(body.pk, year) == {
                "on_time": before["replied"] - before["late"],
                "late": before["late"],
            }

            # assessment.selectors.headline.
            clocks = Clock.objects.filter(
                rule="foi_reply", organisation_id__in=ids, started_at__year=year
            ).exclude(due_at=None)
            before = clocks.aggregate(
                answered=Count("id", filter=Q(stopped_at__isnull=False)),
                on_time=Count(
                    "id", filter=Q(stopped_at__isnull=False, stopped_at__lte=F("due_at"))
                ),
            )
            figures = headline(body, year, now=now)
            assert (figures.answered, figures.on_time) == (before["answered"], before["on_time"])

            # proactive: interpretations by how their clocks ended (state STOPPED before).
            stopped = Q(state=Clock.State.STOPPED)
            before = Clock.objects.filter(
                rule=INTERPRETATION_CLOCK_RULE,
                organisation_id__in=ids,
                started_at__gte=first,
                started_at__lt=last,
            ).aggregate(
                on_time=Count("pk", filter=stopped & Q(stopped_at__lte=F("due_at"))),
                late=Count("pk", filter=stopped & Q(stopped_at__gt=F("due_at"))),
            )
            rows = proactive_statistics._interpretations_on_time(ids, start, end)["rows"]
            assert [sum(r[2] for r in rows), sum(r[3] for r in rows)] == [
                before["on_time"],
                before["late"],
            ]

            # participation: letters answered by their due date.
            answered = Letter.objects.filter(
                organisation_id__in=ids,
                received_at__gte=first,
                received_at__lt=last,
                status=Letter.Status.ANSWERED,
            )
            before_on_time = sum(
                1
                for letter in answered
                if letter.answered_at.astimezone(CHINA).date() <= letter.due_on
            )
            table = participation_statistics.letters_answered_on_time(ids, start, end, today)
            assert sum(r[3] for r in table["rows"]) == before_on_time
            checked += 1
    assert checked >= 2
