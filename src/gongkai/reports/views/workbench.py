"""The office's pages: reports to prepare, review, edit and publish (workbench/reports/)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.errors import NotFoundError, ServiceError
from gongkai.core.formflow import service_errors, service_message
from gongkai.core.views import role_required
from gongkai.reports import services
from gongkai.reports.checker.messages import render as render_finding
from gongkai.reports.consistency import snapshot_findings
from gongkai.reports.forms import GenerateForm, ProseForm
from gongkai.reports.render.document import build
from gongkai.reports.section2 import MANUAL_TABLES, REGISTER
from gongkai.reports.selectors import (
    EDITOR_ROLES,
    READER_ROLES,
    access_report,
    bodies_visible_to,
    can_edit,
    generation_failure,
    reports_visible_to,
)
from gongkai.reports.transitions import SIGNERS, report_actions
from gongkai.reports.views.common import FILE_FORMATS, file_response


def _report(request, pk: int):
    try:
        return access_report(request.user, pk)
    except NotFoundError:
        raise Http404 from None


@role_required(*READER_ROLES)
def report_list(request):
    today = timezone.localdate()
    reports = list(reports_visible_to(request.user).order_by("-year", "organisation__name"))
    for report in reports:
        report.overdue = report.is_overdue(today)
    form = GenerateForm(bodies=bodies_visible_to(request.user))
    context = {
        "reports": reports,
        "overdue": [r for r in reports if r.overdue],
        "form": form,
        "can_edit": can_edit(request.user),
    }
    return render(request, "reports/workbench_list.html", context)


@require_POST
@role_required(*EDITOR_ROLES)
def report_generate(request):
    form = GenerateForm(request.POST, bodies=bodies_visible_to(request.user))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("reports:workbench")
    try:
        report = services.report_generate_request(
            organisation=form.cleaned_data["organisation"],
            year=form.cleaned_data["year"],
            actor=request.user,
        )
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("reports:workbench")
    _generation_message(request, report)
    return redirect("reports:detail", pk=report.pk)


def _generation_message(request, report) -> None:
    if report.generation_pending:
        messages.info(
            request, _("The tables are being computed in the background; this page shows when.")
        )
    else:
        messages.success(request, _("The tables were computed from the data."))


def _manual_fields(report, posted=None) -> list[dict]:
    """The staff-entered section 二 tables as labelled inputs (posted values win after an
    error, so nothing typed is lost)."""
    tables = []
    counted = report.tables.get("section2_sources", {}) if report.tables else {}
    for table in MANUAL_TABLES:
        # Counted from the enforcement register for this body and year: shown, not typed.
        from_register = counted.get(table.code) == REGISTER
        stored = report.manual_tables.get(table.code, {})
        if from_register:
            stored = report.tables["section2"][table.code]
        fields = []
        for row, row_label in table.rows:
            for column, column_label in table.columns:
                name = f"{table.code}.{row}.{column}"
                value = stored.get(row, {}).get(column, "")
                if posted is not None:
                    value = posted.get(table.code, {}).get(row, {}).get(column, "")
                fields.append(
                    {"name": name, "label": f"{row_label} · {column_label}", "value": value}
                )
        tables.append({"heading": table.heading, "fields": fields, "from_register": from_register})
    return tables


def _detail_context(request, report, prose_form=None, table_error="", posted=None):
    findings = snapshot_findings(report.tables) if report.tables else []
    return {
        "report": report,
        # A first computation still queued: nothing to preview or download yet.
        "document": build(report, staff=True) if report.tables else None,
        "prose_form": prose_form
        or ProseForm(
            initial={
                "overview": report.overview,
                "problems": report.problems,
                "other_matters": report.other_matters,
            }
        ),
        "manual_tables": _manual_fields(report, posted),
        "findings": [render_finding(f) for f in findings],
        "generation_failure": generation_failure(report),
        "actions": report_actions(report, request.user),
        # 条例 art. 49: published by 31 January; past it, say so beside the publish button.
        "late": report.is_overdue(timezone.localdate()),
        "table_error": table_error,
    }


@role_required(*READER_ROLES)
def report_detail(request, pk: int):
    report = _report(request, pk)
    return render(request, "reports/workbench_detail.html", _detail_context(request, report))


def _editor_report(request, pk: int):
    report = _report(request, pk)
    if not can_edit(request.user):
        raise Http404
    return report


@require_POST
@role_required(*EDITOR_ROLES)
def report_prose(request, pk: int):
    report = _editor_report(request, pk)
    form = ProseForm(request.POST)
    if form.is_valid():
        with service_errors(form):
            services.report_update_prose(report=report, actor=request.user, **form.cleaned_data)
            messages.success(request, _("The text was saved."))
            return redirect("reports:detail", pk=report.pk)
    report.refresh_from_db()
    context = _detail_context(request, report, prose_form=form)
    return render(request, "reports/workbench_detail.html", context, status=400)


@require_POST
@role_required(*EDITOR_ROLES)
def report_tables(request, pk: int):
    report = _editor_report(request, pk)
    values = {
        t.code: {
            row: {col: request.POST.get(f"{t.code}.{row}.{col}", "") for col in t.column_codes}
            for row in t.row_codes
        }
        for t in MANUAL_TABLES
    }
    try:
        services.report_update_tables(report=report, actor=request.user, values=values)
    except ServiceError as error:
        report.refresh_from_db()
        context = _detail_context(request, report, table_error=error.message, posted=values)
        return render(request, "reports/workbench_detail.html", context, status=400)
    messages.success(request, _("The tables were saved."))
    return redirect("reports:detail", pk=report.pk)


@require_POST
@role_required(*EDITOR_ROLES)
def report_regenerate(request, pk: int):
    report = _editor_report(request, pk)
    try:
        report = services.report_generate_request(
            organisation=report.organisation, year=report.year, actor=request.user
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        _generation_message(request, report)
    return redirect("reports:detail", pk=report.pk)


@require_POST
@role_required(*EDITOR_ROLES)
def report_request_sign_off(request, pk: int):
    report = _editor_report(request, pk)
    service_message(
        request,
        lambda: services.report_request_sign_off(
            report=report,
            actor=request.user,
            url=reverse("reports:detail", args=[report.pk]),
        ),
        _("The report was submitted to the leaders for sign-off."),
    )
    return redirect("reports:detail", pk=report.pk)


@require_POST
@role_required(*SIGNERS)
def report_sign_off(request, pk: int):
    report = _report(request, pk)
    approve = request.POST.get("decision") == "approve"
    service_message(
        request,
        lambda: services.report_sign_off(
            report=report,
            actor=request.user,
            approve=approve,
            comment=request.POST.get("comment", "")[:2000],
        ),
        _("You signed the report off.")
        if approve
        else _("The report was sent back to the office."),
    )
    return redirect("reports:detail", pk=report.pk)


@require_POST
@role_required(*EDITOR_ROLES)
def report_publish(request, pk: int):
    report = _editor_report(request, pk)
    service_message(
        request,
        lambda: services.report_publish(report=report, actor=request.user),
        _("The report was published on the portal."),
    )
    return redirect("reports:detail", pk=report.pk)


@role_required(*READER_ROLES)
def report_file(request, pk: int, file_format: str):
    if file_format not in FILE_FORMATS:
        raise Http404
    report = _report(request, pk)
    if not report.tables:
        raise Http404
    return file_response(report, file_format, staff=True)
