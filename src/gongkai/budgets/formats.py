"""A published document, or the 三公 figures year by year, as xlsx, CSV and JSON.

The files carry the same tables the page shows (Chinese headers: the format is Chinese
whatever the interface language); amounts in 万元.
"""

from __future__ import annotations

import csv
import io
import json

from django.utils.translation import gettext as _
from openpyxl import Workbook

from gongkai.budgets.law import THREE_AMOUNTS, THREE_COUNTS
from gongkai.budgets.models import BudgetDocument
from gongkai.budgets.selectors import tables_of, three_lines
from gongkai.budgets.services import document_title


def _sections(document: BudgetDocument) -> list[tuple[str, list[list]]]:
    """(title, rows with a header row) for each table, then the 三公 table and counts."""
    sections = []
    for table in tables_of(document):
        header = [_("Subject code"), _("Subject name"), *(str(c) for c in table.columns)]
        rows = [[r["code"], r["name"], *(str(a) for a in r["amounts"])] for r in table.rows]
        if not rows:
            rows = [["", table.empty_note, *([""] * len(table.columns))]]
        sections.append((table.title, [header, *rows]))
    three = [
        [
            _("Item"),
            _("Amount"),
            _("Year before"),
            _("Change from the year before"),
            _("Change in percent"),
        ]
    ]
    for line in three_lines(document):
        three.append(
            [
                line.label,
                str(line.amount),
                "" if line.previous is None else str(line.previous),
                "" if line.change is None else str(line.change),
                "" if line.percent is None else str(line.percent),
            ]
        )
    three += [[str(label), str(getattr(document, f)), "", "", ""] for f, label in THREE_COUNTS]
    three.append([_("Reasons for the change"), document.three_explanation, "", "", ""])
    sections.append((str(_("Three public expenses")), three))
    return sections


def document_xlsx(document: BudgetDocument) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for index, (title, rows) in enumerate(_sections(document), start=1):
        sheet = book.create_sheet(f"{index}"[:31])
        sheet.append([f"{document_title(document)} {title}（{_('10,000 yuan')}）"])
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def document_csv(document: BudgetDocument) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    for title, rows in _sections(document):
        writer.writerow([f"{document_title(document)} {title}（{_('10,000 yuan')}）"])
        writer.writerows(rows)
        writer.writerow([])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def document_json(document: BudgetDocument, *, brief: bool = False) -> dict:
    head = {
        "id": document.pk,
        "title": document_title(document),
        "organisation": document.organisation.name,
        "year": document.year,
        "kind": document.kind,
        "kind_label": str(document.get_kind_display()),
        "approved_on": document.approved_on.isoformat(),
        "approved_by": document.approved_by,
        "published_at": document.published_at.isoformat() if document.published_at else None,
        "due_on": _due_on(document),
    }
    if brief:
        return head
    return {
        **head,
        "explanation": document.explanation,
        "unit": "万元",
        "tables": [
            {
                "code": t.code,
                "title": t.title,
                "columns": [str(c) for c in t.columns],
                "rows": [
                    {
                        "code": r["code"],
                        "name": r["name"],
                        "amounts": [str(a) for a in r["amounts"]],
                    }
                    for r in t.rows
                ],
                "empty_note": t.empty_note,
            }
            for t in tables_of(document)
        ],
        "three_public_expenses": {
            "lines": [
                {
                    "item": line.field,
                    "label": line.label,
                    "amount": str(line.amount),
                    "previous": None if line.previous is None else str(line.previous),
                    "change": None if line.change is None else str(line.change),
                    "change_percent": None if line.percent is None else str(line.percent),
                }
                for line in three_lines(document)
            ],
            "counts": {f: getattr(document, f) for f, _label in THREE_COUNTS},
            "explanation": document.three_explanation,
        },
        "corrections": [
            {"corrected_on": c.corrected_on.isoformat(), "what": c.what, "reason": c.reason}
            for c in document.corrections.all()
        ],
    }


def _due_on(document: BudgetDocument) -> str | None:
    clock = document.clock
    return clock.due_on.isoformat() if clock is not None and clock.due_on else None


def _series_rows(documents) -> list[list]:
    header = [
        _("Organisation"),
        _("Year"),
        _("Document"),
        *(str(label) for _f, label in THREE_AMOUNTS),
        _("Sum"),
        *(str(label) for _f, label in THREE_COUNTS),
    ]
    rows = [header]
    for d in documents:
        rows.append(
            [
                d.organisation.name,
                d.year,
                str(d.get_kind_display()),
                *(str(getattr(d, f)) for f, _label in THREE_AMOUNTS),
                str(d.three_total),
                *(getattr(d, f) for f, _label in THREE_COUNTS),
            ]
        )
    return rows


def series_csv(documents) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(_series_rows(documents))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def series_xlsx(documents) -> bytes:
    book = Workbook()
    for row in _series_rows(documents):
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def series_json(documents) -> bytes:
    rows = _series_rows(documents)
    keys = ["organisation", "year", "kind"] + [f for f, _l in THREE_AMOUNTS] + ["total"]
    keys += [f for f, _l in THREE_COUNTS]
    return json.dumps(
        [dict(zip(keys, r, strict=True)) for r in rows[1:]], ensure_ascii=False
    ).encode()
