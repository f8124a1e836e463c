"""The admin site: saves of organisations go through the services (ledger), staff profiles
and devices are read-only there, and role groups and django-axes read in Chinese."""

import pytest
from django.contrib.auth.models import Group

from gongkai.core.models import LedgerEntry, Organisation, Role, StaffProfile
from gongkai.core.services.organisation import role_group
from gongkai.core.tests.factories import OrganisationFactory, make_staff

pytestmark = pytest.mark.django_db


def test_adding_and_changing_an_organisation_writes_the_ledger(admin_client):
    response = admin_client.post(
        "/admin/core/organisation/add/",
        {
            "name": "遂溪县公安局",
            "code": "sxga",
            "kind": "body",
            "credit_code": "",
            "address": "",
            "phone": "",
            "office_hours": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    created = Organisation.objects.get(code="sxga")
    entry = LedgerEntry.objects.get(action="organisation.create")
    assert entry.object_id == str(created.pk)
    response = admin_client.post(
        f"/admin/core/organisation/{created.pk}/change/",
        {
            "name": "遂溪县公安局",
            "credit_code": "",
            "address": "遂城镇",
            "phone": "0759-7763110",
            "office_hours": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    created.refresh_from_db()
    assert (created.address, created.phone) == ("遂城镇", "0759-7763110")
    change = LedgerEntry.objects.get(action="organisation.update")
    assert change.summary == {"address": "遂城镇", "phone": "0759-7763110"}
    # Its code and place in the tree are fixed; it is never deleted here.
    page = admin_client.get(f"/admin/core/organisation/{created.pk}/change/")
    assert 'name="code"' not in page.content.decode()
    assert admin_client.get(f"/admin/core/organisation/{created.pk}/delete/").status_code == 403


def test_staff_profiles_are_read_only_in_the_admin(admin_client):
    profile = make_staff(OrganisationFactory(), roles=[Role.HANDLER]).staff_profile
    before = list(StaffProfile.objects.values_list("full_name", flat=True))
    admin_client.post(f"/admin/core/staffprofile/{profile.pk}/change/", {"full_name": "改"})
    assert list(StaffProfile.objects.values_list("full_name", flat=True)) == before
    assert admin_client.get("/admin/core/staffprofile/add/").status_code == 403


def test_role_groups_and_login_protection_read_in_chinese(admin_client):
    for role in Role:
        role_group(role)
    groups = admin_client.get("/admin/auth/group/").content.decode()
    assert Group.objects.count() == len(Role)
    for label in ("政务公开办公室", "承办科室", "保密审查员", "审批领导", "系统管理员"):
        assert f">{label}<" in groups
    assert ">office<" not in groups and ">reviewer<" not in groups
    index = admin_client.get("/admin/").content.decode()
    assert "登录防护" in index and "登录尝试" in index
    assert "Access attempts" not in index and "Axes" not in index
    user = make_staff(OrganisationFactory(), roles=[Role.OFFICE])
    form = admin_client.get(f"/admin/auth/user/{user.pk}/change/").content.decode()
    assert str(Role.OFFICE.label) in form
