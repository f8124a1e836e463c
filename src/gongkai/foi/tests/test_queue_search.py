"""The FOI queue: search by code, applicant, content, status and day of receipt; the office
sees one unit's queue or every unit's at once; a handler never sees another unit's."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from gongkai.core.models import Role
from gongkai.core.tests.factories import UnitFactory, make_staff
from gongkai.foi.services import request_assign, request_register
from gongkai.foi.tests.factories import make_applicant

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(body, unit, office):
    other = UnitFactory(parent=body, name="交警支队")
    today = timezone.localdate()
    made = {}
    for key, name, what, where, days_ago in (
        ("hukou", "张三", "2025年户籍业务统计", unit, 2),
        ("jiaotong", "李四", "交通违法处理流程", other, 10),
        ("xuke", "王五", "行政许可事项目录", unit, 20),
    ):
        request = request_register(
            actor=office,
            organisation=body,
            channel="letter",
            applicant=make_applicant(name=name, description=what),
            received_on=today - dt.timedelta(days=days_ago),
        )
        made[key] = request_assign(request=request, actor=office, unit=where)
    made["other_unit"] = other
    return made


def codes(response) -> set[str]:
    return {item.request.code for item in response.context["items"]}


def test_the_office_searches_every_unit_at_once(client, office, cases):
    client.force_login(office)
    every = client.get(reverse("foi:queue"), {"unit": "all"})
    assert codes(every) == {cases[k].code for k in ("hukou", "jiaotong", "xuke")}
    assert "交警支队" in every.content.decode()  # the unit column
    for query, expected in (
        ({"q": "李四"}, {"jiaotong"}),  # applicant
        ({"q": "户籍"}, {"hukou"}),  # content
        ({"q": cases["xuke"].code}, {"xuke"}),  # code
    ):
        response = client.get(reverse("foi:queue"), {"unit": "all", **query})
        assert codes(response) == {cases[k].code for k in expected}, query
    since = (timezone.localdate() - dt.timedelta(days=15)).isoformat()
    recent = client.get(reverse("foi:queue"), {"unit": "all", "received_from": since})
    assert codes(recent) == {cases["hukou"].code, cases["jiaotong"].code}
    received = client.get(reverse("foi:queue"), {"unit": "all", "status": "received"})
    assert len(codes(received)) == 3
    none = client.get(reverse("foi:queue"), {"unit": "all", "status": "extended"})
    assert codes(none) == set()


def test_a_handler_searches_only_their_unit(client, body, unit, cases):
    handler = make_staff(body, roles=[Role.HANDLER], units=[unit], username="huzheng")
    client.force_login(handler)
    mine = client.get(reverse("foi:queue"), {"unit": "all", "q": "李四"})
    assert codes(mine) == set()  # "all units" is the office's; the handler keeps their unit
    page = client.get(reverse("foi:queue")).content.decode()
    assert 'value="all"' not in page
    assert codes(client.get(reverse("foi:queue"))) == {cases["hukou"].code, cases["xuke"].code}


@pytest.fixture
def unassigned(body, office):
    return [
        request_register(
            actor=office,
            organisation=body,
            channel="letter",
            applicant=make_applicant(name=f"申请人{n}"),
            received_on=timezone.localdate(),
        )
        for n in range(3)
    ]


def test_the_office_assigns_several_requests_at_once(client, office, unit, unassigned):
    from gongkai.core.models import LedgerEntry

    client.force_login(office)
    page = client.get(reverse("foi:queue")).content.decode()
    assert f'name="request" value="{unassigned[0].pk}"' in page
    picked = [unassigned[0].pk, unassigned[2].pk]
    response = client.post(
        reverse("foi:assign_many"), {"request": picked, "unit": unit.pk}, follow=True
    )
    assert "已交" in response.content.decode()
    for request in unassigned:
        request.refresh_from_db()
    assert [r.unit_id for r in unassigned] == [unit.pk, None, unit.pk]
    assert LedgerEntry.objects.filter(action="foi.assigned").count() == 2


def test_bulk_assignment_is_the_offices(client, body, unit, unassigned):
    handler = make_staff(body, roles=[Role.HANDLER], units=[unit], username="huzheng")
    client.force_login(handler)
    response = client.post(
        reverse("foi:assign_many"), {"request": [unassigned[0].pk], "unit": unit.pk}
    )
    assert response.status_code == 404
    unassigned[0].refresh_from_db()
    assert unassigned[0].unit_id is None
