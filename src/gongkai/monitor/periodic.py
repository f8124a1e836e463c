"""The daily check of the portal (国办秘函〔2019〕19号: the site is checked every day)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gongkai.core.periodic import job


@job(70, _("Check the portal (site monitor)"))
def check_portal() -> str:
    from gongkai.monitor.models import Run
    from gongkai.monitor.services import run_request

    run = run_request(actor=None, trigger=Run.Trigger.SCHEDULED)
    return f"run {run.pk}"
