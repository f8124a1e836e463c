"""Service guides from an .xlsx file: the columns of the guides' own export
(``formats.GUIDE_COLUMNS``), so an exported list imports back as it was.

Reading writes nothing: every data row becomes a ``Row`` with what was understood and its
errors in Chinese (the file format is Chinese whatever the interface language, like the
export's headers). ``services.guide_import_apply`` saves only a file without any error.
A row whose 事项编码 is already in the register is left as it is (change it on its page).
"""

from __future__ import annotations

import dataclasses
import io
import re

from openpyxl import load_workbook

from gongkai.core.errors import ServiceError
from gongkai.core.filebounds import check_archive
from gongkai.guides.law import MATERIAL_FORM_NAMES, OnlineDepth

# Bounds: a body has a few hundred guides; 1 MiB of xlsx holds thousands of rows, and the
# preview carries the file back signed in a form field, under DATA_UPLOAD_MAX_MEMORY_SIZE.
MAX_IMPORT_BYTES = 1024 * 1024
MAX_ROWS = 2_000
REQUIRED = ("事项编码", "事项名称", "设定依据", "申请材料", "办理流程", "法定时限（工作日）")
MESSAGES = {
    "not_xlsx": "无法读取该文件，请上传由 Excel 或 WPS 保存的 .xlsx 文件。",
    "too_large": "文件超过 1 MB，请拆分后再导入。",
    "too_many_rows": f"文件超过 {MAX_ROWS} 行，请拆分后再导入。",
    "missing_columns": "缺少以下列：{columns}（请使用办事指南导出文件的列）。",
    "empty": "文件中没有数据行。",
}
DEPTHS = {"一级": 1, "二级": 2, "三级": 3, "四级": 4}
FORMS = {name: form for form, name in MATERIAL_FORM_NAMES.items()}
MATERIAL = re.compile(r"^(?P<name>.+?)（(?P<copies>\d+)份，(?P<form>[^）]+)）$")
BASIS = re.compile(r"^《(?P<law>[^》]+)》(?P<article>.*)$")


@dataclasses.dataclass
class Row:
    number: int  # the row in the sheet, as Excel numbers it
    code: str = ""
    name: str = ""
    organisation: str = ""
    power_code: str = ""
    bases: list = dataclasses.field(default_factory=list)
    materials: list = dataclasses.field(default_factory=list)
    steps: list = dataclasses.field(default_factory=list)
    values: dict = dataclasses.field(default_factory=dict)
    errors: list[str] = dataclasses.field(default_factory=list)
    exists: bool = False  # the code is already in the register: left unchanged


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _whole(row: Row, header: str, text: str, *, required: bool) -> int:
    if not text:
        if required:
            row.errors.append(f"缺少{header}。")
        return 0
    if not text.isdigit():
        row.errors.append(f"{header}“{text}”不是非负整数。")
        return 0
    return int(text)


def _read_row(number: int, cells: dict[str, str]) -> Row:
    row = Row(number=number, code=cells.get("事项编码", ""), name=cells.get("事项名称", ""))
    if not row.code:
        row.errors.append("缺少事项编码。")
    if not row.name:
        row.errors.append("缺少事项名称。")
    if len(row.code) > 60 or len(row.name) > 300:
        row.errors.append("事项编码或事项名称过长。")
    row.organisation = cells.get("实施主体", "")
    row.power_code = cells.get("对应权责事项编码", "")
    for line in filter(None, map(str.strip, cells.get("设定依据", "").splitlines())):
        match = BASIS.match(line)
        if match is None:
            row.errors.append(f"设定依据“{line}”应写作《法律法规名称》第X条。")
        else:
            row.bases.append((match["law"], match["article"].strip()))
    if not row.bases and not any("设定依据" in e for e in row.errors):
        row.errors.append("缺少设定依据。")
    for line in filter(None, map(str.strip, cells.get("申请材料", "").splitlines())):
        match = MATERIAL.match(line)
        if match is None or match["form"] not in FORMS:
            row.errors.append(
                f"申请材料“{line}”应写作：材料名称（1份，原件 / 复印件 / 原件和复印件 / 电子）。"
            )
        else:
            row.materials.append((match["name"], int(match["copies"]), FORMS[match["form"]], ""))
    if not row.materials and not any("申请材料" in e for e in row.errors):
        row.errors.append("缺少申请材料。")
    row.steps = [(s.strip(), "") for s in cells.get("办理流程", "").split("→") if s.strip()]
    if not row.steps:
        row.errors.append("缺少办理流程。")
    legal = _whole(row, "法定时限（工作日）", cells.get("法定时限（工作日）", ""), required=True)
    promised_text = cells.get("承诺时限（工作日）", "")
    promised = _whole(row, "承诺时限（工作日）", promised_text, required=False)
    if not promised_text:
        promised = legal
    fee = cells.get("是否收费", "否") or "否"
    if fee not in ("是", "否"):
        row.errors.append(f"是否收费应填“是”或“否”，而不是“{fee}”。")
    depth_text = cells.get("网办深度", "")
    depth = next((v for k, v in DEPTHS.items() if depth_text.startswith(k)), 0)
    if depth_text and not depth:
        row.errors.append(f"网办深度“{depth_text}”无法识别（应为一级至四级）。")
    standard = cells.get("收费标准", "")
    row.values = {
        "conditions": cells.get("受理条件", ""),
        "legal_days": legal,
        "promised_days": promised,
        "charges_fee": fee == "是",
        "fee_standard": "" if standard == "不收费" else standard,
        "fee_basis": cells.get("收费依据", ""),
        "place": cells.get("办理地点", ""),
        "hours": cells.get("办理时间", ""),
        "enquiry_phone": cells.get("咨询电话", ""),
        "complaint_phone": cells.get("监督电话", ""),
        "visits": _whole(row, "到现场次数", cells.get("到现场次数", ""), required=False),
        "online_depth": depth or OnlineDepth.ONE,
    }
    return row


def read_guides_xlsx(content: bytes) -> list[Row]:
    """Every data row of the first sheet, each with its own errors; a file that cannot be
    read at all (not .xlsx, too big, columns missing) is refused with a ServiceError."""
    if len(content) > MAX_IMPORT_BYTES:
        raise ServiceError("import_too_large", MESSAGES["too_large"])
    check_archive(content)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2))
        workbook.close()
    except Exception as error:  # openpyxl raises many kinds on a broken file
        raise ServiceError("import_unreadable", MESSAGES["not_xlsx"]) from error
    if len(rows) > MAX_ROWS + 1:
        raise ServiceError("import_too_many_rows", MESSAGES["too_many_rows"])
    if not rows:
        raise ServiceError("import_empty", MESSAGES["empty"])
    headers = [_text(h) for h in rows[0]]
    missing = [h for h in REQUIRED if h not in headers]
    if missing:
        raise ServiceError(
            "import_columns", MESSAGES["missing_columns"].format(columns="、".join(missing))
        )
    parsed = []
    for number, values in enumerate(rows[1:], start=2):
        cells = {h: _text(v) for h, v in zip(headers, values, strict=False) if h}
        if any(cells.values()):
            parsed.append(_read_row(number, cells))
    if not parsed:
        raise ServiceError("import_empty", MESSAGES["empty"])
    seen: dict[str, int] = {}
    for row in parsed:
        if row.code and row.code in seen:
            row.errors.append(f"事项编码与第 {seen[row.code]} 行重复。")
        seen.setdefault(row.code, row.number)
    return parsed
