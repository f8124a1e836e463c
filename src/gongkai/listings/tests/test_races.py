"""Two staff adjusting the list at the same moment: exactly one change wins, the other is
refused and leaves nothing behind (no second version, no second ledger entry).

Threads need PostgreSQL (SQLite serialises writers and ignores FOR UPDATE); the same
pairs replayed one after the other run on both databases.
"""

import datetime as dt

import pytest
from django.db import connection

from gongkai.core.errors import ServiceError
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import make_staff
from gongkai.core.tests.races import race, refusals
from gongkai.listings.models import Power, PowerVersion
from gongkai.listings.services import (
    power_import_apply,
    power_import_upload,
    power_set_active,
    power_update,
)
from gongkai.listings.tests.factories import fields, make_power, powers_file

ON = dt.date(2026, 12, 1)
needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="races need PostgreSQL: SQLite serialises writers and ignores FOR UPDATE",
)


def _pairs(office, office2, body):
    power = make_power(office, body)
    a, b = Power.objects.get(pk=power.pk), Power.objects.get(pk=power.pk)
    return power, [
        lambda: power_update(actor=office, power=a, fields=fields(remedy="行政复议"),
                             changed_on=ON, reason="甲的调整"),
        lambda: power_set_active(actor=office2, power=b, active=False, changed_on=ON,
                                 reason="乙的取消"),
    ]  # fmt: skip


def _check_one_won(power, results):
    assert len(refusals(results)) == 1
    assert refusals(results)[0].code == "changed_meanwhile"
    assert list(PowerVersion.objects.filter(power=power).values_list("number", flat=True)) == [
        2,
        1,
    ]
    assert (
        LedgerEntry.objects.filter(action__in=["listings.update", "listings.remove"]).count() == 1
    )


@pytest.mark.django_db
def test_update_then_remove_from_stale_copies_in_sequence(body, office):
    office2 = make_staff(body, roles=[Role.OFFICE], username="office2")
    power, actions = _pairs(office, office2, body)
    results = []
    for action in actions:
        try:
            results.append(action())
        except ServiceError as error:
            results.append(error)
    _check_one_won(power, results)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("run", range(3))
def test_update_and_remove_at_once(body, office, run):
    office2 = make_staff(body, roles=[Role.OFFICE], username="office2")
    power, actions = _pairs(office, office2, body)
    _check_one_won(power, race(*actions))


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_one_file_applied_twice_at_once(body, office):
    upload = power_import_upload(
        actor=office, organisation=body, file_name="a.xlsx", content=powers_file(20)
    )
    results = race(
        lambda: power_import_apply(actor=office, upload=upload, changed_on=ON, reason="甲"),
        lambda: power_import_apply(actor=office, upload=upload, changed_on=ON, reason="乙"),
    )
    assert [r.code for r in refusals(results)] == ["already_applied"]
    assert Power.objects.count() == 20
    assert LedgerEntry.objects.filter(action="listings.import_apply").count() == 1
