"""The registers as files: xlsx, CSV and JSON with the same columns.

The file format is Chinese whatever the interface language (like the 权责清单's), so the
headers are data here rather than translated labels.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable

from openpyxl import Workbook

from gongkai.guides.law import DATUM, MATERIAL_FORM_NAMES, OnlineDepth

Column = tuple[str, Callable]


def _materials(guide) -> str:
    forms = MATERIAL_FORM_NAMES
    return "\n".join(
        f"{m.name}（{m.copies}份，{forms.get(m.form, m.form)}）" for m in guide.materials.all()
    )


GUIDE_COLUMNS: list[Column] = [
    ("事项编码", lambda g: g.code),
    ("事项名称", lambda g: g.name),
    ("实施主体", lambda g: g.organisation.name),
    ("对应权责事项编码", lambda g: g.power.code if g.power else ""),
    ("设定依据", lambda g: "\n".join(str(b) for b in g.bases.all())),
    ("受理条件", lambda g: g.conditions),
    ("申请材料", _materials),
    ("办理流程", lambda g: "→".join(s.name for s in g.steps.all())),
    ("法定时限（工作日）", lambda g: g.legal_days),
    ("承诺时限（工作日）", lambda g: g.promised_days),
    ("是否收费", lambda g: "是" if g.charges_fee else "否"),
    ("收费标准", lambda g: g.fee_standard if g.charges_fee else "不收费"),
    ("收费依据", lambda g: g.fee_basis),
    ("办理地点", lambda g: g.place),
    ("办理时间", lambda g: g.hours),
    ("咨询电话", lambda g: g.enquiry_phone),
    ("监督电话", lambda g: g.complaint_phone),
    ("到现场次数", lambda g: g.visits),
    ("网办深度", lambda g: str(OnlineDepth(g.online_depth).label)),
    ("版本", lambda g: g.version),
    ("更新日期", lambda g: g.changed_on.isoformat()),
]
POINT_COLUMNS: list[Column] = [
    ("名称", lambda p: p.name),
    ("类型", lambda p: str(p.get_kind_display())),
    ("地址", lambda p: p.address),
    (f"纬度（{DATUM}）", lambda p: str(p.latitude)),
    (f"经度（{DATUM}）", lambda p: str(p.longitude)),
    ("办公时间", lambda p: p.hours),
    ("电话", lambda p: p.phone),
    ("可办事项", lambda p: "；".join(g.name for g in p.guides.all())),
]
ISSUE_COLUMNS: list[Column] = [
    ("年份", lambda i: i.year),
    ("期号", lambda i: i.number),
    ("收录起始日期", lambda i: i.period_start.isoformat()),
    ("收录截止日期", lambda i: i.period_end.isoformat()),
    ("文件数", lambda i: i.documents),
    ("发布日期", lambda i: i.published_at.date().isoformat()),
]


def table_rows(objects: Iterable, columns: list[Column]) -> list[list]:
    return [[value(obj) for _header, value in columns] for obj in objects]


def to_xlsx(objects: Iterable, columns: list[Column], *, sheet: str) -> bytes:
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    worksheet.append([header for header, _value in columns])
    for row in table_rows(objects, columns):
        worksheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_csv(objects: Iterable, columns: list[Column]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([header for header, _value in columns])
    writer.writerows(table_rows(objects, columns))
    # A BOM so that Excel on Chinese Windows opens the UTF-8 file as such.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def guide_json(guide) -> dict:
    return {
        "id": guide.pk,
        "code": guide.code,
        "name": guide.name,
        "organisation": guide.organisation.name,
        "power": {"id": guide.power_id, "code": guide.power.code} if guide.power else None,
        "bases": [{"law": b.law, "article": b.article} for b in guide.bases.all()],
        "conditions": guide.conditions,
        "materials": [
            {"name": m.name, "copies": m.copies, "form": m.form, "note": m.note}
            for m in guide.materials.all()
        ],
        "steps": [{"name": s.name, "description": s.description} for s in guide.steps.all()],
        "legal_days": guide.legal_days,
        "promised_days": guide.promised_days,
        "charges_fee": guide.charges_fee,
        "fee_standard": guide.fee_standard,
        "fee_basis": guide.fee_basis,
        "place": guide.place,
        "hours": guide.hours,
        "enquiry_phone": guide.enquiry_phone,
        "complaint_phone": guide.complaint_phone,
        "visits": guide.visits,
        "online_depth": guide.online_depth,
        "online_url": guide.online_url,
        "version": guide.version,
        "changed_on": guide.changed_on,
    }


def point_json(point) -> dict:
    return {
        "id": point.pk,
        "name": point.name,
        "kind": point.kind,
        "kind_label": str(point.get_kind_display()),
        "address": point.address,
        "datum": DATUM,
        "latitude": float(point.latitude),
        "longitude": float(point.longitude),
        "hours": point.hours,
        "phone": point.phone,
        "guides": [{"id": g.pk, "code": g.code, "name": g.name} for g in point.guides.all()],
    }


def to_json(payload) -> bytes:
    return json.dumps(payload, ensure_ascii=False, default=str, indent=1).encode("utf-8")
