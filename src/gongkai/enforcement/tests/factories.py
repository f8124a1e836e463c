"""Builders for the enforcement tests, through the services."""

from __future__ import annotations

import datetime as dt

from gongkai.core.demo import credit_code
from gongkai.enforcement import services
from gongkai.enforcement.law import BodyKind, DecisionKind, PartyKind, TargetCategory

DECIDED_ON = dt.date(2026, 3, 16)
HOTEL_CODE = credit_code("91440803MA57G0001")


def make_agency(actor, organisation, name="湛江市公安局", series="440800"):
    """An agency with three officers in the inspector list (certificates ``series`` + 5 digits)."""
    agency = services.body_create(
        actor=actor, organisation=organisation, name=name, kind=BodyKind.AGENCY,
        basis="《中华人民共和国人民警察法》第六条", duties="查处违反治安管理行为。",
        remedy="六十日内申请行政复议，或者六个月内提起行政诉讼。", phone="0759-3183110",
    )  # fmt: skip
    services.officer_create(actor=actor, body=agency, name="梁志明", certificate=f"{series}10231",
                            area="治安管理", is_inspector=True)  # fmt: skip
    services.officer_create(actor=actor, body=agency, name="陈海涛", certificate=f"{series}10232",
                            area="治安管理", is_inspector=True)  # fmt: skip
    services.officer_create(actor=actor, body=agency, name="黄晓东", certificate=f"{series}10475",
                            area="治安管理", is_inspector=True)  # fmt: skip
    return agency


def fields(agency, number="湛公（赤）行罚决字〔2026〕1023号", **overrides):
    values = {
        "body": agency,
        "kind": DecisionKind.PENALTY,
        "number": number,
        "title": "违反治安管理行为的处罚",
        "party_kind": PartyKind.NATURAL,
        "party_name": "王小明",
        "facts": "王小明在湛江市赤坎区某娱乐场所内殴打他人，民警梁志明到场处置。联系电话13902601234。",
        "basis": "《中华人民共和国治安管理处罚法》第四十三条第一款",
        "content": "对王小明处行政拘留五日，并处罚款二百元。",
        "decided_on": DECIDED_ON,
    }
    values.update(overrides)
    return services.DecisionFields(**values)


def legal_fields(agency, number="湛公（霞）行罚决字〔2026〕0588号", **overrides):
    values = {
        "party_kind": PartyKind.LEGAL,
        "party_name": "湛江市霞山区海悦宾馆有限公司",
        "party_credit_code": HOTEL_CODE,
        "facts": "该宾馆未按规定对住宿旅客身份进行查验、登记。",
        "content": "罚款人民币十万元。",
    }
    values.update(overrides)
    return fields(agency, number, **values)


def make_decision(actor, organisation, agency, *, publish=True, **overrides):
    decision = services.decision_create(
        actor=actor, organisation=organisation, fields=fields(agency, **overrides)
    )
    return services.decision_publish(actor=actor, decision=decision) if publish else decision


TARGETS = [
    ("YL-001", "湛江市赤坎区金沙湾娱乐有限公司", TargetCategory.ENTERTAINMENT),
    ("YL-002", "湛江市霞山区星光歌舞厅", TargetCategory.ENTERTAINMENT),
    ("LG-001", "湛江市赤坎区海湾商务酒店有限公司", TargetCategory.HOTEL),
    ("LG-002", "湛江市霞山区海悦宾馆有限公司", TargetCategory.HOTEL),
    ("LG-003", "湛江市麻章区湖光岩度假酒店", TargetCategory.HOTEL),
    ("YZ-001", "湛江市赤坎区诚信印章刻制店", TargetCategory.SEAL),
    ("YZ-002", "湛江市霞山区永安刻章服务部", TargetCategory.SEAL),
]


def make_targets(actor, organisation):
    for code, name, category in TARGETS:
        services.target_create(actor=actor, organisation=organisation, code=code, name=name,
                               category=category)  # fmt: skip
