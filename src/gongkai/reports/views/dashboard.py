"""The statistics dashboard and the monthly / quarterly 台账 print views."""

from __future__ import annotations

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render

from gongkai.core.views import role_required
from gongkai.foi.selectors import request_working_days_spent
from gongkai.reports.forms import LedgerForm, PeriodForm
from gongkai.reports.selectors import READER_ROLES, bodies_visible_to
from gongkai.reports.selectors.dashboard import dashboard, ledger_requests


def _body(request, form):
    """The chosen body, or the user's own (or the first in scope)."""
    chosen = form.cleaned_data.get("organisation") if form.is_valid() else None
    if chosen:
        return chosen
    bodies = bodies_visible_to(request.user)
    profile = getattr(request.user, "staff_profile", None)
    own = bodies.filter(pk=profile.organisation_id).first() if profile else None
    return own or bodies.order_by("id").first()


def _csv(chart) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{chart.code}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 CSV correctly with a BOM
    writer = csv.writer(response)
    writer.writerow(chart.columns)
    writer.writerows(chart.rows)
    return response


@role_required(*READER_ROLES)
def dashboard_view(request):
    bodies = bodies_visible_to(request.user)
    form = PeriodForm(request.GET or None, bodies=bodies)
    valid = not form.is_bound or form.is_valid()
    organisation = _body(request, form)
    if organisation is None:
        raise Http404
    data = form.cleaned_data if form.is_bound and valid else PeriodForm.defaults()
    charts = dashboard(organisation, data["start"], data["end"]) if valid else []
    wanted = request.GET.get("csv")
    if wanted:
        chart = next((c for c in charts if c.code == wanted and not c.note), None)
        if chart is None:
            raise Http404
        return _csv(chart)
    context = {
        "form": form,
        "organisation": organisation,
        "charts": charts,
        "chart_data": {"charts": [c.as_json() for c in charts if not c.note]},
        "start": data["start"],
        "end": data["end"],
    }
    return render(request, "reports/dashboard.html", context, status=200 if valid else 400)


@role_required(*READER_ROLES)
def ledger_view(request):
    bodies = bodies_visible_to(request.user)
    form = LedgerForm(request.GET or None, bodies=bodies)
    rows, organisation = [], None
    if form.is_valid():
        organisation = _body(request, form)
        if organisation is None:
            raise Http404
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        for item in ledger_requests(organisation, start, end):
            clock = item.reply_clock
            rows.append(
                {
                    "request": item,
                    "working_days": request_working_days_spent(item) if clock else None,
                    "on_time": None
                    if clock is None or clock.stopped_at is None
                    else not clock.is_overdue_when_stopped,
                }
            )
    status = 400 if request.GET and not form.is_valid() else 200
    context = {"form": form, "rows": rows, "organisation": organisation}
    return render(request, "reports/ledger.html", context, status=status)
