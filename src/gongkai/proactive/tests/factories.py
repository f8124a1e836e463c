"""Factories and helpers: items are made through the services so the ledger holds them."""

import datetime as dt

import factory

from gongkai.core.models import LedgerEntry
from gongkai.proactive import services
from gongkai.proactive.law import NegativeCategory, Section
from gongkai.proactive.models import Genre, Item, NegativeListEntry, PrivacyFinding, Topic

PLANTED_ID = "44080319800101123X"  # a valid GB 11643 number (check character X)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"主题{n}")


class GenreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Genre

    name = factory.Sequence(lambda n: f"体裁{n}")


class NegativeEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NegativeListEntry

    category = NegativeCategory.ENFORCEMENT_FILE
    description = factory.Sequence(lambda n: f"执法案卷{n}")
    legal_basis = "条例第十六条"
    review_on = dt.date(2026, 12, 31)


def fields(**overrides) -> services.ItemFields:
    values = {
        "title": "关于户籍业务办理的通知",
        "section": Section.BUSINESS,
        "body": "<p>自2026年起，户籍业务可在网上办理。</p>",
        "written_on": dt.date(2026, 3, 2),
    }
    values.update(overrides)
    return services.ItemFields(**values)


def draft(actor, unit=None, **overrides) -> Item:
    organisation = actor.staff_profile.organisation
    return services.item_create(
        actor=actor, organisation=organisation, unit=unit, fields=fields(**overrides)
    )


def approve_all(item: Item, reviewer, leader) -> Item:
    for finding in item.findings.filter(state=PrivacyFinding.State.OPEN):
        services.finding_mask(finding=finding, actor=reviewer)
    item = services.item_review(item=item, actor=reviewer, approve=True, confirm_label=True)
    return services.item_review(item=item, actor=leader, approve=True)


def published(handler, reviewer, leader, office, **overrides) -> Item:
    item = draft(handler, **overrides)
    item = services.item_submit(item=item, actor=handler)
    item = approve_all(item, reviewer, leader)
    return services.item_publish(item=item, actor=office)


def ledger_actions(item: Item) -> list[str]:
    return list(
        LedgerEntry.objects.filter(object_type="proactive.item", object_id=str(item.pk))
        .order_by("seq")
        .values_list("action", flat=True)
    )
