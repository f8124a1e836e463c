"""The monitor's workbench page: the latest run, its findings, the trend, run now."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.views import role_required
from gongkai.monitor import law, selectors, transitions, yearly
from gongkai.monitor.services import run_request

ROLES = transitions.ROLES


@role_required(*ROLES)
def workbench(request):
    latest = selectors.run_latest()
    finished = selectors.run_latest_finished()
    context = {
        "latest": latest,
        "run": finished,
        "groups": selectors.findings_grouped(finished) if finished else [],
        "trend": selectors.trend(),
        "is_open": transitions.is_open(latest),
        "latest_failed": transitions.is_failed(latest),
        "actions": transitions.available_actions(latest, request.user),
        "sources": law.SOURCES,
        "availability": selectors.availability_days(end=timezone.localdate(), days=7),
        "alerts": selectors.alerts_open(),
        "today": timezone.localdate(),
        "last_year": timezone.localdate().year - 1,
    }
    return render(request, "monitor/workbench.html", context)


@role_required(*ROLES)
def day_report(request, day: str):
    try:
        date = dt.date.fromisoformat(day)
    except ValueError as error:
        raise Http404 from error
    report = selectors.day_report(date)
    context = {
        "report": report,
        "previous": date - dt.timedelta(days=1),
        "next": date + dt.timedelta(days=1) if date < timezone.localdate() else None,
        "sources": law.SOURCES,
    }
    return render(request, "monitor/day.html", context)


FORMATS = {
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        yearly.xlsx_bytes,
    ),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        yearly.docx_bytes,
    ),
}


@role_required(*ROLES)
def year_report(request, year: int):
    if not 2000 <= year <= timezone.localdate().year:
        raise Http404
    rows = yearly.rows(year)
    wanted = request.GET.get("format", "")
    if wanted in FORMATS:
        content_type, render_bytes = FORMATS[wanted]
        response = HttpResponse(render_bytes(year, rows), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="website-report-{year}.{wanted}"'
        return response
    context = {
        "year": year,
        "rows": rows,
        "title": yearly.title(year),
        "due_on": yearly.due_on(year),
        "by_hand": sum(row.by_hand for row in rows),
    }
    return render(request, "monitor/year.html", context)


@require_POST
@role_required(*ROLES)
def run_now(request):
    run = run_request(actor=request.user)
    messages.success(request, _("Check #%(run)d is queued.") % {"run": run.pk})
    return redirect("monitor:workbench")
