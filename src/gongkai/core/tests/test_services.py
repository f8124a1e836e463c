"""Services: organisations, staff, clocks and calendar loading, with their ledger entries."""

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from gongkai.core import holidays
from gongkai.core.clockmath import CHINA
from gongkai.core.errors import ServiceError
from gongkai.core.models import CalendarYear, Clock, LedgerEntry, Organisation, Role
from gongkai.core.services import (
    calendar_load_notice,
    clock_extend,
    clock_pause,
    clock_restart,
    clock_resume,
    clock_start,
    clock_stop,
    organisation_create,
    staff_create,
)
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff
from gongkai.core.tests.test_notice import HYPOTHETICAL_2027
from gongkai.core.validators import is_valid_credit_code

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_calendar():
    holidays.invalidate()
    yield
    holidays.invalidate()


def at(text, hour=10):
    return dt.datetime.combine(dt.date.fromisoformat(text), dt.time(hour), tzinfo=CHINA)


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("91350100M000100Y43", True),  # the example of GB 32100-2015
        ("91350100M000100Y42", False),  # wrong check character
        ("91350100M000100Y4", False),  # 17 characters
        ("91350100M000100I43", False),  # I is not in the character set
        ("114408000070130008", False),
    ],
)
def test_credit_code_check_character(code, valid):
    assert is_valid_credit_code(code) is valid


def test_organisation_with_a_bad_credit_code_is_refused_and_nothing_is_written():
    with pytest.raises(ServiceError) as caught:
        organisation_create(actor=None, name="某局", code="x", credit_code="91350100M000100Y42")
    assert caught.value.code == "invalid_organisation"
    assert Organisation.objects.count() == 0
    assert LedgerEntry.objects.count() == 0


def test_staff_create_logs_and_refuses_foreign_units():
    body = OrganisationFactory()
    other_unit = UnitFactory()
    with pytest.raises(ServiceError) as caught:
        staff_create(
            actor=None,
            username="a",
            full_name="甲",
            organisation=body,
            roles=[Role.HANDLER],
            units=[other_unit],
            password="x-pass-123456",
        )
    assert caught.value.code == "unit_outside_organisation"
    unit = UnitFactory(parent=body)
    profile = staff_create(
        actor=None,
        username="a",
        full_name="甲",
        organisation=body,
        roles=[Role.HANDLER],
        units=[unit],
        password="x-pass-123456",
    )
    assert list(profile.units.all()) == [unit]
    assert profile.user.check_password("x-pass-123456")
    assert LedgerEntry.objects.filter(action="staff.create").count() == 1


def test_clock_lifecycle_writes_events_and_ledger():
    body = OrganisationFactory()
    leader = make_staff(body, roles=[Role.OFFICE])
    clock = clock_start(
        actor=None, rule="foi_reply", label="申请1", organisation=body, started_at=at("2026-09-25")
    )
    assert clock.due_on == dt.date(2026, 10, 29)
    clock_pause(clock=clock, actor=leader, at=at("2026-09-29"), note="征求第三方意见")
    assert (clock.state, clock.due_on) == (Clock.State.PAUSED, None)
    clock_resume(clock=clock, actor=leader, at=at("2026-10-12"))
    assert clock.due_on == dt.date(2026, 11, 5)
    clock_extend(clock=clock, actor=leader, days=20, approved_by=leader, at=at("2026-10-20"))
    assert clock.due_on == dt.date(2026, 12, 3)
    clock_stop(clock=clock, actor=leader, at=at("2026-11-30"))
    assert clock.state == Clock.State.STOPPED
    actions = list(LedgerEntry.objects.values_list("action", flat=True))
    assert actions[-5:] == [
        "clock.start",
        "clock.pause",
        "clock.resume",
        "clock.extend",
        "clock.stop",
    ]


@pytest.mark.parametrize(("days", "code"), [(21, "extension_too_long"), (0, "extension_too_long")])
def test_extension_limits(days, code):
    body = OrganisationFactory()
    leader = make_staff(body, roles=[Role.OFFICE])
    clock = clock_start(
        actor=None, rule="foi_reply", label="x", organisation=body, started_at=at("2026-09-25")
    )
    with pytest.raises(ServiceError) as caught:
        clock_extend(clock=clock, actor=leader, days=days, approved_by=leader)
    assert caught.value.code == code
    assert clock.events.count() == 0


def test_second_extension_refused_and_approver_required():
    body = OrganisationFactory()
    leader = make_staff(body, roles=[Role.OFFICE])
    clock = clock_start(
        actor=None, rule="foi_reply", label="x", organisation=body, started_at=at("2026-09-25")
    )
    with pytest.raises(ServiceError) as caught:
        clock_extend(clock=clock, actor=leader, days=5, approved_by=None)
    assert caught.value.code == "approval_required"
    clock_extend(clock=clock, actor=leader, days=5, approved_by=leader)
    with pytest.raises(ServiceError) as caught:
        clock_extend(clock=clock, actor=leader, days=5, approved_by=leader)
    assert caught.value.code == "already_extended"
    assert clock.events.count() == 1


def test_restart_after_supplement_across_spring_festival():
    body = OrganisationFactory()
    clock = clock_start(
        actor=None, rule="foi_reply", label="x", organisation=body, started_at=at("2026-02-02")
    )
    clock_pause(clock=clock, actor=None, at=at("2026-02-05"), note="补正")
    clock_restart(clock=clock, actor=None, at=at("2026-02-13"), note="补正材料收到")
    # From 2-13: 2-14 (Sat, worked) is 1, 2-24..2-27 are 2–5, 2-28 (Sat, worked) is 6,
    # then 14 March working days: 3-19.
    assert clock.due_on == dt.date(2026, 3, 19)


def test_loading_a_notice_makes_2027_known_and_recomputes_open_clocks():
    body = OrganisationFactory()
    handler = make_staff(body)
    clock = clock_start(
        actor=None,
        rule="foi_reply",
        label="跨年申请",
        organisation=body,
        handler=handler,
        started_at=at("2026-12-24"),
    )
    assert (clock.due_on, clock.is_provisional) == (dt.date(2027, 1, 21), True)
    calendar_load_notice(actor=handler, text=HYPOTHETICAL_2027)
    clock.refresh_from_db()
    # 1-1 is now a holiday (the hypothetical notice gives 1-1..1-3).
    assert (clock.due_on, clock.is_provisional) == (dt.date(2027, 1, 22), False)
    assert CalendarYear.objects.get().days.count() == 28 + 6
    assert LedgerEntry.objects.filter(action="calendar.load").count() == 1
    assert LedgerEntry.objects.filter(action="clock.recompute").count() == 1
    note = handler.notifications.get()
    assert "跨年申请" in note.message


def test_a_bad_notice_stores_nothing():
    with pytest.raises(ServiceError) as caught:
        calendar_load_notice(
            actor=None,
            text="国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：2月30日放假1天。",
        )
    assert caught.value.code == "notice_unreadable"
    assert "2" in caught.value.message  # the line number
    assert CalendarYear.objects.count() == 0
    assert LedgerEntry.objects.count() == 0


def test_a_loaded_year_overrides_the_package_for_that_year():
    text = (Path(__file__).parent / "data" / "notice_2026.txt").read_text(encoding="utf-8")
    # A corrected 2026 with an extra holiday on 12-31 (hypothetical correction).
    corrected = text.replace("共7天。9月20日", "共7天；12月31日放假1天。9月20日")
    calendar_load_notice(actor=None, text=corrected)
    assert holidays.get_calendar().kind(dt.date(2026, 12, 31)) == "holiday"
    assert holidays.get_calendar().kind(dt.date(2026, 10, 10)) == "adjusted-workday"
    assert timezone.now()  # the calendar cache was rebuilt without a restart
