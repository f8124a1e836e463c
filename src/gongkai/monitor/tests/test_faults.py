"""The portal with every fault planted, checked by one run in-process, as the daily task
does: a broken internal and a broken external link, a stale column, a hidden link, a
wrong leader title, an item without a date, a failed availability sample, a page nothing
links to. Then the alerts: told once the same day (notification, e-mail, "what waits for
me"), not again at the next run, closed when the problem is gone."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from gongkai.core.models import Notification, OutgoingMessage
from gongkai.core.selectors.duties import duties_for
from gongkai.monitor import crawl, sitechecks
from gongkai.monitor.external import PoliteFetcher
from gongkai.monitor.models import Alert, AllowedHost, ColumnWatch, Kind, Run
from gongkai.monitor.selectors import assessment_figures
from gongkai.monitor.services import probe_take, run_request
from gongkai.monitor.tests.conftest import days_ago
from gongkai.portal.models import Column, ColumnKind

pytestmark = pytest.mark.django_db

PLANTED: dict[str, str] = {}  # what the "hacked server" adds to the home page


class Tampered(crawl.ClientFetcher):
    def get(self, url):
        response = super().get(url)
        if url == self.base_url and response.text and PLANTED.get("html"):
            text = response.text.replace("</body>", PLANTED["html"] + "</body>")
            return crawl.Response(response.status, response.elapsed, response.content_type, text)
        return response


class LocalOnly(PoliteFetcher):
    """The test network: only the local site answers (no request leaves the machine)."""

    def get(self, url):
        return super().get(url) if url.startswith("http://127.0.0.1:") else None


class Samples:
    base_url = "http://testserver/"

    def __init__(self, status):
        self.status = status

    def get(self, url):
        return crawl.Response(self.status, 0.1)


@pytest.fixture
def planted(entries, people, local_site, monkeypatch, settings):
    monkeypatch.setattr(crawl, "fetcher_for_settings", Tampered)
    monkeypatch.setattr(
        sitechecks,
        "polite_fetcher",
        lambda: LocalOnly(timeout=2, host_interval=0, max_requests=20, max_seconds=20),
    )
    settings.GONGKAI_MONITOR_PROBE_PATHS = ["/"]
    local_site.pages = {"/fine/": "<p>好</p>"}
    AllowedHost.objects.create(host="127.0.0.1")
    PLANTED["html"] = (
        '<div style="display:none"><a href="http://spider-pool.example/">博彩</a></div>'
        f'<a href="{local_site.base_url}fine/">合作网站</a>'
        f'<a href="{local_site.base_url}gone/">已失效的外部链接</a>'
    )
    news = Column.objects.create(
        title="工作动态", slug="gzdt", kind=ColumnKind.LIST, source="monitor_test",
        source_param="news", show_on_home=True, order=1,
    )  # fmt: skip
    ColumnWatch.objects.create(column=news, cadence=ColumnWatch.Cadence.DYNAMIC)
    Column.objects.create(
        title="通知公告", slug="tzgg", kind=ColumnKind.LIST, source="monitor_test",
        source_param="notices", show_on_home=True, order=2,
    )  # fmt: skip
    Column.objects.create(
        title="旧栏目", slug="jlm", kind=ColumnKind.LINK, link="/column/no-such-column/",
        show_on_home=True, order=3,
    )  # fmt: skip
    Column.objects.create(
        title="领导活动", slug="ldhd", kind=ColumnKind.PAGE, order=4,
        body="5月8日，国家主席李强到我区调研。",
    )  # fmt: skip
    closed = Column.objects.create(
        title="已关闭的专题",
        slug="ygb",
        kind=ColumnKind.PAGE,
        body="专题",
        is_active=False,
        order=5,
    )
    Column.objects.create(
        title="遗留页面", slug="ylym", kind=ColumnKind.PAGE, body="无人链接的页面", parent=closed,
    )  # fmt: skip
    entries["news"] = [days_ago(30)]  # a dynamic column a month behind
    entries["notices"] = [days_ago(3), None]  # one notice without a date
    # Today's availability: 9 samples open, 1 does not (10 %).
    today = timezone.localdate()
    zone = timezone.get_current_timezone()
    for n in range(10):
        slot = dt.datetime.combine(today, dt.time(0, n), tzinfo=zone)
        probe_take(slot=slot, fetcher=Samples(503 if n == 4 else 200))
    yield local_site
    PLANTED.clear()


def kinds(run):
    return {(f.kind, f.is_veto, f.url, f.page, f.detail) for f in run.findings.all()}


def test_every_planted_fault_is_found(planted):
    run = run_request(actor=None, trigger=Run.Trigger.SCHEDULED)
    run.refresh_from_db()
    assert run.status == Run.Status.DONE
    home = run.base_url
    local = planted.base_url
    got = kinds(run)
    assert (Kind.BROKEN_LINK, False, home + "column/no-such-column/", home, "状态 404") in got
    assert (Kind.EXTERNAL_BROKEN, False, local + "gone/", home, "状态 404") in got
    assert not [f for f in got if f[2] == local + "fine/"]
    assert (
        Kind.COLUMN_STALE,
        False,
        "/column/gzdt/",
        "",
        f"工作动态：最近更新 {days_ago(30).astimezone(timezone.get_current_timezone()).date().isoformat()}",
    ) in got  # noqa: E501
    assert (
        Kind.HIDDEN_LINK,
        True,
        "http://spider-pool.example/",
        home,
        "以“display:none”隐藏",
    ) in got  # noqa: E501
    assert (
        Kind.WRONG_TITLE, True, "", home + "column/ldhd/", "“国家主席李强”应为“国务院总理李强”"
    ) in got  # fmt: skip
    assert (Kind.ITEM_UNDATED, False, home + "zwgk/", home + "column/tzgg/", "notices 1") in got
    assert (Kind.ORPHAN_PAGE, False, home + "column/ylym/", "", "遗留页面") in got
    assert (
        Kind.UNAVAILABLE, True, "", "",
        f"{timezone.localdate().isoformat()}：10 次抽查中 1 次失败（10.0 %，达到 5 % 即不合格）。",
    ) in got  # fmt: skip
    assert "/gone/" in planted.requests and "/robots.txt" in planted.requests
    assert run.veto_count == sum(1 for f in got if f[1])


def test_alerts_are_sent_once_the_same_day_and_closed_when_fixed(planted, people):
    office = people["office"]
    office.email = "office@example.org"
    office.save()
    run_request(actor=None)
    # The wrong title is on the column's page and on its print view: two alerts.
    vetoes = sorted(Alert.objects.values_list("kind", flat=True))
    assert vetoes == sorted(
        [Kind.HIDDEN_LINK, Kind.WRONG_TITLE, Kind.WRONG_TITLE, Kind.UNAVAILABLE]
    )
    [note] = Notification.objects.filter(recipient=office)
    assert note.url == reverse("monitor:workbench")
    assert note.message.startswith("网站检查发现 4 项单项否决问题")
    assert list(OutgoingMessage.objects.values_list("channel", "address")) == [
        ("email", "office@example.org")
    ]
    assert not Notification.objects.filter(recipient=people["handler"]).exists()
    board = duties_for(office)
    assert sorted(d.title.split("：")[0] for d in board.today) == sorted(
        ["暗链", "领导人职务错误", "领导人职务错误", "网站无法访问次数过多"]
    )
    assert duties_for(people["handler"]).today == []

    run_request(actor=None)  # the next day's run finds the same: nobody is told again
    assert Notification.objects.filter(recipient=office).count() == 1
    assert OutgoingMessage.objects.count() == 1
    assert Alert.objects.filter(closed_at__isnull=True).count() == 4

    PLANTED["html"] = ""  # the hidden link removed
    run_request(actor=None)
    assert Alert.objects.get(kind=Kind.HIDDEN_LINK).closed_at is not None
    assert Alert.objects.filter(closed_at__isnull=True).count() == 3
    assert Notification.objects.filter(recipient=office).count() == 1


def test_the_assessment_reads_the_years_figures(planted):
    run_request(actor=None)
    year = timezone.localdate().year
    figures = assessment_figures(organisation_id=7, year=year)
    assert figures["organisation_id"] == 7 and figures["year"] == year
    assert (figures["runs"], figures["runs_with_veto"]) == (1, 1)
    assert figures["failed_indicators"] == ["unreachable", "wording", "security"]
    assert figures["findings_by_kind"][Kind.HIDDEN_LINK] == 1
    assert figures["findings_by_kind"][Kind.SENSITIVE_WORD] == 0
    last = figures["last_run"]
    assert (last["stale_columns"], last["empty_columns"], last["broken_links"]) == (1, 0, 2)
    assert last["vetoes"] == 4
    assert figures["availability"] == {
        "samples": 10, "failed": 1, "share_failed": 10.0, "days_failed": 1,
    }  # fmt: skip
    empty = assessment_figures(organisation_id=None, year=year - 1)
    assert (empty["runs"], empty["failed_indicators"], empty["last_run"]["finished_at"]) == (
        0, [], None,
    )  # fmt: skip
    assert empty["availability"]["share_failed"] is None
