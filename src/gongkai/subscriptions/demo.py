"""Demo subscriptions (seed 004: 综合采用手机短信、电子邮箱 … 等方式定向、精准推送): a few
confirmed readers of 湛江市公安局's columns, a topic and a keyword, by e-mail and text message.
Addresses are examples (example.com, numbers never issued)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.demo import BUREAU, DemoContext, register
from gongkai.core.models import Organisation
from gongkai.proactive.law import Section
from gongkai.proactive.models import Topic
from gongkai.subscriptions import services
from gongkai.subscriptions.models import Channel, Frequency, Kind, Subscription

# channel, address, kind, what is followed, frequency
SUBSCRIBERS: list[tuple[str, str, str, dict[str, Any], str]] = [
    (Channel.EMAIL, "reader.zhang@example.com", Kind.SECTION, {"section": Section.POLICY},
     Frequency.DAILY),
    (Channel.EMAIL, "lawyer.chen@example.com", Kind.KEYWORD, {"keyword": "户籍"},
     Frequency.IMMEDIATE),
    (Channel.SMS, "13800000001", Kind.SECTION, {"section": Section.BUSINESS}, Frequency.DAILY),
    (Channel.SMS, "13800000002", Kind.KEYWORD, {"keyword": "交通"}, Frequency.DAILY),
]  # fmt: skip


@register(81, gettext_lazy("subscriptions"))
def load_subscriptions(context: DemoContext) -> None:
    bureau = Organisation.objects.get(code=BUREAU[0])
    if Subscription.objects.filter(organisation=bureau).exists():
        context.log(_("Already loaded."))
        return
    topic = Topic.objects.order_by("order", "pk").first()
    rows = list(SUBSCRIBERS)
    if topic is not None:
        rows.append((Channel.EMAIL, "resident.li@example.com", Kind.TOPIC, {"topic": topic},
                     Frequency.DAILY))  # fmt: skip
    for channel, address, kind, target, frequency in rows:
        subscription = services.subscription_create(
            organisation=bureau, channel=channel, address=address, kind=kind,
            frequency=frequency, **target,
        )  # fmt: skip
        services.subscription_confirm(token=services.confirm_token(subscription))
    # One left unconfirmed: the office sees it pending, the sweep erases it after a week.
    services.subscription_create(
        organisation=bureau, channel=Channel.EMAIL, address="not.yet@example.com",
        kind=Kind.KEYWORD, keyword="出入境",
    )  # fmt: skip
    context.log(_("%(count)d subscriptions.") % {"count": len(rows) + 1})
