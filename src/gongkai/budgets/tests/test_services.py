"""The services: rows checked line by line, publication only when whole, corrections with
their reasons, permissions, and the ledger written with every change."""

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.budgets.models import BudgetCorrection, BudgetDocument, BudgetRow
from gongkai.budgets.selectors import three_lines
from gongkai.budgets.services import (
    budget_create,
    budget_publish,
    budget_table_set,
    budget_three_set,
    budget_update,
    publication_problems,
    rows_parse,
)
from gongkai.budgets.tests.factories import THREE, make_document
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "rows", "errors"),
    [
        (
            "2040201\t行政运行\t800\t800\t0",
            [("2040201", "行政运行", ["800.00", "800.00", "0.00"])],
            [],
        ),
        ("2040201,行政运行,1,234.50,1234.50,0", [], ["第1行：应有5列，实有6列。"]),
        (
            "2040201\t行政运行\t1,234.50\t1,234.50\t-",
            [("2040201", "行政运行", ["1234.50", "1234.50", "0.00"])],
            [],
        ),
        ("\t合计\t100\t60\t30", [], ["第1行：合计100.00不等于各列之和90.00。"]),
        ("2040201\t\t1\t1\t0", [], ["第1行：科目名称为空。"]),
        ("2040201\t行政运行\t壹佰\t1\t0", [], ["第1行：金额不是数字。"]),
        ("2040201\t行政运行\tNaN\t1\t0", [], ["第1行：金额不是数字。"]),
        (
            "a\tb\t1\t1\t0\n\n2040201\t行政运行\t1",
            [("a", "b", ["1.00", "1.00", "0.00"])],
            ["第2行：应有5列，实有3列。"],
        ),
    ],
)
def test_rows_are_checked_line_by_line(text, rows, errors):
    parsed, found = rows_parse("expenditure", text)
    assert [(c, n, [str(a) for a in amounts]) for c, n, amounts in parsed] == rows
    assert found == errors


def test_a_bad_line_changes_nothing(office, body):
    document = make_document(office, body)
    before = list(BudgetRow.objects.filter(table__document=document).values_list("name", flat=True))
    with pytest.raises(ServiceError) as error:
        budget_table_set(
            actor=office, document=document, template="expenditure",
            rows_text="\t合计\t10\t5\t4\n2040201\t行政运行\tx\t1\t0",
        )  # fmt: skip
    assert error.value.message == "第1行：合计10.00不等于各列之和9.00。；第2行：金额不是数字。"
    assert (
        list(BudgetRow.objects.filter(table__document=document).values_list("name", flat=True))
        == before
    )


def test_an_empty_table_needs_its_note(office, body):
    document = make_document(office, body)
    with pytest.raises(ServiceError) as error:
        budget_table_set(actor=office, document=document, template="fund", rows_text="")
    assert error.value.code == "missing_empty_note"


def test_publication_needs_every_table_the_explanation_and_the_three(office, body):
    document = budget_create(
        actor=office, organisation=body, year=2025, kind="final",
        approved_on=dt.date(2026, 8, 18), approved_by="湛江市财政局",
    )  # fmt: skip
    problems = publication_problems(document)
    assert problems[0] == "请填写情况说明。"
    assert "请填写“部门收支总表”，或说明空表原因。" in problems
    assert problems[-1] == "请填报“三公”经费。"
    assert len(problems) == 10
    with pytest.raises(ServiceError) as error:
        budget_publish(actor=office, document=document)
    assert error.value.code == "incomplete"
    document.refresh_from_db()
    assert document.status == BudgetDocument.Status.DRAFT and document.published_at is None


def test_year_on_year_change_must_be_explained(office, body):
    make_document(
        office, body, year=2024, approved_on=dt.date(2025, 8, 20), publish_on=dt.date(2025, 9, 1)
    )
    document = make_document(office, body, three={**THREE, "reception": "8.00"})
    assert publication_problems(document) == ["“三公”经费与上年相比有增减，请说明原因。"]
    budget_three_set(
        actor=office, document=document, figures={**THREE, "reception": "8.00"},
        explanation="严格执行接待标准，公务接待费减少2万元。",
    )  # fmt: skip
    assert publication_problems(document) == []
    lines = {line.field: line for line in three_lines(document)}
    assert (lines["total"].amount, lines["total"].previous) == (
        Decimal("148.00"),
        Decimal("150.00"),
    )
    assert (lines["reception"].change, lines["reception"].percent) == (
        Decimal("-2.00"),
        Decimal("-20.0"),
    )
    assert lines["abroad"].percent is None  # 0 the year before: no percentage


def test_unchanged_figures_need_no_reasons_and_a_first_year_has_no_comparison(office, body):
    first = make_document(office, body, year=2024, approved_on=dt.date(2025, 8, 20))
    assert publication_problems(first) == []
    assert [line.previous for line in three_lines(first)] == [None] * 5


def test_publish_stops_the_clock_and_writes_the_ledger(office, body):
    document = make_document(office, body, publish_on=dt.date(2026, 9, 4))
    assert document.status == "published"
    assert document.clock.state == "stopped"
    assert list(
        LedgerEntry.objects.filter(action__startswith="budgets.")
        .values_list("action", flat=True)
        .order_by("seq")
    ) == ["budgets.create"] + ["budgets.table_set"] * 8 + ["budgets.three_set", "budgets.publish"]
    with pytest.raises(ServiceError) as error:
        budget_publish(actor=office, document=document)
    assert error.value.code == "already_published"


def test_a_published_document_changes_only_with_a_public_reason(office, body):
    document = make_document(office, body, publish_on=dt.date(2026, 9, 4))
    with pytest.raises(ServiceError) as error:
        budget_three_set(
            actor=office, document=document, figures={**THREE, "reception": "9"}, explanation=""
        )
    assert error.value.code == "missing_reason"
    document.refresh_from_db()
    assert document.reception == Decimal("10.00")
    budget_three_set(
        actor=office, document=document, figures={**THREE, "reception": "9"}, explanation="",
        reason="公务接待费录入有误，据决算报表更正",
    )  # fmt: skip
    correction = BudgetCorrection.objects.get(document=document)
    assert (correction.what, correction.reason) == (
        "“三公”经费",
        "公务接待费录入有误，据决算报表更正",
    )
    with pytest.raises(ServiceError) as error:
        budget_update(
            actor=office, document=document, approved_on=dt.date(2026, 8, 19),
            approved_by="湛江市财政局", explanation="x", reason="更正",
        )  # fmt: skip
    assert error.value.code == "approval_fixed"


def test_a_corrected_approval_date_restarts_the_clock(office, body):
    document = make_document(office, body, approved_on=dt.date(2026, 8, 18))
    old = document.clock
    budget_update(
        actor=office, document=document, approved_on=dt.date(2026, 8, 25),
        approved_by="湛江市财政局", explanation="说明",
    )  # fmt: skip
    old.refresh_from_db()
    assert old.state == "stopped"
    assert document.clock.due_on == dt.date(2026, 9, 14)


@pytest.mark.parametrize(
    ("year", "approved", "code"),
    [
        (1999, dt.date(2026, 1, 5), "invalid_year"),
        (2026, dt.date(2099, 1, 5), "approval_in_future"),
    ],
)
def test_bad_headers_are_refused(office, body, year, approved, code):
    with pytest.raises(ServiceError) as error:
        budget_create(
            actor=office, organisation=body, year=year, kind="budget", approved_on=approved,
            approved_by="湛江市财政局",
        )  # fmt: skip
    assert error.value.code == code
    assert not BudgetDocument.objects.exists()


def test_one_document_per_unit_year_and_kind(office, body):
    make_document(office, body)
    with pytest.raises(ServiceError) as error:
        make_document(office, body)
    assert error.value.code == "duplicate"


def test_only_the_office_of_the_body_or_above_may_write(office, body, handler):
    county = OrganisationFactory(name="廉江市公安局", parent=body)
    stranger = make_staff(OrganisationFactory(name="遂溪县公安局"), roles=[Role.OFFICE])
    county_office = make_staff(county, roles=[Role.OFFICE])
    for actor, organisation in [(handler, body), (stranger, body), (county_office, body)]:
        with pytest.raises(PermissionDeniedError):
            budget_create(
                actor=actor, organisation=organisation, year=2025, kind="final",
                approved_on=dt.date(2026, 8, 18), approved_by="湛江市财政局",
            )  # fmt: skip
    assert not BudgetDocument.objects.exists()
    # The city's office records its county bureau's document (a body below it).
    make_document(office, county)
    assert BudgetDocument.objects.get().organisation == county
