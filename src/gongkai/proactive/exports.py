"""Spreadsheet and CSV files: the proactive disclosure catalog and the standard catalog."""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterable, Iterator

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook, load_workbook

from gongkai.core.errors import ServiceError
from gongkai.core.filebounds import MAX_TEXT_CHARS, check_archive, check_text_length
from gongkai.proactive.law import CATALOG_COLUMNS
from gongkai.proactive.selectors import CatalogRow
from gongkai.proactive.services import CatalogRow as StandardRow

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def catalog_header() -> list[str]:
    # The columns of seed 001's 主动公开基本目录, plus the index number and date.
    return [
        _("Category"), pgettext("information item", "Catalog section"), _("Name"), pgettext("information item", "Summary"), _("Responsible department"),
        _("Carriers"), _("Web link"), pgettext("information item", "Index number"), pgettext("information item", "Date published"),
    ]  # fmt: skip


def _catalog_values(row: CatalogRow) -> list:
    return [
        row.group, row.section, row.name, row.summary, row.department, row.carriers, row.url,
        row.index_number, row.published_on.isoformat() if row.published_on else "",
    ]  # fmt: skip


def _safe(value):
    # Spreadsheet formula injection: a cell starting with = + - @ is shown as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


class _Echo:
    """A file for ``csv.writer`` that hands each written line back, for streaming."""

    def write(self, value: str) -> str:
        return value


def catalog_csv(rows: Iterable[CatalogRow]) -> StreamingHttpResponse:
    """The catalog as CSV, written as it is read: a million rows never sit in memory."""
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(catalog_header())  # Excel reads UTF-8 with a BOM
        for row in rows:
            yield writer.writerow([_safe(v) for v in _catalog_values(row)])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="catalog.csv"'
    return response


def _xlsx_response(workbook: Workbook, filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# An .xlsx sheet holds 1,048,576 rows (Excel's limit; openpyxl writes more and Excel then
# refuses the file): the header and this many rows.
XLSX_MAX_ROWS = 1_048_575


def catalog_xlsx(rows: Iterable[CatalogRow], *, limit: int = XLSX_MAX_ROWS) -> FileResponse:
    """The catalog as .xlsx in openpyxl's write-only mode (rows go to a temporary file,
    not a tree of cells) and sent from a temporary file. When there are more than ``limit``
    rows the sheet's last row is a note pointing to the CSV, which has no row limit."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(pgettext("information item", "Proactive disclosure catalog")[:31])
    sheet.append(catalog_header())
    rows = iter(rows)
    pending, written = next(rows, None), 0
    while pending is not None:
        following = next(rows, None)
        if written == limit - 1 and following is not None:
            sheet.append([_xlsx_cut_note(written)])
            break
        sheet.append([_safe(v) for v in _catalog_values(pending)])
        pending, written = following, written + 1
    file = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    workbook.save(file)
    file.seek(0)
    return FileResponse(file, as_attachment=True, filename="catalog.xlsx", content_type=XLSX)


def _xlsx_cut_note(written: int) -> str:
    return _(
        "The catalog has more rows than a spreadsheet holds: only the first %(count)s rows "
        "are listed here. Download the CSV file for the whole catalog."
    ) % {"count": written}


def standard_catalog_xlsx(entries) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(CATALOG_COLUMNS))
    for e in entries:
        sheet.append([_safe(v) for v in (
            e.number, e.level1, e.level2, e.elements, e.basis, e.time_limit, e.subject,
            "、".join(e.channels), e.audience, e.method, e.levels,
        )])  # fmt: skip
    return _xlsx_response(workbook, "standard-catalog.xlsx")


def _cell(value) -> str:
    return "" if value is None else str(value).strip()


def standard_catalog_rows(content: bytes) -> list[StandardRow]:
    """Parse a standard catalog sheet; the header row names the columns (CATALOG_COLUMNS).

    The workbook's unpacked size is bounded before openpyxl opens it, and its text while
    it is read (``core.filebounds``): a small .xlsx must not become a huge table."""
    check_archive(content)
    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        table, chars = [], 0
        for row in sheet.iter_rows(values_only=True):
            cells = [_cell(v) for v in row]
            chars += sum(len(c) for c in cells)
            if chars > MAX_TEXT_CHARS:
                break
            table.append(cells)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise ServiceError(
            "unreadable_file", _("The file is not a readable .xlsx workbook.")
        ) from None
    check_text_length(chars)
    header_at = next((i for i, row in enumerate(table) if "一级事项" in row), None)
    if header_at is None:
        raise ServiceError("no_header", _("No header row with the standard catalog columns."))
    header = table[header_at]
    missing = [c for c in CATALOG_COLUMNS if c not in header]
    if missing:
        raise ServiceError(
            "missing_columns", _("Missing columns: %(columns)s") % {"columns": "、".join(missing)}
        )
    at = {name: header.index(name) for name in CATALOG_COLUMNS}
    rows: list[StandardRow] = []
    for raw in table[header_at + 1 :]:
        if not any(raw):
            continue
        get = lambda name, raw=raw: raw[at[name]] if at[name] < len(raw) else ""  # noqa: E731
        number = get("序号")
        rows.append(
            StandardRow(
                number=int(float(number))
                if number.replace(".", "", 1).isdigit()
                else len(rows) + 1,
                level1=get("一级事项"),
                level2=get("二级事项"),
                elements=get("公开内容（要素）"),
                basis=get("公开依据"),
                time_limit=get("公开时限"),
                subject=get("公开主体"),
                channels=[c for c in _split(get("公开渠道和载体")) if c],
                audience=get("公开对象"),
                method=get("公开方式"),
                levels=get("公开层级"),
            )  # fmt: skip
        )
    return rows


def _split(value: str) -> list[str]:
    for separator in ("，", ",", "；", ";", "\n", " "):
        value = value.replace(separator, "、")
    # "发布会/听证会" and "社区/企事业单位/村公示栏（电子屏）" keep their slashes.
    return [part.strip() for part in value.split("、")]


def _person(user) -> str:
    profile = getattr(user, "staff_profile", None)
    return (profile.full_name if profile else "") or user.get_username()


def self_check_header() -> list[str]:
    return [
        pgettext("information item", "Index number"), _("Title"), _("Drafting unit"),
        _("Reason for withholding"), _("Legal basis"), _("Self-check decision"),
        _("Explanation"), _("Decided by"), _("Decided at"),
    ]  # fmt: skip


def self_check_table(decisions, undecided) -> list[list]:
    """One row per withheld item of the year: decided ones, then those still to decide."""
    rows = []
    for d in decisions:
        item = d.item
        rows.append([
            item.index_number, item.title, item.unit.name if item.unit else "",
            item.label_reason if item.label == "withheld" else "",
            item.label_basis or (str(item.negative_entry) if item.negative_entry else ""),
            d.get_label_display(), d.comment,
            _person(d.actor),
            timezone.localtime(d.at).strftime("%Y-%m-%d %H:%M"),
        ])  # fmt: skip
    for item in undecided:
        rows.append([
            item.index_number, item.title, item.unit.name if item.unit else "", item.label_reason,
            item.label_basis or (str(item.negative_entry) if item.negative_entry else ""),
            pgettext("self-check", "Not yet decided"), "", "", "",
        ])  # fmt: skip
    return rows


def self_check_summary_rows(summary) -> list[tuple[str, int]]:
    return [
        (_("Withheld items decided"), summary.decided),
        (_("Kept withheld"), summary.kept_withheld),
        (_("Made public (reopened for publication)"), summary.made_public),
        (_("Changed to disclosure on request"), summary.on_request),
        (pgettext("self-check", "Not yet decided"), summary.undecided),
        (_("Active negative-list entries"), summary.negative_active),
        (_("Negative-list entries edited this year"), summary.negative_edited),
        (_("Negative-list entries retired this year"), summary.negative_retired),
        (_("Negative-list entries past their review date"), summary.negative_due),
    ]


def self_check_csv(rows: list[list], year: int) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="self-check-{year}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 CSV correctly with a BOM
    writer = csv.writer(response)
    writer.writerow(self_check_header())
    for row in rows:
        writer.writerow([_safe(v) for v in row])
    return response


def self_check_xlsx(rows: list[list], summary, signed_off, year: int) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Self-check %(year)d") % {"year": year}
    sheet.append(self_check_header())
    for row in rows:
        sheet.append([_safe(v) for v in row])
    totals = workbook.create_sheet(pgettext("self-check", "Summary"))
    totals.append([_("Item"), _("Count")])
    for label, value in self_check_summary_rows(summary):
        totals.append([label, value])
    if signed_off is not None:
        at = timezone.localtime(signed_off.signed_off_at).strftime("%Y-%m-%d %H:%M")
        totals.append([_("Signed off by"), f"{_person(signed_off.signed_off_by)} {at}"])
    return _xlsx_response(workbook, f"self-check-{year}.xlsx")
