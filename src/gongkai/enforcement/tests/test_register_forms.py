"""The workbench forms of the register: bodies, officers, matters, inspection targets.

Each is kept by the openness office (and admins) through the services; a bad input is
refused with a Chinese message and nothing is saved; a handler cannot open the pages.
"""

import pytest

from gongkai.enforcement.models import (
    ChangeRecord,
    EnforcementBody,
    InspectionTarget,
    Matter,
    Officer,
)
from gongkai.enforcement.tests.factories import HOTEL_CODE, make_targets

pytestmark = pytest.mark.django_db

W = "/workbench/enforcement/register/"
BODY = {
    "name": "湛江市公安局交通警察支队",
    "kind": "agency",
    "basis": "《中华人民共和国道路交通安全法》第五条",
    "duties": "查处道路交通安全违法行为。",
    "remedy": "六十日内申请行政复议，或者六个月内提起行政诉讼。",
    "address": "湛江市赤坎区海田路18号",
    "phone": "0759-3383110",
    "position": "1",
}


@pytest.fixture
def signed_in(client, office):
    client.force_login(office)
    return client


def text(response):
    return response.content.decode()


def test_the_register_page_lists_all_four_and_is_linked_from_the_decisions(
    signed_in, agency, office, body
):
    make_targets(office, body)
    page = text(signed_in.get(W))
    for shown in (
        "湛江市公安局",
        "梁志明",
        "44080010231",
        "YL-001",
        "新增执法主体",
        "新增检查对象",
    ):
        assert shown in page
    assert W in text(signed_in.get("/workbench/enforcement/"))


def test_body_create_and_edit(signed_in, agency, body):
    response = signed_in.post(W + "bodies/new/", BODY)
    assert response.status_code == 302
    created = EnforcementBody.objects.get(name=BODY["name"])
    assert created.organisation == body and created.phone == "0759-3383110"
    assert ChangeRecord.objects.filter(subject="body", subject_id=created.pk, action="added")

    edited = {**BODY, "phone": "0759-3383122", "reason": "支队值班电话调整"}
    assert signed_in.post(W + f"bodies/{created.pk}/", edited).status_code == 302
    created.refresh_from_db()
    assert created.phone == "0759-3383122"
    change = ChangeRecord.objects.get(subject="body", subject_id=created.pk, action="changed")
    assert change.reason == "支队值班电话调整"
    assert change.fields_changed == [
        {"field": "phone", "old": "0759-3383110", "new": "0759-3383122"}
    ]
    assert "联系电话" in text(signed_in.get("/xxgk/zfgs/changes/"))


def test_body_refused_without_its_duties_or_a_reason(signed_in, agency):
    response = signed_in.post(W + "bodies/new/", {**BODY, "duties": ""})
    assert response.status_code == 200 and "这个字段是必填项。" in text(response)
    assert not EnforcementBody.objects.filter(name=BODY["name"]).exists()
    response = signed_in.post(W + f"bodies/{agency.pk}/", {**BODY, "reason": ""})
    assert "这个字段是必填项。" in text(response)
    agency.refresh_from_db()
    assert agency.name == "湛江市公安局"


def test_officer_create_and_edit(signed_in, agency):
    new = {"body": agency.pk, "name": "林国栋", "certificate": "44080010588", "area": "出入境管理"}
    assert signed_in.post(W + "officers/new/", new).status_code == 302
    officer = Officer.objects.get(certificate="44080010588")
    assert officer.body == agency and not officer.is_inspector

    edited = {**new, "is_inspector": "on", "reason": "列入执法检查人员名录库"}
    assert signed_in.post(W + f"officers/{officer.pk}/", edited).status_code == 302
    officer.refresh_from_db()
    assert officer.is_inspector
    change = ChangeRecord.objects.get(subject="officer", subject_id=officer.pk, action="changed")
    assert change.fields_changed == [{"field": "is_inspector", "old": "False", "new": "True"}]


def test_a_duplicate_certificate_is_refused_in_chinese(signed_in, agency):
    taken = {"body": agency.pk, "name": "林国栋", "certificate": "44080010231"}
    response = signed_in.post(W + "officers/new/", taken)
    assert response.status_code == 200 and "该执法证号已在名单中。" in text(response)
    assert not Officer.objects.filter(name="林国栋").exists()
    other = Officer.objects.get(certificate="44080010232")
    response = signed_in.post(
        W + f"officers/{other.pk}/",
        {"name": other.name, "certificate": "44080010231", "reason": "更正"},
    )
    assert "该执法证号已在名单中。" in text(response)
    other.refresh_from_db()
    assert other.certificate == "44080010232"


def test_matter_create_and_edit(signed_in, agency):
    new = {
        "body": agency.pk, "name": "户口迁移审批", "kind": "licensing",
        "basis": "《中华人民共和国户口登记条例》第十条", "steps": "申请\r\n受理\r\n\r\n审查\r\n决定",
        "time_limit": "20个工作日", "position": "0",
    }  # fmt: skip
    assert signed_in.post(W + "matters/new/", new).status_code == 302
    matter = Matter.objects.get(name="户口迁移审批")
    assert matter.steps == ["申请", "受理", "审查", "决定"]
    page = text(signed_in.get(W + f"matters/{matter.pk}/"))
    assert "申请\n受理\n审查\n决定" in page

    edited = {**new, "steps": "申请\n受理\n审查\n决定\n送达", "reason": "增加送达环节"}
    assert signed_in.post(W + f"matters/{matter.pk}/", edited).status_code == 302
    matter.refresh_from_db()
    assert matter.steps[-1] == "送达"
    assert text(signed_in.get(f"/xxgk/zfgs/matters/{matter.pk}/")).count("<rect ") == 5


def test_a_matter_without_steps_or_with_nothing_changed_is_refused(signed_in, office, agency):
    from gongkai.enforcement import services

    new = {"body": agency.pk, "name": "户口迁移审批", "kind": "licensing",
           "basis": "《户口登记条例》第十条", "steps": " \n ", "position": "0"}  # fmt: skip
    response = signed_in.post(W + "matters/new/", new)
    assert "这个字段是必填项。" in text(response)
    assert not Matter.objects.exists()
    matter = services.matter_create(actor=office, body=agency, name="户口迁移审批",
                                    kind="licensing", basis="《户口登记条例》第十条",
                                    steps=["申请", "决定"])  # fmt: skip
    same = {**new, "steps": "申请\n决定", "time_limit": "", "reason": "核对"}
    response = signed_in.post(W + f"matters/{matter.pk}/", same)
    assert response.status_code == 200 and "未作任何更改。" in text(response)


def test_target_create_and_edit(signed_in, body):
    new = {"code": "LG-009", "name": "湛江市霞山区海悦宾馆有限公司", "category": "hotel",
           "credit_code": HOTEL_CODE.lower()}  # fmt: skip
    assert signed_in.post(W + "targets/new/", new).status_code == 302
    target = InspectionTarget.objects.get(code="LG-009")
    assert target.organisation == body and target.credit_code == HOTEL_CODE
    edited = {**new, "name": "湛江市霞山区海悦酒店有限公司", "reason": "企业名称变更"}
    assert signed_in.post(W + f"targets/{target.pk}/", edited).status_code == 302
    target.refresh_from_db()
    assert target.name == "湛江市霞山区海悦酒店有限公司"


def test_a_bad_target_is_refused_in_chinese(signed_in, office, body):
    make_targets(office, body)
    bad = {"code": "YL-001", "name": "某娱乐场所", "category": "entertainment",
           "credit_code": "91440803MA57G00010"}  # fmt: skip
    page = text(signed_in.post(W + "targets/new/", bad))
    assert "该编码已在名录库中。" in page and "统一社会信用代码有误。" in page
    page = text(signed_in.post(W + "targets/new/", {**bad, "code": "娱乐 1", "credit_code": ""}))
    assert "检查对象需要由字母和数字组成的编码。" in page
    assert InspectionTarget.objects.count() == 7


@pytest.mark.parametrize(
    "path",
    ["", "bodies/new/", "bodies/{body}/", "officers/new/", "officers/{officer}/",
     "matters/new/", "matters/{matter}/", "targets/new/", "targets/{target}/"],
)  # fmt: skip
def test_a_handler_cannot_open_the_register_pages(client, handler, office, body, agency, path):
    from gongkai.enforcement import services

    matter = services.matter_create(actor=office, body=agency, name="户口迁移审批",
                                    kind="licensing", basis="依据", steps=["申请"])  # fmt: skip
    target = services.target_create(actor=office, organisation=body, code="YL-001",
                                    name="星光歌舞厅", category="entertainment")  # fmt: skip
    officer = agency.officers.first()
    url = W + path.format(body=agency.pk, officer=officer.pk, matter=matter.pk, target=target.pk)
    client.force_login(handler)
    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "x"}).status_code == 404
    assert W not in text(client.get("/workbench/enforcement/"))


def test_staff_of_another_body_cannot_edit_this_bodys_records(client, agency):
    from gongkai.core.models import Role
    from gongkai.core.tests.factories import OrganisationFactory, make_staff

    other = make_staff(OrganisationFactory(name="湛江市应急管理局"), roles=[Role.OFFICE],
                       username="other-office")  # fmt: skip
    client.force_login(other)
    assert client.get(W + f"bodies/{agency.pk}/").status_code == 404
    officer = agency.officers.first()
    assert client.get(W + f"officers/{officer.pk}/").status_code == 404


def test_the_update_services_check_on_their_own(office, handler, agency, body):
    """Past the form (a race, or the API later): the services refuse by themselves."""
    from gongkai.core.errors import PermissionDeniedError, ServiceError
    from gongkai.enforcement import services

    officer = Officer.objects.get(certificate="44080010232")
    with pytest.raises(ServiceError) as refused:
        services.officer_update(actor=office, officer=officer, reason="更正", name="陈海涛",
                                certificate="44080010231")  # fmt: skip
    assert refused.value.code == "duplicate_certificate"
    with pytest.raises(ServiceError) as refused:
        services.body_update(actor=office, body=agency, reason="更正", is_active=False)
    assert refused.value.code == "invalid_field"
    with pytest.raises(PermissionDeniedError):
        services.body_update(actor=handler, body=agency, reason="更正", phone="0759-1")
    target = services.target_create(actor=office, organisation=body, code="YL-001",
                                    name="星光歌舞厅", category="entertainment")  # fmt: skip
    with pytest.raises(ServiceError) as refused:
        services.target_update(actor=office, target=target, reason="", code="YL-001",
                               name="星光歌舞厅", category="entertainment")  # fmt: skip
    assert refused.value.code == "missing_reason"
    assert not ChangeRecord.objects.filter(action="changed").exists()
