"""Guides change only through services: versions with what/when/why, the ledger, and the
one-working-day clock from approval to publication (seed 001, 西市区2018年政务公开工作要点:
"办事条件发生变化时，要在完成审批程序后1个工作日内公开变更后的相关信息")."""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.core.clockmath import CHINA
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Clock, LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, UserFactory, make_staff
from gongkai.guides import selectors, services
from gongkai.guides.law import OnlineDepth
from gongkai.guides.models import Guide, GuideVersion
from gongkai.guides.tests.factories import fields, make_guide
from gongkai.listings.tests.factories import make_power

pytestmark = pytest.mark.django_db


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=CHINA)


def test_create_writes_lists_version_clock_and_ledger(office, body):
    power = make_power(office, body, "440800-GA-XK-001")
    guide = make_guide(office, body, power_id=power.pk)
    assert [str(b) for b in guide.bases.all()] == ["《中华人民共和国户口登记条例》第十条"]
    assert [(m.name, m.copies, m.form) for m in guide.materials.all()] == [
        ("户口迁移申请表", 1, "original"),
        ("居民户口簿", 1, "both"),
    ]
    assert [s.name for s in guide.steps.all()] == ["申请", "受理", "审核", "办结"]
    version = guide.versions.get()
    assert (version.number, version.change, version.reason) == (1, "added", "首次公布")
    assert version.clock.rule == "service_guide_change"
    assert version.clock.state == Clock.State.STOPPED
    assert LedgerEntry.objects.filter(action="guides.create", object_id=str(guide.pk)).count() == 1
    assert list(selectors.guides_for_power(power.pk)) == [guide]


# (approved on, published at, due on, on time) — days counted by hand on the 2026 calendar
# of 国务院办公厅关于2026年部分节假日安排的通知 (国庆节 10月1日至7日放假, 10月10日（周六）上班);
# the day of approval does not count (民法典 art. 201).
CASES = [
    (dt.date(2026, 11, 27), _at(dt.date(2026, 11, 30), 17), dt.date(2026, 11, 30), True),  # Fri→Mon
    (dt.date(2026, 11, 27), _at(dt.date(2026, 12, 1), 9), dt.date(2026, 11, 30), False),
    (dt.date(2026, 9, 30), _at(dt.date(2026, 10, 8), 10), dt.date(2026, 10, 8), True),  # 国庆
    (dt.date(2026, 10, 9), _at(dt.date(2026, 10, 12), 9), dt.date(2026, 10, 10), False),  # 调休
    (dt.date(2026, 10, 9), _at(dt.date(2026, 10, 9), 16), dt.date(2026, 10, 10), True),
]


@pytest.mark.parametrize(("approved", "published", "due", "in_time"), CASES)
def test_change_is_public_within_one_working_day(
    office, body, monkeypatch, approved, published, due, in_time
):
    guide = make_guide(office, body)
    monkeypatch.setattr(timezone, "now", lambda: published)
    changed = services.guide_update(
        actor=office, guide=guide, fields=fields(promised_days=7), approved_on=approved,
        reason="压缩承诺时限",
    )  # fmt: skip
    version = changed.versions.get(number=2)
    assert version.clock.due_on == due
    assert version.published_at == published
    assert selectors.on_time(version) is in_time


def test_update_records_each_changed_field(office, body):
    guide = make_guide(office, body)
    new = fields(
        promised_days=7, materials=[("户口迁移申请表", 2, "original", "")], charges_fee=False
    )
    services.guide_update(
        actor=office, guide=guide, fields=new, approved_on=timezone.localdate(),
        effective_on=timezone.localdate() + dt.timedelta(days=3), reason="减证便民",
    )  # fmt: skip
    guide.refresh_from_db()
    version = guide.versions.get(number=2)
    assert guide.version == 2 and guide.promised_days == 7
    assert version.fields_changed == [
        {"field": "promised_days", "old": 10, "new": 7},
        {
            "field": "materials",
            "old": "户口迁移申请表｜1份｜原件\n居民户口簿｜1份｜原件和复印件",
            "new": "户口迁移申请表｜2份｜原件",
        },
    ]
    assert version.effective_on == timezone.localdate() + dt.timedelta(days=3)
    assert [m.copies for m in guide.materials.all()] == [2]


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"promised_days": 30}, "promise_too_long"),
        ({"charges_fee": True, "fee_standard": "每本120元"}, "missing_fee_basis"),
        ({"online_depth": OnlineDepth.FOUR, "visits": 1}, "depth_visits"),
        ({"bases": []}, "missing_basis"),
        ({"steps": []}, "missing_materials"),
        ({"materials": [("申请表", 0, "original", "")]}, "invalid_material"),
        ({"power_id": 999999}, "unknown_power"),
    ],
)
def test_invalid_guides_are_refused(office, body, overrides, code):
    with pytest.raises(ServiceError) as refused:
        make_guide(office, body, **overrides)
    assert refused.value.code == code
    assert not Guide.objects.exists()


def test_future_approval_and_unchanged_update_are_refused(office, body):
    guide = make_guide(office, body)
    with pytest.raises(ServiceError) as future:
        services.guide_update(
            actor=office, guide=guide, fields=fields(promised_days=5),
            approved_on=timezone.localdate() + dt.timedelta(days=1), reason="x",
        )  # fmt: skip
    assert future.value.code == "approval_in_future"
    with pytest.raises(ServiceError) as same:
        services.guide_update(
            actor=office, guide=guide, fields=fields(), approved_on=timezone.localdate(), reason="x"
        )
    assert same.value.code == "nothing_changed"
    assert guide.versions.count() == 1


def test_withdraw_and_restore_are_versions(office, body):
    guide = make_guide(office, body)
    services.guide_set_active(
        actor=office, guide=guide, active=False, approved_on=timezone.localdate(), reason="事项取消"
    )
    assert list(selectors.guides_public()) == []
    guide.refresh_from_db()
    services.guide_set_active(
        actor=office, guide=guide, active=True, approved_on=timezone.localdate(), reason="恢复"
    )
    assert list(GuideVersion.objects.filter(guide=guide).values_list("change", flat=True)) == [
        "restored", "removed", "added",
    ]  # fmt: skip


def test_one_visit_list_holds_guides_with_at_most_one_visit(office, body):
    make_guide(office, body, "A-1", visits=0, online_depth=OnlineDepth.FOUR)
    make_guide(office, body, "A-2", visits=1)
    make_guide(office, body, "A-3", visits=2)
    assert [g.code for g in selectors.guides_public(one_visit=True)] == ["A-1", "A-2"]
    assert [g.code for g in selectors.guides_public()] == ["A-1", "A-2", "A-3"]


@pytest.mark.parametrize("who", ["anonymous", "public", "handler", "other_body_office"])
def test_only_the_bodys_office_may_change_guides(office, body, who):
    guide = make_guide(office, body)
    actor = {
        "anonymous": None,
        "public": UserFactory(),
        "handler": make_staff(body, roles=[Role.HANDLER]),
        "other_body_office": make_staff(OrganisationFactory(), roles=[Role.OFFICE]),
    }[who]
    with pytest.raises(PermissionDeniedError):
        services.guide_update(
            actor=actor, guide=guide, fields=fields(promised_days=5),
            approved_on=timezone.localdate(), reason="x",
        )  # fmt: skip
    with pytest.raises(PermissionDeniedError):
        make_guide(actor, body, "B-1")
    guide.refresh_from_db()
    assert (guide.version, guide.promised_days, Guide.objects.count()) == (1, 10, 1)


def test_forms_accept_office_files_only(office, body):
    guide = make_guide(office, body)
    material = guide.materials.first()
    added = services.guide_file_add(
        actor=office, guide=guide, kind="blank", title="户口迁移申请表",
        file_name="申请表.PDF", content=b"%PDF-1.4 test", material=material,
    )  # fmt: skip
    assert (added.content_type, added.size, added.material) == ("application/pdf", 13, material)
    with pytest.raises(ServiceError) as refused:
        services.guide_file_add(
            actor=office, guide=guide, kind="blank", title="x", file_name="a.exe", content=b"MZ"
        )
    assert refused.value.code == "file_type"
    services.guide_file_remove(actor=office, file=added)
    assert not guide.files.exists()


def test_a_guide_entered_late_keeps_its_real_publication_time(office, body):
    guide = make_guide(office, body)
    version = guide.versions.get()
    assert version.published_at == _at(dt.date(2026, 3, 2), 10)
    assert selectors.on_time(version) is True
    with pytest.raises(ServiceError) as refused:
        services.guide_create(
            actor=office, organisation=body, fields=fields("B-1"), approved_on=dt.date(2026, 3, 2),
            reason="x", published_at=_at(dt.date(2026, 3, 1), 10),
        )  # fmt: skip
    assert refused.value.code == "publication_out_of_order"
