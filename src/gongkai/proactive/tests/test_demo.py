"""The demo loader: the four clean seeds go through review and publication."""

import pytest
from django.core.management import call_command

from gongkai.core.models import LedgerEntry
from gongkai.proactive.models import Item, NormativeDocument, Status

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_goes_through_the_services():
    call_command("demo", verbosity=0)
    # Other apps' demo loaders add items of their own: count this loader's.
    ours = Item.objects.filter(status=Status.PUBLISHED, idempotency_key__startswith="import:")
    assert sorted(ours.values_list("written_on__year", flat=True)) == [2017, 2018, 2018, 2023]
    reading = Item.objects.get(title="《关于湛江市公安局全面推进政务公开工作实施方案》政策解读")
    assert (reading.status, reading.interprets.title) == (
        Status.PUBLISHED, "关于湛江市公安局全面推进政务公开工作实施方案",
    )  # fmt: skip
    assert Item.objects.filter(status=Status.FILED, label="withheld").count() == 1
    assert NormativeDocument.objects.filter(status="expired").count() == 1
    publications = LedgerEntry.objects.filter(action="proactive.publish").count()
    items = Item.objects.count()
    call_command("demo", verbosity=0)
    assert (Item.objects.count(), LedgerEntry.objects.filter(action="proactive.publish").count()) == (
        items, publications,
    )  # fmt: skip
