"""Simultaneous submissions: unique codes and one request per key (both databases)."""

import threading

import pytest
from django.db import connection
from django.utils import translation

from gongkai.core.errors import ServiceError
from gongkai.core.models import Clock, Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.foi.models import BodySettings, Channel, Request, Status
from gongkai.foi.services import (
    request_close,
    request_confirm_receipt,
    request_register,
    request_reply,
    request_submit,
    request_supplement,
)
from gongkai.foi.tests.conftest import D
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


# --- Transitions that cannot race (issue 11) ------------------------------------------------
# Two staff act on one request at the same moment. The guard reads the row inside the
# transaction, locked (PostgreSQL ``SELECT … FOR UPDATE``), and the status changes by a
# conditional update: exactly one of two conflicting actions succeeds; the other is refused
# in Chinese and leaves nothing behind. SQLite serialises writers, so the real proof is on
# PostgreSQL (``DATABASE_URL``); on SQLite the same test checks the outcome is still one.


def _conflict(first, second):
    """Run both actions at once; return (successes, refusals)."""
    results = {"ok": [], "refused": []}

    def work(n):
        action = (first, second)[n]
        with translation.override("zh-hans"):
            try:
                action()
            except ServiceError as error:
                results["refused"].append(error)
            else:
                results["ok"].append(n)

    errors = run_together(2, work)
    assert errors == []
    return results["ok"], results["refused"]


def _office():
    body = OrganisationFactory()
    BodySettings.objects.create(
        organisation=body, review_authority="某县人民政府", court="某县人民法院"
    )
    return body, make_staff(body, roles=[Role.OFFICE])


def _fresh(pk):
    return Request.objects.get(pk=pk)  # each thread its own copy, read before acting


REFUSALS = {"invalid_transition", "status_changed"}


@pytest.mark.parametrize("attempt", range(3))
def test_confirm_and_close_at_once_one_wins(attempt):
    body, office = _office()
    request = request_submit(
        organisation=body, applicant=make_applicant(), idempotency_key=f"race-{attempt}"
    ).request
    stale_a, stale_b = _fresh(request.pk), _fresh(request.pk)
    ok, refused = _conflict(
        lambda: request_confirm_receipt(request=stale_a, actor=office),
        lambda: request_close(request=stale_b, actor=office, note="无法联系申请人"),
    )
    assert len(ok) == 1 and len(refused) == 1
    assert refused[0].code in REFUSALS
    assert "申请" in refused[0].message and request.code in refused[0].message
    request.refresh_from_db()
    if ok == [0]:  # confirmed: received, a running clock, never closed
        assert request.status == Status.RECEIVED
        assert request.reply_clock.state == Clock.State.RUNNING
        assert not request.events.filter(type="closed").exists()
    else:  # closed before confirmation: no clock was started
        assert (request.status, request.reply_clock_id) == (Status.CLOSED, None)
        assert Clock.objects.count() == 0
        assert not request.events.filter(type="received").exists()


@pytest.mark.parametrize("attempt", range(3))
def test_reply_and_supplement_at_once_one_wins(attempt):
    body, office = _office()
    request = request_register(
        actor=office,
        organisation=body,
        channel=Channel.IN_PERSON,
        applicant=make_applicant(),
        received_on=D("2026-09-24"),
    )
    stale_a, stale_b = _fresh(request.pk), _fresh(request.pk)
    ok, refused = _conflict(
        lambda: request_reply(
            request=stale_a, actor=office, outcome="granted", replied_on=D("2026-09-28")
        ),
        lambda: request_supplement(
            request=stale_b,
            actor=office,
            items="请写明文件名称",
            deadline=D("2026-10-20"),
            notified_on=D("2026-09-28"),
        ),
    )
    assert len(ok) == 1 and len(refused) == 1
    assert refused[0].code in REFUSALS
    request.refresh_from_db()
    clock_events = list(request.reply_clock.events.values_list("kind", flat=True))
    if ok == [0]:
        assert (request.status, clock_events) == (Status.REPLIED, ["stop"])
        assert not request.supplements.exists()
    else:
        assert (request.status, clock_events) == (Status.AWAITING_SUPPLEMENT, ["pause"])
        assert request.outcome is None


def test_a_stale_copy_is_refused_in_chinese():
    """Without threads: a copy read before another action commits cannot act on it."""
    body, office = _office()
    request = request_submit(
        organisation=body, applicant=make_applicant(), idempotency_key="stale"
    ).request
    stale = _fresh(request.pk)
    request_confirm_receipt(request=request, actor=office)
    with translation.override("zh-hans"), pytest.raises(ServiceError) as caught:
        request_close(request=stale, actor=office, note="重复提交")
    assert caught.value.code == "invalid_transition"
    assert caught.value.message == f"申请 {request.code} 不能从“已受理”变为“已办结”。"
    request.refresh_from_db()
    assert request.status == Status.RECEIVED
    assert request.reply_clock.state == Clock.State.RUNNING
