"""Workbench pages of the foundation: clocks, calendar, ledger.

Views parse input and call services or selectors; they never change state themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gongkai.core import holidays
from gongkai.core.access import has_role, organisation_ids_visible_to
from gongkai.core.clockmath import end_of_day, explain_working_days
from gongkai.core.explain import step_text
from gongkai.core.exports import ledger_csv_response, ledger_xlsx_response
from gongkai.core.formflow import service_errors, service_message
from gongkai.core.forms import LedgerFilterForm, NoticeForm, WorkdaysForm
from gongkai.core.law import NATIONAL_FESTIVALS_SOURCE
from gongkai.core.models import CalendarYear, Clock, LedgerEntry, Role, TaskFailure
from gongkai.core.queue import task_label
from gongkai.core.selectors import (
    clock_explanation,
    clocks_visible_to,
    ledger_entries,
    ledger_verify,
)
from gongkai.core.selectors.background import failures_open, failures_retried, queue_state
from gongkai.core.selectors.duties import SECTION_LIMIT, clock_duty, duties_for
from gongkai.core.selectors.health import health
from gongkai.core.selectors.ledger import LEDGER_PROBLEMS
from gongkai.core.services import calendar_load_notice
from gongkai.core.services.background import task_failure_retry
from gongkai.core.services.calendar import notice_missing_festivals, notice_parse
from gongkai.core.types import StaffRequest

P = ParamSpec("P")


# A view that staff_required or role_required guards: it receives a StaffRequest.
StaffView = Callable[Concatenate[StaffRequest, P], HttpResponseBase]
GuardedView = Callable[Concatenate[HttpRequest, P], HttpResponseBase]


def staff_required(view: StaffView[P]) -> GuardedView[P]:
    @wraps(view)
    @login_required
    def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponseBase:
        if not (request.user.is_superuser or hasattr(request.user, "staff_profile")):
            raise Http404
        return view(cast(StaffRequest, request), *args, **kwargs)

    return wrapper


def role_required(*roles: Role) -> Callable[[StaffView[P]], GuardedView[P]]:
    def decorator(view: StaffView[P]) -> GuardedView[P]:
        @wraps(view)
        def wrapper(request: StaffRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponseBase:
            if not has_role(request.user, *roles):
                raise Http404
            return view(request, *args, **kwargs)

        guarded = staff_required(wrapper)
        # Read by core.navigation.may_open: menus and links follow what the view allows.
        guarded.required_roles = frozenset(str(role) for role in roles)  # type: ignore[attr-defined]
        return guarded

    return decorator


def calendar_warnings(today: dt.date | None = None) -> list[str]:
    """Years the office should load: next year from November, and the current year."""
    today = today or timezone.localdate()
    calendar = holidays.get_calendar()
    years = [today.year] + ([today.year + 1] if today.month >= 11 else [])
    return [
        _(
            "The holiday arrangement for %(year)d is not loaded: deadlines in %(year)d are "
            "provisional (counted on plain weekdays)."
        )
        % {"year": y}
        for y in years
        if not calendar.is_known(y)
    ]


@staff_required
def workbench(request: StaffRequest) -> HttpResponse:
    now = timezone.now()
    clocks = clocks_visible_to(request.user)
    context = {
        "board": duties_for(request.user, now=now),
        "now": now,
        "section_limit": SECTION_LIMIT,
        "notifications": request.user.notifications.filter(read_at__isnull=True)[:20],
        "warnings": calendar_warnings() if has_role(request.user, Role.OFFICE, Role.ADMIN) else [],
        "provisional_count": clocks.filter(is_provisional=True)
        .exclude(state=Clock.State.STOPPED)
        .count(),
        "failed_tasks": (
            failures_open().count() if has_role(request.user, Role.OFFICE, Role.ADMIN) else 0
        ),
    }
    return render(request, "core/workbench.html", context)


@role_required(Role.OFFICE, Role.ADMIN)
def calendar_view(request: StaffRequest) -> HttpResponse:
    form = NoticeForm(request.POST or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        text, year = form.cleaned_data["text"], form.cleaned_data["year"]
        with service_errors(form, "text"):
            # The preview stays on the page when storing is refused (a festival missing and
            # not confirmed), so the office sees what it is confirming.
            preview = notice_parse(text=text, year=year)
            if "confirm" in request.POST:
                stored = calendar_load_notice(
                    actor=request.user,
                    text=text,
                    year=year,
                    accept_missing=form.cleaned_data["accept_missing"],
                )
                messages.success(request, stored.message)
                return redirect("core:calendar")
    calendar = holidays.get_calendar()
    context = {
        "form": form,
        "preview": preview,
        "missing": notice_missing_festivals(preview) if preview else [],
        "festivals_source": NATIONAL_FESTIVALS_SOURCE,
        "loaded": CalendarYear.objects.select_related("loaded_by__staff_profile"),
        "package_years": sorted(y for y in calendar.known_years),
        "warnings": calendar_warnings(),
    }
    return render(request, "core/calendar.html", context)


@staff_required
def workdays_view(request: StaffRequest) -> HttpResponse:
    form = WorkdaysForm(request.GET or None)
    result = None
    if form.is_valid():
        start, n = form.cleaned_data["date"], form.cleaned_data["n"]
        calendar = holidays.get_calendar()
        try:
            answer = calendar.add(start, n)
            moment = end_of_day(start).replace(hour=9)
            steps = explain_working_days(calendar, n, moment, []) if n else []
            result = {"answer": answer, "steps": [step_text(s) for s in steps]}
        except ValueError:
            form.add_error("date", _("The date is outside the supported calendar (1990–2100)."))
    return render(request, "core/workdays.html", {"form": form, "result": result})


@staff_required
def clock_detail(request: StaffRequest, clock_id: int) -> HttpResponse:
    clock = clocks_visible_to(request.user).filter(pk=clock_id).first()
    if clock is None:
        raise Http404
    steps = [step_text(s) for s in clock_explanation(clock)]
    events = clock.events.select_related("actor__staff_profile", "approved_by__staff_profile")
    case = clock_duty(clock).url
    context = {"clock": clock, "steps": steps, "events": events, "case_url": case}
    return render(request, "core/clock.html", context)


def _ledger_form(request: HttpRequest) -> LedgerFilterForm:
    return LedgerFilterForm(
        request.GET or None, organisation_ids=organisation_ids_visible_to(request.user)
    )


def _ledger_queryset(request: StaffRequest, form: LedgerFilterForm) -> QuerySet[LedgerEntry]:
    data = form.cleaned_data if form.is_valid() else {}
    visible = organisation_ids_visible_to(request.user)
    chosen = data.get("organisation")
    return ledger_entries(
        organisation_ids=[chosen.pk] if chosen else visible,
        object_type=data.get("object_type", ""),
        object_id=data.get("object_id", ""),
        start=data.get("start"),
        end=data.get("end"),
    )


@role_required(Role.OFFICE, Role.LEADER, Role.ADMIN)
def ledger_view(request: StaffRequest) -> HttpResponse:
    form = _ledger_form(request)
    page = Paginator(_ledger_queryset(request, form), 50).get_page(request.GET.get("page"))
    check = ledger_verify() if request.GET.get("verify") else None
    problem = _(LEDGER_PROBLEMS[check.problem]) if check and not check.ok else ""
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "core/ledger.html",
        {
            "form": form,
            "page": page,
            "check": check,
            "problem": problem,
            "query": query.urlencode(),
        },
    )


@role_required(Role.OFFICE, Role.LEADER, Role.ADMIN)
def ledger_export(request: StaffRequest, fmt: str) -> HttpResponseBase:
    entries = _ledger_queryset(request, _ledger_form(request))
    if fmt == "csv":
        return ledger_csv_response(entries)
    if fmt == "xlsx":
        return ledger_xlsx_response(entries)
    raise Http404


@role_required(Role.OFFICE, Role.ADMIN)
def tasks_view(request: StaffRequest) -> HttpResponse:
    """Background work: what waits, and the tasks that failed, each with a retry button."""
    failures = [(f, task_label(f.task_path)) for f in failures_open()[:200]]
    retried = [(f, task_label(f.task_path)) for f in failures_retried()[:20]]
    context = {"state": queue_state(), "failures": failures, "retried": retried}
    return render(request, "core/tasks.html", context)


@role_required(Role.OFFICE, Role.ADMIN)
def task_retry(request: StaffRequest, failure_id: int) -> HttpResponse:
    if request.method != "POST":
        return redirect("core:tasks")
    failure = TaskFailure.objects.filter(pk=failure_id).first()
    if failure is None:
        raise Http404
    service_message(
        request,
        lambda: task_failure_retry(failure=failure, actor=request.user),
        _("“%(task)s” was queued again.") % {"task": task_label(failure.task_path)},
    )
    return redirect("core:tasks")


@never_cache
def health_view(request: HttpRequest) -> HttpResponse:
    """``/healthz`` for the load balancer and monitoring: 200 when every check passes,
    503 otherwise, with the figures as JSON."""
    report = health()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)
