"""Staff and unit management in the workbench: who may, what is written, what is refused."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry, Organisation, Role, StaffProfile
from gongkai.core.services import staff_create
from gongkai.core.services.accounts import (
    staff_set_active,
    staff_update,
    two_factor_reset,
    unit_create,
    unit_rename,
)
from gongkai.core.services.organisation import organisation_update
from gongkai.core.tests.factories import (
    OrganisationFactory,
    UnitFactory,
    make_staff,
)
from gongkai.core.tests.twofactor import enrol

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def body():
    return OrganisationFactory(name="湛江市公安局", code="zjga")


@pytest.fixture
def unit(body):
    return UnitFactory(parent=body, name="法制支队")


@pytest.fixture
def people(body, unit):
    return {
        "anonymous": None,
        "public": User.objects.create_user("citizen", password="pw-for-tests-1"),
        "handler": make_staff(body, roles=[Role.HANDLER], units=[unit], username="handler"),
        "leader": make_staff(body, roles=[Role.LEADER], username="leader"),
        "office": make_staff(body, roles=[Role.OFFICE], username="office"),
        "admin": make_staff(body, roles=[Role.ADMIN], username="admin"),
    }


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def state():
    """Everything a refused call must leave as it was."""
    return (
        LedgerEntry.objects.count(),
        sorted(User.objects.values_list("username", "is_active", "is_superuser")),
        sorted(Organisation.objects.values_list("name", flat=True)),
        sorted(StaffProfile.objects.values_list("full_name", flat=True)),
        TOTPDevice.objects.count(),
    )


EXPECTED = {"anonymous": 302, "public": 404, "handler": 404, "leader": 404}


@pytest.mark.parametrize("who", ["anonymous", "public", "handler", "leader", "office", "admin"])
def test_who_may_open_and_use_the_pages(people, unit, who):
    user = people[who]
    target = people["handler"].staff_profile
    enrol(target.user)
    client = client_for(user)
    before = state()
    posts = [
        (
            reverse("core:staff_new"),
            {
                "username": "newbie",
                "full_name": "新人",
                "password": "a-Long-pass-2026",
                "roles": ["handler"],
                "units": [unit.pk],
            },
        ),
        (
            reverse("core:staff_edit", args=[target.pk]),
            {
                "full_name": "改名",
                "roles": ["handler", "reviewer"],
                "units": [unit.pk],
            },
        ),
        (reverse("core:staff_action", args=[target.pk, "deactivate"]), {}),
        (reverse("core:staff_action", args=[target.pk, "reset-two-factor"]), {}),
        (reverse("core:units"), {"name": "新设科"}),
        (reverse("core:unit_rename", args=[unit.pk]), {"name": "法制大队"}),
    ]
    pages = [reverse("core:staff"), reverse("core:units"), reverse("core:staff_new")]
    if who in EXPECTED:
        for url in pages:
            assert client.get(url).status_code == EXPECTED[who], url
        for url, data in posts:
            assert client.post(url, data).status_code == EXPECTED[who], url
        assert state() == before
        return
    for url in pages:
        assert client.get(url).status_code == 200, url
    for url, data in posts:
        assert client.post(url, data).status_code == 302, url
    newbie = StaffProfile.objects.get(user__username="newbie")
    assert list(newbie.units.all()) == [unit]
    assert newbie.user.check_password("a-Long-pass-2026")
    target.refresh_from_db()
    target.user.refresh_from_db()
    assert target.full_name == "改名"
    assert set(target.user.groups.values_list("name", flat=True)) == {"handler", "reviewer"}
    assert target.user.is_active is False
    assert not TOTPDevice.objects.filter(user=target.user).exists()
    assert Organisation.objects.filter(parent=unit.parent, name="新设科").exists()
    unit.refresh_from_db()
    assert unit.name == "法制大队"
    actions = list(LedgerEntry.objects.order_by("seq").values_list("action", flat=True))
    assert actions[-6:] == [
        "staff.create",
        "staff.update",
        "staff.deactivate",
        "staff.two_factor_reset",
        "organisation.create",
        "organisation.rename",
    ]
    last = LedgerEntry.objects.order_by("-seq").first()
    assert last.actor_id == user.pk
    assert last.summary == {"name": "法制大队", "old_name": "法制支队"}


def test_the_staff_list_shows_roles_units_and_two_factor_in_chinese(people):
    enrol(people["office"])
    response = client_for(people["office"]).get(reverse("core:staff"))
    text = response.content.decode()
    assert "政务公开办" in text or "公开办" in text
    assert "法制支队" in text
    assert "必须开启，下次登录时设置" in text  # the admin has not enrolled yet
    assert "已开启" in text


def test_only_an_administrator_grants_or_edits_the_administrator_role(body, people):
    office, admin = people["office"], people["admin"]
    before = state()
    with pytest.raises(PermissionDeniedError) as caught:
        staff_create(
            actor=office, username="boss", full_name="甲", organisation=body, roles=[Role.ADMIN]
        )
    assert caught.value.code == "admin_role_only_by_admin"
    with pytest.raises(PermissionDeniedError):
        staff_update(
            actor=office,
            profile=people["handler"].staff_profile,
            full_name="乙",
            roles=[Role.ADMIN],
            units=[],
        )
    with pytest.raises(PermissionDeniedError):
        staff_set_active(actor=office, profile=admin.staff_profile, active=False)
    with pytest.raises(PermissionDeniedError):
        two_factor_reset(actor=office, profile=admin.staff_profile)
    assert state() == before
    # The office's form does not even offer the role.
    form = client_for(office).get(reverse("core:staff_new")).context["form"]
    assert "admin" not in [value for value, _label in form.fields["roles"].choices]
    profile = staff_update(
        actor=admin,
        profile=people["handler"].staff_profile,
        full_name="乙",
        roles=[Role.ADMIN],
        units=[],
    )
    profile.user.refresh_from_db()
    assert profile.user.is_superuser


def test_nobody_locks_themselves_out(people):
    office = people["office"]
    before = state()
    with pytest.raises(ServiceError) as caught:
        staff_set_active(actor=office, profile=office.staff_profile, active=False)
    assert caught.value.code == "own_account"
    with pytest.raises(ServiceError) as caught:
        staff_update(
            actor=office,
            profile=office.staff_profile,
            full_name="林",
            roles=[Role.HANDLER],
            units=[],
        )
    assert caught.value.code == "own_manager_role"
    assert state() == before


def test_another_bodys_staff_and_units_are_out_of_reach(people):
    other = OrganisationFactory(name="廉江市公安局")
    stranger = make_staff(other, roles=[Role.HANDLER], username="stranger")
    other_unit = UnitFactory(parent=other, name="户政科")
    office = people["office"]
    client = client_for(office)
    before = state()
    assert (
        client.get(reverse("core:staff_edit", args=[stranger.staff_profile.pk])).status_code == 404
    )
    assert (
        client.post(reverse("core:unit_rename", args=[other_unit.pk]), {"name": "x"}).status_code
        == 404
    )
    with pytest.raises(PermissionDeniedError):
        unit_rename(actor=office, unit=other_unit, name="x")
    assert state() == before


def test_units_belong_to_their_body_and_names_are_unique(body, unit, people):
    office = people["office"]
    before = state()
    with pytest.raises(ServiceError) as caught:
        unit_create(actor=office, body=body, name="法制支队")
    assert caught.value.code == "unit_name_taken"
    second = UnitFactory(parent=body, name="户政科")
    before = state()
    with pytest.raises(ServiceError) as caught:
        unit_rename(actor=office, unit=second, name="法制支队")
    assert caught.value.code == "unit_name_taken"
    second.refresh_from_db()
    assert second.name == "户政科"
    assert state() == before
    other_unit = UnitFactory(name="别处科")
    with pytest.raises(ServiceError) as caught:
        staff_create(
            actor=office,
            username="x1",
            full_name="丙",
            organisation=body,
            roles=[Role.HANDLER],
            units=[other_unit],
            password="a-Long-pass-2026",
        )
    assert caught.value.code == "unit_outside_organisation"


def test_a_refused_form_shows_the_message_and_changes_nothing(people):
    client = client_for(people["office"])
    before = state()
    response = client.post(
        reverse("core:staff_new"),
        {
            "username": "handler",
            "full_name": "重名",
            "password": "a-Long-pass-2026",
            "roles": ["handler"],
        },
    )
    assert response.status_code == 200
    assert (
        "用户名 handler 已被占用" in response.content.decode()
        or response.context["form"].non_field_errors()
    )
    weak = client.post(
        reverse("core:staff_new"),
        {"username": "weak", "full_name": "弱", "password": "123", "roles": ["handler"]},
    )
    assert weak.status_code == 200 and weak.context["form"].errors["password"]
    assert state() == before


def test_deactivated_staff_lose_their_session_and_tokens(people):
    from gongkai.core.services.organisation import api_token_create

    handler = people["handler"]
    client = client_for(handler)
    _record, token = api_token_create(actor=people["admin"], user=handler, name="省平台")
    assert client.get(reverse("core:workbench")).status_code == 200
    staff_set_active(actor=people["office"], profile=handler.staff_profile, active=False)
    assert client.get(reverse("core:workbench")).status_code == 302
    api = Client().get("/api/v1/foi/staff/requests", headers={"authorization": f"Bearer {token}"})
    assert api.status_code == 401
    staff_set_active(actor=people["office"], profile=handler.staff_profile, active=True)
    assert LedgerEntry.objects.filter(action="staff.reactivate").count() == 1


def test_organisation_changes_through_the_service_write_the_ledger(body, people):
    changed = organisation_update(
        actor=people["admin"], organisation=body, changes={"phone": "0759-1234567"}
    )
    assert changed.phone == "0759-1234567"
    entry = LedgerEntry.objects.get(action="organisation.update")
    assert entry.summary == {"phone": "0759-1234567"}
    before = state()
    with pytest.raises(ServiceError) as caught:
        organisation_update(actor=people["admin"], organisation=body, changes={"code": "x"})
    assert caught.value.code == "fixed_field"
    with pytest.raises(PermissionDeniedError):
        organisation_update(actor=people["handler"], organisation=body, changes={"name": "x"})
    assert state() == before


def test_the_staff_list_pins_its_queries(body, unit, people, django_assert_num_queries):
    for n in range(5):
        make_staff(body, roles=[Role.HANDLER, Role.REVIEWER], units=[unit], username=f"s{n}")
    client = client_for(people["office"])
    client.get(reverse("core:staff"))
    # session, user, profile, roles, body, enrolled users, profiles, their units and groups
    with django_assert_num_queries(9):
        response = client.get(reverse("core:staff"))
    assert len(response.context["rows"]) == 9  # four of the fixture and five more
