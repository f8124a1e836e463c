"""Scoping (core.access.scope_cases), queues, and the handler's flags."""

import pytest
from django.contrib.auth.models import AnonymousUser

from gongkai.core.errors import NotFoundError
from gongkai.core.models import Role
from gongkai.core.tests.factories import (
    OrganisationFactory,
    UnitFactory,
    UserFactory,
    make_staff,
)
from gongkai.foi.models import Channel
from gongkai.foi.selectors import (
    Urgency,
    access_request,
    request_similar,
    requests_visible_to,
    unit_queue,
)
from gongkai.foi.services import (
    request_assign,
    request_register,
    request_reply,
    request_supplement,
)
from gongkai.foi.tests.conftest import D
from gongkai.foi.tests.factories import make_applicant, resident_id

pytestmark = pytest.mark.django_db


def registered(body, office, received, unit=None, **applicant):
    request = request_register(
        actor=office,
        organisation=body,
        channel=Channel.LETTER,
        applicant=make_applicant(**applicant),
        received_on=D(received),
    )
    if unit is not None:
        request_assign(request=request, actor=office, unit=unit)
    return request


def test_scoping_by_unit_and_office(body, unit, office, handler):
    request = registered(body, office, "2026-09-24", unit=unit)
    other_unit_handler = make_staff(body, roles=[Role.HANDLER], units=[UnitFactory(parent=body)])
    staff_without_unit = make_staff(body, roles=[Role.HANDLER])
    other_office = make_staff(OrganisationFactory(), roles=[Role.OFFICE])
    public_user = UserFactory()
    seen = {
        "office": office,
        "handler": handler,
        "other unit": other_unit_handler,
        "no unit": staff_without_unit,
        "other body office": other_office,
        "public": public_user,
        "anonymous": AnonymousUser(),
    }
    visible = {name: list(requests_visible_to(user)) for name, user in seen.items()}
    assert visible == {
        "office": [request],
        "handler": [request],
        "other unit": [],
        "no unit": [],
        "other body office": [],
        "public": [],
        "anonymous": [],
    }


def test_handler_sees_what_is_assigned_to_them_personally(body, unit, office):
    outsider = make_staff(body, roles=[Role.HANDLER], units=[unit])
    request = registered(body, office, "2026-09-24")
    assert list(requests_visible_to(outsider)) == []
    request_assign(request=request, actor=office, unit=unit, handler=outsider)
    assert list(requests_visible_to(outsider)) == [request]


def test_unit_queue_orders_by_due_date_with_colours(body, unit, office, django_assert_num_queries):
    green = registered(body, office, "2026-10-20", unit=unit)
    red = registered(body, office, "2026-09-01", unit=unit)
    amber = registered(body, office, "2026-09-24", unit=unit)
    paused = registered(body, office, "2026-10-21", unit=unit)
    request_supplement(
        request=paused,
        actor=office,
        items="x",
        deadline=D("2026-11-30"),
        notified_on=D("2026-10-22"),
    )
    done = registered(body, office, "2026-09-02", unit=unit)
    request_reply(request=done, actor=office, outcome="granted", replied_on=D("2026-09-10"))
    with django_assert_num_queries(1):
        queue = unit_queue(unit, today=D("2026-10-26"))
    assert [(item.request, item.due_on, item.urgency) for item in queue] == [
        (red, D("2026-09-29"), Urgency.RED),  # 9-01 + 20: Sun 9-20 worked
        (amber, D("2026-10-29"), Urgency.AMBER),  # within 3 working days of 10-26
        (green, D("2026-11-17"), Urgency.GREEN),
        (paused, None, Urgency.PAUSED),
    ]


def test_repeat_and_petition_flags_only_hint(body, office):
    earlier = registered(body, office, "2026-09-01", description="2025年本局行政许可事项目录。")
    request_reply(request=earlier, actor=office, outcome="granted", replied_on=D("2026-09-10"))
    registered(body, office, "2026-09-02", description="2025年本局行政许可事项目录")  # open
    other_person = registered(
        body, office, "2026-09-03", id_number=resident_id("44030119900101123")
    )
    request_reply(request=other_person, actor=office, outcome="granted", replied_on=D("2026-09-10"))
    new = registered(body, office, "2026-10-20", description="2025年本局行政许可事项目录")
    flags = request_similar(new)
    assert (flags.repeats, flags.petition_words, flags.is_flagged) == ([earlier], [], True)
    assert new.outcome is None
    complaint = registered(
        body,
        office,
        "2026-10-20",
        id_number=resident_id("44030119900101123"),
        description="我要举报某单位违规收费，并投诉其工作人员",
    )
    flags = request_similar(complaint)
    assert (flags.repeats, flags.petition_words) == ([], ["举报", "投诉"])
    unrelated = registered(body, office, "2026-10-20", description="2026年财政预算")
    assert request_similar(unrelated).is_flagged is False


def test_access_request_gives_the_same_404_for_missing_and_forbidden(body, unit, office, handler):
    request = registered(body, office, "2026-09-24", unit=unit)
    outsider = make_staff(body, roles=[Role.HANDLER], units=[UnitFactory(parent=body)])
    assert access_request(handler, request.pk) == request
    assert access_request(office, request.pk) == request
    errors = []
    for user, pk in [
        (outsider, request.pk),
        (AnonymousUser(), request.pk),
        (office, request.pk + 1000),
    ]:
        with pytest.raises(NotFoundError) as caught:
            access_request(user, pk)
        errors.append((caught.value.code, caught.value.status))
    assert errors == [("request_not_found", 404)] * 3


def test_unit_queue_pages_in_sql(body, unit, office, django_assert_num_queries):
    from gongkai.foi.selectors import unit_queue, unit_queue_count

    for day in ("2026-09-01", "2026-09-08", "2026-09-15", "2026-09-22", "2026-09-29"):
        registered(body, office, day, unit=unit)
    everything = unit_queue(unit)
    assert unit_queue_count(unit) == 5
    with django_assert_num_queries(1):
        page = unit_queue(unit, offset=2, limit=2)
    assert [i.request.pk for i in page] == [i.request.pk for i in everything[2:4]]
