"""Issue 11 point 6: receipt dates by channel (条例 art. 31) and unconfirmed applications.

Art. 31: (1) in person, the day handed in; (2) registered post, the day the body signs for
it; ordinary post (no signature needed), the day the office confirms it with the applicant;
(3) online, fax, e-mail, the day both sides confirm. An online application nobody has
confirmed has its own confirmation deadline (office practice, ``law.confirmation_working_days``,
3 working days by default), shows on the overdue lists and can be closed with a reason.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from gongkai.core.errors import ServiceError
from gongkai.foi import law
from gongkai.foi.models import Channel, Request, RequestEvent, Status
from gongkai.foi.reminders import overdue_by_body, overdue_text
from gongkai.foi.selectors import confirmation_due
from gongkai.foi.services import request_close, request_register, request_submit
from gongkai.foi.tests.conftest import D, snapshot
from gongkai.foi.tests.factories import make_applicant

pytestmark = pytest.mark.django_db

# (channel, its label, what the receipt date is)
CHANNELS = [
    (Channel.IN_PERSON, "当面", "handed_in"),  # art. 31(1)
    (Channel.REGISTERED_POST, "挂号信函", "signed_for"),  # art. 31(2) 签收之日
    (Channel.LETTER, "平信", "confirmed"),  # art. 31(2) 平常信函: 确认之日
    (Channel.FAX, "传真", "confirmed"),  # art. 31(3)
    (Channel.EMAIL, "电子邮件", "confirmed"),  # art. 31(3)
]


@pytest.mark.parametrize(("channel", "label", "basis"), CHANNELS)
def test_registered_receipt_says_what_its_date_is(body, office, channel, label, basis):
    request = request_register(
        actor=office,
        organisation=body,
        channel=channel,
        applicant=make_applicant(),
        received_on=D("2026-09-30"),
    )
    with translation.override("zh-hans"):
        assert request.get_channel_display() == label
    event = request.events.get(type=RequestEvent.Type.REGISTERED)
    assert event.payload["receipt_basis"] == basis
    # 9-30 → 10-08, 09, Sat 10-10, 12–16, 19–23, 26–30, 11-02, 03: 20th working day 11-03.
    assert request.reply_clock.due_on == D("2026-11-03")


def submitted(body, day, key):
    request = request_submit(
        organisation=body, applicant=make_applicant(), idempotency_key=key
    ).request
    Request.objects.filter(pk=request.pk).update(submitted_at=f"{day}T20:00+08:00")
    request.refresh_from_db()
    return request


# (submitted, confirmation deadline by hand: 3 working days after submission)
CONFIRMATION = [
    ("2026-02-12", "2026-02-24"),  # 2-13, Sat 2-14 (worked), then 春节 off until 2-23 → 2-24
    ("2026-09-30", "2026-10-10"),  # 国庆 10-1..7 off: 10-08, 10-09, Sat 10-10 (worked)
    ("2026-10-16", "2026-10-21"),  # an ordinary week: 10-19, 20, 21
]


@pytest.mark.parametrize(("day", "due"), CONFIRMATION)
def test_an_unconfirmed_application_has_its_own_deadline(body, day, due):
    assert law.confirmation_working_days() == 3
    request = submitted(body, day, f"k-{day}")
    assert confirmation_due(request) == D(due)
    due_day = D(due)
    assert overdue_by_body(due_day) == {}  # the last day itself is in time
    next_day = D(due).replace(day=D(due).day + 1)
    assert overdue_by_body(next_day) == {body.pk: [request]}
    with translation.override("zh-hans"):
        text = overdue_text([request], next_day)
    assert f"{request.code}，应于{due_day.year}年{due_day.month}月{due_day.day}日前确认收到" in (
        text.message
    )


def test_the_overdue_page_lists_unconfirmed_applications(client, body, office):
    request = submitted(body, "2026-02-12", "late")
    client.force_login(office)
    page = client.get(reverse("foi:overdue")).content.decode()
    assert 'id="foi-unconfirmed"' in page and request.code in page and "2026-02-24" in page


def test_closing_an_unconfirmed_application_is_an_action_with_a_reason(client, body, office):
    request = submitted(body, "2026-09-30", "close-me")
    client.force_login(office)
    url = reverse("foi:act", args=[request.pk, "close"])
    before = snapshot(request)
    response = client.post(url, {"close-note": ""})
    assert response.status_code == 400
    assert "请说明关闭未确认收到的申请的理由" in response.content.decode()
    assert snapshot(request) == before
    response = client.post(url, {"close-note": "多次联系申请人未果，无法确认"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.outcome, request.received_on) == (Status.CLOSED, None, None)
    assert request.events.filter(type=RequestEvent.Type.CLOSED).count() == 1
    assert client.get(reverse("foi:detail", args=[request.pk])).status_code == 200
    assert overdue_by_body(D("2026-12-01")) == {}  # closed: off the lists


def test_a_closed_unconfirmed_application_cannot_be_confirmed(body, office):
    request = submitted(body, "2026-09-30", "closed")
    request_close(request=request, actor=office, note="重复提交")
    from gongkai.foi.services import request_confirm_receipt

    with pytest.raises(ServiceError) as caught:
        request_confirm_receipt(request=request, actor=office, confirmed_on=D("2026-10-08"))
    assert caught.value.code == "invalid_transition"
