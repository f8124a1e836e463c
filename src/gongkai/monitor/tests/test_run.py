"""A whole run on the real portal, opened in-process: a planted broken link, a stale
column, a hidden spam link and a sensitive word; the single-veto flags; the ledger."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from gongkai.core import vocabulary
from gongkai.core.models import LedgerEntry
from gongkai.monitor import crawl
from gongkai.monitor.models import AllowedHost, ColumnWatch, Finding, Kind, Run, SensitiveWord
from gongkai.monitor.periodic import check_portal
from gongkai.monitor.services import run_request
from gongkai.monitor.tests.conftest import days_ago
from gongkai.portal.models import Column, ColumnKind

pytestmark = pytest.mark.django_db

SPAM = (
    '<div style="position:absolute;left:-9999px"><a href="http://spider-pool.example/">'
    "博彩娱乐</a></div>"
    '<p>友情链接：<a href="http://casino.example/">真人娱乐</a>'
    ' <a href="https://www.example.org/">合作单位</a></p>'
)


class Tampered(crawl.ClientFetcher):
    """The portal as a hacked server would send it: spam put into the home page."""

    def get(self, url):
        response = super().get(url)
        if url == self.base_url and response.text:
            text = response.text.replace("</body>", SPAM + "</body>")
            return crawl.Response(response.status, response.elapsed, response.content_type, text)
        return response


@pytest.fixture
def site(entries, body):
    news = Column.objects.create(
        title="工作动态",
        slug="gzdt",
        kind=ColumnKind.LIST,
        source="monitor_test",
        source_param="news",
        show_on_home=True,
        order=1,
    )
    ColumnWatch.objects.create(column=news, cadence=ColumnWatch.Cadence.DYNAMIC)
    Column.objects.create(
        title="通知公告",
        slug="tzgg",
        kind=ColumnKind.LIST,
        source="monitor_test",
        source_param="notices",
        show_on_home=True,
        order=2,
    )
    Column.objects.create(
        title="旧栏目",
        slug="jlm",
        kind=ColumnKind.LINK,
        link="/column/no-such-column/",
        show_on_home=True,
        order=3,
    )
    entries["news"] = [days_ago(30)]  # a dynamic column a month behind: stale
    entries["notices"] = [days_ago(40)]  # a notice column 40 days behind: in time
    return news


def findings(run):
    return sorted((f.kind, f.is_veto, f.url, f.page) for f in run.findings.all())


def test_a_run_finds_what_was_planted(site, monkeypatch):
    monkeypatch.setattr(crawl, "fetcher_for_settings", Tampered)
    AllowedHost.objects.create(host="www.example.org")
    SensitiveWord.objects.create(word="博彩")
    SensitiveWord.objects.create(word="停用的词", is_active=False)

    run = run_request(actor=None, trigger=Run.Trigger.SCHEDULED)  # the task runs at once

    run.refresh_from_db()
    home = run.base_url
    assert run.status == Run.Status.DONE
    assert home.startswith("http://") and home.endswith("/")
    got = findings(run)
    assert (Kind.BROKEN_LINK, False, home + "column/no-such-column/", home) in got
    assert (Kind.COLUMN_STALE, False, "/column/gzdt/", "") in got
    assert (Kind.HIDDEN_LINK, True, "http://spider-pool.example/", home) in got
    assert (Kind.FOREIGN_LINK, True, "http://casino.example/", home) in got
    assert (Kind.SENSITIVE_WORD, True, "", home) in got
    # The allowed host and the notice column (40 days old, 6 months allowed) pass.
    assert not [f for f in got if "example.org" in f[2]]
    assert not [f for f in got if f[2] == "/column/tzgg/"]
    # The home page's newest item is 30 days old: the single veto for the home page.
    assert (Kind.HOME_STALE, True, home, "") in got
    assert run.veto_count == sum(1 for f in got if f[1]) == 4
    assert run.findings_count == len(got)
    assert run.pages_checked == run.pages.count() > 3
    assert run.pages.filter(url=home, status_code=200).exists()
    actions = list(
        LedgerEntry.objects.filter(object_type="monitor.run").values_list("action", "summary")
    )
    assert actions == [
        ("monitor.run_requested", {"trigger": "scheduled"}),
        (
            "monitor.run_finished",
            {"pages": run.pages_checked, "findings": run.findings_count, "vetoes": 4},
        ),
        ("monitor.alerts_raised", {"alerts": 4}),
    ]
    assert vocabulary.unlabelled(actions) == []


def test_a_fresh_untouched_portal_has_no_veto(site, entries):
    entries["news"] = [days_ago(2)]
    run = run_request(actor=None)
    run.refresh_from_db()
    assert run.status == Run.Status.DONE
    assert run.veto_count == 0
    assert [f.kind for f in run.findings.all()] == [Kind.BROKEN_LINK]


def test_letters_unanswered_over_three_months_are_a_veto(site, entries, body):
    from gongkai.participation.services.mailbox import letter_categories_ensure, letter_submit

    entries["news"] = [days_ago(1)]
    category = letter_categories_ensure(organisation=body)[0]
    old = letter_submit(
        category=category,
        subject="户籍咨询",
        body="请问随迁需要哪些材料？",
        writer_name="李四",
        writer_phone="13812345678",
        received_at=timezone.now() - dt.timedelta(days=100),
    ).letter
    letter_submit(
        category=category,
        subject="新来信",
        body="请问办理时间？",
        writer_name="王五",
        writer_phone="13812345679",
        received_at=timezone.now() - dt.timedelta(days=10),
    )
    run = run_request(actor=None)
    vetoes = list(Finding.objects.filter(run=run, is_veto=True).values_list("kind", "detail"))
    assert len(vetoes) == 1
    assert vetoes[0][0] == Kind.LETTER_UNANSWERED
    assert old.code in vetoes[0][1]


def test_the_daily_job_requests_one_run_and_a_second_request_gets_the_open_one(site, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    assert check_portal() == f"run {Run.objects.get().pk}"
    first = Run.objects.get()
    assert first.status == Run.Status.QUEUED
    assert first.trigger == Run.Trigger.SCHEDULED
    again = run_request(actor=None)
    assert again.pk == first.pk
    assert Run.objects.count() == 1
    assert reverse("monitor:workbench") == "/workbench/monitor/"


def test_execute_is_idempotent(site):
    run = run_request(actor=None)
    from gongkai.monitor.services import run_execute

    before = Finding.objects.count()
    assert run_execute(run_id=run.pk).status == Run.Status.DONE
    assert Finding.objects.count() == before


def test_a_run_left_open_by_a_lost_worker_does_not_block_the_next(site, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    lost = run_request(actor=None)
    Run.objects.filter(pk=lost.pk).update(
        status=Run.Status.RUNNING, created_at=timezone.now() - dt.timedelta(hours=7)
    )
    fresh = run_request(actor=None)
    assert fresh.pk != lost.pk
    lost.refresh_from_db()
    assert lost.status == Run.Status.FAILED
    assert LedgerEntry.objects.filter(action="monitor.run_failed", object_id=str(lost.pk)).exists()
