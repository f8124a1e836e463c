"""Published decisions as files: xlsx, CSV and JSON (only what the public page shows).

The headers are the 公示 columns in Chinese whatever the interface language: the file is data.
"""

from __future__ import annotations

import csv
import io
import json

from openpyxl import Workbook

from gongkai.enforcement.transitions import DecisionStatus

HEADERS = ["决定书文号", "类别", "事项", "当事人", "统一社会信用代码", "违法事实", "依据",
           "处理决定", "决定日期", "执法机关", "状态", "撤下日期", "撤下原因"]  # fmt: skip


def decision_json(d) -> dict:
    """A decision as published; a withdrawn one keeps only its identity and the withdrawal."""
    shown = d.status == DecisionStatus.PUBLISHED
    return {
        "id": d.pk,
        "number": d.number,
        "kind": d.kind,
        "kind_label": str(d.get_kind_display()),
        "title": d.title,
        "party": d.party_public,
        "party_credit_code": d.party_credit_code if d.party_kind == "legal" else "",
        "facts": d.published_facts if shown else "",
        "legal_basis": d.basis if shown else "",
        "content": d.published_content if shown else "",
        "decided_on": d.decided_on.isoformat(),
        "agency": d.body.name,
        "status": d.status,
        "withdrawal": d.withdrawal,
        "withdrawn_on": d.withdrawn_on.isoformat() if d.withdrawn_on else None,
        "withdrawal_reason": d.withdrawal_reason,
        "replaced_by": d.replaced_by_id,
    }


def _row(d) -> list:
    j = decision_json(d)
    return [j["number"], j["kind_label"], j["title"], j["party"], j["party_credit_code"],
            j["facts"], j["legal_basis"], j["content"], j["decided_on"], j["agency"],
            str(d.get_status_display()), j["withdrawn_on"] or "", j["withdrawal_reason"]]  # fmt: skip


def decisions_xlsx(decisions) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("行政执法决定")
    sheet.append(HEADERS)
    for d in decisions:
        sheet.append(_row(d))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def decisions_csv(decisions) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    for d in decisions:
        writer.writerow(_row(d))
    return "\ufeff" + buffer.getvalue()  # a BOM so that Excel reads the Chinese text


def decisions_json(decisions) -> str:
    return json.dumps([decision_json(d) for d in decisions], ensure_ascii=False, indent=1)
