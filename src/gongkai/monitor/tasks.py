"""The monitor's background task: one run of the site check."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gongkai.core.queue import background


@background(label=_("Check the portal"), max_attempts=1, timeout_seconds=3600)
def monitor_run(run_id: int) -> str:
    from gongkai.monitor.services import run_execute

    run = run_execute(run_id=run_id)
    return f"{run.pk}: {run.pages_checked} pages, {run.findings_count} findings"


@background(label=_("Sample the portal's availability"), max_attempts=1, timeout_seconds=120)
def monitor_probe(slot: str) -> str:
    import datetime as dt

    from gongkai.monitor.services import probe_take

    probes = probe_take(slot=dt.datetime.fromisoformat(slot))
    return f"{slot}: " + ", ".join(f"{p.url} {p.status_code} {p.elapsed_ms} ms" for p in probes)
