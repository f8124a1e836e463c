"""One body's staff never see another's work, whatever site they sign in on; a reprint
shows another body's item by reference, and its withdrawal is honoured everywhere."""

import pytest

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry
from gongkai.foi.models import Request
from gongkai.foi.selectors import requests_visible_to
from gongkai.foi.tests.test_api import application
from gongkai.proactive.models import Item
from gongkai.proactive.selectors import items_visible_to
from gongkai.proactive.services import item_withdraw
from gongkai.sites.models import Reprint
from gongkai.sites.services import reprint_add, reprint_remove
from gongkai.sites.tests.conftest import Body, get

pytestmark = pytest.mark.django_db


def _apply(client, host: str, prefix: str, key: str):
    return client.post(
        f"{prefix}/api/v1/foi/requests",
        application(),
        content_type="application/json",
        headers={"Idempotency-Key": key, "host": host},
    )


def test_staff_of_one_body_never_see_anothers_work(client, two_sites, police, town):
    own = police.publish("关于户籍业务办理的通知")
    other = town.publish("关于农村道路建设的通知")
    assert _apply(client, "gaj.example.cn", "", "a").status_code == 201
    assert _apply(client, "www.example.cn", "/xsq", "b").status_code == 201
    for user, body in ((police.office, police.org), (town.office, town.org)):
        assert {r.organisation for r in requests_visible_to(user)} == {body}
        assert {i.organisation for i in items_visible_to(user)} == {body}
    # On either site's host, the workbench page of the other body's item is a 404.
    client.force_login(police.office)
    for host in ("gaj.example.cn", "www.example.cn"):
        prefix = "/xsq" if host.startswith("www") else ""
        ok = get(client, host, f"{prefix}/workbench/proactive/{own.pk}/")
        refused = get(client, host, f"{prefix}/workbench/proactive/{other.pk}/")
        assert (ok.status_code, refused.status_code) == (200, 404)
    foreign = Request.objects.get(organisation=town.org)
    assert get(client, "gaj.example.cn", f"/workbench/foi/{foreign.pk}/").status_code == 404


def test_a_superior_body_sees_its_subordinates(two_sites, police):
    county = Body("廉江市公安局", parent=police.org)
    county.publish("廉江市公安局关于户籍的通知")
    assert items_visible_to(police.office).count() == 1
    assert items_visible_to(county.office).count() == 1
    assert items_visible_to(Body("云南省公安厅").office).count() == 0


def test_a_reprint_shows_the_item_by_reference_and_honours_withdrawal(
    client, two_sites, police, town, django_capture_on_commit_callbacks
):
    _a, b = two_sites
    item = police.publish("关于户籍业务办理的通知")
    items_before = Item.objects.count()
    reprint = reprint_add(actor=town.office, site=b, item=item)
    assert Item.objects.count() == items_before  # never copied
    page = get(client, "www.example.cn", "/xsq/").content.decode()
    assert "关于户籍业务办理的通知" in page
    catalog = get(client, "www.example.cn", "/xsq/catalog.json").json()
    assert [e["title"] for e in catalog["entries"]] == ["关于户籍业务办理的通知"]
    # Withdrawn by its own body: gone from every site at once (the page cache too).
    with django_capture_on_commit_callbacks(execute=True):
        item_withdraw(item=item, actor=police.office, reason="内容已过时")
    for host, path in (("www.example.cn", "/xsq/"), ("gaj.example.cn", "/")):
        assert "关于户籍业务办理的通知" not in get(client, host, path).content.decode()
    assert get(client, "www.example.cn", "/xsq/catalog.json").json()["entries"] == []
    assert Reprint.objects.filter(pk=reprint.pk).exists()  # the reference stays, shows nothing
    reprint_remove(actor=town.office, reprint=reprint)
    assert not Reprint.objects.exists()
    assert list(
        LedgerEntry.objects.filter(action__startswith="sites.reprint").values_list(
            "action", flat=True
        )
    ) == ["sites.reprint_add", "sites.reprint_remove"]


def test_only_the_sites_own_office_reprints(two_sites, police, town):
    a, b = two_sites
    item = police.publish("关于户籍业务办理的通知")
    draft = police.publish("关于旧办法的通知")
    item_withdraw(item=draft, actor=police.office, reason="错误")
    before = LedgerEntry.objects.count()
    with pytest.raises(PermissionDeniedError):
        reprint_add(actor=police.office, site=b, item=item)  # not the office of site b's body
    with pytest.raises(PermissionDeniedError):
        reprint_add(actor=town.handler, site=b, item=item)
    with pytest.raises(ServiceError):
        reprint_add(actor=police.office, site=a, item=item)  # its own item: already shown
    with pytest.raises(ServiceError):
        reprint_add(actor=town.office, site=b, item=draft)  # not published
    assert (Reprint.objects.count(), LedgerEntry.objects.count()) == (0, before)


def test_one_bodys_office_never_edits_anothers_guide_or_footer(client, two_sites, police, town):
    values = {
        "classification": "按主题分类", "how_to_obtain": "依申请", "office_name": "公开办",
        "address": "营口市西市区", "office_hours": "工作日", "phone": "0417-1234567",
        "internet_contact": "https://www.example.cn/xsq/foi/apply/", "site_code": "2108030001",
    }  # fmt: skip
    before = LedgerEntry.objects.count()
    client.force_login(police.office)
    for path in ("/xsq/workbench/portal/guide/", "/xsq/workbench/portal/identity/"):
        response = client.post(path, values, headers={"host": "www.example.cn"})
        assert response.status_code == 400
        assert "不在您的管理范围内" in response.content.decode()
    assert LedgerEntry.objects.count() == before
    client.force_login(town.office)
    response = client.post(
        "/xsq/workbench/portal/guide/", values, headers={"host": "www.example.cn"}
    )
    assert response.status_code == 302
    assert town.org.openness_guide.office_name == "公开办"
