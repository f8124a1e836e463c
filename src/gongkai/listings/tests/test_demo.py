"""The listings demo: 湛江市公安局's powers and profile, through the services, idempotent."""

import pytest

from gongkai.core import demo
from gongkai.core.models import LedgerEntry
from gongkai.listings import demo as listings_demo
from gongkai.listings.models import Leader, Power

pytestmark = pytest.mark.django_db


def load(log):
    context = demo.DemoContext(log=log.append)
    demo.load_organisations(context)
    listings_demo.load_powers(context)
    listings_demo.load_profile(context)


def test_demo_loads_once_through_the_services(client):
    log = []
    load(log)
    assert log[-2:] == ["15 项权责事项。", "3 名领导。"]
    assert Power.objects.filter(is_active=True).count() == 14
    migration = Power.objects.get(code="440800-GA-XK-001")
    assert (migration.name, migration.version) == ("户口迁移审批（含跨省通办）", 2)
    assert LedgerEntry.objects.filter(action="listings.create").count() == 15
    entries = LedgerEntry.objects.count()
    load(log)
    assert (LedgerEntry.objects.count(), Leader.objects.count()) == (entries, 3)

    listed = client.get("/xxgk/powers/?q=户口").content.decode()
    assert "户口迁移审批（含跨省通办）" in listed
    profile = client.get("/xxgk/jgzn/").content.decode()
    assert "分管法制支队、户政科、出入境管理支队" in profile and "廉江市公安局" in profile
