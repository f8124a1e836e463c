"""Subscribing, confirming, digests, application updates and unsubscribing."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry, OutgoingMessage
from gongkai.foi.models import Status
from gongkai.foi.tests.factories import RequestFactory
from gongkai.proactive.law import Section
from gongkai.proactive.tests.factories import TopicFactory
from gongkai.subscriptions import services
from gongkai.subscriptions.models import Channel, Frequency, Kind, State, Subscription
from gongkai.subscriptions.tests.helpers import messages_to, tokens

pytestmark = pytest.mark.django_db


def subscribe(body, address="reader@example.com", **overrides):
    values = {
        "organisation": body,
        "channel": Channel.EMAIL,
        "address": address,
        "kind": Kind.SECTION,
        "section": Section.BUSINESS,
        "frequency": Frequency.DAILY,
    }
    values.update(overrides)
    return services.subscription_create(**values)


def confirmed(body, **overrides):
    subscription = subscribe(body, **overrides)
    token = tokens(messages_to(subscription.address)[-1])["confirm"]
    return services.subscription_confirm(token=token)


def test_create_sends_one_confirmation_to_that_address_only(body):
    subscription = subscribe(body, address=" Reader@Example.com ")
    assert subscription.state == State.PENDING
    assert subscription.address == "reader@example.com"
    [message] = mail.outbox
    assert message.to == ["reader@example.com"]
    assert message.cc == [] and message.bcc == []
    assert message.subject == "请确认订阅：栏目：业务信息"
    assert set(tokens(OutgoingMessage.objects.get())) == {"confirm", "end"}
    entry = LedgerEntry.objects.get(action="subscriptions.create")
    assert entry.summary["address"] == "r***@example.com"  # the ledger keeps no address


def test_nothing_is_sent_before_confirmation(body, publish):
    subscribe(body)
    publish()
    assert services.digests_send(frequency=Frequency.DAILY) == 0
    assert len(mail.outbox) == 1  # the confirmation only


def test_subscribing_twice_keeps_one_subscription_and_resends_while_pending(body):
    first = subscribe(body)
    second = subscribe(body, address="READER@example.com")
    assert first.pk == second.pk
    assert Subscription.objects.count() == 1
    assert len(mail.outbox) == 2
    services.subscription_confirm(token=tokens(messages_to("reader@example.com")[-1])["confirm"])
    third = subscribe(body)
    assert third.pk == first.pk and third.state == State.ACTIVE
    assert len(mail.outbox) == 2  # nothing new for an active subscription


def test_an_address_gets_at_most_three_confirmations_a_day(body):
    """Anyone may type anyone's address: after three confirmation messages in a day the
    next sign-ups for it send nothing, and the answer stays the same (no flooding, and
    nothing tells whether the address subscribes)."""
    for section in (Section.BUSINESS, Section.POLICY, Section.BUSINESS, Section.POLICY):
        subscription = subscribe(body, section=section)
        assert subscription.state == State.PENDING
    assert services.CONFIRMATIONS_PER_ADDRESS_PER_DAY == 3
    assert len(mail.outbox) == 3
    assert len(messages_to("reader@example.com")) == 3
    subscribe(body, address="other@example.com")
    assert len(mail.outbox) == 4  # another address is not held back


def test_one_connection_may_sign_up_twenty_times_an_hour(body):
    for n in range(services.SUBSCRIBE_PER_CLIENT_PER_HOUR):
        subscribe(body, address=f"reader{n}@example.com", client="203.0.113.7")
    with pytest.raises(ServiceError) as refused:
        subscribe(body, address="one-more@example.com", client="203.0.113.7")
    assert refused.value.code == "too_many_requests"
    assert refused.value.message == "本网络连接提交订阅过于频繁，请一小时后再试。"
    assert not Subscription.objects.filter(address="one-more@example.com").exists()
    subscribe(body, address="one-more@example.com", client="198.51.100.2")  # another client


@pytest.mark.parametrize(
    ("channel", "address", "code"),
    [
        (Channel.EMAIL, "not-an-address", "invalid_email"),
        (Channel.SMS, "0759-3183110", "invalid_mobile"),
        (Channel.SMS, "1380013800", "invalid_mobile"),
    ],
)
def test_bad_addresses_are_refused_and_nothing_written(body, channel, address, code):
    with pytest.raises(ServiceError) as error:
        subscribe(body, channel=channel, address=address)
    assert error.value.code == code
    assert Subscription.objects.count() == 0 and OutgoingMessage.objects.count() == 0


def test_keyword_length_is_checked(body):
    with pytest.raises(ServiceError) as error:
        subscribe(body, kind=Kind.KEYWORD, keyword="户")
    assert error.value.message == "关键词为 2 至 30 个字。"


def test_confirm_link_expires_and_a_forged_token_is_refused(body, settings):
    subscription = subscribe(body)
    token = tokens(messages_to(subscription.address)[0])["confirm"]
    with pytest.raises(ServiceError) as error:
        services.subscription_confirm(token=token + "x")
    assert error.value.code == "invalid_link"
    settings.GONGKAI_SUBSCRIPTION_CONFIRM_DAYS = 0
    with pytest.raises(ServiceError):
        services.subscription_confirm(token=token)
    subscription.refresh_from_db()
    assert subscription.state == State.PENDING


def test_daily_digest_lists_the_matching_items_once(body, publish):
    subscription = confirmed(body)
    policy = publish(title="关于调整户籍业务的通知")
    publish(title="2026年部门预算", section=Section.POLICY)  # another column
    assert services.digests_send(frequency=Frequency.DAILY) == 1
    digest = mail.outbox[-1]
    assert digest.to == ["reader@example.com"]
    assert "1. 关于调整户籍业务的通知" in digest.body
    assert f"https://gongkai.example.cn/xxgk/{policy.pk}/" in digest.body
    assert "2026年部门预算" not in digest.body
    assert "/dingyue/end/" in digest.body
    # Run again: nothing new, nothing sent.
    assert services.digests_send(frequency=Frequency.DAILY) == 0
    subscription.refresh_from_db()
    assert subscription.messages_sent == 1


def test_immediate_subscribers_get_a_message_when_an_item_is_published(body, publish):
    topic = TopicFactory(name="户籍管理")
    confirmed(body, kind=Kind.TOPIC, topic=topic, frequency=Frequency.IMMEDIATE)
    confirmed(body, address="other@example.com", kind=Kind.KEYWORD, keyword="户籍",
              frequency=Frequency.IMMEDIATE)  # fmt: skip
    sent_before = len(mail.outbox)
    publish(title="户籍窗口延时服务的公告", topic=topic)
    new = mail.outbox[sent_before:]
    assert sorted(m.to[0] for m in new) == ["other@example.com", "reader@example.com"]
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in new)
    assert all("户籍窗口延时服务的公告" in m.body for m in new)


def test_sms_subscription_goes_through_the_sms_sender(body, publish):
    from gongkai.foi.models import SmsMessage

    confirmed(body, channel=Channel.SMS, address="138 0013 8000", frequency=Frequency.IMMEDIATE)
    publish(title="关于户籍业务办理的通知")
    texts = list(
        SmsMessage.objects.filter(phone="13800138000")
        .order_by("pk")
        .values_list("message", flat=True)
    )
    assert len(texts) == 2  # the confirmation and the item
    assert "关于户籍业务办理的通知" in texts[1] and "退订" in texts[1]


def test_unsubscribe_ends_and_erases_the_address(body, publish):
    subscription = confirmed(body)
    token = tokens(messages_to("reader@example.com")[0])["end"]
    ended = services.subscription_end(token=token)
    assert ended.state == State.ENDED and ended.address == ""
    subscription.refresh_from_db()
    assert subscription.address == "" and subscription.ended_at is not None
    assert not Subscription.objects.filter(address="reader@example.com").exists()
    publish()
    assert services.digests_send(frequency=Frequency.DAILY) == 0
    # The link works again without harm; a new subscription for the address is possible.
    services.subscription_end(token=token)
    assert LedgerEntry.objects.filter(action="subscriptions.end").count() == 1
    assert subscribe(body).pk != subscription.pk


def test_only_the_office_ends_a_subscription_for_someone(body, office, handler):
    subscription = confirmed(body)
    with pytest.raises(PermissionDeniedError):
        services.subscription_end(subscription=subscription, actor=handler)
    subscription.refresh_from_db()
    assert subscription.state == State.ACTIVE
    services.subscription_end(subscription=subscription, actor=office)
    entry = LedgerEntry.objects.get(action="subscriptions.end")
    assert entry.actor_id == office.pk and entry.summary["by"] == "office"


def test_unconfirmed_subscriptions_are_erased_after_the_period(body):
    subscription = subscribe(body)
    later = timezone.now() + dt.timedelta(days=8)
    assert services.subscriptions_forget_unconfirmed(moment=later) == 1
    subscription.refresh_from_db()
    assert subscription.state == State.ENDED and subscription.address == ""


def test_application_subscriber_is_told_each_status_once(body, office):
    from gongkai.foi.services.common import record

    request = RequestFactory(organisation=body, status=Status.RECEIVED)
    confirmed(body, kind=Kind.REQUEST, request=request)
    sent_before = len(mail.outbox)
    request.status = Status.EXTENDED
    request.save(update_fields=["status"])
    record(request, actor=office, type="extend")
    record(request, actor=office, type="note")  # same status: nothing more
    [message] = mail.outbox[sent_before:]
    assert message.subject == f"您的申请 {request.code}：已延期"
    assert "https://gongkai.example.cn/foi/track/" in message.body
