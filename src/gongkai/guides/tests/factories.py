"""Builders for the guides tests: guides, points and normative documents via services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from gongkai.core.clockmath import CHINA
from gongkai.guides import places
from gongkai.guides.law import MaterialForm, OnlineDepth, PointKind
from gongkai.guides.services import GuideFields, guide_create

APPROVED_ON = dt.date(2026, 3, 2)


def fields(code: str = "440800-GA-BS-002", **overrides) -> GuideFields:
    values = {
        "code": code,
        "name": "户口迁移审批（省内迁入）",
        "conditions": "符合湛江市户籍准入条件的人员。",
        "legal_days": 20,
        "promised_days": 10,
        "place": "湛江市民服务中心公安综合窗口",
        "hours": "周一至周五 8:30–12:00，14:30–17:30",
        "enquiry_phone": "0759-3183110",
        "complaint_phone": "0759-12345",
        "visits": 1,
        "online_depth": OnlineDepth.THREE,
        "bases": [("中华人民共和国户口登记条例", "第十条")],
        "materials": [
            ("户口迁移申请表", 1, MaterialForm.ORIGINAL, ""),
            ("居民户口簿", 1, MaterialForm.ORIGINAL_AND_COPY, ""),
        ],
        "steps": [
            ("申请", "派出所户籍窗口"),
            ("受理", ""),
            ("审核", "分局户政部门审核"),
            ("办结", ""),
        ],
    }
    values.update(overrides)
    return GuideFields(**values)


def make_guide(actor, organisation, code: str = "440800-GA-BS-002", **overrides):
    return guide_create(
        actor=actor, organisation=organisation, fields=fields(code, **overrides),
        approved_on=APPROVED_ON, reason="首次公布",
        published_at=dt.datetime.combine(APPROVED_ON, dt.time(10), tzinfo=CHINA),
    )  # fmt: skip


def point_fields(name: str = "寸金派出所户籍窗口", **overrides) -> places.PointFields:
    values = {
        "name": name,
        "kind": PointKind.POLICE_STATION,
        "address": "湛江市赤坎区寸金路",
        "latitude": Decimal("21.265800"),
        "longitude": Decimal("110.354900"),
        "hours": "周一至周五 8:30–17:30",
        "phone": "0759-3333110",
        "guide_ids": [],
    }
    values.update(overrides)
    return places.PointFields(**values)


def make_point(actor, organisation, name: str = "寸金派出所户籍窗口", **overrides):
    return places.point_save(
        actor=actor, organisation=organisation, fields=point_fields(name, **overrides)
    )


def make_normative(actor, organisation, number: str, issued: dt.date, title: str = ""):
    from gongkai.proactive import services
    from gongkai.proactive.law import NormativeKind

    return services.normative_document_register(
        actor=actor, organisation=organisation,
        fields=services.NormativeFields(
            NormativeKind.NORMATIVE, title or f"湛江市公安局规定{number}", number, issued, issued, None
        ),
    )  # fmt: skip
