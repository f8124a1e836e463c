"""All comments of a consultation as CSV and xlsx, for the drafting unit's synthesis."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook


def _header() -> list[str]:
    return [
        _("Number"),
        _("Received at"),
        _("Provision"),
        _("Comment"),
        _("Full name"),
        _("Contact"),
        _("Status"),
        _("Adoption decision"),
        _("Reason"),
    ]


def _row(comment) -> list:
    return [
        comment.pk,
        timezone.localtime(comment.created_at).strftime("%Y-%m-%d %H:%M"),
        comment.provision.label if comment.provision else _("The whole draft"),
        comment.body,
        comment.author_name,
        comment.contact,
        comment.get_status_display(),
        comment.get_decision_display(),
        comment.decision_reason,
    ]


class _Echo:
    def write(self, value):
        return value


def _safe(value):
    # Spreadsheet formula injection: a cell starting with = + - @ is shown as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def comments_csv_response(comments, filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def rows():
        yield "\ufeff" + writer.writerow(_header())  # a BOM so Excel reads the Chinese text
        for comment in comments.iterator(chunk_size=2000):
            yield writer.writerow([_safe(v) for v in _row(comment)])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def comments_xlsx_response(comments, filename: str) -> HttpResponse:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Comments"))
    sheet.append(_header())
    for comment in comments.iterator(chunk_size=2000):
        sheet.append([_safe(v) for v in _row(comment)])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
