"""The powers list as a file: reading an uploaded xlsx and writing xlsx, CSV and JSON.

The columns are the provincial 权责清单 template's (seed 003); the same headers are read and
written, so an exported list imports again unchanged. The file format is Chinese whatever
the interface language, so the headers are data here rather than translated labels.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import zipfile

from django import forms
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from gongkai.core.errors import ServiceError
from gongkai.listings.law import BASIS_PATTERN, BASIS_SEPARATORS, KIND_NAMES, PowerKind

# (field, header in the file, required)
COLUMNS = (
    ("code", "编码", True),
    ("name", "事项名称", True),
    ("kind", "类型", True),
    ("bases", "设定依据", True),
    ("exercised_by", "行使主体", True),
    ("responsibilities", "责任事项", False),
    ("accountability", "追责情形", False),
    ("supervision", "监督方式", False),
    ("remedy", "救济途径", False),
)
TEXT_FIELDS = (
    "name",
    "exercised_by",
    "responsibilities",
    "accountability",
    "supervision",
    "remedy",
)
LIMITS = {"code": 60, "name": 300, "exercised_by": 300}
HEADER_SEARCH_ROWS = 10
MAX_ROWS = 20_000
KIND_HEADER: dict[PowerKind, str] = {}
for _name, _kind in KIND_NAMES.items():
    KIND_HEADER.setdefault(_kind, _name)


@dataclasses.dataclass
class ParsedRow:
    line: int  # the row number in the spreadsheet, as the person sees it
    fields: dict
    bases: list[tuple[str, str]]
    errors: list[str]


def bases_parse(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Split a 设定依据 cell into (law, article) pairs; the errors name the bad part."""
    bases, errors = [], []
    for part in BASIS_SEPARATORS.split(text or ""):
        part = part.strip().rstrip("。")
        if not part:
            continue
        match = BASIS_PATTERN.match(part)
        if match is None:
            errors.append(
                _(
                    "The legal basis “%(basis)s” must name the law in 《》 followed by its "
                    "article, like 《中华人民共和国居民身份证法》第八条."
                )
                % {"basis": part}
            )
        else:
            bases.append((match["law"].strip(), match["article"].strip()))
    return bases, errors


class BasesFormMixin(forms.BaseForm):
    """For a form with a ``bases`` text field (one 设定依据 per line, as in the spreadsheet):
    cleaned into (law, article) pairs, or refused naming every bad part. The powers list
    and the service guides both take it."""

    def clean_bases(self) -> list[tuple[str, str]]:
        bases, errors = bases_parse(self.cleaned_data["bases"])
        if errors:
            raise forms.ValidationError(errors)
        return bases


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").replace("\u3000", " ").strip()


def _header_row(rows: list[tuple]) -> tuple[int, dict[str, int]]:
    wanted = {header: field for field, header, _required in COLUMNS}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = {wanted[_cell(v)]: i for i, v in enumerate(row) if _cell(v) in wanted}
        if "name" in found and "code" in found:
            missing = [h for f, h, required in COLUMNS if required and f not in found]
            if missing:
                raise ServiceError(
                    "missing_columns",
                    _("The file has no column %(columns)s.") % {"columns": "、".join(missing)},
                )
            return index, found
    raise ServiceError(
        "no_header",
        _("No header row with 编码 and 事项名称 was found in the first %(rows)d rows.")
        % {"rows": HEADER_SEARCH_ROWS},
    )


def powers_read_xlsx(content: bytes) -> list[ParsedRow]:
    """Every data row of the first sheet, each with its own errors (nothing is written)."""
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ServiceError(
            "unreadable_file", _("The file could not be read; upload an .xlsx spreadsheet.")
        ) from None
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True, max_row=MAX_ROWS + HEADER_SEARCH_ROWS))
    workbook.close()
    header_index, positions = _header_row(rows)
    parsed: list[ParsedRow] = []
    seen: dict[str, int] = {}
    for offset, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        values = {f: _cell(row[i]) if i < len(row) else "" for f, i in positions.items()}
        if not any(values.values()):
            continue
        parsed.append(_row_parse(offset, values, seen))
    if not parsed:
        raise ServiceError("empty_list", _("The file has no powers under its header row."))
    return parsed


def _row_parse(line: int, values: dict, seen: dict[str, int]) -> ParsedRow:
    errors: list[str] = []
    for field, header, required in COLUMNS:
        if required and not values.get(field):
            errors.append(_("%(column)s is empty.") % {"column": header})
    for field, limit in LIMITS.items():
        if len(values.get(field, "")) > limit:
            header = next(h for f, h, _r in COLUMNS if f == field)
            errors.append(
                _("%(column)s is longer than %(limit)d characters.")
                % {"column": header, "limit": limit}
            )
    code = values.get("code", "")
    if code and code in seen:
        errors.append(
            _("The code %(code)s is already used on row %(line)d.")
            % {"code": code, "line": seen[code]}
        )
    elif code:
        seen[code] = line
    kind = KIND_NAMES.get(values.get("kind", "").replace(" ", ""))
    if values.get("kind") and kind is None:
        errors.append(
            _("The kind “%(kind)s” is not one of: %(kinds)s.")
            % {"kind": values["kind"], "kinds": "、".join(KIND_HEADER.values())}
        )
    bases, basis_errors = bases_parse(values.get("bases", ""))
    errors.extend(basis_errors)
    fields = {f: values.get(f, "") for f in TEXT_FIELDS}
    fields["code"] = code
    fields["kind"] = kind.value if kind else ""
    return ParsedRow(line=line, fields=fields, bases=bases, errors=errors)


def _export_row(power) -> list[str]:
    return [
        power.code,
        power.name,
        KIND_HEADER[PowerKind(power.kind)],
        "\n".join(str(b) for b in power.bases.all()),
        power.exercised_by,
        power.responsibilities,
        power.accountability,
        power.supervision,
        power.remedy,
    ]


def _headers() -> list[str]:
    return [header for _field, header, _required in COLUMNS] + ["版本", "调整日期"]


def powers_xlsx(powers) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("权责清单")
    sheet.append(_headers())
    for power in powers:
        sheet.append([*_export_row(power), power.version, power.changed_on.isoformat()])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def powers_csv(powers) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_headers())
    for power in powers:
        writer.writerow([*_export_row(power), power.version, power.changed_on.isoformat()])
    # A BOM so that Excel opens the Chinese text correctly.
    return "\ufeff" + buffer.getvalue()


def power_json(power) -> dict:
    return {
        "id": power.pk,
        "code": power.code,
        "name": power.name,
        "kind": power.kind,
        "kind_label": str(power.get_kind_display()),
        "organisation": power.organisation.name,
        "bases": [{"law": b.law, "article": b.article} for b in power.bases.all()],
        "exercised_by": power.exercised_by,
        "responsibilities": power.responsibilities,
        "accountability": power.accountability,
        "supervision": power.supervision,
        "remedy": power.remedy,
        "version": power.version,
        "changed_on": power.changed_on.isoformat(),
    }


def powers_json(powers) -> str:
    return json.dumps([power_json(p) for p in powers], ensure_ascii=False, indent=1)


# --- 机构职能 history ----------------------------------------------------------------------


def _change_rows(changes) -> list[list]:
    rows = [["日期", "机构或领导", "变更内容", "变更前", "变更后", "原因"]]
    for c in changes:
        rows.append(
            [
                c.changed_on.isoformat(),
                c.subject,
                str(c.get_field_display()),
                c.old,
                c.new,
                c.reason,
            ]
        )
    return rows


def changes_csv(changes) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(_change_rows(changes))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def changes_xlsx(changes) -> bytes:
    book = Workbook()
    for row in _change_rows(changes):
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def changes_json(changes) -> bytes:
    keys = ["changed_on", "subject", "what", "before", "after", "reason"]
    rows = [dict(zip(keys, r, strict=True)) for r in _change_rows(changes)[1:]]
    for row, change in zip(rows, changes, strict=True):
        row["field"] = change.field
    return json.dumps(rows, ensure_ascii=False).encode()
