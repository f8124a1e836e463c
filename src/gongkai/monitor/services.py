"""Every write of the site monitor: requesting a run, running it, the office's settings.
Each writes the ledger in the same transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from gongkai.core.queue import enqueue
from gongkai.core.services.ledger import ledger_append
from gongkai.core.types import Actor
from gongkai.monitor import (
    checks,
    crawl,
    injection,
    law,
    persite,
    recording,
    selectors,
    sitechecks,
    transitions,
    wording,
)
from gongkai.monitor.external import PoliteFetcher
from gongkai.monitor.injection import Expected
from gongkai.monitor.models import (
    Alert,
    AllowedHost,
    Finding,
    Kind,
    Page,
    Probe,
    Run,
    SensitiveWord,
    WatchedSite,
)

OPEN = transitions.OPEN_STATUSES
# A run still open after this long lost its worker (the task's own timeout is an hour):
# it is closed as failed so the next check can start.
STALE_AFTER = dt.timedelta(hours=6)


def run_request(*, actor: Actor, trigger: str = Run.Trigger.MANUAL) -> Run:
    """Queue a check of the site; while one waits or runs, that one is returned."""
    _close_stale_runs()
    try:
        with transaction.atomic():
            run = Run.objects.create(trigger=trigger, requested_by=actor)
            ledger_append(
                actor=actor, action="monitor.run_requested", obj=run, summary={"trigger": trigger}
            )
            from gongkai.monitor.tasks import monitor_run

            enqueue(monitor_run, run_id=run.pk)
    except IntegrityError:
        return Run.objects.filter(status__in=OPEN).get()
    return Run.objects.get(pk=run.pk)


def _close_stale_runs() -> None:
    limit = timezone.now() - STALE_AFTER
    for run in Run.objects.filter(status__in=OPEN, created_at__lt=limit):
        with transaction.atomic():
            closed = Run.objects.filter(pk=run.pk, status=run.status).update(
                status=Run.Status.FAILED,
                finished_at=timezone.now(),
                error="the check did not finish (its worker stopped)",
            )
            if closed:
                ledger_append(actor=None, action="monitor.run_failed", obj=run, summary={})


def run_execute(
    *,
    run_id: int,
    fetcher: crawl.Fetcher | None = None,
    polite: PoliteFetcher | None = None,
    expected: Callable[[str], Expected | None] | None = None,
) -> Run:
    """Crawl the site and check it; idempotent (a run already taken is left alone).
    ``polite`` opens other sites (external links, watched sites). ``expected`` gives
    what an item page should hold (``injection.ItemRender`` by default when the pages
    are opened over HTTP; in-process the page read is that rendering itself).

    The per-page checks run during the crawl and their rows are written in batches
    (``recording.RunRecorder``): memory does not grow with the pages read."""
    now = timezone.now()
    if not Run.objects.filter(pk=run_id, status=Run.Status.QUEUED).update(
        status=Run.Status.RUNNING, started_at=now
    ):
        return Run.objects.get(pk=run_id)
    run = Run.objects.get(pk=run_id)
    try:
        fetcher = fetcher or crawl.fetcher_for_settings()
        if expected is None and not isinstance(fetcher, crawl.ClientFetcher):
            expected = injection.ItemRender()
        recorder = recording.RunRecorder(
            run=run,
            base_url=fetcher.base_url,
            content=checks.ContentCheck(
                base_url=fetcher.base_url,
                allowed_hosts=set(AllowedHost.objects.values_list("host", flat=True)),
                words=list(
                    SensitiveWord.objects.filter(is_active=True).values_list("word", flat=True)
                ),
            ),
            naming=wording.naming_from_tables(),
            slow_seconds=settings.GONGKAI_MONITOR_SLOW_SECONDS,
            expected=expected or None,
        )
        result = crawl.crawl(
            fetcher=fetcher,
            max_pages=settings.GONGKAI_MONITOR_MAX_PAGES,
            max_depth=settings.GONGKAI_MONITOR_MAX_DEPTH,
            max_seconds=settings.GONGKAI_MONITOR_MAX_SECONDS,
            visitor=recorder,
        )
        # The home page and column freshness of every site (one portal with no site).
        recorder.add(
            persite.site_findings(
                now=now,
                result=result,
                fetcher=fetcher,
                slow_seconds=settings.GONGKAI_MONITOR_SLOW_SECONDS,
            )
        )
        recorder.add(checks.letter_findings(now=now))
        with persite.crawled_scope(result.base_url):
            published = sitechecks.published_pages(per_column=settings.GONGKAI_MONITOR_MAX_PAGES)
            recorder.add(sitechecks.reach_findings(result, published))
        recorder.add(
            sitechecks.availability_findings(
                selectors.availability_days(end=timezone.localdate(now), days=7)
            )
        )
        polite = polite or sitechecks.polite_fetcher()
        recorder.add(sitechecks.external_findings(recorder.external, polite))
        recorder.add(
            sitechecks.watched_site_findings(
                WatchedSite.objects.filter(is_active=True).order_by("id"), polite
            )
        )
    except Exception as error:
        _finish_failed(run, error)
        raise
    run = _finish(run, result, recorder)
    alerts_update(run=run)
    return run


def _cut(text: str, length: int = 500) -> str:
    return recording.cut(text, length)


def _finish(run: Run, result: crawl.CrawlResult, recorder: recording.RunRecorder) -> Run:
    transitions.check_transition(run, Run.Status.DONE)
    with transaction.atomic():
        recorder.flush()
        run.status = Run.Status.DONE
        run.finished_at = timezone.now()
        run.base_url = _cut(result.base_url, 300)
        run.pages_checked = recorder.pages_written
        run.findings_count = recorder.findings_written
        run.veto_count = recorder.vetoes
        run.save()
        ledger_append(
            actor=None,
            action="monitor.run_finished",
            obj=run,
            summary={
                "pages": run.pages_checked,
                "findings": run.findings_count,
                "vetoes": run.veto_count,
            },
        )
    return run


def _finish_failed(run: Run, error: Exception) -> None:
    transitions.check_transition(run, Run.Status.FAILED)
    with transaction.atomic():
        # Rows the crawl wrote before it failed: a failed run has no pages or findings.
        Finding.objects.filter(run=run).delete()
        Page.objects.filter(run=run).delete()
        run.status = Run.Status.FAILED
        run.finished_at = timezone.now()
        run.error = _cut(f"{type(error).__name__}: {error}")
        run.save(update_fields=["status", "finished_at", "error"])
        ledger_append(actor=None, action="monitor.run_failed", obj=run, summary={})


def setting_save(*, actor: Actor, obj: Model) -> Model:
    """Save one of the office's monitor settings (allowed host, sensitive word, column)."""
    with transaction.atomic():
        obj.save()
        ledger_append(
            actor=actor, action="monitor.setting_saved", obj=obj, summary={"value": str(obj)}
        )
    return obj


def setting_delete(*, actor: Actor, obj: Model) -> None:
    with transaction.atomic():
        ledger_append(
            actor=actor, action="monitor.setting_deleted", obj=obj, summary={"value": str(obj)}
        )
        obj.delete()


# --- availability samples -------------------------------------------------------------


def probe_schedule(*, day: dt.date) -> list[dt.datetime]:
    """Queue the day's availability samples, spread evenly over its 24 hours (each task
    waits for its time; a slot already sampled is not sampled again)."""
    from gongkai.monitor.tasks import monitor_probe

    count = max(settings.GONGKAI_MONITOR_PROBES_PER_DAY, 1)
    start = dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_current_timezone())
    slots = [start + dt.timedelta(seconds=i * 86400 // count) for i in range(count)]
    with transaction.atomic():
        for slot in slots:
            task = monitor_probe
            if task.get_backend().supports_defer and slot > timezone.now():
                task = task.using(run_after=slot)
            enqueue(task, slot=slot.isoformat())
    return slots


def probe_take(*, slot: dt.datetime, fetcher: crawl.Fetcher | None = None) -> list[Probe]:
    """Open each key page once for ``slot``: no answer, an error status or more than 15 s
    is a failed sample (law.PAGE_OPEN_SECONDS)."""
    fetcher = fetcher or crawl.fetcher_for_settings()
    taken = []
    for path in settings.GONGKAI_MONITOR_PROBE_PATHS:
        url = urljoin(fetcher.base_url, path.strip() or "/")
        if Probe.objects.filter(url=url, slot=slot).exists():
            continue
        response = fetcher.get(url)
        is_ok = (
            response is not None
            and response.status is not None
            and response.status < 400
            and response.elapsed <= law.PAGE_OPEN_SECONDS.value
        )
        try:
            with transaction.atomic():
                probe = Probe.objects.create(
                    at=timezone.now(),
                    slot=slot,
                    url=_cut(url),
                    status_code=response.status if response else None,
                    elapsed_ms=round(response.elapsed * 1000) if response else 0,
                    is_ok=is_ok,
                )
        except IntegrityError:
            continue  # the same slot sampled by a second copy of the task
        taken.append(probe)
    return taken


# --- alerts -----------------------------------------------------------------------------

# Kinds whose detail holds a count or a status that changes from run to run: the same
# problem is recognised by its kind and address alone.
_COUNTED = {
    Kind.COLUMNS_STALE_TOTAL,
    Kind.COLUMNS_EMPTY_TOTAL,
    Kind.UNREACHABLE,
    Kind.HOME_STALE,
}


def alert_key(found: checks.Found) -> str:
    detail = "" if found.kind in _COUNTED else found.detail
    text = "\x1f".join([found.kind, found.url, found.page, detail])
    return hashlib.sha256(text.encode()).hexdigest()


def alerts_update(*, run: Run) -> list[Alert]:
    """Tell the office the same day about each new single-veto finding (injected content
    is one): a notification on each office member's workbench and an e-mail and text
    message through the queue, once per finding while it lasts. Findings no longer
    found close their alert (found again later, they are told again)."""
    from gongkai.core.services import notification_send
    from gongkai.core.services.background import messages_queue

    vetoes: dict[str, checks.Found] = {}
    for row in run.findings.filter(is_veto=True).order_by("id").iterator(chunk_size=2000):
        f = checks.Found(row.kind, True, row.url, row.page, row.detail)
        vetoes.setdefault(alert_key(f), f)
    with transaction.atomic():
        open_alerts = {a.key: a for a in Alert.objects.filter(closed_at__isnull=True)}
        gone = [a.pk for key, a in open_alerts.items() if key not in vetoes]
        Alert.objects.filter(pk__in=gone).update(closed_at=timezone.now())
        new = [
            Alert(
                key=key,
                kind=f.kind,
                detail=_cut(f.detail),
                url=_cut(f.url),
                page=_cut(f.page),
                run=run,
            )
            for key, f in vetoes.items()
            if key not in open_alerts
        ]
        Alert.objects.bulk_create(new)
        if new:
            office = office_staff()
            text = alert_text(new)
            url = reverse("monitor:workbench")
            for user in office:
                notification_send(recipient=user, message=text, url=url)
            messages_queue(people=office, subject=gettext("Site check: problems found"), body=text)
            ledger_append(
                actor=None, action="monitor.alerts_raised", obj=run, summary={"alerts": len(new)}
            )
    return new


def alert_text(alerts: list[Alert]) -> str:
    first = alerts[0]
    return gettext(
        "The site check found %(count)d single-veto problem(s), e.g. %(kind)s: %(detail)s"
    ) % {
        "count": len(alerts),
        "kind": Kind(first.kind).label,
        "detail": first.detail or first.url,
    }


def office_staff() -> list[User]:
    """Who is told: the active staff with the openness-office role, in a stable order."""
    from django.contrib.auth import get_user_model

    from gongkai.core.models import Role

    return list(
        get_user_model()
        .objects.filter(is_active=True, groups__name=Role.OFFICE.value)
        .select_related("staff_profile")
        .order_by("id")
        .distinct()
    )
