"""Two staff acting on one decision at the same moment: exactly one action wins, the other is
refused and leaves nothing behind (no second history entry, no second ledger entry).

Threads need PostgreSQL (SQLite serialises writers and ignores FOR UPDATE); the same pairs
replayed one after the other run on both databases.
"""

import datetime as dt

import pytest
from django.db import connection

from gongkai.core.errors import ServiceError
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import make_staff
from gongkai.core.tests.races import race, refusals
from gongkai.enforcement.models import ChangeRecord, Decision
from gongkai.enforcement.services import decision_publish, decision_withdraw
from gongkai.enforcement.tests.factories import make_decision

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="races need PostgreSQL: SQLite serialises writers and ignores FOR UPDATE",
)


def _publish_pair(office, office2, draft):
    a, b = Decision.objects.get(pk=draft.pk), Decision.objects.get(pk=draft.pk)
    return [
        lambda: decision_publish(actor=office, decision=a),
        lambda: decision_publish(actor=office2, decision=b, keep={1}),
    ]


def _check_published_once(draft, results):
    assert [r.code for r in refusals(results)] == ["changed_meanwhile"]
    assert ChangeRecord.objects.filter(subject_id=draft.pk, action="published").count() == 1
    assert LedgerEntry.objects.filter(action="enforcement.decision_published").count() == 1


@pytest.mark.django_db
def test_two_publications_in_sequence(body, office, agency):
    office2 = make_staff(body, roles=[Role.OFFICE], username="office2")
    draft = make_decision(office, body, agency, publish=False)
    results = []
    for action in _publish_pair(office, office2, draft):
        try:
            results.append(action())
        except ServiceError as error:
            results.append(error)
    _check_published_once(draft, results)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("run", range(3))
def test_two_publications_at_once(body, office, agency, run):
    office2 = make_staff(body, roles=[Role.OFFICE], username="office2")
    draft = make_decision(office, body, agency, publish=False)
    _check_published_once(draft, race(*_publish_pair(office, office2, draft)))


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_withdrawals_at_once(body, office, agency):
    decision = make_decision(office, body, agency)
    a, b = Decision.objects.get(pk=decision.pk), Decision.objects.get(pk=decision.pk)
    on = dt.date(2026, 7, 20)
    results = race(
        lambda: decision_withdraw(actor=office, decision=a, withdrawal="revoked",
                                  withdrawn_on=on, reason="甲"),
        lambda: decision_withdraw(actor=office, decision=b, withdrawal="illegal",
                                  withdrawn_on=on, reason="乙"),
    )  # fmt: skip
    assert [r.code for r in refusals(results)] == ["changed_meanwhile"]
    assert ChangeRecord.objects.filter(subject_id=decision.pk, action="withdrawn").count() == 1
