"""Per-site routing: the host name (and path prefix) picks the site; each site shows, searches,
maps and accepts forms for its own bodies; an unknown host keeps the single-body behaviour."""

import pytest

from gongkai.core.models import LedgerEntry
from gongkai.foi.models import Request
from gongkai.foi.tests.test_api import application
from gongkai.portal.models import SiteIdentity
from gongkai.sites.selectors import forget_sites, site_resolve
from gongkai.sites.services import site_create
from gongkai.sites.tests.conftest import get

pytestmark = pytest.mark.django_db


def test_resolution_by_host_and_prefix(two_sites):
    a, b = two_sites
    assert site_resolve("gaj.example.cn", "/").site == a
    assert site_resolve("GAJ.example.cn", "/xxgk/").site == a
    assert site_resolve("www.example.cn", "/xsq/").site == b
    assert site_resolve("www.example.cn", "/xsq").site == b
    assert site_resolve("www.example.cn", "/xsqx/") is None  # not the prefix, and no default
    assert site_resolve("www.example.cn", "/") is None
    assert site_resolve("unknown.example.cn", "/") is None


def test_unknown_host_goes_to_the_default_site(two_sites, police):
    a, _b = two_sites
    default = site_create(
        actor=None,
        organisation=police.org,
        name="默认",
        host="gongkai.example.cn",
        is_default=True,
    )
    forget_sites()
    assert site_resolve("unknown.example.cn", "/").site == default
    assert site_resolve("gaj.example.cn", "/").site == a


def test_without_sites_the_installation_serves_every_item(client, police, town):
    police.publish("关于户籍业务办理的通知")
    town.publish("关于农村道路建设的通知")
    page = client.get("/").content.decode()
    assert "关于户籍业务办理的通知" in page and "关于农村道路建设的通知" in page


def test_each_site_home_shows_its_own_body(client, two_sites, police, town):
    police.publish("关于户籍业务办理的通知")
    town.publish("关于农村道路建设的通知")
    a_page = get(client, "gaj.example.cn", "/").content.decode()
    b_page = get(client, "www.example.cn", "/xsq/").content.decode()
    assert "关于户籍业务办理的通知" in a_page and "关于农村道路建设的通知" not in a_page
    assert "关于农村道路建设的通知" in b_page and "关于户籍业务办理的通知" not in b_page
    assert "湛江市公安局网站" in a_page and "西市区人民政府网站" in b_page
    # The footer names the body that runs the site, not the site's title.
    assert f"主办单位：{town.org.name}" in b_page and f"主办单位：{police.org.name}" in a_page
    # The prefixed site's links carry its prefix again.
    assert 'href="/xsq/search/"' in b_page or 'action="/xsq/search/"' in b_page
    assert 'action="/search/"' in a_page


def test_each_site_has_its_theme_and_footer(client, two_sites, police, town):
    a, b = two_sites
    SiteIdentity.objects.create(organisation=town.org, site_code="2108030001")
    forget_sites()
    b_page = get(client, "www.example.cn", "/xsq/").content.decode()
    a_page = get(client, "gaj.example.cn", "/").content.decode()
    assert f"/xsq/site-theme/{b.pk}.css" in b_page and "2108030001" in b_page
    assert f"/site-theme/{a.pk}.css" in a_page and "2108030001" not in a_page
    css = get(client, "www.example.cn", f"/xsq/site-theme/{b.pk}.css").content.decode()
    assert "--brand: #0b5394" in css


def test_catalog_json_and_sitemap_per_site(client, two_sites, police, town):
    own = police.publish("关于户籍业务办理的通知")
    other = town.publish("关于农村道路建设的通知")
    data = get(client, "gaj.example.cn", "/catalog.json").json()
    assert [e["title"] for e in data["entries"]] == ["关于户籍业务办理的通知"]
    sitemap = get(client, "www.example.cn", "/xsq/sitemap-items.xml").content.decode()
    assert f"/xsq/xxgk/{other.pk}/" in sitemap and f"/xxgk/{own.pk}/" not in sitemap


@pytest.mark.parametrize("indexed", [True, False], ids=["index", "database-scan"])
def test_search_is_filtered_to_the_sites_bodies(
    client, two_sites, police, town, indexed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=indexed):
        police.publish("关于户籍业务办理的通知")
        town.publish("关于户籍窗口搬迁的通知")
    a = get(client, "gaj.example.cn", "/search/", data={"q": "户籍", "format": "json"}).json()
    assert a["from_database"] is not indexed
    b = get(client, "www.example.cn", "/xsq/search/", data={"q": "户籍", "format": "json"})
    assert [h["title"] for h in a["hits"]] == ["关于户籍业务办理的通知"]
    assert [h["title"] for h in b.json()["hits"]] == ["关于户籍窗口搬迁的通知"]
    everything = client.get("/search/", data={"q": "户籍", "format": "json"}).json()
    assert everything["total"] == 2


def test_an_application_goes_to_the_sites_body(client, two_sites, police, town):
    response = client.post(
        "/xsq/api/v1/foi/requests",
        application(),
        content_type="application/json",
        headers={"Idempotency-Key": "k-1", "host": "www.example.cn"},
    )
    assert response.status_code == 201
    assert Request.objects.get().organisation == town.org
    page = get(client, "gaj.example.cn", "/foi/apply/")
    assert page.status_code == 200 and "湛江市公安局" in page.content.decode()


def test_a_site_belongs_to_a_body_not_a_unit(police):
    from gongkai.core.errors import ServiceError
    from gongkai.core.tests.factories import UnitFactory

    unit = UnitFactory(parent=police.org)
    before = LedgerEntry.objects.count()
    with pytest.raises(ServiceError):
        site_create(actor=None, organisation=unit, name="科室", host="k.example.cn")
    with pytest.raises(ServiceError):
        site_create(actor=police.office, organisation=police.org, name="x", host="x.example.cn")
    assert LedgerEntry.objects.count() == before


@pytest.mark.parametrize(
    ("method", "path", "cookies", "expected"),
    [
        ("get", "/xxgk/", {}, "replica"),
        ("head", "/", {}, "replica"),
        ("get", "/xxgk/", {"sessionid": "x"}, None),  # signed in: reads its own writes
        ("post", "/foi/apply/", {}, None),
        ("get", "/workbench/", {}, None),
        ("get", "/admin/", {}, None),
    ],
)
def test_anonymous_portal_reads_go_to_the_replica(rf, settings, method, path, cookies, expected):
    from gongkai.proactive.models import Item
    from gongkai.sites.dbrouter import ReplicaRouter, portal_read_mark, portal_read_reset

    router = ReplicaRouter()
    request = getattr(rf, method)(path)
    request.COOKIES.update(cookies)
    token = portal_read_mark(request)
    try:
        assert router.db_for_read(Item) is None  # no replica configured: the primary
        settings.DATABASES = {**settings.DATABASES, "replica": settings.DATABASES["default"]}
        assert router.db_for_read(Item) == expected
        assert router.db_for_write(Item) is None
    finally:
        portal_read_reset(token)
    assert router.db_for_read(Item) is None  # after the request
    assert not router.allow_migrate("replica", "proactive")


def test_the_api_under_a_path_prefix_answers_errors_as_json(client, two_sites):
    response = get(client, "www.example.cn", "/xsq/api/v1/no-such-operation")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json") and response.json()["code"]
