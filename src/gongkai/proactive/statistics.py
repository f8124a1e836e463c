"""Figures of proactive disclosure for the yearly report and the statistics dashboard.

The reports app finds these through ``gongkai.proactive.selectors`` (its provider registry,
``gongkai.reports.providers``); the shapes are the ones documented there.

Definitions (one place, so the report and the dashboard agree):

- An item counts as *published* in a period when its first publication (``published_at``,
  Beijing time) falls in the period. A later revision keeps the first date (counted once); an
  item withdrawn afterwards was still published in that period and still counts.
- *On the website* / *on new media*: the item's 发布载体 (``carriers``, free text the drafter
  fills from the standard catalog vocabulary, RULES.md "Standard catalogs": 政府网站, 两微一端,
  …) names one of ``WEBSITE_CARRIER_WORDS`` / ``NEW_MEDIA_CARRIER_WORDS``. An item on both
  counts in both.
- *Interpretations*: published items of the catalog section 政策解读.
- *Interpretation on time*: a published policy document starts core's ``interpretation``
  clock (3 working days on the official calendar, local practice: 西市区2018年政务公开工作要点;
  湛江市公安局2017年实施方案 task 11, see ``core.law.CLOCK_RULES``); publishing its
  interpretation stops the clock. On time = stopped at or before ``due_at``; late = stopped
  after it; open = not stopped yet. Policies published together with their interpretation
  start no clock and are not counted.

Everything is counted in SQL (COUNT … GROUP BY); no query walks the rows in Python.
"""

from __future__ import annotations

import datetime as dt
import operator
from functools import reduce

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from gongkai.core.access import body_and_descendants
from gongkai.core.clockmath import CHINA
from gongkai.core.models import Clock, Organisation
from gongkai.core.months import month_key, months
from gongkai.core.selectors.ontime import late_q, on_time_q
from gongkai.proactive.law import INTERPRETATION_CLOCK_RULE, Section
from gongkai.proactive.models import Item

# 发布载体 words (RULES.md "Standard catalogs", 公开渠道和载体 vocabulary: 政府网站, 两微一端 =
# 微博、微信、客户端). Matched as substrings of the item's free-text carriers.
WEBSITE_CARRIER_WORDS = ("网站",)
NEW_MEDIA_CARRIER_WORDS = ("两微一端", "微信", "微博", "客户端", "新媒体", "APP")


def _any_word(words: tuple[str, ...]) -> Q:
    return reduce(operator.or_, (Q(carriers__icontains=word) for word in words))


def _bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start 00:00, the day after end 00:00) in Beijing time."""
    first = dt.datetime.combine(start, dt.time.min, tzinfo=CHINA)
    last = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=CHINA)
    return first, last


def _published(organisation_ids: list[int], start: dt.date, end: dt.date):
    first, last = _bounds(start, end)
    return Item.objects.filter(
        organisation_id__in=organisation_ids,
        published_revision__isnull=False,
        published_at__gte=first,
        published_at__lt=last,
    ).order_by()


def publication_counts(organisation: Organisation, year: int) -> dict[str, int]:
    """Yearly report figures of the body itself for one calendar year (Beijing time):
    ``items_published``, ``items_website``, ``items_new_media``, ``interpretations``."""
    items = _published([organisation.pk], dt.date(year, 1, 1), dt.date(year, 12, 31))
    return items.aggregate(
        items_published=Count("pk"),
        items_website=Count("pk", filter=_any_word(WEBSITE_CARRIER_WORDS)),
        items_new_media=Count("pk", filter=_any_word(NEW_MEDIA_CARRIER_WORDS)),
        interpretations=Count("pk", filter=Q(section=Section.INTERPRETATION)),
    )


def _items_by_section(items) -> dict:
    counts = dict(items.values_list("section").annotate(n=Count("pk")))
    return {
        "columns": [pgettext("information item", "Catalog section"), _("Items published")],
        "rows": [[str(label), counts.get(code, 0)] for code, label in Section.choices],
    }


def _items_by_month(items, start: dt.date, end: dt.date) -> dict:
    rows = (
        items.annotate(month=TruncMonth("published_at", tzinfo=CHINA))
        .values_list("month")
        .annotate(
            n=Count("pk"),
            website=Count("pk", filter=_any_word(WEBSITE_CARRIER_WORDS)),
            new_media=Count("pk", filter=_any_word(NEW_MEDIA_CARRIER_WORDS)),
        )
    )
    counts = {month_key(month): (n, web, media) for month, n, web, media in rows}
    return {
        "columns": [
            _("Month"),
            _("Items published"),
            _("On the website"),
            _("On WeChat, Weibo and apps"),
        ],
        "rows": [[m.strftime("%Y-%m"), *counts.get(m, (0, 0, 0))] for m in months(start, end)],
    }


def _interpretations_on_time(organisation_ids: list[int], start: dt.date, end: dt.date) -> dict:
    """Interpretation clocks started (policies published) per month, by how they ended."""
    first, last = _bounds(start, end)
    rows = (
        Clock.objects.filter(
            rule=INTERPRETATION_CLOCK_RULE,
            organisation_id__in=organisation_ids,
            started_at__gte=first,
            started_at__lt=last,
        )
        .order_by()
        .annotate(month=TruncMonth("started_at", tzinfo=CHINA))
        .values_list("month")
        .annotate(
            n=Count("pk"),
            on_time=Count("pk", filter=on_time_q()),
            late=Count("pk", filter=late_q()),
        )
    )
    counts = {month_key(month): (n, on, late) for month, n, on, late in rows}
    table = []
    for m in months(start, end):
        n, on, late = counts.get(m, (0, 0, 0))
        table.append([m.strftime("%Y-%m"), n, on, late, n - on - late])
    return {
        "columns": [
            _("Month"),
            _("Policies to interpret"),
            _("Interpreted on time"),
            _("Interpreted late"),
            _("Not yet interpreted"),
        ],
        "rows": table,
    }


def publication_statistics(organisation: Organisation, start: dt.date, end: dt.date) -> dict:
    """Dashboard charts for a body and every body and unit under it over [start, end]:
    ``items_by_section``, ``items_by_month``, ``interpretations_on_time``."""
    ids = body_and_descendants(organisation)
    items = _published(ids, start, end)
    return {
        "items_by_section": _items_by_section(items),
        "items_by_month": _items_by_month(items, start, end),
        "interpretations_on_time": _interpretations_on_time(ids, start, end),
    }
