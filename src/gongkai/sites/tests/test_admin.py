"""Administration: a site for a new body in one form or one command, defaults copied from the
template site, staff invited; the region's platform site shows every body at a glance."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from gongkai.core.demo import credit_code
from gongkai.core.models import LedgerEntry, Organisation, OutgoingMessage, Role, StaffProfile
from gongkai.core.tests.factories import make_staff
from gongkai.portal.models import OpennessGuide, SiteIdentity
from gongkai.sites.models import Site
from gongkai.sites.selectors import forget_sites, region_rows
from gongkai.sites.services import site_create
from gongkai.sites.tests.conftest import get

pytestmark = pytest.mark.django_db

NEW_CODE = credit_code("11210803007013" + "000")


@pytest.fixture
def template(police):
    OpennessGuide.objects.create(
        organisation=police.org,
        classification="按主题分类",
        how_to_obtain="主动公开与依申请公开",
        office_name="湛江市公安局政务公开办公室",
        address="湛江市赤坎区",
        office_hours="工作日",
        phone="0759-3183110",
        internet_contact="https://gaj.example.cn/foi/apply/",
    )
    SiteIdentity.objects.create(
        organisation=police.org, site_code="4408000035", icp_number="粤ICP备05008888号"
    )
    return site_create(
        actor=None,
        organisation=police.org,
        name="湛江市公安局网站",
        host="gaj.example.cn",
        brand_colour="#123456",
        is_template=True,
    )


def test_command_creates_body_site_and_staff_from_the_template(template):
    out = io.StringIO()
    call_command(
        "sites",
        "create",
        "--credit-code",
        NEW_CODE,
        "--host",
        "xsq.example.cn",
        "--name",
        "营口市西市区人民政府",
        "--code",
        "xsq",
        "--invite",
        "xsq_gkb:王丽:wl@example.cn",
        stdout=out,
    )
    body = Organisation.objects.get(credit_code=NEW_CODE)
    site = Site.objects.get(organisation=body)
    assert (site.host, site.brand_colour, site.name) == (
        "xsq.example.cn",
        "#123456",
        "营口市西市区人民政府",
    )
    guide = OpennessGuide.objects.get(organisation=body)
    assert guide.office_name == "营口市西市区人民政府政务公开办公室"
    assert guide.classification == "按主题分类"
    identity = SiteIdentity.objects.get(organisation=body)
    assert (identity.icp_number, identity.site_code) == ("粤ICP备05008888号", "")
    profile = StaffProfile.objects.get(user__username="xsq_gkb")
    assert profile.organisation == body and profile.user.groups.get().name == Role.OFFICE
    password = out.getvalue().splitlines()[-1].split("\t")[1]
    assert profile.user.check_password(password)
    assert OutgoingMessage.objects.filter(address="wl@example.cn").count() == 1
    assert password not in OutgoingMessage.objects.get(address="wl@example.cn").body
    assert {"organisation.create", "sites.site_create", "staff.create"} <= set(
        LedgerEntry.objects.values_list("action", flat=True)
    )


def test_command_dry_run_saves_nothing(template):
    before = (Site.objects.count(), Organisation.objects.count(), LedgerEntry.objects.count())
    call_command(
        "sites",
        "create",
        "--credit-code",
        NEW_CODE,
        "--host",
        "xsq.example.cn",
        "--name",
        "营口市西市区人民政府",
        "--code",
        "xsq",
        "--dry-run",
        stdout=io.StringIO(),
    )
    after = (Site.objects.count(), Organisation.objects.count(), LedgerEntry.objects.count())
    assert after == before


def test_the_form_is_for_administrators_only(client, template, police):
    data = {
        "name": "营口市西市区人民政府",
        "code": "xsq",
        "credit_code": NEW_CODE,
        "host": "xsq.example.cn",
        "staff": "xsq_gkb，王丽",
    }
    client.force_login(police.office)
    assert client.post("/workbench/sites/", data).status_code == 403
    assert Site.objects.count() == 1
    admin = make_staff(police.org, roles=[Role.ADMIN], username="platform_admin")
    admin.is_superuser = True  # the platform's administrator, over every body
    admin.save()
    client.force_login(admin)
    page = client.post("/workbench/sites/", data)
    assert page.status_code == 200
    text = page.content.decode()
    assert "xsq_gkb" in text and Site.objects.filter(host="xsq.example.cn").exists()
    again = client.post("/workbench/sites/", data).content.decode()
    assert Site.objects.count() == 2 and "xsq.example.cn" in again  # refused: address taken


def test_the_region_view_lists_every_body(client, police, town):
    site_create(
        actor=None,
        organisation=police.org,
        name="湛江市政务公开平台",
        host="www.example.cn",
        is_platform=True,
    )
    site_create(actor=None, organisation=town.org, name="西市区", host="xsq.example.cn")
    forget_sites()
    police.publish("关于户籍业务办理的通知")
    town.publish("关于农村道路建设的通知")
    page = get(client, "www.example.cn", "/region/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "湛江市公安局" in text and "营口市西市区人民政府" in text
    assert "//xsq.example.cn/" in text
    # Each body's published count (this year / in all) beside its on-time rate and score.
    rows = {r.organisation.name: r for r in region_rows(timezone.localdate().year)}
    police.publish("关于交通管理的通告")
    assert (
        rows["营口市西市区人民政府"].published_year,
        rows["营口市西市区人民政府"].published_total,
    ) == (1, 1)
    rows = {r.organisation.name: r for r in region_rows(timezone.localdate().year)}
    assert (rows["湛江市公安局"].published_year, rows["湛江市公安局"].published_total) == (2, 2)
    assert "发布信息（本年/累计）" in text
    # The platform's search covers every body; a body's site its own.
    hits = get(client, "www.example.cn", "/search/", data={"q": "通知", "format": "json"}).json()
    assert hits["total"] == 2
    assert get(client, "xsq.example.cn", "/region/").status_code == 404
    assert client.get("/region/").status_code == 404  # no site: no region view
