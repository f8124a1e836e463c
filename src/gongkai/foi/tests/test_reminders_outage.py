"""The worker stopped for an hour: the reminders due meanwhile go out once when it returns.

The clock is shifted to 2026-10-08, the day of the 1-working-day reminder of a request due
2026-10-09 (see test_reminders: 10-01..10-07 are off for National Day). The worker stops
at 08:00; cron's ``gongkai sweep`` goes on every 15 minutes until 09:00 (five sweeps),
queueing the periodic jobs; at 09:00 the worker returns and works through the queue.
"""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.db.models import Q
from django_tasks_db.models import DBTaskResult

from gongkai.core.clockmath import CHINA
from gongkai.core.models import OutgoingMessage
from gongkai.foi.models import Reminder
from gongkai.foi.tests.test_reminders import (  # noqa: F401 - the fixtures
    handler,
    office,
    request_due_after_national_day,
    unit,
)

pytestmark = pytest.mark.django_db

STOPPED = dt.datetime(2026, 10, 8, 8, 0, tzinfo=CHINA)


@pytest.fixture
def clock(monkeypatch):
    """``timezone.now`` reads this clock (every ``localdate`` and ``auto_now`` too)."""
    current = {"now": STOPPED}
    monkeypatch.setattr("django.utils.timezone.now", lambda: current["now"])
    return current


@pytest.fixture
def queue(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker closes its connections between tasks; here that is the test's own.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )


def _worker() -> None:
    call_command("worker", batch=True, startup_delay=False, recover_every=0, verbosity=0)


@pytest.mark.usefixtures("request_due_after_national_day")
def test_reminders_due_while_the_worker_was_stopped_are_sent_once_when_it_returns(clock, queue):
    mail.outbox.clear()
    for minutes in range(0, 61, 15):  # the worker is stopped: cron sweeps on
        clock["now"] = STOPPED + dt.timedelta(minutes=minutes)
        call_command("sweep", verbosity=0)
    assert Reminder.objects.count() == 0  # nothing ran yet: the jobs only wait
    assert mail.outbox == []

    clock["now"] = STOPPED + dt.timedelta(hours=1)
    _worker()
    # The 1-day reminder goes to the handler and (the last one) the openness office.
    reminder = Reminder.objects.get()
    assert (reminder.sent_on, reminder.threshold) == (dt.date(2026, 10, 8), 1)
    assert sorted(reminder.recipients) == ["fazhi", "gongkaiban"]
    # Other periodic jobs (the site monitor's alerts) may write too: count this request's.
    code = reminder.request.code
    mails = [m for m in mail.outbox if code in m.subject]
    assert sorted(m.to[0] for m in mails) == ["fazhi@example.cn", "gkb@example.cn"]
    messages = OutgoingMessage.objects.filter(body__contains=code)
    assert sorted(messages.values_list("channel", "address")) == [
        ("email", "fazhi@example.cn"),
        ("email", "gkb@example.cn"),
        ("sms", "13800000001"),
        ("sms", "13800000002"),
    ]
    assert not messages.filter(sent_at__isnull=True).exists()  # none lost
    # Nothing failed; what is left waits for a later time of day (the monitor's samples).
    assert not DBTaskResult.objects.filter(status="FAILED").exists()
    due = Q(run_after__isnull=True) | Q(run_after__lte=clock["now"])
    assert not DBTaskResult.objects.filter(due, status="READY").exists()

    # Back to normal: the next sweeps of the day send nothing twice (nor anything else again).
    totals = (OutgoingMessage.objects.count(), len(mail.outbox))
    for minutes in (15, 30):
        clock["now"] = STOPPED + dt.timedelta(hours=1, minutes=minutes)
        call_command("sweep", verbosity=0)
        _worker()
    assert Reminder.objects.count() == 1
    assert OutgoingMessage.objects.filter(body__contains=code).count() == 4
    assert len([m for m in mail.outbox if code in m.subject]) == 2
    assert (OutgoingMessage.objects.count(), len(mail.outbox)) == totals
