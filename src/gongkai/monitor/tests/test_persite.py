"""A run covers every site of the installation (集约化): each site's own columns are checked
for freshness with its scope, each site's home page is opened at its own address, and the
findings name the site. Two sites, only one with a stale column."""

import pytest

from gongkai.core.tests.factories import OrganisationFactory
from gongkai.monitor import crawl
from gongkai.monitor.models import Alert, ColumnWatch, Kind, Run
from gongkai.monitor.services import run_request
from gongkai.monitor.tests.conftest import days_ago
from gongkai.portal.models import Column, ColumnKind
from gongkai.sites.selectors import forget_sites
from gongkai.sites.services import site_create

pytestmark = pytest.mark.django_db

A_HOME, B_HOME = "http://gaj.example.cn/", "http://www.example.cn/xsq/"


@pytest.fixture
def two_sites(settings, entries):
    settings.ALLOWED_HOSTS = ["*"]
    sites = []
    for name, host, prefix, param in (
        ("湛江市公安局网站", "gaj.example.cn", "", "a-news"),
        ("西市区人民政府网站", "www.example.cn", "xsq", "b-news"),
    ):
        body = OrganisationFactory(name=name.removesuffix("网站"))
        site = site_create(actor=None, organisation=body, name=name, host=host, path_prefix=prefix)
        news = Column.objects.create(
            site_id=site.pk,
            title="工作动态",
            slug="gzdt",
            kind=ColumnKind.LIST,
            source="monitor_test",
            source_param=param,
            show_on_home=True,
        )
        ColumnWatch.objects.create(column=news, cadence=ColumnWatch.Cadence.DYNAMIC)
        sites.append(site)
    entries["a-news"] = [days_ago(2)]  # the police site is up to date
    entries["b-news"] = [days_ago(30)]  # the district's news column is a month behind
    forget_sites()
    yield sites
    forget_sites()


def _findings(run):
    return [(f.kind, f.is_veto, f.url, f.detail) for f in run.findings.all()]


def test_each_sites_columns_are_checked_and_the_findings_name_the_site(two_sites):
    run = run_request(actor=None)
    run.refresh_from_db()
    assert run.status == Run.Status.DONE
    got = _findings(run)
    stale = [f for f in got if f[0] == Kind.COLUMN_STALE]
    assert [url for _k, _v, url, _d in stale] == [B_HOME + "column/gzdt/"]
    assert stale[0][3].startswith("西市区人民政府网站")
    home = [f for f in got if f[0] == Kind.HOME_STALE]
    assert [(veto, url) for _k, veto, url, _d in home] == [(True, B_HOME)]
    assert home[0][3].startswith("西市区人民政府网站")
    assert not [f for f in got if A_HOME in f[2]]  # the police site passes
    assert not [f for f in got if f[0] == Kind.UNREACHABLE]  # both home pages opened


class DistrictDown(crawl.ClientFetcher):
    """The district's site answers with an error; the others as they are."""

    def __init__(self):
        super().__init__()
        self.asked: list[str] = []

    def get(self, url):
        self.asked.append(url)
        if url.startswith(B_HOME):
            return crawl.Response(502, 0.01, "text/html", "")
        return super().get(url)


def test_each_sites_home_page_is_opened_at_its_own_address(two_sites, monkeypatch):
    fetchers: list[DistrictDown] = []

    def fetcher_for_settings():
        fetchers.append(DistrictDown())
        return fetchers[-1]

    monkeypatch.setattr(crawl, "fetcher_for_settings", fetcher_for_settings)
    run = run_request(actor=None)
    run.refresh_from_db()
    assert A_HOME in fetchers[0].asked and B_HOME in fetchers[0].asked
    down = [f for f in _findings(run) if f[0] == Kind.UNREACHABLE]
    assert [(veto, url) for _k, veto, url, _d in down] == [(True, B_HOME)]
    assert down[0][3].startswith("西市区人民政府网站")
    assert Alert.objects.filter(kind=Kind.UNREACHABLE, url=B_HOME).exists()


def test_two_sites_stale_counts_are_two_alerts(two_sites, entries):
    """The counted findings (too many stale columns, the home page stale) carry the
    site's address: one site's alert is not the other's."""
    entries["a-news"] = [days_ago(30)]
    run = run_request(actor=None)
    run.refresh_from_db()
    assert run.status == Run.Status.DONE
    urls = sorted(Alert.objects.filter(kind=Kind.HOME_STALE).values_list("url", flat=True))
    assert urls == sorted([A_HOME, B_HOME])


def test_the_crawled_sites_reach_check_reads_its_own_columns(two_sites, settings):
    """The crawl reads the police site; the district's own column is not an orphan of it."""
    from gongkai.monitor.persite import crawled_site

    settings.ALLOWED_HOSTS = ["gaj.example.cn", "*"]  # the in-process crawl's host
    Column.objects.create(
        site_id=two_sites[1].pk,
        title="部门动态",
        slug="bmdt",
        kind=ColumnKind.PAGE,
        body="西市区各部门动态。",
    )
    assert crawled_site(A_HOME).scope.site_id == two_sites[0].pk
    assert crawled_site(B_HOME + "column/gzdt/").scope.site_id == two_sites[1].pk
    assert crawled_site("http://unknown.example.cn/") is None  # no default site
    run = run_request(actor=None)
    run.refresh_from_db()
    assert run.status == Run.Status.DONE and run.base_url == A_HOME
    assert not [f for f in _findings(run) if "bmdt" in f[2]]
