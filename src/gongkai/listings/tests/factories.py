"""Builders for the listings tests: spreadsheets as people fill them, powers via services."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook

from gongkai.listings.law import PowerKind
from gongkai.listings.services import PowerFields, power_create

HEADERS = [
    "编码",
    "事项名称",
    "类型",
    "设定依据",
    "行使主体",
    "责任事项",
    "追责情形",
    "监督方式",
    "救济途径",
]
KIND_CYCLE = ["行政许可", "行政处罚", "行政强制", "行政检查", "行政确认", "其他"]
LISTED_ON = dt.date(2026, 3, 2)


def sheet_row(n: int, **overrides) -> list:
    values = {
        "编码": f"GA-{n:04d}",
        "事项名称": f"户籍事项{n}" if n % 3 == 0 else f"治安管理事项{n}",
        "类型": KIND_CYCLE[n % len(KIND_CYCLE)],
        "设定依据": "《中华人民共和国户口登记条例》第十条\n《中华人民共和国居民身份证法》第八条",
        "行使主体": "湛江市公安局",
        "责任事项": "1. 受理责任；2. 审查责任；3. 决定责任。",
        "追责情形": "对符合法定条件的申请不予受理的。",
        "监督方式": "法制支队监督；监督电话 0759-3183110",
        "救济途径": "向湛江市人民政府申请行政复议或者提起行政诉讼",
    }
    values.update(overrides)
    return [values[h] for h in HEADERS]


def xlsx_bytes(rows: list[list], *, headers=HEADERS, title_rows: int = 1) -> bytes:
    """A workbook like the provincial template: a title line, then the header, then rows."""
    workbook = Workbook()
    sheet = workbook.active
    for _ in range(title_rows):
        sheet.append(["湛江市公安局权责清单"])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def powers_file(count: int) -> bytes:
    return xlsx_bytes([sheet_row(n) for n in range(1, count + 1)])


def fields(code: str = "GA-0001", **overrides) -> PowerFields:
    values = {
        "code": code,
        "name": "户口迁移审批",
        "kind": PowerKind.LICENSING,
        "bases": [("中华人民共和国户口登记条例", "第十条")],
        "exercised_by": "湛江市公安局（户政科）",
        "responsibilities": "1. 受理责任；2. 审查责任。",
        "accountability": "对符合法定条件的申请不予受理的。",
        "supervision": "法制支队监督",
        "remedy": "行政复议或者行政诉讼",
    }
    values.update(overrides)
    return PowerFields(**values)


def make_power(actor, organisation, code: str = "GA-0001", **overrides):
    return power_create(
        actor=actor,
        organisation=organisation,
        fields=fields(code, **overrides),
        changed_on=LISTED_ON,
        reason="首次公布",
    )
