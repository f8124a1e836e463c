"""A notice that leaves out national festivals is not stored without an explicit
confirmation (《全国年节及纪念日放假办法》 art. 2 lists 元旦, 春节, 清明节, 劳动节, 端午节,
中秋节 and 国庆节); a stored notice says how many open deadlines it moved."""

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.core.clockmath import CHINA
from gongkai.core.errors import ServiceError
from gongkai.core.models import CalendarYear, LedgerEntry, Role
from gongkai.core.services import calendar_load_notice, clock_start
from gongkai.core.services.calendar import notice_missing_festivals, notice_parse
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.core.tests.test_notice import HYPOTHETICAL_2027

pytestmark = pytest.mark.django_db

TITLE = "国务院办公厅关于2027年部分节假日安排的通知\n"
ONLY_NEW_YEAR = TITLE + "一、元旦：1月1日（星期五）至3日（星期日）放假，共3天。\n"


@pytest.mark.parametrize(
    ("lines", "missing"),
    [
        (HYPOTHETICAL_2027.split("\n")[1:], []),  # 中秋节、国庆节 on one line count as two
        (ONLY_NEW_YEAR.split("\n")[1:], ["春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]),
        (
            [line for line in HYPOTHETICAL_2027.split("\n")[1:] if "端午" not in line],
            ["端午节"],
        ),
    ],
)
def test_missing_festivals_are_named(lines, missing):
    assert notice_missing_festivals(notice_parse(text=TITLE + "\n".join(lines))) == missing


def test_a_partial_notice_is_refused_and_nothing_is_stored():
    with pytest.raises(ServiceError) as caught:
        calendar_load_notice(actor=None, text=ONLY_NEW_YEAR)
    assert caught.value.code == "notice_incomplete"
    assert "春节、清明节、劳动节、端午节、中秋节、国庆节" in caught.value.message
    assert CalendarYear.objects.count() == 0
    assert LedgerEntry.objects.count() == 0


def test_a_partial_notice_is_stored_when_the_office_confirms_it():
    loaded = calendar_load_notice(actor=None, text=ONLY_NEW_YEAR, accept_missing=True)
    assert (loaded.year, loaded.deadlines_moved) == (2027, 0)
    entry = LedgerEntry.objects.get(action="calendar.load")
    assert entry.summary["missing"] == ["春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]


@pytest.fixture
def office():
    return make_staff(OrganisationFactory(), roles=[Role.OFFICE], username="office")


def test_the_page_lists_what_is_missing_and_needs_the_confirmation(client, office):
    client.force_login(office)
    preview = client.post(reverse("core:calendar"), {"text": ONLY_NEW_YEAR}).content.decode()
    assert "这份通知没有安排春节、清明节、劳动节、端午节、中秋节、国庆节的放假日期" in preview
    assert 'name="accept_missing"' in preview

    refused = client.post(reverse("core:calendar"), {"text": ONLY_NEW_YEAR, "confirm": "1"})
    assert refused.status_code == 200
    assert "请粘贴通知全文" in refused.content.decode()
    assert CalendarYear.objects.count() == 0

    stored = client.post(
        reverse("core:calendar"),
        {"text": ONLY_NEW_YEAR, "confirm": "1", "accept_missing": "on"},
        follow=True,
    )
    assert CalendarYear.objects.get().year == 2027
    assert "2027年节假日安排已保存，0个未办结事项的期限随之调整。" in stored.content.decode()


def test_a_complete_notice_shows_no_warning_and_says_how_many_deadlines_moved(client, office):
    body = office.staff_profile.organisation
    for day in (24, 28):  # both cross into 2027, whose 1 January becomes a holiday
        clock_start(
            actor=None,
            rule="foi_reply",
            label=f"跨年申请{day}",
            organisation=body,
            started_at=dt.datetime(2026, 12, day, 10, tzinfo=CHINA),
        )
    client.force_login(office)
    preview = client.post(reverse("core:calendar"), {"text": HYPOTHETICAL_2027}).content.decode()
    assert 'name="accept_missing"' not in preview
    stored = client.post(
        reverse("core:calendar"), {"text": HYPOTHETICAL_2027, "confirm": "1"}, follow=True
    )
    assert "2027年节假日安排已保存，2个未办结事项的期限随之调整。" in stored.content.decode()
