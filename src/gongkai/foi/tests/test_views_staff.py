"""The workbench: permissions on every page, the queue, intake, and every action's form."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from gongkai.core.demo import credit_code
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import UnitFactory, make_staff
from gongkai.foi.forms import issue_form_token
from gongkai.foi.models import Remedy, Request, RequestEvent, Status
from gongkai.foi.services import request_assign, request_register, request_reply
from gongkai.foi.tests.conftest import snapshot
from gongkai.foi.tests.factories import make_applicant

pytestmark = pytest.mark.django_db
CREDIT_CODE = credit_code("91440800MA4UJ5X65")  # GB 32100 check character appended


@pytest.fixture(autouse=True)
def _setup(settings):
    settings.GONGKAI_FOI_FORM_MIN_SECONDS = 0
    cache.clear()


@pytest.fixture
def foi(body, unit, office, handler):
    received = timezone.localdate() - dt.timedelta(days=3)
    request = request_register(
        actor=office,
        organisation=body,
        channel="letter",
        applicant=make_applicant(),
        received_on=received,
    )
    return request_assign(request=request, actor=office, unit=unit, handler=handler)


@pytest.fixture
def other_handler(body):
    return make_staff(body, roles=[Role.HANDLER], units=[UnitFactory(parent=body)])


@pytest.fixture
def public_user():
    return get_user_model().objects.create_user("citizen", password="pw-for-tests-1")


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client


PAGES = ["queue", "overdue", "register", "detail"]
# page -> (anonymous, public user, other unit's handler, unit's handler, office)
EXPECTED = {
    "queue": (302, 404, 200, 200, 200),
    "overdue": (302, 404, 404, 404, 200),
    "register": (302, 404, 200, 200, 200),
    "detail": (302, 404, 404, 200, 200),
    "attachment": (302, 404, 404, 404, 404),  # no file stored: 404 even when allowed
}


def page_url(name, foi):
    if name == "detail":
        return reverse("foi:detail", args=[foi.pk])
    if name == "attachment":
        return reverse("foi:attachment", args=[foi.pk, 1])
    return reverse(f"foi:{name}")


@pytest.mark.parametrize("page", [*PAGES, "attachment"])
def test_who_may_open_each_page(client, foi, page, public_user, other_handler, handler, office):
    users = [None, public_user, other_handler, handler, office]
    codes = []
    for user in users:
        client.logout()
        codes.append(login(client, user).get(page_url(page, foi)).status_code)
    assert tuple(codes) == EXPECTED[page]


def test_another_units_handler_does_not_see_the_request_in_the_queue(
    client, foi, other_handler, handler
):
    assert foi.code not in login(client, other_handler).get(reverse("foi:queue")).content.decode()
    client.logout()
    assert foi.code in login(client, handler).get(reverse("foi:queue")).content.decode()


@pytest.mark.parametrize(
    ("user_name", "status"),
    [("anonymous", 302), ("public_user", 404), ("other_handler", 404)],
)
def test_refused_actions_change_nothing(client, foi, request, user_name, status, office):
    user = None if user_name == "anonymous" else request.getfixturevalue(user_name)
    before = snapshot(foi)
    url = reverse("foi:act", args=[foi.pk, "reply"])
    response = login(client, user).post(
        url, {"reply-outcome": "granted", "reply-replied_on": timezone.localdate().isoformat()}
    )
    assert response.status_code == status
    assert snapshot(foi) == before


def test_a_leader_sees_but_cannot_act(client, foi, body):
    leader = make_staff(body, roles=[Role.LEADER])
    before = snapshot(foi)
    response = login(client, leader).get(reverse("foi:detail", args=[foi.pk]))
    assert response.status_code == 200
    assert response.context["actions"] == []
    response = client.post(
        reverse("foi:act", args=[foi.pk, "reply"]),
        {"reply-outcome": "granted", "reply-replied_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 400
    assert "只有政务公开工作人员可以进行此操作。" in response.content.decode()
    assert snapshot(foi) == before


def test_the_queue_pins_its_queries(
    client, body, unit, office, handler, django_assert_max_num_queries
):
    for n in range(12):
        request = request_register(
            actor=office,
            organisation=body,
            channel="in_person",
            applicant=make_applicant(description=f"信息{n}"),
            received_on=timezone.localdate() - dt.timedelta(days=n),
        )
        request_assign(request=request, actor=office, unit=unit, handler=handler)
    login(client, office)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("foi:queue"), {"unit": unit.pk})
    assert len(response.context["items"]) == 12
    due = [item.due_on for item in response.context["items"]]
    assert due == sorted(due)


def test_queue_colours_follow_the_due_date(client, body, unit, office, handler):
    old = request_register(
        actor=office,
        organisation=body,
        channel="in_person",
        applicant=make_applicant(),
        received_on=dt.date(2026, 9, 1),  # 20 working days (条例 art. 33) ran out in October
    )
    request_assign(request=old, actor=office, unit=unit, handler=handler)
    html = login(client, handler).get(reverse("foi:queue")).content.decode()
    assert '<tr class="red">' in html and "已超期" in html
    overdue = login(client, office).get(reverse("foi:overdue")).content.decode()
    assert old.code in overdue


def register_data(**overrides):
    data = {
        "applicant_type": "commercial",
        "name": "湛江某某有限公司",
        "id_type": "credit_code",
        "id_number": CREDIT_CODE,
        "phone": "0759-1234567",
        "email": "",
        "address": "",
        "description": "2025年道路交通事故统计",
        "document_number": "",
        "form": "paper",
        "delivery": "post",
        "channel": "letter",
        "received_on": timezone.localdate().isoformat(),
        "token": issue_form_token(),
    }
    data.update(overrides)
    return data


def test_intake_registers_once_with_its_receipt_date(client, body, office):
    data = register_data()
    login(client, office)
    first = client.post(reverse("foi:register"), data)
    second = client.post(reverse("foi:register"), data)
    foi = Request.objects.get()
    assert first["Location"] == second["Location"] == reverse("foi:detail", args=[foi.pk])
    assert (foi.status, foi.channel, foi.received_on) == (
        Status.RECEIVED,
        "letter",
        timezone.localdate(),
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"id_number": "91440800MA4UJ5X650"}, "统一社会信用代码无效"),
        ({"received_on": "2099-01-01"}, "不能登记未来的日期。"),
        ({"channel": "online"}, "选择一个有效的选项"),
        ({"description": ""}, "这个字段是必填项。"),
    ],
)
def test_intake_refuses_bad_input(client, body, office, overrides, message):
    response = login(client, office).post(reverse("foi:register"), register_data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert (Request.objects.count(), LedgerEntry.objects.count()) == (0, 0)


def act(client, foi, name, **fields):
    data = {f"{name}-{key}": value for key, value in fields.items()}
    return client.post(reverse("foi:act", args=[foi.pk, name]), data)


def test_every_action_through_its_form(client, foi, office, handler):
    today = timezone.localdate().isoformat()
    login(client, handler)
    steps = [
        ("supplement", {"items": "请写明文件名称", "deadline": "2099-01-01", "notified_on": today}),
        ("supplement_received", {"on": today}),
        ("consult", {"kind": "third_party", "party": "某公司", "sent_on": today}),
        ("consult_answered", {"answered_on": today, "has_objection": "", "objection_reasons": ""}),
        ("extend", {"days": 10, "approved_by": office.pk, "reason": "需征求意见", "on": today}),
        ("reply", {"outcome": "granted", "legal_basis": "", "replied_on": today}),
        ("remedy", {"kind": "review", "filed_on": today}),
    ]
    for name, fields in steps:
        response = act(client, foi, name, **fields)
        assert response.status_code == 302, (name, response.content.decode()[-2000:])
    remedy = Remedy.objects.get()
    assert (
        act(
            client, foi, "remedy_decide", remedy=remedy.pk, result="upheld", decided_on=today
        ).status_code
        == 302
    )
    assert act(client, foi, "close", note="").status_code == 302
    foi.refresh_from_db()
    remedy.refresh_from_db()
    assert (foi.status, foi.outcome, remedy.result) == (Status.CLOSED, "granted", "upheld")
    types = list(foi.events.values_list("type", flat=True))
    assert types == [
        "registered",
        "assigned",
        "supplement_requested",
        "supplement_received",
        "consulted",
        "consultation_answered",
        "extended",
        "replied",
        "remedy",
        "remedy",
        "closed",
    ]


def test_fee_notice_is_computed_and_paid(client, body, office, handler, unit):
    today = timezone.localdate()
    login(client, office)
    requests = []
    for n in range(11):  # the 11th application of a month costs 100 元 (国办函〔2020〕109号 art. 4)
        requests.append(
            request_register(
                actor=office,
                organisation=body,
                channel="in_person",
                applicant=make_applicant(description=f"第{n}项"),
                received_on=today,
            )
        )
    eleventh = requests[-1]
    page = client.get(reverse("foi:detail", args=[eleventh.pk])).content.decode()
    assert "本件为该申请人本月第11件申请，应收100元" in page
    assert (
        act(
            client, eleventh, "fee_notice", basis="per_application", sent_on=today.isoformat()
        ).status_code
        == 302
    )
    assert eleventh.fee_notices.get().amount == 100
    assert act(client, eleventh, "fee_paid", on=today.isoformat()).status_code == 302
    eleventh.refresh_from_db()
    assert eleventh.status == Status.RECEIVED


@pytest.mark.parametrize(
    ("name", "fields", "message"),
    [
        # 条例 art. 33: the head of the openness office approves the extension.
        ("extend", {"days": 10, "approved_by": "HANDLER", "reason": "x"}, "选择一个有效的选项"),
        ("extend", {"days": 21, "approved_by": "OFFICE", "reason": "x"}, "20"),
        # Art. 36 outcomes that withhold must give their reasons.
        ("reply", {"outcome": "withheld.state_secret", "legal_basis": ""}, "须说明理由和依据"),
        ("reply", {"outcome": "other.no_fee", "legal_basis": ""}, "选择一个有效的选项"),
        # Art. 30: one notice, with a deadline after it.
        ("supplement", {"items": "x", "deadline": "2000-01-01"}, "补正期限应晚于告知日期"),
        ("fee_notice", {"basis": "per_application"}, "该数量无需收费"),
        ("supplement_lapsed", {}, "状态"),
    ],
)
def test_refusals_show_the_message_and_change_nothing(
    client, foi, office, handler, name, fields, message
):
    today = timezone.localdate().isoformat()
    people = {"HANDLER": handler.pk, "OFFICE": office.pk}
    fields = {k: people.get(v, v) if isinstance(v, str) else v for k, v in fields.items()}
    defaults = {"on": today, "notified_on": today, "replied_on": today, "sent_on": today}
    before = snapshot(foi)
    login(client, handler)
    response = act(client, foi, name, **{**defaults, **fields})
    html = response.content.decode()
    assert response.status_code in (400, 404)
    if response.status_code == 400:
        assert message in html and "未作任何更改" in html
    assert snapshot(foi) == before


def test_confirmation_of_an_online_submission_and_the_flags(client, body, office, handler, unit):
    old = request_register(
        actor=office,
        organisation=body,
        channel="letter",
        applicant=make_applicant(description="2025年本局行政许可事项目录"),
        received_on=timezone.localdate() - dt.timedelta(days=10),
    )
    request_reply(request=old, actor=office, outcome="granted")
    client.post(
        reverse("foi:apply"),
        {
            "applicant_type": "natural_person",
            "name": "张三",
            "id_type": "resident_id",
            "id_number": old.id_number,
            "phone": "13800000000",
            "email": "zhang.san@example.cn",
            "description": "2025年本局行政许可事项目录。我要举报",
            "form": "electronic",
            "delivery": "email",
            "token": issue_form_token(),
        },
    )
    new = Request.objects.get(channel="online")
    login(client, office)
    queue = client.get(reverse("foi:queue")).content.decode()
    assert new.code in queue  # waiting for confirmation
    page = client.get(reverse("foi:detail", args=[new.pk])).content.decode()
    assert "可能属于重复申请" in page and old.code in page
    assert "举报" in page and "第三十九条" in page
    assert (
        act(client, new, "confirm", confirmed_on=timezone.localdate().isoformat()).status_code
        == 302
    )
    new.refresh_from_db()
    assert (new.status, new.received_on) == (Status.RECEIVED, timezone.localdate())
    page = client.get(reverse("foi:detail", args=[new.pk])).content.decode()
    assert reverse("core:clock", args=[new.reply_clock_id]) in page


def test_script_in_a_request_is_escaped_on_the_staff_page(client, body, office):
    foi = request_register(
        actor=office,
        organisation=body,
        channel="email",
        applicant=make_applicant(description="<script>alert('x')</script>"),
        received_on=timezone.localdate(),
    )
    html = login(client, office).get(reverse("foi:detail", args=[foi.pk])).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<script>alert" not in html


def test_full_path_public_submission_confirmation_reply(client, body, unit, office, handler):
    """Apply on the portal, confirm and assign as the office, reply as the handler, track."""
    client.post(
        reverse("foi:apply"),
        {
            "applicant_type": "legal_services",
            "name": "广东某律师事务所",
            "id_type": "credit_code",
            "id_number": CREDIT_CODE,
            "email": "lawyer@example.cn",
            "description": "湛江市公安局2025年政府信息公开工作年度报告",
            "form": "electronic",
            "delivery": "email",
            "secret": "Kanzlei-2026-x",
            "token": issue_form_token(),
        },
    )
    foi = Request.objects.get()
    today = timezone.localdate().isoformat()
    login(client, office)
    assert act(client, foi, "confirm", confirmed_on=today).status_code == 302
    assert act(client, foi, "assign", unit=unit.pk, handler=handler.pk).status_code == 302
    client.logout()
    login(client, handler)
    assert act(client, foi, "reply", outcome="granted", replied_on=today).status_code == 302
    client.logout()
    page = client.post(reverse("foi:track"), {"code": foi.code, "secret": "Kanzlei-2026-x"})
    html = page.content.decode()
    assert page.status_code == 200, html[-3000:]
    # The status label is not asserted: reports' catalog translates the same msgid "Replied"
    # as a column header (答复日期) and wins by app order (reported to the lead).
    assert "（一）予以公开" in html and "行政复议" in html
    assert list(foi.events.values_list("type", flat=True)) == [
        RequestEvent.Type.SUBMITTED,
        RequestEvent.Type.RECEIVED,
        RequestEvent.Type.ASSIGNED,
        RequestEvent.Type.REPLIED,
    ]


def test_the_admin_only_shows(client, foi):
    admin = get_user_model().objects.create_superuser("root", password="pw-for-tests-1")
    client.force_login(admin)
    assert client.get(reverse("admin:foi_request_changelist")).status_code == 200
    assert client.get(reverse("admin:foi_request_add")).status_code == 403
    page = client.get(reverse("admin:foi_request_change", args=[foi.pk]))
    assert page.status_code == 200 and foi.secret_hash not in page.content.decode()


def test_the_request_page_labels_the_document_number_of_the_information(client, body, office):
    # Issue 11 small defect: 所需信息的文号 (art. 29(2)) was labelled 证件号码.
    request = request_register(
        actor=office,
        organisation=body,
        channel="in_person",
        applicant=make_applicant(document_number="湛公通〔2025〕12号"),
        received_on=timezone.localdate(),
    )
    page = login(client, office).get(reverse("foi:detail", args=[request.pk])).content.decode()
    assert "<dt>所需信息的文号</dt><dd>湛公通〔2025〕12号</dd>" in page
    assert "证件号码</dt>" not in page  # the identity number sits under its own label
