"""Index numbers under concurrency: unique and gap-free across parallel writers (PostgreSQL;
SQLite serialises writers with IMMEDIATE transactions, so there is nothing to race)."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from gongkai.core.tests.factories import OrganisationFactory
from gongkai.proactive.services.common import index_number_issue

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="races need PostgreSQL"),
]


def test_parallel_issues_are_unique_and_consecutive():
    body = OrganisationFactory()

    def issue(_n):
        try:
            return index_number_issue(body, 2026)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        numbers = list(pool.map(issue, range(24)))
    assert sorted(numbers) == [f"{body.credit_code}/2026-{n:05d}" for n in range(1, 25)]
