"""Outreach pages: public open days and accounts, the supervisors' own page, the office's
workbench pages (office only, nothing changed after a refusal)."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from gongkai.core.models import Role
from gongkai.core.tests.factories import make_staff
from gongkai.outreach import services
from gongkai.outreach.models import Channel, Observation, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_day(body, office):
    start = timezone.now() + dt.timedelta(days=10)
    return services.open_day_create(
        actor=office, organisation=body, title="走进公安局", description="参观户籍大厅。",
        place="办证中心", starts_at=start, registration_closes_at=start - dt.timedelta(days=1),
        capacity=1,
    )  # fmt: skip


def test_registration_page_until_full(client, open_day):
    url = f"/hdjl/kfr/{open_day.pk}/"
    assert "剩余名额 1 个" in client.get("/hdjl/kfr/").content.decode()
    done = client.post(url, {"name": "王芳", "phone": "13800138000"}).content.decode()
    assert "报名成功" in done
    full = client.post(url, {"name": "陈刚", "phone": "13900139000"}).content.decode()
    assert "很抱歉，1 个名额已全部报满，请关注下一次开放日。" in full
    assert "名额已满" in client.get("/hdjl/kfr/").content.decode()
    assert Registration.objects.count() == 1


def test_public_channels_page_lists_active_accounts(client, body, office):
    services.channel_create(actor=office, organisation=body, kind="wechat", name="湛江公安")
    paused = services.channel_create(actor=office, organisation=body, kind="weibo", name="旧微博")
    services.channel_set_active(actor=office, channel=paused, active=False)
    page = client.get("/hdjl/xmt/").content.decode()
    assert "湛江公安" in page and "政务微信公众号" in page and "旧微博" not in page


def test_supervisor_page_is_for_supervisors_only(client, body, office):
    supervisor = services.supervisor_appoint(
        actor=office, organisation=body, username="jdy", full_name="李明",
        password="jiandu-2026-secret", appointed_on=dt.date(2026, 1, 5),
    )  # fmt: skip
    assert client.get("/hdjl/jdy/").status_code == 302  # to sign in
    client.force_login(get_user_model().objects.create_user("citizen", password="x" * 12))
    assert client.get("/hdjl/jdy/").status_code == 404
    client.force_login(supervisor.user)
    assert client.get("/workbench/").status_code == 404  # no staff page opens
    response = client.post(
        "/hdjl/jdy/", {"subject": "栏目更新慢", "body": "政策解读栏目两个月未更新。"}
    )
    assert response.status_code == 302
    page = client.get("/hdjl/jdy/").content.decode()
    assert "栏目更新慢" in page and "待答复" in page
    assert Observation.objects.get().supervisor == supervisor


@pytest.mark.parametrize(
    ("who", "status"), [("anonymous", 302), ("public", 404), ("handler", 404), ("office", 200)]
)
def test_workbench_pages_are_the_office_s(client, body, office, open_day, who, status):
    if who == "public":
        client.force_login(get_user_model().objects.create_user("citizen", password="x" * 12))
    elif who == "handler":
        client.force_login(make_staff(body, roles=[Role.HANDLER], username="h"))
    elif who == "office":
        client.force_login(office)
    for url in ("/workbench/outreach/channels/", "/workbench/outreach/supervisors/",
                "/workbench/outreach/open-days/", f"/workbench/outreach/open-days/{open_day.pk}/"):  # fmt: skip
        assert client.get(url).status_code == status, url
    client.post("/workbench/outreach/channels/", {"kind": "wechat", "name": "新账号"})
    assert Channel.objects.count() == (1 if who == "office" else 0)


def test_attendance_list_masks_phones(client, body, office, open_day):
    services.open_day_register(open_day=open_day, name="王芳", phone="13800138000")
    client.force_login(office)
    page = client.get(f"/workbench/outreach/open-days/{open_day.pk}/").content.decode()
    assert "138****8000" in page and "13800138000" not in page and "王芳" in page
    registration = Registration.objects.get()
    client.post(
        f"/workbench/outreach/registrations/{registration.pk}/attendance/", {"attended": "1"}
    )
    registration.refresh_from_db()
    assert registration.attended is True
