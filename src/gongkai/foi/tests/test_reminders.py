"""Reminders of reply due dates on the official calendar, and the daily overdue list.

The due date 2026-10-09 falls right after National Day (国庆、中秋 10-1..10-8 off, with 中秋
9-25..9-27; Sun 9-20 and Sat 10-10 worked): 20 working days (条例 art. 33) after receipt on
2026-09-04. Thresholds 5, 3, 1 working days before and overdue are local practice
(configurable, ``GONGKAI_FOI_REMINDER_WORKING_DAYS``).
"""

import datetime as dt

import pytest
from django.core import mail

from gongkai.core.models import Notification, Role
from gongkai.core.periodic import jobs
from gongkai.core.tests.factories import UnitFactory, make_staff
from gongkai.foi import reminders
from gongkai.foi.models import Channel, Consultation, OverdueList, Reminder, SmsMessage
from gongkai.foi.periodic import send_overdue_lists, send_reply_reminders
from gongkai.foi.services import (
    overdue_lists_send,
    reminders_send_due,
    request_assign,
    request_consult,
    request_extend,
    request_register,
)
from gongkai.foi.tests.conftest import D
from gongkai.foi.tests.factories import make_applicant

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(body):
    return UnitFactory(parent=body, name="法制支队")


def with_contact(user, email, phone):
    user.email = email
    user.save(update_fields=["email"])
    user.staff_profile.phone = phone
    user.staff_profile.save(update_fields=["phone"])
    return user


@pytest.fixture
def office(body):
    user = make_staff(body, roles=[Role.OFFICE], username="gongkaiban")
    return with_contact(user, "gkb@example.cn", "13800000001")


@pytest.fixture
def handler(body, unit):
    user = make_staff(body, roles=[Role.HANDLER], units=[unit], username="fazhi")
    return with_contact(user, "fazhi@example.cn", "13800000002")


@pytest.fixture
def request_due_after_national_day(body, unit, office, handler):
    request = request_register(
        actor=office,
        organisation=body,
        channel=Channel.LETTER,
        applicant=make_applicant(),
        received_on=D("2026-09-04"),
    )
    request_assign(request=request, actor=office, unit=unit, handler=handler)
    assert request.reply_clock.due_on == D("2026-10-09")
    return request


def days(first: str, last: str):
    day = D(first)
    while day <= D(last):
        yield day
        day += dt.timedelta(days=1)


def sweep(first: str, last: str) -> list[tuple]:
    """Run the reminder job every day from ``first`` to ``last``; what each e-mail was."""
    sent = []
    for day in days(first, last):
        mail.outbox.clear()
        reminders_send_due(today=day)
        sent.extend((day.isoformat(), m.to, m.subject, m.body) for m in mail.outbox)
    return sent


def test_reminders_at_5_3_1_and_overdue_across_national_day(request_due_after_national_day):
    code = request_due_after_national_day.code
    subject = f"答复期限提醒：申请 {code}"
    due = f"申请 {code}（法制支队）须于2026年10月9日前答复"
    overdue = f"申请 {code}（法制支队）已超过答复期限：应于2026年10月9日前答复，请立即处理。"
    handler, office = ["fazhi@example.cn"], ["gkb@example.cn"]
    assert sweep("2026-09-20", "2026-10-12") == [
        # 9-24: 9-28, 9-29, 9-30, 10-08, 10-09 remain (9-25..9-27 and 10-01..10-07 are off).
        ("2026-09-24", handler, subject, f"{due}，还剩5个工作日。"),
        ("2026-09-29", handler, subject, f"{due}，还剩3个工作日。"),
        # The last reminder also goes to the openness office.
        ("2026-10-08", handler, subject, f"{due}，还剩1个工作日。"),
        ("2026-10-08", office, subject, f"{due}，还剩1个工作日。"),
        # Sat 10-10 is a working day (调休) and the first day after the due date.
        ("2026-10-10", handler, f"超期：申请 {code}", overdue),
        ("2026-10-10", office, f"超期：申请 {code}", overdue),
    ]
    assert list(
        Reminder.objects.order_by("sent_on").values_list("sent_on", "threshold", "recipients")
    ) == [
        (D("2026-09-24"), 5, ["fazhi"]),
        (D("2026-09-29"), 3, ["fazhi"]),
        (D("2026-10-08"), 1, ["fazhi", "gongkaiban"]),
        (D("2026-10-10"), 0, ["fazhi", "gongkaiban"]),
    ]
    assert list(SmsMessage.objects.order_by("id").values_list("phone", "message")) == [
        ("13800000002", f"{due}，还剩5个工作日。"),
        ("13800000002", f"{due}，还剩3个工作日。"),
        ("13800000002", f"{due}，还剩1个工作日。"),
        ("13800000001", f"{due}，还剩1个工作日。"),
        ("13800000002", overdue),
        ("13800000001", overdue),
    ]
    handler_user = request_due_after_national_day.handler
    assert Notification.objects.filter(recipient=handler_user).count() == 4
    assert Notification.objects.filter(recipient=handler_user).first().url == (
        f"/workbench/foi/{request_due_after_national_day.pk}/"
    )


def test_running_the_sweep_twice_sends_nothing_twice(request_due_after_national_day):
    assert reminders_send_due(today=D("2026-09-24")) == 1
    assert reminders_send_due(today=D("2026-09-24")) == 0
    assert reminders_send_due(today=D("2026-09-25")) == 0
    assert (len(mail.outbox), Reminder.objects.count(), SmsMessage.objects.count()) == (1, 1, 1)


def test_a_missed_sweep_sends_only_the_current_reminder(request_due_after_national_day):
    # Nothing ran until 10-08: the 1-day reminder goes out, not the 5- and 3-day ones.
    assert reminders_send_due(today=D("2026-10-08")) == 1
    assert list(Reminder.objects.values_list("threshold", flat=True)) == [1]


def test_an_extended_period_gets_its_own_reminders(request_due_after_national_day, office):
    request = request_due_after_national_day
    reminders_send_due(today=D("2026-09-24"))
    request_extend(
        request=request, actor=office, days=20, approved_by=office, reason="需调取执法记录",
        on=D("2026-09-28"),
    )  # fmt: skip
    request.reply_clock.refresh_from_db()
    # 20 more working days after 10-09: Sat 10-10 (调休), 10-12..10-30, 11-02..11-05.
    assert request.reply_clock.due_on == D("2026-11-05")
    assert sweep("2026-09-25", "2026-10-28") == []  # more than five working days left
    assert reminders_send_due(today=D("2026-10-29")) == 1  # 10-30, 11-02..11-05 remain
    assert list(Reminder.objects.order_by("id").values_list("due_on", "threshold")) == [
        (D("2026-10-09"), 5),
        (D("2026-11-05"), 5),
    ]


def test_a_paused_period_is_not_reminded(request_due_after_national_day, office):
    request_consult(
        request=request_due_after_national_day,
        actor=office,
        kind=Consultation.Kind.THIRD_PARTY,
        party="湛江某某运输有限公司",
        sent_on=D("2026-09-21"),
    )
    assert sweep("2026-09-21", "2026-10-12") == []
    assert Reminder.objects.count() == 0


def test_without_a_handler_the_office_gets_every_reminder(body, office):
    request = request_register(
        actor=office,
        organisation=body,
        channel=Channel.LETTER,
        applicant=make_applicant(),
        received_on=D("2026-09-04"),
    )
    assert reminders_send_due(today=D("2026-09-24")) == 1
    assert [m.to for m in mail.outbox] == [["gkb@example.cn"]]
    assert mail.outbox[0].body == (
        f"申请 {request.code}（未分派科室）须于2026年10月9日前答复，还剩5个工作日。"
    )


class CollectingSender:
    sent: list = []

    def send(self, *, phone, message):
        CollectingSender.sent.append((phone, message))


class FailingSender:
    def send(self, *, phone, message):
        raise ConnectionError("gateway down")


def test_the_sms_sender_is_pluggable(request_due_after_national_day, settings):
    settings.GONGKAI_SMS_SENDER = "gongkai.foi.tests.test_reminders.CollectingSender"
    CollectingSender.sent = []
    reminders_send_due(today=D("2026-10-08"))
    code = request_due_after_national_day.code
    message = f"申请 {code}（法制支队）须于2026年10月9日前答复，还剩1个工作日。"
    assert CollectingSender.sent == [("13800000002", message), ("13800000001", message)]
    assert SmsMessage.objects.count() == 0


def test_a_failing_gateway_does_not_stop_mail_or_the_record(
    request_due_after_national_day, settings
):
    settings.GONGKAI_SMS_SENDER = "gongkai.foi.tests.test_reminders.FailingSender"
    assert reminders_send_due(today=D("2026-10-08")) == 1
    assert (len(mail.outbox), Reminder.objects.count()) == (2, 1)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2026-09-23", None),  # 6 working days left
        ("2026-09-24", 5),
        ("2026-09-28", 5),  # 4 left: still the 5-day reminder
        ("2026-09-29", 3),
        ("2026-10-01", 3),  # a holiday: 10-08 and 10-09 remain
        ("2026-10-08", 1),
        ("2026-10-09", 1),  # the last day itself
        ("2026-10-10", reminders.OVERDUE),
    ],
)
def test_threshold_table(today, expected):
    assert reminders.threshold_for(D(today), D("2026-10-09")) == expected


def test_thresholds_are_configurable(settings):
    settings.GONGKAI_FOI_REMINDER_WORKING_DAYS = (10, 2)
    assert reminders.thresholds() == (10, 2)
    assert reminders.threshold_for(D("2026-09-18"), D("2026-10-09")) == 10
    assert reminders.threshold_for(D("2026-09-28"), D("2026-10-09")) == 10
    assert reminders.threshold_for(D("2026-09-30"), D("2026-10-09")) == 2


def test_overdue_list_once_a_day_to_the_office(request_due_after_national_day, body, office):
    code = request_due_after_national_day.code
    assert overdue_lists_send(today=D("2026-10-09")) == 0
    assert overdue_lists_send(today=D("2026-10-10")) == 1
    assert overdue_lists_send(today=D("2026-10-10")) == 0
    assert [(m.to, m.subject, m.body) for m in mail.outbox] == [
        (
            ["gkb@example.cn"],
            "截至2026年10月10日共有1件申请超期",
            f"截至2026年10月10日共有1件申请超期\n{code}，2026年10月9日到期，法制支队",
        )
    ]
    assert list(OverdueList.objects.values_list("organisation", "day", "codes")) == [
        (body.pk, D("2026-10-10"), [code])
    ]


def test_jobs_are_registered():
    registered = [function for _order, _name, function in jobs()]
    assert send_reply_reminders in registered
    assert send_overdue_lists in registered
