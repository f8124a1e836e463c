"""Injected content: item pages served over HTTP compared with the same pages rendered
from the published item and the templates. A local "hacked server" serves the portal's
own renderings with a fault planted on each item page — a 暗链 in tiny type, a 蜘蛛池
block (seed 004's footer) with its link, a visible link and sentence an editor never
wrote, an off-screen paragraph — and one page left as rendered; then the demo site,
served by a real server, where nothing may be flagged."""

import pytest
from django.core.management import call_command
from django.test import Client

from gongkai.monitor import crawl, injection
from gongkai.monitor.external import PoliteFetcher
from gongkai.monitor.models import Kind, Run
from gongkai.monitor.services import run_execute
from gongkai.portal.tests.factories import published_item

SPIDER_POOL = (
    "<p>主站蜘蛛池模板: 国产伦子系列沙发午睡| 国产精品无码av一区二区三区| "
    '<a href="/xxgk/spam/">亚洲精品无码久久千人斩探花</a>|</p>'
)
INJECTED = {
    "tiny": '<p style="font-size:1px"><a href="http://casino.example/">娱乐城</a></p>',
    "pool": SPIDER_POOL,
    "visible": '<p>更多优惠请访问<a href="https://www.gov.cn/zhengce/">特价平台</a></p>',
    "offscreen": '<div style="position:absolute;left:-9999px">代办各类证件联系微信</div>',
    "clean": "",
}
INJECTION_KINDS = {Kind.INJECTED_TEXT, Kind.INJECTED_LINK, Kind.HIDDEN_LINK, Kind.FOREIGN_LINK}


def polite():
    return PoliteFetcher(timeout=1, host_interval=0, max_requests=0, max_seconds=0)


def test_compare_lists_what_the_expected_page_does_not_hold():
    expected = injection.expected_from_html(
        '<p>公开 指南</p><a href="/a/">甲</a><a href="https://www.gov.cn/">国务院</a>',
        "http://testserver/xxgk/1/",
    )
    served = crawl.parse(
        '<p>公开指南</p><a href="/a/">甲</a><a href="https://www.gov.cn/">国务院</a>'
        '<span style="display:none">博彩网址</span><a href="/b/">乙页</a>',
        "http://portal.test/xxgk/1/",
    )
    found = injection.compare(served.document, "http://portal.test/xxgk/1/", expected)
    # White space and the host the visitors use do not count; the hidden text and the
    # extra link do.
    assert found.text == [("博彩网址", "display:none"), ("乙页", "")]
    assert found.links == {"http://portal.test/b/"}


@pytest.fixture
def hacked(db, local_site, settings):
    """Five published items; the local server serves each page as rendered here, with
    the item's fault written in before the end of its main content."""
    settings.GONGKAI_MONITOR_MAX_PAGES = 60
    client = Client()
    links = []
    for name, planted in INJECTED.items():
        item = published_item(title=f"关于{name}的通知", body=f"<p>{name}通知正文。</p>")
        path = f"/xxgk/{item.pk}/"
        html = client.get(path).content.decode()
        assert "</article>" in html
        local_site.pages[path] = html.replace("</article>", planted + "</article>", 1)
        links.append(f'<a href="{path}">{name}</a>')
    local_site.pages["/"] = (
        "<html><body>\n<h1>西市区人民政府</h1>\n"
        + "\n".join(links)
        + "\n<p>主站蜘蛛池模板: 成人午夜| 无码</p>\n</body></html>"
    )
    return local_site


def test_each_fault_planted_on_an_item_page_is_found(hacked):
    run = Run.objects.create(trigger=Run.Trigger.MANUAL)
    run = run_execute(
        run_id=run.pk, fetcher=crawl.HttpFetcher(hacked.base_url, timeout=5), polite=polite()
    )
    assert run.status == Run.Status.DONE
    got = {
        (f.kind, f.page.removeprefix(hacked.base_url.rstrip("/")), f.url, f.detail)
        for f in run.findings.filter(kind__in=INJECTION_KINDS)
    }
    path = {
        name: next(p for p, h in hacked.pages.items() if p != "/" and f"关于{name}的通知" in h)
        for name in INJECTED
    }
    base = hacked.base_url.rstrip("/")
    assert got == {
        # tiny type: a hidden link to another site (暗链)
        (Kind.HIDDEN_LINK, path["tiny"], "http://casino.example/", "以“font-size:1px”隐藏"),
        (Kind.INJECTED_TEXT, path["tiny"], "", "以“font-size:1px”隐藏：娱乐城"),
        # the 蜘蛛池 block of seed 004 and its link to a page of the site
        (
            Kind.INJECTED_LINK,
            path["pool"],
            base + "/xxgk/spam/",
            "既不在已发布的信息中，也不在页面模板中",
        ),
        (
            Kind.INJECTED_TEXT,
            path["pool"],
            "",
            "主站蜘蛛池模板:国产伦子系列沙发午睡|国产精品无码av一区二区三区| "
            "亚洲精品无码久久千人斩探花",
        ),
        # a visible link to a known site, with a sentence no editor wrote
        (
            Kind.INJECTED_LINK,
            path["visible"],
            "https://www.gov.cn/zhengce/",
            "既不在已发布的信息中，也不在页面模板中",
        ),
        (Kind.INJECTED_TEXT, path["visible"], "", "更多优惠请访问 特价平台"),
        # text moved off the screen
        (Kind.INJECTED_TEXT, path["offscreen"], "", "以“left:-9999”隐藏：代办各类证件联系微信"),
        # the home page is not compared (no rendering to compare with), but the 蜘蛛池
        # pattern itself is recognised there
        (Kind.INJECTED_TEXT, "/", "", "蜘蛛池类垃圾信息：主站蜘蛛池模板: 成人午夜| 无码"),
    }
    # the page served as rendered has nothing flagged
    assert not any(page == path["clean"] for _kind, page, _url, _detail in got)
    # all of them are single vetoes (安全问题), alerted the same day
    assert run.findings.filter(kind__in=INJECTION_KINDS, is_veto=False).count() == 0


@pytest.fixture
def demo(settings, tmp_path):
    settings.GONGKAI_SEARCH_DIR = str(tmp_path / "search")  # the demo indexes its items
    call_command("demo", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_the_demo_site_served_over_http_has_nothing_injected(demo, live_server, settings):
    settings.GONGKAI_MONITOR_MAX_PAGES = 250
    settings.GONGKAI_MONITOR_MAX_DEPTH = 2
    compared = []
    render = injection.ItemRender()

    def expected(url):
        found = render(url)
        if found is not None:
            compared.append(url)
        return found

    run = Run.objects.create(trigger=Run.Trigger.MANUAL)
    fetcher = crawl.HttpFetcher(live_server.url, timeout=15)
    run = run_execute(run_id=run.pk, fetcher=fetcher, polite=polite(), expected=expected)
    assert run.status == Run.Status.DONE
    assert len(compared) >= 5  # item pages were read and compared
    flagged = list(
        run.findings.filter(kind__in=INJECTION_KINDS).values_list("kind", "page", "url", "detail")
    )
    assert flagged == []
