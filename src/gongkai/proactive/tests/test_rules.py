"""Law-derived rules, table-driven, each with its source."""

import datetime as dt

import pytest

from gongkai.core.errors import ServiceError
from gongkai.core.models import LedgerEntry
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff
from gongkai.proactive import services
from gongkai.proactive.law import Section
from gongkai.proactive.models import Item
from gongkai.proactive.services.common import document_number_clean
from gongkai.proactive.tests.factories import NegativeEntryFactory, draft, fields

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        # GB/T 9704-2012 7.2.4: 年份用六角括号〔〕, 顺序号不加“第”字, 不编虚位.
        ("湛公通〔2017〕12号", "湛公通〔2017〕12号"),
        ("湛公通[2017]12号", "湛公通〔2017〕12号"),
        ("湛公通（2017）12号", "湛公通〔2017〕12号"),
        (" 粤办发 〔2016〕22号 ", "粤办发〔2016〕22号"),
        ("", ""),
    ],
)
def test_document_numbers_are_normalised(typed, stored):
    assert document_number_clean(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "湛公通〔17〕12号",
        "湛公通〔2017〕第12号",
        "湛公通〔2017〕012号",
        "〔2017〕12号",
        "湛公通2017年12号",
        "湛公通〔1900〕1号",
    ],
)
def test_invalid_document_numbers_are_refused(typed, handler):
    with pytest.raises(ServiceError) as error:
        draft(handler, document_number=typed)
    assert error.value.code == "invalid_document_number"
    assert Item.objects.count() == 0


@pytest.mark.parametrize(
    ("label", "reason", "basis", "entry", "code"),
    [
        # 国办发〔2016〕80号: 公文公开属性 fixed at drafting; reasons for not disclosing.
        ("proactive", "", "", False, None),
        ("on_request", "", "条例第二十七条", False, "reason_required"),
        ("on_request", "仅涉及特定对象", "", False, "basis_required"),
        ("on_request", "仅涉及特定对象", "条例第二十七条", False, None),
        # 删减后公开 (local practice, seed 003) states what is removed and why.
        ("redacted", "删除当事人信息", "条例第十五条", False, None),
        ("redacted", "删除当事人信息", "", False, "basis_required"),
        # 不予公开 cites a negative-list entry or an article (负面清单, seed 002; 条例 arts. 14–16).
        ("withheld", "执法案卷", "", False, "withheld_basis_required"),
        ("withheld", "执法案卷", "有关规定", False, "withheld_basis_required"),
        ("withheld", "执法案卷", "条例第十六条", False, None),
        ("withheld", "执法案卷", "", True, None),
    ],
)
def test_disclosure_label_rules(label, reason, basis, entry, code, body, handler):
    negative = NegativeEntryFactory(organisation=body) if entry else None
    call = lambda: draft(  # noqa: E731
        handler, label=label, label_reason=reason, label_basis=basis, negative_entry=negative
    )
    if code is None:
        assert call().label == label
    else:
        with pytest.raises(ServiceError) as error:
            call()
        assert error.value.code == code
        assert Item.objects.count() == 0


def test_a_foreign_negative_entry_cannot_be_cited(handler):
    entry = NegativeEntryFactory(organisation=OrganisationFactory())
    with pytest.raises(ServiceError) as error:
        draft(handler, label="withheld", label_reason="x", negative_entry=entry)
    assert error.value.code == "foreign_entry"


def test_index_numbers_use_the_bodys_credit_code_year_and_sequence(body, unit):
    drafter = make_staff(body, units=[unit])
    first = draft(drafter, unit=unit, written_on=dt.date(2026, 1, 5))
    second = draft(drafter, unit=unit, written_on=dt.date(2026, 2, 5))
    other_year = draft(drafter, unit=unit, written_on=dt.date(2025, 12, 30))
    assert first.index_number == f"{body.credit_code}/2026-00001"
    assert second.index_number == f"{body.credit_code}/2026-00002"
    assert other_year.index_number == f"{body.credit_code}/2025-00001"


def test_index_numbers_are_never_reused(handler, body):
    first = draft(handler)
    Item.objects.filter(pk=first.pk).delete()
    assert draft(handler).index_number == f"{body.credit_code}/2026-00002"


def test_units_number_under_their_body():
    county = OrganisationFactory()
    unit = UnitFactory(parent=county)
    drafter = make_staff(county, units=[unit])
    assert draft(drafter, unit=unit).index_number.startswith(county.credit_code + "/")


def test_a_body_without_credit_code_cannot_number(handler, body):
    type(body).objects.filter(pk=body.pk).update(credit_code="")
    handler.staff_profile.organisation.refresh_from_db()
    before = LedgerEntry.objects.count()
    with pytest.raises(ServiceError) as error:
        draft(handler)
    assert (error.value.code, LedgerEntry.objects.count()) == ("no_credit_code", before)


def test_body_is_sanitised(handler):
    item = draft(
        handler,
        body='<p onclick="x()">正文<script>alert(1)</script><a href="javascript:x">链接</a>'
        '<a href="https://www.gov.cn/">国务院</a></p><img src=x onerror=y>',
    )
    assert item.body == (
        '<p>正文<a rel="noopener noreferrer">链接</a>'
        '<a href="https://www.gov.cn/" rel="noopener noreferrer">国务院</a></p>'
    )


@pytest.mark.parametrize(
    ("section", "form", "interprets_policy", "code"),
    [
        ("interpretation", "", False, "form_required"),
        ("interpretation", "graphic", False, None),
        ("business", "qa", True, None),  # pointing at a policy makes it an interpretation
    ],
)
def test_interpretations_have_a_form(section, form, interprets_policy, code, handler):
    policy = draft(handler, section=Section.POLICY) if interprets_policy else None
    call = lambda: draft(handler, section=section, interpretation_form=form, interprets=policy)  # noqa: E731
    if code:
        with pytest.raises(ServiceError) as error:
            call()
        assert error.value.code == code
    else:
        item = call()
        assert (item.section, item.interpretation_form) == ("interpretation", form)
        if policy:
            assert list(policy.interpretations.all()) == [item]


def test_an_interpretation_must_point_at_a_policy(handler):
    not_policy = draft(handler, section=Section.BUSINESS)
    with pytest.raises(ServiceError) as error:
        draft(handler, interprets=not_policy, interpretation_form="text")
    assert error.value.code == "not_a_policy"


def test_idempotent_creation(handler, body):
    kwargs = {"actor": handler, "organisation": body, "idempotency_key": "k-1"}
    first = services.item_create(fields=fields(), **kwargs)
    again = services.item_create(fields=fields(), **kwargs)
    assert (first.pk, Item.objects.count()) == (again.pk, 1)
