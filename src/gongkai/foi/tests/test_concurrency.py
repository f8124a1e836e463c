"""Simultaneous submissions: unique codes and one request per key (both databases)."""

import threading

import pytest
from django.db import connection

from gongkai.core.tests.factories import OrganisationFactory
from gongkai.foi.models import Request
from gongkai.foi.services import request_submit
from gongkai.foi.tests.factories import make_applicant

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(count, work):
    barrier = threading.Barrier(count)
    errors = []

    def target(n):
        try:
            barrier.wait()
            work(n)
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_simultaneous_submissions_get_distinct_sequential_codes():
    body = OrganisationFactory()
    errors = run_together(
        6,
        lambda n: request_submit(
            organisation=body, applicant=make_applicant(), idempotency_key=f"key-{n}"
        ),
    )
    assert errors == []
    codes = sorted(Request.objects.values_list("code", flat=True))
    assert [c[-6:] for c in codes] == [f"{n:06d}" for n in range(1, 7)]


def test_the_same_key_sent_at_once_makes_one_request():
    body = OrganisationFactory()
    errors = run_together(
        5,
        lambda n: request_submit(
            organisation=body, applicant=make_applicant(), idempotency_key="same"
        ),
    )
    assert errors == []
    assert Request.objects.count() == 1
