"""The outreach API: accounts and open days in public, push status and figures for staff."""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.outreach import services

pytestmark = pytest.mark.django_db


def test_open_day_registration_and_full(client, body, office):
    start = timezone.now() + dt.timedelta(days=5)
    day = services.open_day_create(
        actor=office, organisation=body, title="开放日", description="参观。", place="指挥中心",
        starts_at=start, registration_closes_at=start - dt.timedelta(hours=2), capacity=1,
    )  # fmt: skip
    listed = client.get("/api/v1/outreach/open-days").json()
    assert [d["places_left"] for d in listed] == [1]
    url = f"/api/v1/outreach/open-days/{day.pk}/registrations"
    ok = client.post(url, {"name": "王芳", "phone": "13800138000"}, content_type="application/json")
    assert ok.status_code == 201 and ok.json()["places_left"] == 0
    full = client.post(
        url, {"name": "陈刚", "phone": "13900139000"}, content_type="application/json"
    )
    assert full.status_code == 400
    assert full.json() == {
        "code": "full",
        "message": "很抱歉，1 个名额已全部报满，请关注下一次开放日。",
    }


def test_staff_endpoints(client, body, office, handler):
    services.channel_create(actor=office, organisation=body, kind="wechat", name="湛江公安")
    assert client.get("/api/v1/outreach/staff/channels").status_code == 401
    client.force_login(handler)
    assert client.get("/api/v1/outreach/staff/channels").status_code == 403
    client.force_login(office)
    [channel] = client.get("/api/v1/outreach/staff/channels").json()
    assert (channel["name"], channel["kind_label"], channel["sent"]) == (
        "湛江公安",
        "政务微信公众号",
        0,
    )
    counts = client.get("/api/v1/outreach/staff/counts?year=2026").json()
    assert counts["new_media_accounts"] == 1
    assert [c["name"] for c in client.get("/api/v1/outreach/channels").json()] == ["湛江公安"]
