"""The official working-day calendar.

Sources: 《国务院办公厅关于2024年部分节假日安排的通知》(国办发明电〔2023〕7号),
《…2025年…》(国办发明电〔2024〕12号), 《…2026年…》(国办发明电〔2025〕7号);
counting convention: 民法典 art. 201 (the day of the event does not count).
"""

import datetime as dt

import chinese_calendar
import pytest

from gongkai.core.workdays import DayKind, OutOfRange, WorkdayCalendar, package_tables

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def calendar():
    holidays, workdays, years = package_tables()
    return WorkdayCalendar(holidays, workdays, years)


def test_package_years_are_2004_to_2026(calendar):
    assert sorted(calendar.known_years) == list(range(2004, 2027))


@pytest.mark.parametrize("year", range(2004, 2027))
def test_every_day_of_every_known_year_matches_the_package(calendar, year):
    day = dt.date(year, 1, 1)
    mismatches = []
    while day.year == year:
        if calendar.is_workday(day) != chinese_calendar.is_workday(day):
            mismatches.append(day)
        day += dt.timedelta(days=1)
    assert mismatches == []


# Spot checks against the notices themselves: every holiday range and every
# 调休 working day of 2024–2026.
NOTICE_FACTS = [
    # 2024 (国办发明电〔2023〕7号)
    ("2024-02-10", "2024-02-17", ["2024-02-04", "2024-02-18"]),  # 春节
    ("2024-04-04", "2024-04-06", ["2024-04-07"]),  # 清明节
    ("2024-05-01", "2024-05-05", ["2024-04-28", "2024-05-11"]),  # 劳动节
    ("2024-09-15", "2024-09-17", ["2024-09-14"]),  # 中秋节
    ("2024-10-01", "2024-10-07", ["2024-09-29", "2024-10-12"]),  # 国庆节
    # 2025 (国办发明电〔2024〕12号)
    ("2025-01-28", "2025-02-04", ["2025-01-26", "2025-02-08"]),  # 春节
    ("2025-05-01", "2025-05-05", ["2025-04-27"]),  # 劳动节
    ("2025-10-01", "2025-10-08", ["2025-09-28", "2025-10-11"]),  # 国庆节、中秋节
    # 2026 (国办发明电〔2025〕7号)
    ("2026-01-01", "2026-01-03", ["2026-01-04"]),  # 元旦
    ("2026-02-15", "2026-02-23", ["2026-02-14", "2026-02-28"]),  # 春节
    ("2026-05-01", "2026-05-05", ["2026-05-09"]),  # 劳动节
    ("2026-10-01", "2026-10-07", ["2026-09-20", "2026-10-10"]),  # 国庆节
]


@pytest.mark.parametrize(("first", "last", "workdays"), NOTICE_FACTS)
def test_notice_holidays_and_adjusted_workdays(calendar, first, last, workdays):
    day = D(first)
    while day <= D(last):
        assert calendar.kind(day) == DayKind.HOLIDAY, day
        day += dt.timedelta(days=1)
    for text in workdays:
        assert calendar.kind(D(text)) == DayKind.ADJUSTED_WORKDAY, text
    assert calendar.kind(D(last) + dt.timedelta(days=1)) in (
        DayKind.WORKDAY,
        DayKind.WEEKEND,
        DayKind.ADJUSTED_WORKDAY,
    )


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        ("2026-09-30", 0, "2026-09-30"),  # N = 0 is the day itself
        ("2026-09-30", 1, "2026-10-08"),  # National Day skipped
        ("2026-09-30", 3, "2026-10-10"),  # Saturday 10-10 is a 调休 working day
        ("2026-09-30", 5, "2026-10-13"),
        ("2026-10-03", 1, "2026-10-08"),  # a start on a holiday never counts itself
        ("2026-10-10", 1, "2026-10-12"),  # a start on a working day never counts itself
        ("2026-02-13", 1, "2026-02-14"),  # Saturday 2-14 works before Spring Festival
        ("2026-02-13", 2, "2026-02-24"),
        ("2026-11-20", 1, "2026-11-23"),  # plain weekend
        ("2025-01-24", 20, "2025-02-27"),  # across Spring Festival 2025, 1-26 and 2-8 worked
        ("2024-09-13", 20, "2024-10-17"),  # across 中秋 and 国庆 2024, four 调休 days worked
    ],
)
def test_add(calendar, start, n, expected):
    answer = calendar.add(D(start), n)
    assert answer.value == D(expected)
    assert answer.provisional is False


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2026-09-30", "2026-10-10", 3),
        ("2026-09-30", "2026-09-30", 0),
        ("2026-10-01", "2026-10-07", 0),
        ("2026-02-13", "2026-02-28", 6),  # 2-14, 2-24 .. 2-27, and Saturday 2-28
    ],
)
def test_between_small(calendar, start, end, expected):
    assert calendar.between(D(start), D(end)).value == expected


def test_between_is_the_inverse_of_add(calendar):
    start = D("2025-12-15")
    for n in range(0, 120):
        assert calendar.between(start, calendar.add(start, n).value).value == n


def test_a_year_without_arrangement_is_provisional(calendar):
    answer = calendar.add(D("2026-12-25"), 10)
    assert answer == type(answer)(D("2027-01-08"), True)  # plain weekdays in 2027
    assert calendar.add(D("2026-12-01"), 5).provisional is False
    assert calendar.between(D("2026-12-25"), D("2027-01-08")).provisional is True
    assert calendar.kind(D("2027-01-01")) == DayKind.WORKDAY  # unknown: a plain Friday


def test_out_of_range_and_negative(calendar):
    with pytest.raises(OutOfRange):
        calendar.add(D("1980-01-01"), 1)
    with pytest.raises(ValueError):
        calendar.add(D("2026-01-01"), -1)
