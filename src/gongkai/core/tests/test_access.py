"""Who sees what: one unit's staff never see another unit's cases unless assigned.

Each permission test covers anonymous, a public (non-staff) user, staff without
the right and staff with it, and checks that nothing changed after a refusal.
"""

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gongkai.core.clockmath import CHINA
from gongkai.core.models import CalendarYear, LedgerEntry, Role
from gongkai.core.selectors import clocks_visible_to
from gongkai.core.services import clock_start
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff

pytestmark = pytest.mark.django_db
NOTICE_2026 = (Path(__file__).parent / "data" / "notice_2026.txt").read_text(encoding="utf-8")


@pytest.fixture
def world():
    body = OrganisationFactory(name="湛江市公安局")
    county = OrganisationFactory(name="廉江市公安局", parent=body)
    other_body = OrganisationFactory(name="茂名市公安局")
    legal, household = (
        UnitFactory(parent=body, name="法制支队"),
        UnitFactory(parent=body, name="户政科"),
    )
    people = {
        "office": make_staff(body, roles=[Role.OFFICE]),
        "legal": make_staff(body, units=[legal]),
        "household": make_staff(body, units=[household]),
        "stranger": make_staff(other_body, roles=[Role.OFFICE]),
        "public": get_user_model().objects.create_user("citizen", password="pw-for-tests-1"),
    }
    start = dt.datetime(2026, 11, 2, 10, tzinfo=CHINA)
    clocks = {
        "legal": clock_start(
            actor=None,
            rule="foi_reply",
            label="法制支队案件",
            organisation=body,
            unit=legal,
            started_at=start,
        ),
        "assigned": clock_start(
            actor=None,
            rule="foi_reply",
            label="指派给户政科人员",
            organisation=body,
            unit=legal,
            handler=people["household"],
            started_at=start,
        ),
        "county": clock_start(
            actor=None, rule="foi_reply", label="县局案件", organisation=county, started_at=start
        ),
    }
    return people, clocks


def labels(user):
    return sorted(clocks_visible_to(user).values_list("label", flat=True))


def test_scoping(world):
    people, _clocks = world
    assert labels(people["office"]) == sorted(["县局案件", "法制支队案件", "指派给户政科人员"])
    assert labels(people["legal"]) == sorted(["法制支队案件", "指派给户政科人员"])
    assert labels(people["household"]) == ["指派给户政科人员"]
    assert labels(people["stranger"]) == []
    assert labels(people["public"]) == []


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("public", 404), ("household", 404), ("legal", 200), ("office", 200)],
)
def test_clock_page(client, world, who, status):
    people, clocks = world
    if who != "anonymous":
        client.force_login(people[who])
    response = client.get(reverse("core:clock", args=[clocks["legal"].pk]))
    assert response.status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("public", 404), ("legal", 404), ("office", 302)],
)
def test_loading_a_calendar_year_needs_the_office(client, world, who, status):
    people, _clocks = world
    if who != "anonymous":
        client.force_login(people[who])
    entries = LedgerEntry.objects.count()
    response = client.post(reverse("core:calendar"), {"text": NOTICE_2026, "confirm": "1"})
    assert response.status_code == status
    if status == 302 and who == "office":
        assert CalendarYear.objects.get().year == 2026
        assert LedgerEntry.objects.count() > entries
    else:
        assert CalendarYear.objects.count() == 0
        assert LedgerEntry.objects.count() == entries


@pytest.mark.parametrize(("who", "status"), [("public", 404), ("legal", 404), ("office", 200)])
def test_ledger_page_and_exports(client, world, who, status):
    people, _clocks = world
    client.force_login(people[who])
    assert client.get(reverse("core:ledger")).status_code == status
    assert client.get(reverse("core:ledger_export", args=["csv"])).status_code == status


def test_ledger_export_is_scoped_to_the_body(client, world):
    people, _clocks = world
    client.force_login(people["stranger"])
    body = b"".join(client.get(reverse("core:ledger_export", args=["csv"])).streaming_content)
    assert "法制支队案件".encode() not in body
    client.force_login(people["office"])
    body = b"".join(client.get(reverse("core:ledger_export", args=["csv"])).streaming_content)
    assert "法制支队案件".encode() in body
