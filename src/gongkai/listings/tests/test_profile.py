"""机构职能: the body's functions, units with duties, leaders with 分工, linked subordinates."""

import pytest
from django.urls import reverse

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry, Organisation, Role
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff
from gongkai.listings.models import Leader, OrganisationProfile
from gongkai.listings.profiles import leader_add, leader_retire, leader_update, profile_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def bureau(body, office):
    body.address = "湛江市赤坎区军民大道"
    body.office_hours = "工作日 8:00–12:00，14:30–17:30"
    body.phone = "0759-3183110"
    body.save()
    hzk = UnitFactory(parent=body, name="户政科")
    UnitFactory(parent=body, name="法制支队")
    OrganisationFactory(parent=body, name="廉江市公安局")
    profile_set(actor=office, organisation=body, functions="维护社会治安秩序。\n管理户政事务。")
    profile_set(actor=office, organisation=hzk, functions="负责户籍管理。", phone="0759-3180000")
    leader_add(actor=office, organisation=body, name="周建国", title="局长", duties="主持全面工作。",
               position=1)  # fmt: skip
    gone = leader_add(actor=office, organisation=body, name="王某", title="副局长", duties="分管交警。",
                      position=2)  # fmt: skip
    leader_retire(actor=office, leader=gone)
    return body


def test_the_public_page_shows_profile_units_leaders_and_subordinates(
    client, bureau, django_assert_num_queries
):
    # 5, the site's footer identity (read once per process, cold in a test) and the
    # 政府信息公开 tree beside the page (one query).
    with django_assert_num_queries(8):  # and the page's history of changes
        response = client.get(reverse("listings:organisation"))
    text = response.content.decode()
    assert response.context["body"] == bureau
    assert "<p>维护社会治安秩序。<br>管理户政事务。</p>" in text
    assert "<strong>周建国</strong> 局长<p>主持全面工作。</p>" in text
    # A retired leader is no longer among the leaders, only in the history of changes.
    leaders = text[
        text.index('<ul class="leaders">') : text.index("</ul>", text.index('<ul class="leaders">'))
    ]
    assert "王某" not in leaders
    assert "王某 · 领导信息撤下" in text
    assert '<strong>户政科</strong> · <a href="tel:0759-3180000">0759-3180000</a>' in text
    assert "<strong>法制支队</strong>" in text
    county = Organisation.objects.get(name="廉江市公安局")
    assert f'<a href="/xxgk/jgzn/{county.pk}/">廉江市公安局</a>' in text
    assert "工作日 8:00–12:00，14:30–17:30" in text


def test_a_subordinate_body_has_its_page_linking_back(client, bureau):
    county = Organisation.objects.get(name="廉江市公安局")
    response = client.get(reverse("listings:organisation_other", args=[county.pk]))
    assert f'<a href="/xxgk/jgzn/{bureau.pk}/">湛江市公安局</a>' in response.content.decode()
    unit = Organisation.objects.get(name="户政科")
    assert client.get(reverse("listings:organisation_other", args=[unit.pk])).status_code == 404


def test_the_api_gives_the_same_profile(client, bureau):
    data = client.get(f"/api/v1/listings/organisation/{bureau.pk}").json()
    assert data["functions"] == "维护社会治安秩序。\n管理户政事务。"
    assert data["leaders"] == [{"name": "周建国", "title": "局长", "duties": "主持全面工作。"}]
    assert [(u["name"], u["duties"], u["phone"]) for u in data["units"]] == [
        ("户政科", "负责户籍管理。", "0759-3180000"),
        ("法制支队", "", ""),
    ]
    assert [s["name"] for s in data["subordinates"]] == ["廉江市公安局"]
    assert client.get("/api/v1/listings/organisation/9999").status_code == 404


def test_changes_write_the_ledger(bureau, office):
    leader = Leader.objects.get(name="周建国")
    leader_update(
        actor=office, leader=leader, title="党委书记、局长", duties="主持全面工作。", position=1
    )
    actions = list(
        LedgerEntry.objects.filter(action__startswith="listings.").values_list("action", flat=True)
    )
    assert actions == [
        "listings.profile_set",
        "listings.profile_set",
        "listings.leader_add",
        "listings.leader_add",
        "listings.leader_retire",
        "listings.leader_update",
    ]
    assert Leader.objects.get(pk=leader.pk).title == "党委书记、局长"


def test_empty_functions_are_refused(bureau, office):
    with pytest.raises(ServiceError) as error:
        profile_set(actor=office, organisation=bureau, functions="  ")
    assert error.value.code == "missing_functions"


@pytest.mark.parametrize("roles", [[Role.HANDLER], [Role.LEADER]])
def test_only_the_office_edits(bureau, roles):
    staff = make_staff(bureau, roles=roles, username="someone")
    with pytest.raises(PermissionDeniedError):
        profile_set(actor=staff, organisation=bureau, functions="改")
    with pytest.raises(PermissionDeniedError):
        leader_add(actor=staff, organisation=bureau, name="甲", title="乙", duties="丙")
    assert OrganisationProfile.objects.get(organisation=bureau).functions.startswith("维护")
    assert Leader.objects.count() == 2


def test_workbench_page_edits_through_the_services(client, bureau, office):
    client.force_login(office)
    url = reverse("listings:profile_manage")
    assert client.get(url).status_code == 200
    unit = Organisation.objects.get(name="法制支队")
    client.post(url, {"action": "profile", "organisation": unit.pk, "functions": "负责执法监督。"})
    client.post(url, {"action": "leader", "name": "陈志勇", "title": "副局长",
                      "duties": "分管法制。", "position": "3"})  # fmt: skip
    assert OrganisationProfile.objects.get(organisation=unit).functions == "负责执法监督。"
    assert Leader.objects.get(name="陈志勇").position == 3
    other = OrganisationFactory(name="湛江市交通运输局")
    response = client.post(url, {"action": "profile", "organisation": other.pk, "functions": "x"})
    assert not OrganisationProfile.objects.filter(organisation=other).exists()
    assert response.status_code == 404


# --- public history of changes (what, when, why) and its export ----------------------------


def test_every_change_enters_the_public_history(bureau, office):
    from gongkai.listings.models import ProfileChange

    hzk = Organisation.objects.get(name="户政科")
    profile_set(actor=office, organisation=hzk, functions="负责户籍管理和居民身份证管理。",
                phone="0759-3180000", reason="增加居民身份证管理职责")  # fmt: skip
    leader = Leader.objects.get(name="周建国")
    leader_update(actor=office, leader=leader, title="党委书记、局长", duties="主持全面工作。",
                  position=1, reason="市委任命")  # fmt: skip
    rows = list(
        ProfileChange.objects.filter(body=bureau)
        .order_by("id")
        .values_list("subject", "field", "old", "new", "reason")
    )
    assert rows == [
        ("湛江市公安局", "functions", "", "维护社会治安秩序。\n管理户政事务。", ""),
        ("户政科", "functions", "", "负责户籍管理。", ""),
        ("户政科", "phone", "", "0759-3180000", ""),
        ("周建国", "leader_added", "", "局长：主持全面工作。", ""),
        ("王某", "leader_added", "", "副局长：分管交警。", ""),
        ("王某", "leader_retired", "副局长", "", ""),
        (
            "户政科",
            "functions",
            "负责户籍管理。",
            "负责户籍管理和居民身份证管理。",
            "增加居民身份证管理职责",
        ),
        ("周建国", "leader_post", "局长", "党委书记、局长", "市委任命"),
    ]


def test_the_page_shows_the_history_and_exports_it(client, bureau, office):
    import csv
    import io
    import json

    hzk = Organisation.objects.get(name="户政科")
    profile_set(actor=office, organisation=hzk, functions="负责户籍管理和居民身份证管理。",
                phone="0759-3180000", reason="增加居民身份证管理职责")  # fmt: skip
    history = client.get(reverse("listings:organisation")).context["changes"]
    assert [c.reason for c in history][:1] == ["增加居民身份证管理职责"]
    text = client.get(reverse("listings:organisation")).content.decode()
    assert "变更记录" in text and "增加居民身份证管理职责" in text
    response = client.get(reverse("listings:organisation_changes", args=["csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["日期", "机构或领导", "变更内容", "变更前", "变更后", "原因"]
    assert rows[1][1:] == ["户政科", "职能职责", "负责户籍管理。", "负责户籍管理和居民身份证管理。",
                           "增加居民身份证管理职责"]  # fmt: skip
    assert len(rows) == 8
    data = json.loads(client.get(reverse("listings:organisation_changes", args=["json"])).content)
    assert (data[0]["field"], data[0]["reason"]) == ("functions", "增加居民身份证管理职责")
    assert client.get(reverse("listings:organisation_changes", args=["pdf"])).status_code == 404
    county = Organisation.objects.get(name="廉江市公安局")
    url = reverse("listings:organisation_changes_other", args=[county.pk, "xlsx"])
    assert client.get(url).status_code == 200  # a subordinate body's own (empty) history
