"""Every write of the site monitor: requesting a run, running it, the office's settings.
Each writes the ledger in the same transaction."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone

from gongkai.core.queue import enqueue
from gongkai.core.services.ledger import ledger_append
from gongkai.monitor import checks, crawl
from gongkai.monitor.models import AllowedHost, Finding, Page, Run, SensitiveWord

OPEN = (Run.Status.QUEUED, Run.Status.RUNNING)
# A run still open after this long lost its worker (the task's own timeout is an hour):
# it is closed as failed so the next check can start.
STALE_AFTER = dt.timedelta(hours=6)


def run_request(*, actor, trigger: str = Run.Trigger.MANUAL) -> Run:
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


def run_execute(*, run_id: int, fetcher=None) -> Run:
    """Crawl the site and check it; idempotent (a run already taken is left alone)."""
    now = timezone.now()
    if not Run.objects.filter(pk=run_id, status=Run.Status.QUEUED).update(
        status=Run.Status.RUNNING, started_at=now
    ):
        return Run.objects.get(pk=run_id)
    run = Run.objects.get(pk=run_id)
    try:
        fetcher = fetcher or crawl.fetcher_for_settings()
        result = crawl.crawl(
            fetcher=fetcher,
            max_pages=settings.GONGKAI_MONITOR_MAX_PAGES,
            max_depth=settings.GONGKAI_MONITOR_MAX_DEPTH,
            max_seconds=settings.GONGKAI_MONITOR_MAX_SECONDS,
        )
        found = checks.crawl_findings(result, slow_seconds=settings.GONGKAI_MONITOR_SLOW_SECONDS)
        found += checks.home_findings(now=now, home_url=result.base_url)
        found += checks.column_findings(checks.column_states(), now=now)
        found += checks.letter_findings(now=now)
        found += checks.content_findings(
            result,
            allowed_hosts=set(AllowedHost.objects.values_list("host", flat=True)),
            words=list(SensitiveWord.objects.filter(is_active=True).values_list("word", flat=True)),
        )
    except Exception as error:
        _finish_failed(run, error)
        raise
    return _finish(run, result, found)


def _cut(text: str, length: int = 500) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _finish(run: Run, result: crawl.CrawlResult, found: list[checks.Found]) -> Run:
    with transaction.atomic():
        Page.objects.bulk_create(
            Page(
                run=run,
                url=_cut(page.url),
                status_code=page.status,
                elapsed_ms=round(page.elapsed * 1000),
                depth=page.depth,
            )
            for page in result.pages
        )
        Finding.objects.bulk_create(
            Finding(
                run=run,
                kind=f.kind,
                is_veto=f.is_veto,
                url=_cut(f.url),
                page=_cut(f.page),
                detail=_cut(f.detail),
            )
            for f in found
        )
        run.status = Run.Status.DONE
        run.finished_at = timezone.now()
        run.base_url = _cut(result.base_url, 300)
        run.pages_checked = len(result.pages)
        run.findings_count = len(found)
        run.veto_count = sum(f.is_veto for f in found)
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
    with transaction.atomic():
        run.status = Run.Status.FAILED
        run.finished_at = timezone.now()
        run.error = _cut(f"{type(error).__name__}: {error}")
        run.save(update_fields=["status", "finished_at", "error"])
        ledger_append(actor=None, action="monitor.run_failed", obj=run, summary={})


def setting_save(*, actor, obj: Model) -> Model:
    """Save one of the office's monitor settings (allowed host, sensitive word, column)."""
    with transaction.atomic():
        obj.save()
        ledger_append(
            actor=actor, action="monitor.setting_saved", obj=obj, summary={"value": str(obj)}
        )
    return obj


def setting_delete(*, actor, obj: Model) -> None:
    with transaction.atomic():
        ledger_append(
            actor=actor, action="monitor.setting_deleted", obj=obj, summary={"value": str(obj)}
        )
        obj.delete()
