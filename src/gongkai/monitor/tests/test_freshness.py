"""Freshness against 国办秘函〔2019〕19号 (same thresholds as the 2015 普查): dynamic columns
within 2 weeks, notice/policy columns within 6 months, ≥ 5 such columns or ≥ 5 empty
columns fail; undated items count as not updated. Dates worked out by hand."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from gongkai.monitor import law
from gongkai.monitor.checks import ColumnState, column_findings, months_before
from gongkai.monitor.models import ColumnWatch, Kind

CHINA = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 12, 6, 10, 0, tzinfo=CHINA)
DYNAMIC, NOTICE, EXEMPT = (
    ColumnWatch.Cadence.DYNAMIC,
    ColumnWatch.Cadence.NOTICE,
    ColumnWatch.Cadence.EXEMPT,
)


def local(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=CHINA)


def test_thresholds_are_the_checks_own():
    # 国办秘函〔2019〕19号 检查指标 (RULES.md "Government website checks").
    assert law.HOME_STALE_DAYS.value == 14
    assert law.DYNAMIC_COLUMN_DAYS.value == 14
    assert law.NOTICE_COLUMN_MONTHS.value == 6
    assert law.STALE_COLUMNS_VETO.value == 5
    assert law.LONG_STALE_COLUMNS_VETO.value == 10
    assert law.EMPTY_COLUMNS_VETO.value == 5
    assert law.PAGE_OPEN_SECONDS.value == 15
    assert all(t.source == law.CHECK_2019 for t in (law.HOME_STALE_DAYS, law.EMPTY_COLUMNS_VETO))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 12, 6), 6, dt.date(2026, 6, 6)),
        (dt.date(2026, 8, 31), 6, dt.date(2026, 2, 28)),
        (dt.date(2024, 8, 31), 6, dt.date(2024, 2, 29)),
        (dt.date(2026, 1, 15), 1, dt.date(2025, 12, 15)),
        (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


@pytest.mark.parametrize(
    ("cadence", "newest", "stale"),
    [
        # Two weeks before Sunday 2026-12-06 is Sunday 2026-11-22: that day still counts.
        (DYNAMIC, "2026-11-22 00:00", False),
        (DYNAMIC, "2026-11-21 23:59", True),
        # Six months before 2026-12-06 is 2026-06-06.
        (NOTICE, "2026-06-06 08:00", False),
        (NOTICE, "2026-06-05 18:00", True),
        (NOTICE, "2026-11-30 09:00", False),
        (EXEMPT, "2020-01-01 09:00", False),
        # Items without a date count as not updated.
        (DYNAMIC, None, True),
        (NOTICE, None, True),
    ],
)
def test_one_column_by_its_cadence(cadence, newest, stale):
    state = ColumnState("工作动态", "/column/gzdt/", cadence, 3, local(newest) if newest else None)
    found = column_findings([state], now=NOW)
    assert [f.kind for f in found] == ([Kind.COLUMN_STALE] if stale else [])
    assert not any(f.is_veto for f in found)


def stale_columns(count: int) -> list[ColumnState]:
    return [
        ColumnState(f"栏目{i}", f"/column/c{i}/", DYNAMIC, 2, local("2026-11-01 09:00"))
        for i in range(count)
    ]


def empty_columns(count: int) -> list[ColumnState]:
    return [ColumnState(f"空栏目{i}", f"/column/e{i}/", NOTICE, 0, None) for i in range(count)]


@pytest.mark.parametrize(
    ("states", "vetoes"),
    [
        (stale_columns(4), []),
        (stale_columns(5), [Kind.COLUMNS_STALE_TOTAL]),
        (empty_columns(4), []),
        (empty_columns(5), [Kind.COLUMNS_EMPTY_TOTAL]),
        (stale_columns(5) + empty_columns(5), [Kind.COLUMNS_STALE_TOTAL, Kind.COLUMNS_EMPTY_TOTAL]),
    ],
)
def test_column_counts_reach_the_veto(states, vetoes):
    found = column_findings(states, now=NOW)
    assert [f.kind for f in found if f.is_veto] == vetoes
    assert sum(f.kind == Kind.COLUMN_EMPTY for f in found) == sum(s.total == 0 for s in states)


def test_ten_long_stale_notice_columns_fail_even_below_the_count_of_stale_ones():
    # Notice columns a year and more behind: 10 of them fail (长期未更新 ≥ 10), and they
    # are also ≥ 5 stale ones, which is reported first (one veto finding, not two).
    states = [
        ColumnState(f"栏目{i}", f"/column/c{i}/", NOTICE, 2, local("2025-11-01 09:00"))
        for i in range(10)
    ]
    found = column_findings(states, now=NOW)
    assert [f.kind for f in found if f.is_veto] == [Kind.COLUMNS_STALE_TOTAL]
    assert "10" in found[-1].detail
