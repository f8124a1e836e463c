"""The monitor's workbench page: the latest run, its findings, the trend, run now."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.models import Role
from gongkai.core.views import role_required
from gongkai.monitor import law, selectors
from gongkai.monitor.models import Run
from gongkai.monitor.services import run_request

ROLES = (Role.OFFICE, Role.ADMIN)


@role_required(*ROLES)
def workbench(request):
    latest = selectors.run_latest()
    finished = selectors.run_latest_finished()
    context = {
        "latest": latest,
        "run": finished,
        "groups": selectors.findings_grouped(finished) if finished else [],
        "trend": selectors.trend(),
        "is_open": latest is not None and latest.status in (Run.Status.QUEUED, Run.Status.RUNNING),
        "sources": law.SOURCES,
    }
    return render(request, "monitor/workbench.html", context)


@require_POST
@role_required(*ROLES)
def run_now(request):
    run = run_request(actor=request.user)
    messages.success(request, _("Check #%(run)d is queued.") % {"run": run.pk})
    return redirect("monitor:workbench")
