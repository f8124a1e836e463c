"""Statistics for the office and supervisors: every chart is also a table and a CSV.

Applications per month by channel and by outcome, replies on time and the median working days
to reply (working days counted by foi's ``request_working_days_spent``: the official calendar,
paused time excluded), overdue time limits per unit (core clocks), and what the providers give
(proactive disclosure, participation) or "数据来源尚未接入" where none is connected.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from gongkai.core.access import body_and_descendants
from gongkai.core.models import Clock, Organisation
from gongkai.core.months import month_key, months
from gongkai.core.selectors.ontime import clock_late, on_time_rate
from gongkai.foi.models import Channel, FeeNotice, Request, Supplement
from gongkai.foi.selectors import request_working_days_spent
from gongkai.reports import format as fmt
from gongkai.reports import providers
from gongkai.reports.generate import REPORT_FORMAT
from gongkai.reports.prose import not_connected


@dataclass
class Chart:
    code: str
    title: str
    kind: str  # "stacked" (bars by month), "bar", "line"
    columns: list[StrOrPromise]
    rows: list[list[Any]] = field(default_factory=list)
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "kind": self.kind,
            "columns": self.columns,
            "rows": self.rows,
        }


def _by_month(
    start: dt.date,
    end: dt.date,
    counts: Mapping[tuple[dt.date, str | None], int],
    keys: list[str],
) -> list[list[Any]]:
    return [
        [m.strftime("%Y-%m"), *(counts.get((m, key), 0) for key in keys)]
        for m in months(start, end)
    ]


def _requests(ids: list[int]) -> QuerySet[Request]:
    return Request.objects.filter(organisation_id__in=ids).order_by()


def by_channel(ids: list[int], start: dt.date, end: dt.date) -> Chart:
    rows = (
        _requests(ids)
        .filter(received_on__gte=start, received_on__lte=end)
        .annotate(month=TruncMonth("received_on"))
        .values_list("month", "channel")
        .annotate(n=Count("pk"))
    )
    counts = {(month_key(m), c): n for m, c, n in rows}
    chart = Chart(
        "by_channel",
        _("Applications received per month, by channel"),
        "stacked",
        [_("Month"), *Channel.labels],
    )
    chart.rows = _by_month(start, end, counts, list(Channel.values))
    return chart


def _outcome_group(outcome: str) -> str | None:
    row = fmt.row(outcome) if outcome in REPORT_FORMAT.outcome_leaves else fmt.row("other.other")
    return row.code if row.parent == "results" else row.parent


OUTCOME_GROUPS = tuple(
    r.code for r in REPORT_FORMAT.section3_rows if r.parent == "results" and r.code != "total"
)


def by_outcome(ids: list[int], start: dt.date, end: dt.date) -> Chart:
    """Decisions per month: replies by reply date, lapses (三（六）1–2) by the lapse date."""
    replies = (
        _requests(ids)
        .filter(replied_on__gte=start, replied_on__lte=end, outcome__isnull=False)
        .annotate(month=TruncMonth("replied_on"))
        .values_list("month", "outcome")
        .annotate(n=Count("pk"))
    )
    lapses = [
        *Supplement.objects.filter(
            request__organisation_id__in=ids, lapsed_on__gte=start, lapsed_on__lte=end
        ).values_list("lapsed_on", "request__outcome"),
        *FeeNotice.objects.filter(
            request__organisation_id__in=ids, lapsed_on__gte=start, lapsed_on__lte=end
        ).values_list("lapsed_on", "request__outcome"),
    ]
    counts: Counter[tuple[dt.date, str | None]] = Counter()
    for month, outcome, n in replies:
        counts[(month_key(month), _outcome_group(outcome))] += n
    for day, outcome in lapses:
        if outcome and day is not None:  # lapsed_on is filtered on above
            counts[(month_key(day), _outcome_group(outcome))] += 1
    labels = [fmt.row_label(code) for code in OUTCOME_GROUPS]
    chart = Chart(
        "by_outcome", _("Decisions per month, by outcome"), "stacked", [_("Month"), *labels]
    )
    chart.rows = _by_month(start, end, counts, list(OUTCOME_GROUPS))
    return chart


def on_time(ids: list[int], start: dt.date, end: dt.date) -> Chart:
    """条例 art. 33: replies within the period (extension included) per month, and the median
    working days spent (pauses for consultations and fees excluded)."""
    replied = (
        _requests(ids)
        .filter(replied_on__gte=start, replied_on__lte=end, reply_clock__isnull=False)
        .select_related("reply_clock")
        .prefetch_related("reply_clock__events")
        .only("pk", "replied_on", "reply_clock")
    )
    spent: dict[dt.date, list[int]] = defaultdict(list)
    late: Counter[dt.date] = Counter()
    for request in replied:
        # Both are filtered on above; said for the types.
        if request.replied_on is None or request.reply_clock is None:
            continue
        month = month_key(request.replied_on)
        spent[month].append(request_working_days_spent(request, today=request.replied_on))
        late[month] += clock_late(request.reply_clock)
    chart = Chart(
        "on_time",
        _("Replies on time and median working days to reply"),
        "line",
        [
            _("Month"),
            _("Replies"),
            _("Replied on time"),
            _("On-time rate (%)"),
            _("Median working days"),
        ],
    )
    for month in months(start, end):
        total = len(spent[month])
        timely = total - late[month]
        rate = on_time_rate(timely, total) if total else 0
        median = statistics.median(spent[month]) if total else 0
        chart.rows.append([month.strftime("%Y-%m"), total, timely, rate, median])
    return chart


def overdue_by_unit(ids: list[int], now: dt.datetime | None = None) -> Chart:
    """Running time limits past due (core clocks), per handling unit, as of now."""
    rows = (
        Clock.objects.filter(
            Q(organisation_id__in=ids) | Q(unit_id__in=ids),
            state=Clock.State.RUNNING,
            due_at__lt=now or timezone.now(),
        )
        .order_by()
        .values_list("unit__name")
        .annotate(n=Count("pk"))
    )
    chart = Chart(
        "overdue_by_unit", _("Overdue time limits per unit (now)"), "bar", [_("Unit"), _("Overdue")]
    )
    chart.rows = sorted(
        ([name or _("No unit assigned"), n] for name, n in rows), key=lambda r: (-r[1], r[0])
    )
    return chart


def provided(organisation: Organisation, start: dt.date, end: dt.date) -> list[Chart]:
    charts = []
    series = providers.dashboard_series(organisation, start, end)
    for code, (title, _key) in providers.DASHBOARD_CHARTS.items():
        table = series[code]
        if table is None:
            charts.append(Chart(code, str(title), "bar", [], note=not_connected()))
        else:
            charts.append(Chart(code, str(title), "bar", table["columns"], table["rows"]))
    return charts


def dashboard(organisation: Organisation, start: dt.date, end: dt.date) -> list[Chart]:
    """All charts for a body and the bodies under it, over [start, end]."""
    ids = body_and_descendants(organisation)
    return [
        by_channel(ids, start, end),
        by_outcome(ids, start, end),
        on_time(ids, start, end),
        overdue_by_unit(ids),
        *provided(organisation, start, end),
    ]


def ledger_requests(organisation: Organisation, start: dt.date, end: dt.date) -> QuerySet[Request]:
    """The 台账 of applications received in [start, end], for printing."""
    return (
        _requests(body_and_descendants(organisation))
        .filter(received_on__gte=start, received_on__lte=end)
        .select_related("unit", "reply_clock")
        .prefetch_related("reply_clock__events")
        .order_by("received_on", "code")
    )
