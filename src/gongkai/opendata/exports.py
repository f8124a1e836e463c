"""The files of a built-in dataset: CSV (UTF-8 with a BOM, for Excel), JSON and XLSX, the
same fields in the same order; CSV and XLSX headed by the fields' Chinese titles, JSON
keyed by their names."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from openpyxl import Workbook

from gongkai.opendata.selectors import FieldInfo
from gongkai.opendata.vocabulary import MEDIA_TYPES

# A cell starting with one of these is a formula to Excel: written with a leading quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class _Echo:
    def write(self, value):
        return value


def csv_stream(fields: list[FieldInfo], rows: Iterable[dict]):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([f.title for f in fields])
    for row in rows:
        yield writer.writerow([_cell(row.get(f.name)) for f in fields])


def json_document(slug: str, fields: list[FieldInfo], rows: Iterable[dict]) -> bytes:
    document = {
        "dataset": slug,
        "fields": [{"name": f.name, "title": f.title, "type": f.type} for f in fields],
        "records": [{f.name: row.get(f.name) for f in fields} for row in rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def xlsx_document(title: str, fields: list[FieldInfo], rows: Iterable[dict]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31] or "data")
    sheet.append([f.title for f in fields])
    for row in rows:
        sheet.append([_cell(row.get(f.name)) for f in fields])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def builtin_response(dataset, fields: list[FieldInfo], rows: Iterable[dict], file_format: str):
    filename = f"{dataset.slug}.{file_format}"
    response: HttpResponse | StreamingHttpResponse
    if file_format == "csv":
        response = StreamingHttpResponse(
            csv_stream(fields, rows), content_type="text/csv; charset=utf-8"
        )
    elif file_format == "json":
        response = HttpResponse(
            json_document(dataset.slug, fields, rows),
            content_type="application/json; charset=utf-8",
        )
    else:
        response = HttpResponse(
            xlsx_document(dataset.title, fields, rows), content_type=MEDIA_TYPES["xlsx"]
        )
    return _attachment(response, filename)


def resource_response(resource):
    return FileResponse(
        resource.file.open("rb"),
        as_attachment=True,
        filename=f"{resource.dataset.slug}.{resource.format}",
        content_type=MEDIA_TYPES[resource.format],
    )
