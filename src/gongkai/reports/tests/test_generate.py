"""Section 三 and 四 derived from the requests (国办公开办函〔2021〕30号).

Rules under test, each with its source:
- 一 本年新收 = received in Y; 二 上年结转 = received before Y-01-01, still open then;
  三 = outcomes decided in Y; 四 结转下年度 = open at the end of Y-12-31 (format, section 三);
- a request closed by a lapse is decided on the lapse day (条例 art. 30; 国办函〔2020〕109号),
  in 三（六）1 or 2;
- section 四 counts reviews and lawsuits filed in Y by their result at the end of Y.
"""

import datetime as dt

import pytest

from gongkai.foi.models import Remedy, Status
from gongkai.reports import format as fmt
from gongkai.reports.consistency import snapshot_findings
from gongkai.reports.generate import section3, section4

from .factories import (
    OpenRequestFactory,
    RemedyFactory,
    RepliedRequestFactory,
    lapsed_request,
)

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat


def cells(values, column="natural_person"):
    """The non-zero cells of one column, by row."""
    return {row: v[column] for row, v in values.items() if v[column]}


# (received_on, replied_on or None, year) -> rows counted in that year's column
CARRY_OVER = [
    # The case: received 2024-12-20, replied 2025-01-10.
    ("2024-12-20", "2025-01-10", 2024, {"received": 1, "carried_out": 1}),
    ("2024-12-20", "2025-01-10", 2025, {"carried_in": 1, "granted": 1, "total": 1}),
    ("2024-12-20", "2025-01-10", 2026, {}),
    # Received and replied in the same year.
    ("2025-03-03", "2025-03-20", 2025, {"received": 1, "granted": 1, "total": 1}),
    # Replied on the last day of the year: decided in Y, not carried.
    ("2025-12-01", "2025-12-31", 2025, {"received": 1, "granted": 1, "total": 1}),
    # Replied on 1 January: open at the end of Y, carried into Y+1.
    ("2025-12-01", "2026-01-01", 2025, {"received": 1, "carried_out": 1}),
    ("2025-12-01", "2026-01-01", 2026, {"carried_in": 1, "granted": 1, "total": 1}),
    # Still open: carried through several years.
    ("2023-11-30", None, 2024, {"carried_in": 1, "carried_out": 1}),
    ("2023-11-30", None, 2025, {"carried_in": 1, "carried_out": 1}),
    # Received on 1 January: new in that year, not carried.
    ("2025-01-01", None, 2025, {"received": 1, "carried_out": 1}),
    # Replied before Y: not in Y at all.
    ("2024-02-01", "2024-02-20", 2025, {}),
    # Received after Y: not in Y.
    ("2026-01-05", None, 2025, {}),
]


@pytest.mark.parametrize(("received", "replied", "year", "expected"), CARRY_OVER)
def test_carry_over_at_year_boundaries(body, received, replied, year, expected):
    if replied:
        RepliedRequestFactory(organisation=body, received_on=D(received), replied_on=D(replied))
    else:
        OpenRequestFactory(organisation=body, received_on=D(received))
    values = section3(body.pk, year)
    assert cells(values) == expected
    assert cells(values, "total") == expected


@pytest.mark.parametrize("outcome", fmt.OUTCOME_LEAVES)
def test_every_outcome_lands_in_its_row(body, outcome):
    """国办公开办函〔2021〕30号 section 三: one line per outcome; （七） is their sum."""
    RepliedRequestFactory(
        organisation=body,
        outcome=outcome,
        applicant_type="legal_services",
        received_on=D("2025-05-06"),
        replied_on=D("2025-05-20"),
    )
    values = section3(body.pk, 2025)
    assert cells(values, "legal_services") == {"received": 1, outcome: 1, "total": 1}
    assert values[outcome]["total"] == 1
    assert values[outcome]["natural_person"] == 0


@pytest.mark.parametrize("column", fmt.APPLICANT_PARTS)
def test_every_applicant_type_lands_in_its_column(body, column):
    OpenRequestFactory(organisation=body, applicant_type=column, received_on=D("2025-04-01"))
    values = section3(body.pk, 2025)
    assert values["received"] == {
        c.code: 1 if c.code in (column, "total") else 0 for c in fmt.APPLICANT_COLUMNS
    }


@pytest.mark.parametrize(
    ("fee", "received", "lapsed", "year", "expected"),
    [
        # 条例 art. 30: no supplement in time, 三（六）1, decided the day it lapsed.
        (False, "2025-02-03", "2025-03-10", 2025, {"received": 1, "other.no_supplement": 1}),
        (False, "2024-12-10", "2025-01-20", 2024, {"received": 1, "carried_out": 1}),
        (False, "2024-12-10", "2025-01-20", 2025, {"carried_in": 1, "other.no_supplement": 1}),
        # 国办函〔2020〕109号: fee not paid in time, 三（六）2.
        (True, "2025-06-02", "2025-07-15", 2025, {"received": 1, "other.no_fee": 1}),
    ],
)
def test_lapsed_requests_count_on_their_lapse_day(body, fee, received, lapsed, year, expected):
    lapsed_request(organisation=body, received_on=D(received), lapsed_on=D(lapsed), fee=fee)
    values = section3(body.pk, year)
    decided = sum(v for k, v in expected.items() if k.startswith("other."))
    assert cells(values) == {**expected, **({"total": decided} if decided else {})}


def test_other_bodies_and_unconfirmed_requests_are_not_counted(body):
    OpenRequestFactory(received_on=D("2025-03-03"))  # another body
    OpenRequestFactory(organisation=body, status=Status.SUBMITTED, received_on=None)
    assert cells(section3(body.pk, 2025), "total") == {}


def test_a_mixed_year_is_consistent_by_the_checker_rules(body):
    for i, outcome in enumerate(fmt.OUTCOME_LEAVES[:12]):
        RepliedRequestFactory(
            organisation=body,
            outcome=outcome,
            applicant_type=fmt.APPLICANT_PARTS[i % 6],
            received_on=D("2024-12-01") + dt.timedelta(days=7 * i),
            replied_on=D("2025-01-02") + dt.timedelta(days=7 * i),
        )
    OpenRequestFactory(organisation=body, received_on=D("2025-12-29"), applicant_type="research")
    lapsed_request(organisation=body, received_on=D("2025-11-03"), lapsed_on=D("2026-01-09"))
    values = section3(body.pk, 2025)
    tables = {"format": "2021", "section3": values, "section4": section4(body.pk, 2025)}
    assert snapshot_findings(tables) == []
    # Requests 0..4 were received in December 2024 (12-01 … 12-29), 5..11 in 2025.
    assert values["received"]["total"] == 7 + 1 + 1
    assert values["carried_in"]["total"] == 5
    assert values["total"]["total"] == 12
    assert values["carried_out"]["total"] == 2


SECTION4 = [
    # (kind, result, filed_on, decided_on, year, expected cells of the kind's group)
    ("review", "upheld", "2025-03-01", "2025-05-01", 2025, {"upheld": 1, "total": 1}),
    ("review", "corrected", "2025-11-01", "2026-02-01", 2025, {"pending": 1, "total": 1}),
    ("litigation_direct", "pending", "2025-04-01", None, 2025, {"pending": 1, "total": 1}),
    (
        "litigation_after_review",
        "other",
        "2025-04-01",
        "2025-09-09",
        2025,
        {"other": 1, "total": 1},
    ),
    ("review", "upheld", "2024-03-01", "2024-05-01", 2025, {}),
]


@pytest.mark.parametrize(("kind", "result", "filed", "decided", "year", "expected"), SECTION4)
def test_section4_from_remedy_records(body, kind, result, filed, decided, year, expected):
    RemedyFactory(
        request__organisation=body,
        kind=kind,
        result=result,
        filed_on=D(filed),
        decided_on=D(decided) if decided else None,
    )
    values = section4(body.pk, year)
    assert {r: v for r, v in values[kind].items() if v} == expected
    others = [g for g, _label in fmt.SECTION4_GROUPS if g != kind]
    assert all(v == 0 for g in others for v in values[g].values())
    assert Remedy.objects.count() == 1
