"""The office adds, adjusts, removes and restores single powers in the workbench."""

import pytest
from django.urls import reverse

from gongkai.core.models import LedgerEntry
from gongkai.listings.models import Power
from gongkai.listings.tests.factories import make_power

pytestmark = pytest.mark.django_db

FORM = {
    "action": "update",
    "code": "440800-GA-XK-003",
    "name": "内地居民普通护照签发",
    "kind": "licensing",
    "bases": "《中华人民共和国护照法》第四条\n《中华人民共和国出境入境管理法》第九条",
    "exercised_by": "湛江市公安局出入境管理支队",
    "responsibilities": "1. 受理责任；2. 审查责任。",
    "accountability": "",
    "supervision": "",
    "remedy": "",
    "changed_on": "2026-11-20",
    "reason": "新增出入境事项",
}


def test_add_a_power(client, office, body):
    client.force_login(office)
    response = client.post(reverse("listings:power_new"), FORM)
    power = Power.objects.get()
    assert response.url == reverse("listings:power_edit", args=[power.pk])
    assert [str(b) for b in power.bases.all()] == [
        "《中华人民共和国护照法》第四条",
        "《中华人民共和国出境入境管理法》第九条",
    ]
    assert power.versions.get().reason == "新增出入境事项"


def test_a_basis_without_article_is_shown_on_the_form(client, office, body):
    client.force_login(office)
    response = client.post(reverse("listings:power_new"), {**FORM, "bases": "护照法"})
    assert "设定依据“护照法”须写明《》内的法律法规名称" in response.content.decode()
    assert Power.objects.count() == 0


def test_adjust_then_remove_then_restore(client, office, body):
    power = make_power(office, body)
    client.force_login(office)
    url = reverse("listings:power_edit", args=[power.pk])
    page = client.get(url).content.decode()
    assert "《中华人民共和国户口登记条例》第十条</textarea>" in page
    data = {**FORM, "code": "ignored", "name": "户口迁移审批（跨省通办）", "reason": "跨省通办"}
    assert client.post(url, data).url == url
    power.refresh_from_db()
    assert (power.code, power.name, power.version) == ("GA-0001", "户口迁移审批（跨省通办）", 2)
    status = {"action": "status", "status-changed_on": "2026-12-01", "status-reason": "取消"}
    client.post(url, status)
    client.post(url, {**status, "status-reason": "恢复"})
    assert list(power.versions.values_list("number", "change")) == [
        (4, "restored"),
        (3, "removed"),
        (2, "changed"),
        (1, "added"),
    ]
    assert LedgerEntry.objects.filter(action__startswith="listings.").count() == 4


def test_an_adjustment_without_change_is_refused_on_the_page(client, office, body):
    power = make_power(office, body)
    client.force_login(office)
    url = reverse("listings:power_edit", args=[power.pk])
    data = {
        **FORM,
        "name": power.name,
        "bases": "《中华人民共和国户口登记条例》第十条",
        "exercised_by": power.exercised_by,
        "responsibilities": power.responsibilities,
        "accountability": power.accountability,
        "supervision": power.supervision,
        "remedy": power.remedy,
    }
    response = client.post(url, data)
    assert "未作任何更改。" in response.content.decode()
    power.refresh_from_db()
    assert power.version == 1


def test_another_body_power_is_404(client, office, body):
    from gongkai.core.models import Role
    from gongkai.core.tests.factories import OrganisationFactory, make_staff

    other = OrganisationFactory(name="湛江市交通运输局")
    foreign = make_power(make_staff(other, roles=[Role.OFFICE], username="o2"), other)
    client.force_login(office)
    assert client.get(reverse("listings:power_edit", args=[foreign.pk])).status_code == 404
