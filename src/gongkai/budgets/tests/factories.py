"""Builders for the budgets tests: a whole document, filled and published via the services."""

from __future__ import annotations

import datetime as dt

from gongkai.budgets.law import DocumentKind
from gongkai.budgets.services import (
    budget_create,
    budget_publish,
    budget_table_set,
    budget_three_set,
)
from gongkai.core.clockmath import CHINA

EXPENDITURE = "\t合计\t1000.00\t800.00\t200.00\n2040201\t行政运行\t800.00\t800.00\t0\n2040220\t执法办案\t200.00\t0\t200.00"
THREE = {
    "abroad": "0",
    "vehicle_purchase": "40.00",
    "vehicle_operation": "100.00",
    "reception": "10.00",
    "reception_batches": 30,
    "reception_people": 240,
    "vehicles_bought": 3,
    "vehicles_held": 80,
}


def fill(actor, document, *, three=None, three_explanation="") -> None:
    """Every template table (one with rows, the others empty with a note) and the 三公."""
    for table in document.tables.all():
        if table.template in ("expenditure", "general"):
            budget_table_set(
                actor=actor, document=document, template=table.template, rows_text=EXPENDITURE
            )
        else:
            budget_table_set(
                actor=actor, document=document, template=table.template, rows_text="",
                empty_note="本单位无此项收支，故本表为空表。",
            )  # fmt: skip
    budget_three_set(
        actor=actor, document=document, figures=three or THREE, explanation=three_explanation
    )


def make_document(
    actor,
    organisation,
    *,
    year=2025,
    kind=DocumentKind.FINAL,
    approved_on=dt.date(2026, 8, 18),
    publish_on: dt.date | None = None,
    three=None,
    three_explanation="",
):
    document = budget_create(
        actor=actor, organisation=organisation, year=year, kind=kind, approved_on=approved_on,
        approved_by="湛江市财政局", explanation="一、部门职责……二、机关运行经费……",
    )  # fmt: skip
    fill(actor, document, three=three, three_explanation=three_explanation)
    if publish_on is not None:
        at = dt.datetime.combine(publish_on, dt.time(10), tzinfo=CHINA)
        budget_publish(actor=actor, document=document, published_at=at)
        document.refresh_from_db()
    return document
