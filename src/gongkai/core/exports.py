"""Ledger exports for inspections (台账): CSV and xlsx with the same columns."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from gongkai.core import vocabulary


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


def _row(entry) -> list:
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
    def write(self, value):
        return value


def ledger_csv_response(entries) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def rows():
        # A BOM so that Excel opens the Chinese text correctly.
        yield "\ufeff" + writer.writerow(_header())
        for entry in entries.iterator(chunk_size=2000):
            yield writer.writerow(_row(entry))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ledger.csv"'
    return response


def ledger_xlsx_response(entries) -> HttpResponse:
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
