"""Figures other apps supply to the report and the dashboard, through a small registry.

The proactive and participation apps are built beside this one, so reports never imports them
at module level. At generation time ``discover()`` looks for the known selector names with
``importlib.util.find_spec`` and registers what it finds; an app can also register its own
functions from its ``apps.ready()``. A figure without a provider is shown as 0 with the note
"数据来源尚未接入" (data source not connected yet), never invented.

Expected shapes (documented for the other apps):

- section 二 provider ``(organisation, year) -> {row: {column: int}}`` for a table of
  ``section2.SECTION2_TABLES``; for 第二十条第（一）项 rows ``regulation``/``normative`` and
  columns ``made``/``repealed``/``in_force`` (gongkai.proactive.selectors.normative_document_counts).
- figures provider ``(organisation, year) -> {figure code: number}``, codes from
  ``FIGURE_LABELS`` (gongkai.participation.selectors.participation_counts,
  gongkai.proactive.selectors.publication_counts).
  Enquiries by phone and at the counter: ``enquiries`` and ``enquiries_<channel>``
  (gongkai.assessment.selectors.enquiry_figures); the prose says them in one sentence.
  New media, supervisors and open days: ``items_new_media``, ``new_media_*``, ``supervisor*``,
  ``open_day*`` (gongkai.outreach.selectors.new_media_counts, from the push records).
- topics provider ``(organisation, year) -> [(topic, count), ...]``, most frequent first, for
  a list the prose names in words: ``enquiries`` (what the enquiries were about,
  gongkai.assessment.selectors.enquiry_topics), said after the enquiries' counts as seed
  003 八 does: “咨询内容主要涉及……等方面”.
- dashboard provider ``(organisation, start, end) -> {chart code: {"columns": [...],
  "rows": [[label, n, ...], ...]}}`` for the charts of ``DASHBOARD_CHARTS``
  (gongkai.proactive.selectors.publication_statistics,
  gongkai.participation.selectors.participation_statistics).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from gongkai.reports.section2 import TABLES_BY_CODE

logger = logging.getLogger(__name__)

# Known selectors: (kind, key, module, function name).
KNOWN_PROVIDERS: tuple[tuple[str, str, str, str], ...] = (
    ("section2", "article20_1", "gongkai.proactive.selectors", "normative_document_counts"),
    ("section2", "article20_5", "gongkai.enforcement.selectors", "licence_decision_counts"),
    ("section2", "article20_6", "gongkai.enforcement.selectors", "penalty_decision_counts"),
    ("figures", "participation", "gongkai.participation.selectors", "participation_counts"),
    ("figures", "proactive", "gongkai.proactive.selectors", "publication_counts"),
    ("figures", "assessment", "gongkai.assessment.selectors", "enquiry_figures"),
    ("figures", "outreach", "gongkai.outreach.selectors", "new_media_counts"),
    ("topics", "enquiries", "gongkai.assessment.selectors", "enquiry_topics"),
    ("dashboard", "proactive", "gongkai.proactive.selectors", "publication_statistics"),
    (
        "dashboard",
        "participation",
        "gongkai.participation.selectors",
        "participation_statistics",
    ),
)

# Figures the prose of sections 一 and 六 can quote, and who is expected to give them.
FIGURE_LABELS: Mapping[str, object] = {
    "items_published": _("Items published proactively"),
    "items_website": _("Items published on the website"),
    "items_new_media": _("Items published on WeChat, Weibo and apps"),
    "interpretations": _("Policy interpretations published"),
    "consultations_held": _("Public consultations held"),
    "comments_received": _("Comments received in consultations"),
    "comments_adopted": _("Comments adopted"),
    "letters_received": _("Mailbox letters received"),
    "letters_answered": _("Mailbox letters answered"),
    "letters_on_time": _("Mailbox letters answered on time"),
    "press_conferences": _("Press conferences held"),
    "incidents": _("Opinion incidents"),
    "incidents_responded_on_time": _("Opinion incidents answered on time"),
    # 咨询 by phone and at the counter (the assessment app's register; seed 003 八): the
    # total, then one figure per channel, in the order the sentence names them.
    "enquiries": _("Enquiries from the public"),
    "enquiries_96128": _("96128 information line"),
    "enquiries_12345": _("12345 citizen hotline"),
    "enquiries_8890": _("8890 service hotline"),
    "enquiries_counter": _("At the counter"),
    "enquiries_phone": _("Other telephone"),
    "enquiries_online": _("Online consultation"),
    # 政务新媒体, 监督员 and 政府开放日 (the outreach app's records; seed 004).
    "new_media_accounts": _("New-media accounts in use"),
    "new_media_posts": _("Posts on WeChat, Weibo, apps and the provincial platform"),
    "supervisors": _("Openness supervisors serving"),
    "supervisor_observations": _("Observations from openness supervisors"),
    "supervisor_observations_answered": _("Supervisors' observations answered"),
    "open_days": _("Government open days held"),
    "open_day_visitors": _("Visitors at open days"),
}
_PROACTIVE_FIGURES = ("items_published", "items_website", "interpretations")
# Items on new media are counted from what was pushed to each channel, not from the words
# typed in an item's carriers (issue 20).
_OUTREACH_FIGURES = (
    "items_new_media",
    "new_media_accounts",
    "new_media_posts",
    "supervisors",
    "supervisor_observations",
    "supervisor_observations_answered",
    "open_days",
    "open_day_visitors",
)
ENQUIRY_CHANNEL_FIGURES = tuple(c for c in FIGURE_LABELS if c.startswith("enquiries_"))


def _source(code: str) -> str:
    if code in _PROACTIVE_FIGURES:
        return "proactive"
    if code in _OUTREACH_FIGURES:
        return "outreach"
    return "assessment" if code.startswith("enquiries") else "participation"


FIGURE_SOURCES: Mapping[str, str] = {code: _source(code) for code in FIGURE_LABELS}

# Dashboard charts that other apps supply: code → (title, provider key).
DASHBOARD_CHARTS: Mapping[str, tuple[object, str]] = {
    "items_by_section": (_("Items published per catalog section"), "proactive"),
    "items_by_month": (_("Items published per month"), "proactive"),
    "interpretations_on_time": (_("Interpretations published on time"), "proactive"),
    "consultations_on_time": (_("Consultations answered on time"), "participation"),
    "letters_on_time": (_("Mailbox letters answered on time"), "participation"),
}


@dataclass
class Registry:
    section2: dict[str, Callable] = field(default_factory=dict)
    figures: dict[str, Callable] = field(default_factory=dict)
    dashboard: dict[str, Callable] = field(default_factory=dict)
    topics: dict[str, Callable] = field(default_factory=dict)


_REGISTRY = Registry()


def register_section2_provider(table: str, function: Callable) -> None:
    if table not in TABLES_BY_CODE:
        raise ValueError(f"unknown section 二 table {table!r}")
    _REGISTRY.section2[table] = function


def register_figures_provider(name: str, function: Callable) -> None:
    _REGISTRY.figures[name] = function


def register_dashboard_provider(name: str, function: Callable) -> None:
    _REGISTRY.dashboard[name] = function


def register_topics_provider(name: str, function: Callable) -> None:
    _REGISTRY.topics[name] = function


def unregister_all() -> None:
    """Forget every provider (tests)."""
    _REGISTRY.section2.clear()
    _REGISTRY.figures.clear()
    _REGISTRY.dashboard.clear()
    _REGISTRY.topics.clear()


def _find(module: str, name: str) -> Callable | None:
    try:
        if importlib.util.find_spec(module) is None:
            return None
    except ModuleNotFoundError:  # the parent package itself is missing
        return None
    function = getattr(importlib.import_module(module), name, None)
    return function if callable(function) else None


def discover() -> Registry:
    """Register the known selectors that exist now; explicit registrations are kept."""
    targets = {
        "section2": _REGISTRY.section2,
        "figures": _REGISTRY.figures,
        "dashboard": _REGISTRY.dashboard,
        "topics": _REGISTRY.topics,
    }
    for kind, key, module, name in KNOWN_PROVIDERS:
        if key in targets[kind]:
            continue
        function = _find(module, name)
        if function is not None:
            targets[kind][key] = function
    return _REGISTRY


def _call(function: Callable, *args) -> object | None:
    # A provider is another app's code: a failure there must not stop the report.
    try:
        return function(*args)
    except Exception:
        logger.exception("report provider %r failed", function)
        return None


def section2_values(table: str, organisation, year: int) -> dict[str, dict[str, int]] | None:
    """The provider's table with every row and column, or None when absent or malformed."""
    function = discover().section2.get(table)
    if function is None:
        return None
    found = _call(function, organisation, year)
    spec = TABLES_BY_CODE[table]
    if not isinstance(found, Mapping):
        return None
    values: dict[str, dict[str, int]] = {}
    for row in spec.row_codes:
        cells = found.get(row, {})
        if not isinstance(cells, Mapping):
            return None
        values[row] = {}
        for column in spec.column_codes:
            number = cells.get(column, 0)
            if not isinstance(number, int) or isinstance(number, bool) or number < 0:
                return None
            values[row][column] = number
    return values


def figures(organisation, year: int) -> tuple[dict[str, int], list[str]]:
    """Known figures from the providers present, and the provider keys that are absent."""
    registry = discover()
    found: dict[str, int] = {}
    for key, function in registry.figures.items():
        result = _call(function, organisation, year)
        if isinstance(result, Mapping):
            found.update(
                {
                    code: value
                    for code, value in result.items()
                    if code in FIGURE_LABELS
                    and isinstance(value, int | float)
                    # A figure comes from its own source when that source is connected.
                    and (
                        FIGURE_SOURCES[code] == key or FIGURE_SOURCES[code] not in registry.figures
                    )
                }
            )
    absent = sorted({key for key in FIGURE_SOURCES.values() if key not in registry.figures})
    return found, absent


MAX_TOPICS = 20


def topics(organisation, year: int) -> dict[str, list[list]]:
    """Each topics provider's ``[[topic, count], ...]`` (JSON-ready), most frequent first;
    a provider that fails or answers in another shape gives nothing rather than a guess."""
    found: dict[str, list[list]] = {}
    for key, function in discover().topics.items():
        result = _call(function, organisation, year)
        if not isinstance(result, list | tuple):
            continue
        rows = []
        for row in result[:MAX_TOPICS]:
            if (
                isinstance(row, list | tuple)
                and len(row) == 2
                and isinstance(row[0], str)
                and row[0].strip()
                and isinstance(row[1], int)
                and not isinstance(row[1], bool)
                and row[1] > 0
            ):
                rows.append([row[0].strip(), row[1]])
        found[key] = rows
    return found


def dashboard_series(organisation, start, end) -> dict[str, dict | None]:
    """Each provided chart's table, or None where its provider is absent."""
    registry = discover()
    results: dict[str, Mapping] = {}
    for key, function in registry.dashboard.items():
        result = _call(function, organisation, start, end)
        if isinstance(result, Mapping):
            results[key] = result
    series: dict[str, dict | None] = {}
    for code, (_title, key) in DASHBOARD_CHARTS.items():
        table = results.get(key, {}).get(code)
        series[code] = (
            {"columns": list(table["columns"]), "rows": [list(r) for r in table["rows"]]}
            if isinstance(table, Mapping) and "columns" in table and "rows" in table
            else None
        )
    return series
