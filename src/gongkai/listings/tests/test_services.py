"""Adjusting a power writes a public version and the ledger; only the body's office may."""

import datetime as dt

import pytest

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, UserFactory, make_staff
from gongkai.listings.models import Power, PowerVersion
from gongkai.listings.services import power_import_upload, power_set_active, power_update
from gongkai.listings.tests.factories import fields, make_power, powers_file

pytestmark = pytest.mark.django_db
ON = dt.date(2026, 9, 1)


def test_create_writes_version_one_and_the_ledger(office, body):
    power = make_power(office, body)
    assert [(v.number, v.change, v.reason) for v in power.versions.all()] == [
        (1, "added", "首次公布")
    ]
    entry = LedgerEntry.objects.get(action="listings.create")
    assert (entry.summary, entry.organisation) == ({"power_code": "GA-0001", "version": 1}, body)


def test_update_records_each_changed_field_old_and_new(office, body):
    power = make_power(office, body)
    new_bases = [("中华人民共和国户口登记条例", "第十条"), ("中华人民共和国居民身份证法", "第八条")]
    power_update(
        actor=office,
        power=power,
        fields=fields(name="户口迁移审批（跨省通办）", bases=new_bases),
        changed_on=ON,
        reason="跨省通办",
    )
    power.refresh_from_db()
    assert (power.version, power.name, power.changed_on) == (2, "户口迁移审批（跨省通办）", ON)
    assert [str(b) for b in power.bases.all()] == [
        "《中华人民共和国户口登记条例》第十条",
        "《中华人民共和国居民身份证法》第八条",
    ]
    assert power.versions.get(number=2).fields_changed == [
        {"field": "name", "old": "户口迁移审批", "new": "户口迁移审批（跨省通办）"},
        {
            "field": "bases",
            "old": "《中华人民共和国户口登记条例》第十条",
            "new": "《中华人民共和国户口登记条例》第十条\n《中华人民共和国居民身份证法》第八条",
        },
    ]
    assert LedgerEntry.objects.get(action="listings.update").summary == {
        "power_code": "GA-0001",
        "version": 2,
        "reason": "跨省通办",
    }


def test_an_update_that_changes_nothing_is_refused(office, body):
    power = make_power(office, body)
    with pytest.raises(ServiceError) as error:
        power_update(actor=office, power=power, fields=fields(), changed_on=ON, reason="无")
    assert error.value.message == "未作任何更改。"


def test_an_update_from_a_stale_copy_is_refused(office, body):
    power = make_power(office, body)
    stale = Power.objects.get(pk=power.pk)
    power_update(
        actor=office, power=power, fields=fields(remedy="行政复议"), changed_on=ON, reason="a"
    )
    with pytest.raises(ServiceError) as error:
        power_update(
            actor=office, power=stale, fields=fields(remedy="诉讼"), changed_on=ON, reason="b"
        )
    assert error.value.code == "changed_meanwhile"
    assert Power.objects.get(pk=power.pk).remedy == "行政复议"


def test_remove_and_restore_are_public_versions(office, body):
    power = make_power(office, body)
    power_set_active(actor=office, power=power, active=False, changed_on=ON, reason="已取消")
    power.refresh_from_db()
    power_set_active(actor=office, power=power, active=True, changed_on=ON, reason="恢复")
    assert list(power.versions.values_list("number", "change", "reason")) == [
        (3, "restored", "恢复"),
        (2, "removed", "已取消"),
        (1, "added", "首次公布"),
    ]


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("name", "", "missing_name"),
        ("kind", "approval", "invalid_kind"),
        ("bases", [], "missing_basis"),
    ],
)
def test_invalid_fields_are_refused(office, body, field, value, code):
    with pytest.raises(ServiceError) as error:
        make_power(office, body, **{field: value})
    assert error.value.code == code
    assert Power.objects.count() == 0


def _actors(body):
    other_body = OrganisationFactory(name="湛江市交通运输局")
    return {
        "anonymous": None,
        "public user": UserFactory(),
        "staff without the right": make_staff(body, roles=[Role.HANDLER], username="h"),
        "office of another body": make_staff(other_body, roles=[Role.OFFICE], username="o2"),
    }


@pytest.mark.parametrize(
    "who",
    ["anonymous", "public user", "staff without the right", "office of another body"],
)
def test_only_the_body_office_may_change_the_list(office, body, who):
    power = make_power(office, body)
    actor = _actors(body)[who]
    ledger_before = LedgerEntry.objects.count()
    with pytest.raises(PermissionDeniedError):
        power_update(actor=actor, power=power, fields=fields(remedy="x"), changed_on=ON, reason="x")
    with pytest.raises(PermissionDeniedError):
        power_set_active(actor=actor, power=power, active=False, changed_on=ON, reason="x")
    with pytest.raises(PermissionDeniedError):
        power_import_upload(
            actor=actor, organisation=body, file_name="a.xlsx", content=powers_file(1)
        )
    power.refresh_from_db()
    assert (power.version, power.is_active, PowerVersion.objects.count()) == (1, True, 1)
    assert LedgerEntry.objects.count() == ledger_before


def test_a_removed_power_is_not_put_back_by_an_edit(office, body):
    power = make_power(office, body)
    power_set_active(actor=office, power=power, active=False, changed_on=ON, reason="取消")
    power.refresh_from_db()
    power_update(actor=office, power=power, fields=fields(remedy="行政复议"), changed_on=ON,
                 reason="更正")  # fmt: skip
    power.refresh_from_db()
    assert (power.is_active, power.version, power.remedy) == (False, 3, "行政复议")
