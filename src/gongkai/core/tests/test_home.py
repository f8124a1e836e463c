"""The workbench home page lists what waits for each person, and links to the case."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from gongkai.core.models import Role
from gongkai.core.selectors.duties import duties_for
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff
from gongkai.participation.services.incidents import incident_record
from gongkai.participation.services.mailbox import (
    letter_assign,
    letter_categories_ensure,
    letter_submit,
)
from gongkai.proactive import services as proactive
from gongkai.proactive.tests.factories import draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    body = OrganisationFactory(name="湛江市公安局")
    unit = UnitFactory(parent=body, name="户政科")
    return {
        "body": body,
        "unit": unit,
        "office": make_staff(body, roles=[Role.OFFICE], username="office"),
        "handler": make_staff(body, roles=[Role.HANDLER], units=[unit], username="handler"),
        "reviewer": make_staff(body, roles=[Role.REVIEWER], username="reviewer"),
        "leader": make_staff(body, roles=[Role.LEADER], username="leader"),
    }


def rows(board):
    return {
        section: [(d.kind, d.title, d.url) for d in getattr(board, section)]
        for section in ("overdue", "today", "soon", "later", "waiting")
        if getattr(board, section)
    }


def dated(board):
    return [
        (d.kind, d.title, d.url, d.due_on)
        for d in board.overdue + board.today + board.soon + board.later
    ]


def test_an_item_in_review_waits_first_for_the_reviewer_then_for_the_leader(people):
    item = draft(people["handler"], unit=people["unit"], title="关于调整户籍窗口办公时间的通知")
    item = proactive.item_submit(item=item, actor=people["handler"])
    review = reverse("proactive:item_review", args=[item.pk])
    waiting = ("保密审查", "关于调整户籍窗口办公时间的通知", review)

    assert rows(duties_for(people["reviewer"])).get("waiting") == [waiting]
    assert "waiting" not in rows(duties_for(people["leader"]))

    proactive.item_review(item=item, actor=people["reviewer"], approve=True, confirm_label=True)
    assert "waiting" not in rows(duties_for(people["reviewer"]))
    leader_rows = rows(duties_for(people["leader"]))["waiting"]
    assert leader_rows == [("领导审批", "关于调整户籍窗口办公时间的通知", review)]


def test_a_sent_back_item_waits_for_its_drafter(people):
    item = proactive.item_submit(item=draft(people["handler"]), actor=people["handler"])
    proactive.item_review(item=item, actor=people["reviewer"], approve=False, comment="请补充")
    detail = reverse("proactive:item_detail", args=[item.pk])
    assert rows(duties_for(people["handler"]))["waiting"] == [
        ("退回修改", "关于户籍业务办理的通知", detail)
    ]


def test_mailbox_letters_wait_for_the_office_then_for_the_unit_by_their_reply_date(people):
    category = letter_categories_ensure(organisation=people["body"])[0]
    letter = letter_submit(
        category=category,
        subject="户口迁移咨询",
        body="请问如何办理？",
        writer_name="王先生",
        writer_phone="13800000000",
    ).letter
    url = reverse("participation:wb_letter", args=[letter.pk])
    due = letter.due_on
    office_rows = dated(duties_for(people["office"]))
    assert office_rows == [("分办来信", "户口迁移咨询", url, due)]
    assert rows(duties_for(people["handler"])) == {}

    letter_assign(actor=people["office"], letter=letter, unit=people["unit"])
    handler_rows = dated(duties_for(people["handler"]))
    assert handler_rows == [("答复来信", "户口迁移咨询", url, due)]
    assert rows(duties_for(people["leader"])) == {}  # a leader answers no letters


def test_an_hour_clock_links_to_its_incident_and_shows_the_hours_left(client, people):
    now = timezone.now()
    incident = incident_record(
        actor=people["office"],
        organisation=people["body"],
        title="网传交警乱罚款视频",
        source="weibo",
        first_seen_at=now - dt.timedelta(hours=2),
        severity="general",
    )
    board = duties_for(people["office"], now=now)
    (duty,) = board.today + board.soon
    assert duty.url == reverse("participation:wb_incident", args=[incident.pk])
    assert round(duty.hours_left(now), 1) == 46.0  # 48 hours from first seen (国办发〔2016〕80号)

    client.force_login(people["office"])
    page = client.get(reverse("core:workbench")).content.decode()
    assert "剩余 46.0 小时" in page
    assert f'href="{duty.url}"' in page
    assert "/workbench/clocks/" not in page  # the row leads to the case, not the clock


def test_the_home_page_says_when_nothing_waits(client, people):
    client.force_login(people["reviewer"])
    page = client.get(reverse("core:workbench")).content.decode()
    assert "我的待办" in page
    assert "目前没有等待您办理的事项。" in page


def test_the_home_page_reads_as_many_queries_for_five_items_as_for_one(client, people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def home_queries() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("core:workbench")).content.decode()
        return len(queries), page

    proactive.item_submit(item=draft(people["handler"], title="通知0"), actor=people["handler"])
    client.force_login(people["reviewer"])
    client.get(reverse("core:workbench"))  # the session and the calendar are read once
    one, _page = home_queries()
    for n in range(1, 5):
        proactive.item_submit(
            item=draft(people["handler"], title=f"通知{n}"), actor=people["handler"]
        )
    five, page = home_queries()
    assert five == one
    assert page.count("保密审查") == 5
