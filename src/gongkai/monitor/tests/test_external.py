"""Other sites, opened politely: robots.txt obeyed, one request per host every interval,
a budget of requests and seconds; broken external links reported with the page that
links them; the office's watched sites crawled a few pages deep."""

import time

import pytest

from gongkai.monitor import crawl
from gongkai.monitor.crawl import CrawlResult, Link, PageResult, ParsedPage
from gongkai.monitor.external import PoliteFetcher
from gongkai.monitor.models import Kind, WatchedSite
from gongkai.monitor.sitechecks import external_findings, external_links, watched_site_findings


def polite(**overrides):
    options = {"timeout": 2, "host_interval": 0, "max_requests": 50, "max_seconds": 30}
    return PoliteFetcher(**{**options, **overrides})


def test_robots_txt_is_obeyed_and_read_once_per_site(local_site):
    local_site.robots = "User-agent: *\nDisallow: /private/\n"
    local_site.pages = {"/open/": "<p>公开</p>"}
    fetcher = polite()
    assert fetcher.get(local_site.base_url + "open/").status == 200
    assert fetcher.get(local_site.base_url + "private/page/") is None
    assert fetcher.get(local_site.base_url + "missing/").status == 404
    assert local_site.requests == ["/robots.txt", "/open/", "/missing/"]
    assert (fetcher.requests, fetcher.skipped_by_robots) == (3, 1)


def test_robots_txt_answers_as_robotparser_reads_them(local_site):
    """404: everything allowed; 401/403: the site forbids robots; no answer: allowed (the
    page request itself then fails and says so)."""
    page = local_site.base_url + "page/"
    assert polite().get(page).status == 404  # robots.txt missing
    local_site.robots, local_site.robots_status = "", 403
    assert polite().get(page) is None
    assert polite().get("http://127.0.0.1:1/page/").status is None


def test_one_request_per_host_per_interval():
    """The pause is measured per host: two hosts alternate without waiting."""
    now = [0.0]
    pauses = []

    def sleep(seconds):
        pauses.append(round(seconds, 2))
        now[0] += seconds

    fetcher = PoliteFetcher(
        timeout=1, host_interval=2, max_requests=10, max_seconds=100, clock=lambda: now[0],
        sleep=sleep,
    )  # fmt: skip
    fetcher._http.get = lambda url: crawl.Response(200, 0.0)
    for host in ("a.test", "b.test"):
        fetcher._robots[f"http://{host}"] = _allow_all()
    for url in ("http://a.test/1", "http://b.test/1", "http://a.test/2"):
        fetcher.get(url)
        now[0] += 0.5
    assert pauses == [1.0]  # a.test again after 1 s: waits the other second


def test_the_budget_of_requests_and_seconds_bounds_other_sites(local_site):
    local_site.pages = {f"/{n}/": "<p>页</p>" for n in range(10)}
    fetcher = polite(max_requests=4)
    answers = [fetcher.get(f"{local_site.base_url}{n}/") for n in range(10)]
    assert sum(a is not None for a in answers) == 3  # robots.txt counts as a request
    assert len(local_site.requests) == 4
    local_site.slow = {f"/{n}/": 0.3 for n in range(10)}
    started = time.monotonic()
    timed = polite(max_seconds=0.5)
    answers = [timed.get(f"{local_site.base_url}{n}/") for n in range(10)]
    assert time.monotonic() - started < 2
    assert 1 <= sum(a is not None for a in answers) <= 3


def test_broken_external_links_are_reported_with_the_referring_page(local_site):
    local_site.pages = {"/fine/": "<p>好</p>"}
    base = "http://portal.test/"
    result = CrawlResult(base_url=base)
    links = [
        Link(local_site.base_url + "fine/"),
        Link(local_site.base_url + "gone/"),
        Link(local_site.base_url + "spam/", hidden="display:none"),  # 暗链: not followed
        Link(base + "zwgk/"),  # internal: the crawl's business
    ]
    result.pages = [
        PageResult(base, 200, 0.1, 0, ParsedPage(links=links)),
        PageResult(base + "a/", 200, 0.1, 1, ParsedPage(links=links[1:2])),
    ]
    found = external_findings(external_links(result), polite())
    assert [(f.kind, f.url, f.page, f.is_veto) for f in found] == [
        (Kind.EXTERNAL_BROKEN, local_site.base_url + "gone/", base, False)
    ]
    assert "/spam/" not in local_site.requests


@pytest.mark.django_db
def test_watched_sites_are_crawled_politely(local_site):
    local_site.robots = "User-agent: *\nDisallow: /admin/\n"
    local_site.pages = {
        "/": '<a href="/news/">新闻</a><a href="/admin/">后台</a><a href="/old/">旧</a>',
        "/news/": "<p>新闻</p>",
    }
    site = WatchedSite.objects.create(name="政务服务网", url=local_site.base_url)
    WatchedSite.objects.create(name="停用的站", url="http://127.0.0.1:1/", is_active=False)
    down = WatchedSite(name="无法访问的站", url="http://127.0.0.1:1/")
    found = watched_site_findings([site, down], polite())
    assert [(f.kind, f.url, f.page) for f in found] == [
        (Kind.EXTERNAL_BROKEN, local_site.base_url + "old/", local_site.base_url),
        (Kind.EXTERNAL_SITE, "http://127.0.0.1:1/", ""),
    ]
    assert "/admin/" not in local_site.requests


def _allow_all():
    from urllib.robotparser import RobotFileParser

    parser = RobotFileParser()
    parser.allow_all = True
    return parser
