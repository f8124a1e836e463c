"""The daily check of the portal, queued after the ledger is anchored (its entries go
into the next day's anchor)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gongkai.core.periodic import job


@job(95, _("Check the portal (site monitor)"))
def check_portal() -> str:
    from gongkai.monitor.models import Run
    from gongkai.monitor.services import run_request

    run = run_request(actor=None, trigger=Run.Trigger.SCHEDULED)
    return f"run {run.pk}"


@job(96, _("Schedule the day's availability samples (site monitor)"))
def schedule_probes() -> str:
    from django.utils import timezone

    from gongkai.monitor.services import probe_schedule

    slots = probe_schedule(day=timezone.localdate())
    return f"{len(slots)} samples"
