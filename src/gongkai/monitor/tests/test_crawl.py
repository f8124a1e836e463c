"""The crawl on a small made-up site: broken links and images with the page that links
them, slow pages, the page budget and depth, hidden links recognised by their style."""

import pytest

from gongkai.monitor import crawl
from gongkai.monitor.checks import crawl_findings
from gongkai.monitor.crawl import Response, hidden_by, parse
from gongkai.monitor.models import Kind

BASE = "http://site.test/"


class FakeSite:
    def __init__(self, pages: dict[str, Response]):
        self.base_url = BASE
        self.pages = pages
        self.opened: list[str] = []

    def get(self, url: str) -> Response:
        self.opened.append(url)
        return self.pages.get(url, Response(404, 0.01))


def html(body: str) -> Response:
    return Response(200, 0.05, "text/html; charset=utf-8", f"<html><body>{body}</body></html>")


SITE = {
    BASE: html(
        '<a href="/a/">A</a> <a href="/gone/">旧链接</a> <a href="https://www.gov.cn/">国务院</a>'
        ' <a href="mailto:x@y.cn">信箱</a> <a href="/workbench/">工作台</a> <img src="/logo.png">'
    ),
    BASE + "a/": html('<a href="/b/">B</a> <img src="/missing.png"> <a href="/a/#top">顶部</a>'),
    BASE + "b/": Response(200, 16.2, "text/html", "<html><body><a href='/c/'>C</a></body></html>"),
    BASE + "c/": html("深处"),
    BASE + "logo.png": Response(200, 0.01, "image/png"),
}


def test_broken_links_and_images_are_reported_with_the_page_that_links_them():
    site = FakeSite(SITE)
    result = crawl.crawl(fetcher=site, max_pages=50, max_depth=5)
    broken = {(b.url, b.status, b.linked_from, b.is_image) for b in result.broken}
    assert broken == {
        (BASE + "gone/", 404, BASE, False),
        (BASE + "missing.png", 404, BASE + "a/", True),
    }
    # Each address once; office pages, mail links and other hosts are not opened.
    assert sorted(site.opened) == sorted(
        [
            BASE,
            BASE + "a/",
            BASE + "gone/",
            BASE + "logo.png",
            BASE + "b/",
            BASE + "missing.png",
            BASE + "c/",
        ]
    )
    found = crawl_findings(result, slow_seconds=15)
    assert sorted((f.kind, f.url, f.page, f.is_veto) for f in found) == sorted(
        [
            (Kind.BROKEN_LINK, BASE + "gone/", BASE, False),
            (Kind.BROKEN_IMAGE, BASE + "missing.png", BASE + "a/", False),
            (Kind.SLOW_PAGE, BASE + "b/", "", False),
        ]
    )


def test_depth_and_page_budget_bound_the_crawl():
    site = FakeSite(SITE)
    result = crawl.crawl(fetcher=site, max_pages=50, max_depth=1)
    # Pages at depth 1 are opened (their status counts) but not read further.
    assert [p.url for p in result.pages] == [BASE, BASE + "a/", BASE + "gone/"]
    site = FakeSite(SITE)
    result = crawl.crawl(fetcher=site, max_pages=3, max_depth=5)
    assert len(site.opened) == 3
    assert result.unchecked == 2  # /gone/ and /b/ (found on /a/)


def test_the_time_budget_bounds_the_crawl():
    site = FakeSite(SITE)
    result = crawl.crawl(fetcher=site, max_pages=50, max_depth=5, max_seconds=0)
    # The home page is always opened; nothing after the budget is spent.
    assert site.opened[0] == BASE
    assert [p.url for p in result.pages] == [BASE]
    assert result.unchecked == 2  # /a/ and /gone/, found on the home page


def test_unreachable_home_page_is_a_veto():
    site = FakeSite({BASE: Response(None, 15.0)})
    result = crawl.crawl(fetcher=site, max_pages=10, max_depth=3)
    found = crawl_findings(result, slow_seconds=15)
    assert [(f.kind, f.is_veto) for f in found] == [(Kind.UNREACHABLE, True)]


@pytest.mark.parametrize(
    ("markup", "hidden"),
    [
        (
            '<div style="display:none"><a id="x" href="http://spam.test/">x</a></div>',
            "display:none",
        ),
        ('<a id="x" style="font-size:0px" href="http://spam.test/">x</a>', "font-size:0px"),
        ('<a id="x" style="font-size: 1px" href="http://spam.test/">x</a>', "font-size: 1px"),
        ('<p style="position:absolute;left:-9999px"><a id="x" href="/">x</a></p>', "left:-9999"),
        (
            '<p style="text-indent:-2000px"><span><a id="x" href="/">x</a></span></p>',
            "text-indent:-2000",
        ),
        ('<div style="VISIBILITY: hidden"><a id="x" href="/">x</a></div>', "visibility: hidden"),
        ('<div hidden><a id="x" href="/">x</a></div>', "hidden"),
        (
            '<div style="height:0;overflow:hidden"><a id="x" href="/">x</a></div>',
            "height:0;overflow:hidden",
        ),
        # Visible links: small but readable type, a negative margin, plain styles.
        ('<a id="x" style="font-size:12px" href="/">x</a>', ""),
        ('<a id="x" style="margin-left:-10px" href="/">x</a>', ""),
        ('<a id="x" href="/">x</a>', ""),
    ],
)
def test_hidden_by_style(markup, hidden):
    import lxml.html

    anchor = lxml.html.fromstring(f"<html><body>{markup}</body></html>").get_element_by_id("x")
    assert hidden_by(anchor) == hidden


def test_parse_reads_links_images_and_text_without_scripts():
    parsed = parse(
        '<html><body><a href="/a/#x">甲</a><img src="i.png"><script>var s="脚本";</script>'
        "<p>正文</p></body></html>",
        BASE + "dir/",
    )
    assert [(link.url, link.hidden) for link in parsed.links] == [(BASE + "a/", "")]
    assert parsed.images == [BASE + "dir/i.png"]
    assert "正文" in parsed.text
    assert "脚本" not in parsed.text


def test_real_http_against_a_configured_address(settings):
    """GONGKAI_MONITOR_BASE_URL set: pages are opened over HTTP, with the polite pause."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    pages = {
        "/": '<a href="/ok/">好</a><a href="/gone/">坏</a><img src="/pic.png">',
        "/ok/": "<p>正文</p>",
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            body = pages.get(self.path)
            if self.path == "/pic.png":
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.end_headers()
                return
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(f"<html><body>{body or '无此页'}</body></html>".encode())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        settings.GONGKAI_MONITOR_BASE_URL = f"http://127.0.0.1:{server.server_port}"
        settings.GONGKAI_MONITOR_DELAY_SECONDS = 0.05
        fetcher = crawl.fetcher_for_settings()
        assert isinstance(fetcher, crawl.HttpFetcher)
        assert fetcher.polite_delay == 0.05
        result = crawl.crawl(fetcher=fetcher, max_pages=20, max_depth=3)
    finally:
        server.shutdown()
        server.server_close()
    base = settings.GONGKAI_MONITOR_BASE_URL + "/"
    assert sorted((p.url, p.status) for p in result.pages) == [
        (base, 200),
        (base + "gone/", 404),
        (base + "ok/", 200),
    ]
    assert [(b.url, b.linked_from) for b in result.broken] == [(base + "gone/", base)]
    assert crawl.HttpFetcher(base, timeout=1).get("ftp://x/").status is None


@pytest.mark.django_db
def test_in_process_behind_the_https_redirect(settings):
    """Production redirects http to https: the in-process crawl asks as https."""
    settings.SECURE_SSL_REDIRECT = True
    fetcher = crawl.ClientFetcher()
    assert fetcher.base_url.startswith("https://")
    assert fetcher.get(fetcher.base_url).status == 200


def test_the_queue_keeps_its_order_when_it_spills_to_disk():
    queue = crawl.Frontier(in_memory=3)
    order = []
    for n in range(5):
        queue.append((f"{BASE}{n}/", n, BASE))
    order.append(queue.popleft())
    for n in range(5, 9):
        queue.append((f"{BASE}{n}/", n, f"{BASE}{n - 1}/"))
    assert len(queue) == 8
    while queue:
        order.append(queue.popleft())
    queue.append((BASE + "again/", 9, ""))  # the file emptied is used again
    order.append(queue.popleft())
    queue.close()
    assert [entry[1] for entry in order] == list(range(10))
    assert order[8] == (BASE + "8/", 8, BASE + "7/")


def test_a_crawl_with_a_visitor_keeps_no_pages_and_reports_each_one_once():
    class Visitor:
        def __init__(self):
            self.read, self.failed = [], []

        def page(self, page):
            self.read.append((page.url, page.parsed is not None))

        def broken(self, broken):
            self.failed.append(broken.url)

    visitor = Visitor()
    result = crawl.crawl(
        fetcher=FakeSite(SITE), max_pages=50, max_depth=5, visitor=visitor, queue_in_memory=1
    )
    assert result.pages == [] and result.broken == []
    assert result.pages_read == len(visitor.read) == 5
    assert result.home.url == BASE and result.home.parsed is None
    assert (BASE + "c/", True) in visitor.read
    assert sorted(visitor.failed) == [BASE + "gone/", BASE + "missing.png"]


@pytest.mark.django_db
def test_an_item_page_costs_one_qr_image_per_format():
    """The PNG download of an item page's QR code is the image itself (the download
    attribute): the crawl opens one PNG and one SVG per item page, not a second PNG
    with ``download=1`` (generating QR images was most of the server's work per item)."""
    from gongkai.portal.tests.factories import published_item

    item = published_item(title="关于二维码的通知")
    fetcher = crawl.ClientFetcher()
    fetcher.base_url = f"{fetcher.base_url}xxgk/{item.pk}/"
    opened: list[str] = []
    get = fetcher.get

    def recorded(url: str) -> Response:
        opened.append(crawl.path_of(url))
        return get(url)

    fetcher.get = recorded  # type: ignore[method-assign]
    result = crawl.crawl(fetcher=fetcher, max_pages=200, max_depth=1)
    assert not result.broken
    qr = sorted(p for p in opened if p.startswith("/qr/page.") and f"%2F{item.pk}%2F" in p)
    assert qr == [
        f"/qr/page.png?path=%2Fxxgk%2F{item.pk}%2F",
        f"/qr/page.svg?path=%2Fxxgk%2F{item.pk}%2F&download=1",
    ]
