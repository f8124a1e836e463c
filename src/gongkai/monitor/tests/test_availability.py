"""Availability sampled through the day: each sample recorded; a sample fails with no
answer, an error status or more than 15 s; a day fails (站点无法访问, single veto) at ≥ 5 %
failed samples (RULES.md, 国办秘函〔2019〕19号: opened 20+ times a day, failing within 15 s in
≥ 5 % of checks). Shares computed by hand in the table."""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.monitor import crawl
from gongkai.monitor.checks import Found
from gongkai.monitor.models import Kind, Probe
from gongkai.monitor.selectors import DayAvailability, availability_days
from gongkai.monitor.services import probe_schedule, probe_take
from gongkai.monitor.sitechecks import availability_findings

pytestmark = pytest.mark.django_db

BASE = "http://site.test/"


class Answers:
    """A site answering each request with the next (status, seconds) in the list."""

    base_url = BASE

    def __init__(self, answers):
        self.answers = list(answers)
        self.opened = []

    def get(self, url):
        self.opened.append(url)
        status, seconds = self.answers.pop(0)
        return crawl.Response(status, seconds, "text/html", "<p>首页</p>")


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone())


@pytest.mark.parametrize(
    ("status", "seconds", "is_ok"),
    [
        (200, 0.2, True),
        (200, 15.0, True),  # within 15 s
        (200, 15.01, False),  # over 15 s: did not open in time
        (503, 0.1, False),
        (404, 0.1, False),
        (None, 15.0, False),  # no answer (refused, timed out)
        (302, 0.1, True),
    ],
)
def test_a_sample_fails_without_an_answer_within_15_seconds(settings, status, seconds, is_ok):
    settings.GONGKAI_MONITOR_PROBE_PATHS = ["/"]
    slot = at(dt.date(2026, 12, 1), 9)
    [probe] = probe_take(slot=slot, fetcher=Answers([(status, seconds)]))
    assert (probe.url, probe.status_code, probe.is_ok) == (BASE, status, is_ok)
    assert probe.elapsed_ms == round(seconds * 1000)


def test_key_pages_are_each_sampled_once_per_slot(settings):
    settings.GONGKAI_MONITOR_PROBE_PATHS = ["/", "/zwgk/"]
    slot = at(dt.date(2026, 12, 1), 10)
    site = Answers([(200, 0.1), (500, 0.1)])
    probes = probe_take(slot=slot, fetcher=site)
    assert [(p.url, p.is_ok) for p in probes] == [(BASE, True), (BASE + "zwgk/", False)]
    assert probe_take(slot=slot, fetcher=site) == []  # the task queued twice: no new sample
    assert site.opened == [BASE, BASE + "zwgk/"]
    assert Probe.objects.count() == 2


@pytest.mark.parametrize(
    ("samples", "failed", "share", "is_veto"),
    [
        (48, 0, 0.0, False),
        (48, 2, 4.17, False),  # 2/48 = 4.17 %
        (48, 3, 6.25, True),  # 3/48 = 6.25 %
        (20, 1, 5.0, True),  # exactly 5 %: "≥ 5 %" fails
        (21, 1, 4.76, False),
        (0, 0, 0.0, False),  # no samples: nothing to judge
    ],
)
def test_the_five_percent_rule_per_day(samples, failed, share, is_veto):
    day = DayAvailability(dt.date(2026, 12, 1), samples, failed)
    assert round(day.share, 2) == share
    assert day.is_veto is is_veto


def test_days_are_counted_from_the_recorded_samples_and_flagged(settings):
    settings.GONGKAI_MONITOR_PROBE_PATHS = ["/"]
    first, second = dt.date(2026, 11, 30), dt.date(2026, 12, 1)
    # 20 samples on the first day, one failing (5 %: veto); 24 on the second, one failing.
    for minute in range(20):
        probe_take(slot=at(first, 8, minute), fetcher=Answers([(500 if minute == 3 else 200, 1)]))
    for hour in range(24):
        probe_take(slot=at(second, hour), fetcher=Answers([(200, 20 if hour == 5 else 1)]))
    days = availability_days(end=second, days=3)
    assert [(d.day, d.samples, d.failed, d.is_veto) for d in days] == [
        (dt.date(2026, 11, 29), 0, 0, False),
        (first, 20, 1, True),
        (second, 24, 1, False),
    ]
    assert availability_findings(days) == [
        Found(
            Kind.UNAVAILABLE,
            is_veto=True,
            detail="2026-11-30：20 次抽查中 1 次失败（5.0 %，达到 5 % 即不合格）。",
        )
    ]


def test_the_day_is_scheduled_in_even_slots(settings):
    settings.GONGKAI_MONITOR_PROBES_PER_DAY = 24
    settings.GONGKAI_MONITOR_PROBE_PATHS = ["/"]
    day = timezone.localdate() - dt.timedelta(days=1)
    slots = probe_schedule(day=day)  # the test queue runs each sample at once
    assert len(slots) == 24
    assert slots[1] - slots[0] == dt.timedelta(hours=1)
    assert slots[0] == at(day, 0)
    assert sorted(Probe.objects.values_list("slot", flat=True)) == slots
    probe_schedule(day=day)  # the daily job run twice: each slot sampled once
    assert Probe.objects.count() == 24
