"""Decisions: recorded, scanned, published masked, withdrawn; who may do what."""

import datetime as dt

import pytest

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.enforcement import services
from gongkai.enforcement.law import PartyKind, Withdrawal
from gongkai.enforcement.models import ChangeRecord, Decision
from gongkai.enforcement.redact import party_public
from gongkai.enforcement.tests.factories import HOTEL_CODE, fields, legal_fields, make_decision

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "name", "public"),
    [
        (PartyKind.NATURAL, "王小明", "王某"),
        (PartyKind.NATURAL, "欧阳晓峰", "欧阳某"),  # a compound surname keeps both characters
        (PartyKind.NATURAL, "李华", "李某"),
        (PartyKind.LEGAL, "湛江市霞山区海悦宾馆有限公司", "湛江市霞山区海悦宾馆有限公司"),
    ],
)
def test_party_as_published(kind, name, public):
    assert party_public(kind, name) == public


def test_a_draft_is_scanned_and_published_masked(office, body, agency):
    decision = services.decision_create(actor=office, organisation=body, fields=fields(agency))
    found = [(f["field"], f["type"], f["text"]) for f in decision.findings]
    # The party's full name everywhere, the phone; the officer's name is public by law.
    assert found == [
        ("facts", "name", "王小明"),
        ("facts", "mobile", "13902601234"),
        ("content", "name", "王小明"),
    ]
    assert decision.status == "draft" and decision.party_public == ""
    published = services.decision_publish(actor=office, decision=decision)
    assert published.party_public == "王某"
    assert published.published_facts == (
        "王某在湛江市赤坎区某娱乐场所内殴打他人，民警梁志明到场处置。联系电话139****1234。"
    )
    assert published.published_content == "对王某处行政拘留五日，并处罚款二百元。"
    assert "王小明" not in str(Decision.objects.filter(pk=decision.pk).values(
        "party_public", "published_facts", "published_content").get())  # fmt: skip


def test_the_reviewer_may_keep_a_finding(office, body, agency):
    decision = services.decision_create(actor=office, organisation=body, fields=fields(agency))
    published = services.decision_publish(actor=office, decision=decision, keep={1})
    assert published.published_facts.endswith("联系电话13902601234。")
    assert published.published_facts.startswith("王某")


def test_a_legal_person_is_named_with_its_credit_code(office, body, agency):
    decision = services.decision_create(
        actor=office, organisation=body, fields=legal_fields(agency)
    )
    published = services.decision_publish(actor=office, decision=decision)
    assert (published.party_public, published.party_credit_code) == (
        "湛江市霞山区海悦宾馆有限公司",
        HOTEL_CODE,
    )


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"party_credit_code": "91440803MA57G00010"}, "invalid_credit_code"),
        ({"number": " "}, "missing_field"),
        ({"kind": "levy"}, "invalid_kind"),
        ({"decided_on": dt.date(2099, 1, 1)}, "future_date"),
    ],
)
def test_invalid_decisions_are_refused(office, body, agency, overrides, code):
    with pytest.raises(ServiceError) as error:
        services.decision_create(
            actor=office, organisation=body, fields=legal_fields(agency, **overrides)
        )
    assert error.value.code == code
    assert Decision.objects.count() == 0


def test_a_person_has_no_credit_code(office, body, agency):
    with pytest.raises(ServiceError) as error:
        services.decision_create(actor=office, organisation=body,
                                 fields=fields(agency, party_credit_code=HOTEL_CODE))  # fmt: skip
    assert error.value.code == "credit_code_of_person"


def test_a_number_is_recorded_once(office, body, agency):
    make_decision(office, body, agency)
    with pytest.raises(ServiceError) as error:
        make_decision(office, body, agency)
    assert error.value.code == "duplicate_number"


def test_a_draft_is_corrected_and_scanned_again(office, body, agency):
    decision = make_decision(office, body, agency, publish=False)
    corrected = services.decision_update(
        actor=office, decision=decision, fields=fields(agency, facts="王小明殴打他人。")
    )
    assert [f["text"] for f in corrected.findings] == ["王小明", "王小明"]
    with pytest.raises(ServiceError) as error:
        services.decision_update(actor=office, decision=decision,
                                 fields=fields(agency, decided_on=dt.date(2026, 3, 17)))  # fmt: skip
    assert error.value.code == "date_changed"
    with pytest.raises(ServiceError) as error:  # a coercion runs no 7-day clock
        services.decision_update(actor=office, decision=decision,
                                 fields=fields(agency, kind="coercion"))  # fmt: skip
    assert error.value.code == "date_changed"


def test_published_once(office, body, agency):
    decision = make_decision(office, body, agency)
    with pytest.raises(ServiceError) as error:
        services.decision_publish(actor=office, decision=decision)
    assert error.value.code in ("not_draft", "changed_meanwhile")


def test_withdrawal_takes_the_content_down_and_stays_public(office, body, agency):
    decision = make_decision(office, body, agency)
    withdrawn = services.decision_withdraw(
        actor=office, decision=decision, withdrawal=Withdrawal.REVOKED,
        withdrawn_on=dt.date(2026, 7, 20), reason="经行政复议决定撤销",
    )  # fmt: skip
    assert (withdrawn.status, withdrawn.withdrawn_on) == ("withdrawn", dt.date(2026, 7, 20))
    history = list(
        ChangeRecord.objects.filter(subject="decision", subject_id=decision.pk)
        .order_by("recorded_at", "pk")
        .values_list("action", "reason", "changed_on")
    )
    assert history == [
        ("published", "", history[0][2]),
        ("withdrawn", "经行政复议决定撤销", dt.date(2026, 7, 20)),
    ]


def test_a_change_names_the_new_decision(office, body, agency):
    old = make_decision(office, body, agency)
    new = make_decision(office, body, agency, number="湛公（赤）行罚决字〔2026〕1200号",
                        content="对王小明处罚款二百元。")  # fmt: skip
    with pytest.raises(ServiceError) as error:
        services.decision_withdraw(actor=office, decision=old, withdrawal=Withdrawal.CHANGED,
                                   withdrawn_on=dt.date(2026, 4, 1), reason="变更")  # fmt: skip
    assert error.value.code == "missing_new_decision"
    changed = services.decision_withdraw(
        actor=office, decision=old, withdrawal=Withdrawal.CHANGED,
        withdrawn_on=dt.date(2026, 4, 1), reason="复议后变更", replaced_by=new,
    )  # fmt: skip
    assert changed.replaced_by == new


def test_a_draft_cannot_be_withdrawn(office, body, agency):
    decision = make_decision(office, body, agency, publish=False)
    with pytest.raises(ServiceError) as error:
        services.decision_withdraw(actor=office, decision=decision, withdrawal="revoked",
                                   withdrawn_on=dt.date(2026, 4, 1), reason="撤销")  # fmt: skip
    assert error.value.code == "not_published"


def test_who_may_record_and_publish(office, handler, body, agency):
    other = make_staff(OrganisationFactory(), roles=[Role.OFFICE], username="other")
    reviewer = make_staff(body, roles=[Role.REVIEWER], username="reviewer")
    for actor in (None, other, reviewer):
        with pytest.raises(PermissionDeniedError):
            services.decision_create(actor=actor, organisation=body, fields=fields(agency))
    assert Decision.objects.count() == 0
    draft = services.decision_create(actor=handler, organisation=body, fields=fields(agency))
    entries = LedgerEntry.objects.count()
    with pytest.raises(PermissionDeniedError):  # a unit records; the office publishes
        services.decision_publish(actor=handler, decision=draft)
    draft.refresh_from_db()
    assert (draft.status, draft.published_facts, LedgerEntry.objects.count()) == (
        "draft", "", entries,
    )  # fmt: skip
    assert services.decision_publish(actor=office, decision=draft).status == "published"


def test_every_change_writes_the_ledger(office, body, agency):
    before = LedgerEntry.objects.count()
    make_decision(office, body, agency)
    actions = list(LedgerEntry.objects.order_by("seq")[before:].values_list("action", flat=True))
    assert actions == [
        "clock.start",
        "enforcement.decision_create",
        "clock.stop",
        "enforcement.decision_published",
    ]


def test_officers_are_public_and_retire_with_a_reason(office, agency):
    officer = agency.officers.get(certificate="44080010231")
    with pytest.raises(ServiceError) as error:
        services.officer_create(actor=office, body=agency, name="梁志明", certificate="44080010231")
    assert error.value.code == "duplicate_certificate"
    services.officer_set_active(actor=office, officer=officer, active=False, reason="调离执法岗位")
    record = ChangeRecord.objects.filter(subject="officer", subject_id=officer.pk).first()
    assert (record.action, record.reason) == ("removed", "调离执法岗位")


def test_a_matter_change_lists_its_fields(office, agency):
    matter = services.matter_create(actor=office, body=agency, name="户口迁移审批",
                                    kind="licensing", basis="《户口登记条例》第十条",
                                    steps=["申请", "受理", "决定"])  # fmt: skip
    services.matter_update(actor=office, matter=matter, reason="增加审查环节",
                           steps=["申请", "受理", "审查", "决定"])  # fmt: skip
    record = ChangeRecord.objects.filter(subject="matter", action="changed").get()
    assert record.fields_changed == [
        {"field": "steps", "old": "申请 → 受理 → 决定", "new": "申请 → 受理 → 审查 → 决定"}
    ]
