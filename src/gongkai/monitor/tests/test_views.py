"""The workbench page: who may see it and press "check now" (nothing changes after a
refusal), single-veto groups first, the trend from the bundled ECharts, the menu link."""

import pytest
from django.urls import reverse

from gongkai.core.models import LedgerEntry
from gongkai.monitor.models import Finding, Kind, Run

pytestmark = pytest.mark.django_db

PAGE = reverse("monitor:workbench")
RUN_NOW = reverse("monitor:run-now")


@pytest.fixture
def finished(db):
    from django.utils import timezone

    run = Run.objects.create(
        trigger=Run.Trigger.SCHEDULED,
        status=Run.Status.DONE,
        finished_at=timezone.now(),
        base_url="http://testserver/",
        pages_checked=12,
        findings_count=2,
        veto_count=1,
    )
    Finding.objects.create(run=run, kind=Kind.BROKEN_LINK, url="http://testserver/old/")
    Finding.objects.create(
        run=run, kind=Kind.HIDDEN_LINK, is_veto=True, url="http://spam.example/", page="/"
    )
    return run


@pytest.mark.parametrize("who", [None, "public", "handler"])
def test_only_the_office_sees_the_page_and_runs_a_check(client, people, finished, who):
    if who:
        client.force_login(people[who])
    response = client.get(PAGE)
    assert response.status_code == (302 if who is None else 404)
    response = client.post(RUN_NOW)
    assert response.status_code == (302 if who is None else 404)
    assert Run.objects.count() == 1
    assert not LedgerEntry.objects.filter(action="monitor.run_requested").exists()


def test_the_office_sees_veto_findings_first_and_the_trend(client, people, finished):
    client.force_login(people["office"])
    response = client.get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index('id="kind-hidden_link"') < html.index('id="kind-broken_link"')
    assert "暗链（1）" in html
    assert "单项否决" in html
    assert "网站检查将不合格" in html
    assert "reports/echarts.min.js" in html
    assert "monitor/trend.js" in html
    assert 'id="monitor-trend-data"' in html
    assert "cdn" not in html.lower()
    assert f'href="{PAGE}"' in html  # the menu link for the office


def test_check_now_queues_a_run(client, people, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client.force_login(people["office"])
    response = client.post(RUN_NOW)
    assert response.status_code == 302
    run = Run.objects.get()
    assert (run.status, run.trigger, run.requested_by) == (
        Run.Status.QUEUED,
        Run.Trigger.MANUAL,
        people["office"],
    )
    page = client.get(PAGE).content.decode()
    assert "disabled" in page
    assert client.get(RUN_NOW).status_code == 405


def test_a_failed_check_is_said_in_chinese_above_the_last_finished_one(client, people, finished):
    Run.objects.create(
        trigger=Run.Trigger.MANUAL, status=Run.Status.FAILED, error="OSError: disk full"
    )
    client.force_login(people["office"])
    html = client.get(PAGE).content.decode()
    assert "未完成，以下为最近一次完成的检查结果" in html
    assert "OSError: disk full" in html.split("<details>")[1]
    assert 'id="kind-hidden_link"' in html
