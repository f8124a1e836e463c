"""Two sites of one installation side by side in a browser, at 1280 and at 390 px: each
shows its own name, colours, items and footer, and its search finds only its own body's.

Hosts under .localhost resolve to this machine in chromium, so both sites are served by
the one live server. Screenshots go to test-artifacts/."""

import pytest

from gongkai.portal.models import SiteIdentity
from gongkai.sites.selectors import forget_sites

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_two_sites_side_by_side(page, live_server, artifacts_dir, width, height, police, town):
    from gongkai.sites.services import site_create

    police.publish("关于户籍业务办理的通知")
    town.publish("关于户籍窗口搬迁和农村道路建设的通知")
    SiteIdentity.objects.create(organisation=town.org, site_code="2108030001")
    site_create(actor=None, organisation=police.org, name="湛江市公安局网站", host="gaj.localhost")
    site_create(
        actor=None, organisation=town.org, name="西市区人民政府网站", host="xsq.localhost",
        brand_colour="#0b5394",
    )  # fmt: skip
    forget_sites()
    port = live_server.url.rsplit(":", 1)[1]
    other = page.context.new_page()
    shown = {}
    for tab, host in ((page, "gaj.localhost"), (other, "xsq.localhost")):
        tab.set_viewport_size({"width": width, "height": height})
        tab.goto(f"http://{host}:{port}/")
        header = tab.locator(".site-header")
        shown[host] = {
            "brand": tab.locator(".site-header .brand").inner_text(),
            "colour": header.evaluate("e => getComputedStyle(e).backgroundColor"),
            "text": tab.locator("main").inner_text(),
            "footer": tab.locator(".site-footer").inner_text(),
        }
        assert tab.evaluate("document.documentElement.scrollWidth") <= width
        name = host.split(".")[0]
        tab.screenshot(path=str(artifacts_dir / f"sites-{name}-{width}.png"), full_page=True)
    gaj, xsq = shown["gaj.localhost"], shown["xsq.localhost"]
    assert (gaj["brand"], xsq["brand"]) == ("湛江市公安局网站", "西市区人民政府网站")
    assert xsq["colour"] == "rgb(11, 83, 148)" and gaj["colour"] == "rgb(159, 29, 32)"
    assert "关于户籍业务办理的通知" in gaj["text"] and "农村道路" not in gaj["text"]
    assert "农村道路" in xsq["text"] and "关于户籍业务办理的通知" not in xsq["text"]
    assert "2108030001" in xsq["footer"] and "2108030001" not in gaj["footer"]
    # Each site's search box searches its own body only.
    for tab, expected, absent in (
        (page, "关于户籍业务办理的通知", "窗口搬迁"),
        (other, "窗口搬迁", "关于户籍业务办理的通知"),
    ):
        tab.get_by_role("search").get_by_role("searchbox").fill("户籍")
        tab.get_by_role("search").get_by_role("button", name="搜索").click()
        tab.wait_for_load_state()
        results = tab.locator("main").inner_text()
        assert expected in results and absent not in results
