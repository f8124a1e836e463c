"""Participation charts for the statistics dashboard (``gongkai.reports.providers``).

Definitions:

- ``consultations_on_time``: participation has no time limit for publishing the adoption
  report (意见收集和采纳情况) after a consultation closes: no rule in ``participation.law`` or
  ``core.law.CLOCK_RULES``, and none found in the regulations cited there. So no
  consultation is "late"; the chart reports consultations *held vs reported*: per month of the
  last day of the comment period (``closes_on``) in [start, end], the consultations held (every
  one opened to the public, i.e. not a draft), those whose adoption report is published, and
  those still awaiting it. Should a limit become law (e.g. 20 working days after closing),
  it belongs in ``participation.law`` and this chart gains its on-time column.
- ``letters_on_time``: per month of receipt (Beijing time), the valid letters received (not
  marked invalid), those answered, those answered by their due date (the day of the answer, in
  Beijing time, not after ``due_on``: the category's working days on the official calendar,
  fixed at receipt by ``letter_submit``), and those still open after their due date as of
  ``today``.

Counts are SQL aggregates (COUNT … GROUP BY month).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.access import body_and_descendants
from gongkai.core.clockmath import CHINA
from gongkai.core.models import Organisation
from gongkai.core.months import month_key, months
from gongkai.core.selectors.ontime import on_time_q
from gongkai.participation.models import Consultation, Letter

OPEN_LETTER_STATUSES = (Letter.Status.RECEIVED, Letter.Status.ASSIGNED)


def _table(columns: list[str], counts: dict, start: dt.date, end: dt.date, width: int) -> dict:
    zero = (0,) * width
    return {
        "columns": columns,
        "rows": [[m.strftime("%Y-%m"), *counts.get(m, zero)] for m in months(start, end)],
    }


def consultations_held_and_reported(ids: list[int], start: dt.date, end: dt.date) -> dict:
    rows = (
        Consultation.objects.filter(
            organisation_id__in=ids, closes_on__gte=start, closes_on__lte=end
        )
        .exclude(status=Consultation.Status.DRAFT)
        .order_by()
        .annotate(month=TruncMonth("closes_on"))
        .values_list("month")
        .annotate(
            held=Count("pk"),
            reported=Count("pk", filter=Q(report_published_at__isnull=False)),
        )
    )
    counts = {month_key(month): (held, reported, held - reported) for month, held, reported in rows}
    columns = [
        _("Month"),
        _("Consultations held"),
        _("Adoption report published"),
        _("Awaiting the adoption report"),
    ]
    return _table(columns, counts, start, end, 3)


def letters_answered_on_time(
    ids: list[int], start: dt.date, end: dt.date, today: dt.date | None = None
) -> dict:
    today = today or timezone.localdate()
    first = dt.datetime.combine(start, dt.time.min, tzinfo=CHINA)
    last = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=CHINA)
    answered = Q(status=Letter.Status.ANSWERED)
    rows = (
        Letter.objects.filter(organisation_id__in=ids, received_at__gte=first, received_at__lt=last)
        .exclude(status=Letter.Status.INVALID)
        .order_by()
        .annotate(
            month=TruncMonth("received_at", tzinfo=CHINA),
            answered_on=TruncDate("answered_at", tzinfo=CHINA),
        )
        .values_list("month")
        .annotate(
            received=Count("pk"),
            answered=Count("pk", filter=answered),
            on_time=Count("pk", filter=answered & on_time_q(done="answered_on", due="due_on")),
            overdue=Count("pk", filter=Q(status__in=OPEN_LETTER_STATUSES, due_on__lt=today)),
        )
    )
    counts = {month_key(month): tuple(values) for month, *values in rows}
    columns = [
        _("Month"),
        _("Valid letters received"),
        _("Letters answered"),
        _("Answered by the due date"),
        _("Open past the due date"),
    ]
    return _table(columns, counts, start, end, 4)


def participation_statistics(organisation: Organisation, start: dt.date, end: dt.date) -> dict:
    """Dashboard charts for a body and every body and unit under it over [start, end]:
    ``consultations_on_time`` (held vs reported, see the module docstring) and
    ``letters_on_time``."""
    ids = body_and_descendants(organisation)
    return {
        "consultations_on_time": consultations_held_and_reported(ids, start, end),
        "letters_on_time": letters_answered_on_time(ids, start, end),
    }
