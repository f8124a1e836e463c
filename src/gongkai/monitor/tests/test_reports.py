"""The daily report (printable) and the yearly 政府网站工作年度报表 (page, .xlsx, .docx):
who may see them, what they show, fields typed by hand marked as such, read back."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from gongkai.monitor import crawl, yearly
from gongkai.monitor.models import Alert, Finding, Kind, Run
from gongkai.monitor.services import probe_take

pytestmark = pytest.mark.django_db


class Answer:
    base_url = "http://testserver/"

    def __init__(self, status):
        self.status = status

    def get(self, url):
        return crawl.Response(self.status, 0.2)


@pytest.fixture
def today_run(db, settings):
    settings.GONGKAI_MONITOR_PROBE_PATHS = ["/"]
    now = timezone.now()
    run = Run.objects.create(
        trigger=Run.Trigger.SCHEDULED, status=Run.Status.DONE, finished_at=now,
        base_url="http://testserver/", pages_checked=30, findings_count=2, veto_count=1,
    )  # fmt: skip
    Finding.objects.create(
        run=run, kind=Kind.WRONG_TITLE, is_veto=True, page="http://testserver/column/ldhd/",
        detail="“国家主席李强”应为“国务院总理李强”",
    )  # fmt: skip
    Finding.objects.create(run=run, kind=Kind.ITEM_UNDATED, url="http://testserver/xxgk/9/")
    Alert.objects.create(key="k", kind=Kind.WRONG_TITLE, detail="“国家主席李强”", run=run)
    zone = timezone.get_current_timezone()
    for n, status in enumerate([200, 200, 500]):
        slot = dt.datetime.combine(timezone.localdate(), dt.time(0, n), tzinfo=zone)
        probe_take(slot=slot, fetcher=Answer(status))
    return run


@pytest.mark.parametrize("who", [None, "public", "handler"])
def test_reports_are_for_the_office(client, people, who):
    if who:
        client.force_login(people[who])
    year = timezone.localdate().year - 1
    for url in (
        reverse("monitor:day", args=[timezone.localdate().isoformat()]),
        reverse("monitor:year", args=[year]),
        reverse("monitor:year", args=[year]) + "?format=xlsx",
    ):
        assert client.get(url).status_code == (302 if who is None else 404)


def test_the_daily_report_shows_the_days_samples_findings_and_alerts(client, people, today_run):
    client.force_login(people["office"])
    day = timezone.localdate()
    html = client.get(reverse("monitor:day", args=[day.isoformat()])).content.decode()
    assert f"网站检查日报 {day.isoformat()}" in html
    assert "抽查 3 次，失败 1 次（33.3 %）。" in html
    availability = html.split('id="day-availability"')[1].split("</section>")[0]
    assert '<span class="monitor-badge">单项否决</span>' in availability  # 1 of 3: 33 %
    assert "“国家主席李强”应为“国务院总理李强”" in html
    assert "信息无发布日期（1）" in html
    assert "monitor/print.js" in html and "@media print" not in html
    assert client.get(reverse("monitor:day", args=["2026-13-40"])).status_code == 404
    earlier = client.get(reverse("monitor:day", args=["2020-01-01"])).content.decode()
    assert "当天没有完成的检查。" in earlier


def test_the_workbench_shows_availability_alerts_and_report_links(client, people, today_run):
    client.force_login(people["office"])
    html = client.get(reverse("monitor:workbench")).content.decode()
    assert 'id="monitor-alerts"' in html and "未关闭的提醒（1）" in html
    section = html.split('id="monitor-availability"')[1].split("</section>")[0]
    assert section.count("<tr>") == 8  # header and 7 days
    assert '<td class="num">3</td><td class="num">1</td><td class="num">33.3 %</td>' in section
    assert reverse("monitor:year", args=[timezone.localdate().year - 1]) in html


def test_the_yearly_report_is_drafted_from_the_data(client, people, today_run, settings):
    settings.GONGKAI_SITE_NAME = "西市区人民政府门户网站"
    year = timezone.localdate().year
    table = yearly.rows(year)
    rows = {row.field: row for row in table}
    assert rows["网站名称"].value == "西市区人民政府门户网站" and not rows["网站名称"].by_hand
    assert rows["首页网址"].by_hand  # no address configured: typed by hand
    assert rows["网站标识码"].by_hand and rows["独立用户访问总量（个）"].by_hand
    assert (rows["安全检测评估次数（次）"].value, rows["发现问题数量（个）"].value) == ("1", "1")
    assert rows["总数（条）"].value == "0" and not rows["总数（条）"].by_hand
    assert yearly.due_on(year) == dt.date(year + 1, 1, 31)

    client.force_login(people["office"])
    url = reverse("monitor:year", args=[year])
    html = client.get(url).content.decode()
    assert f"{year}年政府网站工作年度报表" in html
    assert f"须于 {year + 1}-01-31 前在网站首页公开" in html
    assert html.count("<em>手工填写</em>") == sum(r.by_hand for r in table) == 28
    assert client.get(reverse("monitor:year", args=[year + 1])).status_code == 404

    from docx import Document
    from openpyxl import load_workbook

    response = client.get(url + "?format=xlsx")
    assert response["Content-Disposition"] == f'attachment; filename="website-report-{year}.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == f"{year}年政府网站工作年度报表"
    assert [c.value for c in sheet[2]] == ["类别", "项目", "内容", "来源"]
    cells = {r[1]: (r[2], r[3]) for r in sheet.iter_rows(min_row=3, values_only=True)}
    assert cells["网站名称"] == ("西市区人民政府门户网站", "平台数据")
    assert cells["网站标识码"] == (None, "手工填写")
    document = Document(io.BytesIO(client.get(url + "?format=docx").content))
    assert document.paragraphs[0].text == f"{year}年政府网站工作年度报表"
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["类别", "项目", "内容", "来源"]
    assert len(table.rows) == len(yearly.rows(year)) + 1
