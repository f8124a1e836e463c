"""The demo loader: the four clean seeds go through review and publication."""

import datetime as dt

import pytest
from django.core.management import call_command

from gongkai.core.clockmath import CHINA
from gongkai.core.models import LedgerEntry
from gongkai.proactive.models import Item, NormativeDocument, Status

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_goes_through_the_services():
    call_command("demo", verbosity=0)
    # Other apps' demo loaders add items of their own: count this loader's.
    ours = Item.objects.filter(status=Status.PUBLISHED, idempotency_key__startswith="import:")
    assert sorted(ours.values_list("published_at__year", flat=True))[:3] == [2017, 2018, 2018]
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


def test_each_seed_is_published_under_its_real_publisher_with_its_real_dates(client):
    """Issue 16 point 11: not 湛江市公安局 items dated today, no page furniture, tables kept."""
    call_command("demo", verbosity=0)
    ours = Item.objects.filter(status=Status.PUBLISHED, idempotency_key__startswith="import:")
    found = {
        item.organisation.name: item
        for item in ours.select_related("organisation", "organisation__parent")
    }
    assert set(found) == {
        "云南省公安厅",
        "营口市西市区人民政府",
        "湛江市公安局",
        "长治市公安局上党分局",
    }
    for name, item in found.items():
        # Each a public body of its own, none a unit or subordinate of the demo bureau.
        assert item.organisation.kind == "body" and item.organisation.parent is None, name
        assert "日期:" not in item.public_body and "阅读次数" not in item.public_body
        assert "本文由转载" not in item.public_body and "不支持Flash" not in item.public_body
    day = {name: item.published_at.astimezone(CHINA).date() for name, item in found.items()}
    assert day["湛江市公安局"] == dt.date(2017, 6, 26)  # 日期:2017-06-26 17:58:24 on its page
    assert day["营口市西市区人民政府"] == dt.date(2018, 8, 23)  # 发布时间:2018-08-23
    assert day["云南省公安厅"] == dt.date(2018, 1, 15)  # the report's own date
    assert found["云南省公安厅"].written_on == dt.date(2018, 1, 15)
    assert found["湛江市公安局"].public_body.count("<table>") == 1  # 重点任务分解表
    # The portal shows each under its publisher: the item page and the catalog's body filter.
    page = client.get(f"/xxgk/{found['云南省公安厅'].pk}/").content.decode()
    assert "云南省公安厅" in page and "2018-01-15" in page
    catalog = client.get("/xxgk/", {"organisation": found["长治市公安局上党分局"].organisation.pk})
    assert "长治市公安局上党分局贯彻落实" in catalog.content.decode()
    assert "关于湛江市公安局全面推进政务公开工作实施方案" not in catalog.content.decode()
