"""Ledger exports for inspections (台账): CSV and xlsx with the same columns."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from gongkai.core import vocabulary
from gongkai.core.models import LedgerEntry


def _header() -> list[str]:
    return [
        _("Number"),
        _("Time"),
        _("Actor"),
        _("Action"),
        _("Organisation"),
        _("Object type"),
        _("Object id"),
        _("Object"),
        _("Summary"),
        _("Hash"),
    ]


def _row(entry: LedgerEntry) -> list[Any]:
    return [
        entry.seq,
        timezone.localtime(entry.created_at).strftime("%Y-%m-%d %H:%M:%S"),
        vocabulary.actor_label(entry.actor_name),
        vocabulary.action_label(entry.action),
        entry.organisation.name if entry.organisation else "",
        vocabulary.object_type_label(entry.object_type),
        entry.object_id,
        entry.object_repr,
        vocabulary.summary_text(entry.action, entry.summary),
        entry.entry_hash,
    ]


class _Echo:
    def write(self, value: str) -> str:
        return value


def ledger_csv_response(entries: QuerySet[LedgerEntry]) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def rows() -> Iterator[str]:
        # A BOM so that Excel opens the Chinese text correctly.
        yield "\ufeff" + writer.writerow(_header())
        for entry in entries.iterator(chunk_size=2000):
            yield writer.writerow(_row(entry))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ledger.csv"'
    return response


def ledger_xlsx_response(entries: QuerySet[LedgerEntry]) -> HttpResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Ledger"))
    sheet.append(_header())
    for entry in entries.iterator(chunk_size=2000):
        sheet.append(_row(entry))
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="ledger.xlsx"'
    return response
