"""The workbench pages of plans, progress, notices, the assessment, the 台账 and the enquiry
register. Views parse input and call selectors or services; they never write models."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.assessment import ledgers, periods, scoring, selectors, services, transitions
from gongkai.assessment.forms import (
    DeductionForm,
    EnquiryForm,
    ImportUploadForm,
    IndicatorForm,
    LedgerForm,
    ProgressForm,
    RubricForm,
    TrainingForm,
)
from gongkai.assessment.importing import preview_build
from gongkai.assessment.law import Channel
from gongkai.assessment.models import (
    Deduction,
    Enquiry,
    Indicator,
    LedgerBundle,
    Notice,
    Plan,
    PlanImport,
    Rubric,
    TaskUnit,
    Training,
)
from gongkai.core.access import body_and_descendants, has_role
from gongkai.core.errors import ServiceError
from gongkai.core.formflow import service_errors, service_message
from gongkai.core.models import Organisation, Role
from gongkai.core.views import role_required, staff_required

OFFICE = transitions.OFFICE_ROLES
READERS = (Role.OFFICE, Role.LEADER, Role.ADMIN)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

office_required = role_required(*OFFICE)
reader_required = role_required(*READERS)


def _body(request) -> Organisation:
    body = selectors.staff_body(request.user)
    if body is None:
        raise Http404
    return body


def _year(request) -> int:
    value = request.GET.get("year", "")
    return (
        int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else timezone.localdate().year
    )


def _attachment(content: bytes, content_type: str, name: str) -> HttpResponse:
    from urllib.parse import quote

    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


# --- plans and the import --------------------------------------------------------------


@office_required
def home(request):
    body = _body(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with service_errors(form, "file"):
            created = services.plan_import_upload(
                actor=request.user,
                organisation=body,
                title=form.cleaned_data["title"],
                year=form.cleaned_data["year"],
                file_name=upload.name,
                content=upload.read(),
            )
            return redirect("assessment:import_preview", pk=created.pk)
    context = {
        "form": form,
        "plans": selectors.plans_of(body),
        "imports": PlanImport.objects.filter(organisation=body, plan__isnull=True)[:10],
    }
    return render(request, "assessment/home.html", context)


@office_required
def import_preview(request, pk: int):
    body = _body(request)
    upload = PlanImport.objects.filter(pk=pk, organisation=body).first()
    if upload is None:
        raise Http404
    action = request.POST.get("action", "")
    try:
        if action == "map":
            target_id = request.POST.get("target", "")
            target = None
            if target_id != "none":
                target = Organisation.objects.filter(pk=target_id or 0, parent=body).first()
                if target is None:
                    raise ServiceError("target", _("Choose a unit or subordinate body."))
            services.unit_alias_set(
                actor=request.user, organisation=body, name=request.POST.get("name", ""),
                target=target,
            )  # fmt: skip
            messages.success(request, _("The mapping was saved; it will be used from now on."))
            return redirect("assessment:import_preview", pk=upload.pk)
        if action == "apply":
            plan = services.plan_import_apply(actor=request.user, upload=upload)
            messages.success(request, _("The plan was saved with its tasks."))
            return redirect("assessment:plan", pk=plan.pk)
    except ServiceError as error:
        messages.error(request, error.message)
    preview = preview_build(upload)
    context = {
        "upload": upload,
        "preview": preview,
        "targets": Organisation.objects.filter(parent=body, is_active=True).order_by("kind", "id"),
    }
    return render(request, "assessment/import.html", context)


@staff_required
def plan_detail(request, pk: int):
    body = selectors.staff_body(request.user)
    plan = Plan.objects.filter(pk=pk).first()
    if plan is None or body is None or plan.organisation_id not in body_and_descendants(body):
        raise Http404
    tasks = selectors.tasks_of_plan(plan)
    if not has_role(request.user, *READERS):
        tasks = tasks.filter(pk__in=selectors.tasks_visible_to(request.user))
    context = {"plan": plan, "tasks": tasks, "today": timezone.localdate()}
    return render(request, "assessment/plan.html", context)


@staff_required
def task_detail(request, pk: int):
    task = selectors.tasks_visible_to(request.user).filter(pk=pk).select_related("plan").first()
    if task is None:
        raise Http404
    mine = [
        a.organisation
        for a in task.assignments.select_related("organisation")
        if services.may_report(request.user, task, a.organisation)
    ]
    form = ProgressForm(request.POST or None, request.FILES or None, organisations=mine)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organisation = next((o for o in mine if o.pk == data["organisation"]), None)
        with service_errors(form):
            if organisation is None:
                raise ServiceError("forbidden", _("You may not do this."))
            services.progress_report(
                actor=request.user,
                task=task,
                organisation=organisation,
                text=data["text"],
                evidence_url=data["evidence_url"],
                evidence_file=data["evidence_file"],
                completes=data["completes"],
            )
            messages.success(request, _("Your progress report was recorded."))
            return redirect("assessment:task", pk=task.pk)
    assignments = list(task.assignments.select_related("organisation"))
    cos = [a.organisation.name for a in assignments if a.role == TaskUnit.Role.CO]
    year = _year(request)
    today = timezone.localdate()
    context = {
        "task": task,
        "leads": [a.organisation.name for a in assignments if a.role == TaskUnit.Role.LEAD],
        "cos": cos + ([task.collective_units] if task.collective_units else []),
        "progress": task.progress.select_related("organisation", "reported_by__staff_profile"),
        "form": form if mine else None,
        "today": today,
        "year": year,
        "is_periodic": task.recurrence in periods.PERIOD_MONTHS,
        "period_reports": periods.task_period_reports(task, year, today),
        "states": periods.State,
    }
    return render(request, "assessment/task.html", context)


@staff_required
def my_tasks(request):
    organisations = selectors.reporting_organisations(request.user)
    context = {"assignments": selectors.tasks_for(organisations), "today": timezone.localdate()}
    return render(request, "assessment/my_tasks.html", context)


# --- overdue tasks and notices ---------------------------------------------------------


@office_required
def overdue(request):
    body = _body(request)
    today = timezone.localdate()
    rows = selectors.overdue_assignments(body, today)
    if request.method == "POST":
        chosen = set(request.POST.getlist("row"))
        entries = [
            {
                "organisation": a.organisation_id,
                "name": a.organisation.name,
                "task": a.task_id,
                "what": _("task %(number)d of “%(plan)s”, due %(due)s, not completed")
                % {"number": a.task.number, "plan": a.task.plan.title, "due": a.task.due_on},
                "due_on": a.task.due_on.isoformat(),
            }
            for a in rows
            if str(a.pk) in chosen
        ]
        try:
            notice = services.notice_create(
                actor=request.user,
                organisation=body,
                year=today.year,
                title=request.POST.get("title", ""),
                text=request.POST.get("text", ""),
                entries=entries,
            )
            return redirect("assessment:notice", pk=notice.pk)
        except ServiceError as error:
            messages.error(request, error.message)
    context = {
        "rows": rows,
        "today": today,
        "notices": selectors.notices_of(body, published_only=False),
    }
    return render(request, "assessment/overdue.html", context)


@staff_required
def notices(request):
    body = _body(request)
    context = {"notices": selectors.notices_of(body, published_only=True)}
    return render(request, "assessment/notices.html", context)


@staff_required
def notice_detail(request, pk: int):
    body = _body(request)
    notice = Notice.objects.filter(pk=pk, organisation=body).first()
    is_office = has_role(request.user, *OFFICE)
    if notice is None or (notice.published_at is None and not is_office):
        raise Http404
    if request.method == "POST" and is_office:
        service_message(
            request,
            lambda: services.notice_publish(actor=request.user, notice=notice),
            _("The notice was published to the staff."),
        )
        return redirect("assessment:notice", pk=notice.pk)
    return render(request, "assessment/notice.html", {"notice": notice, "is_office": is_office})


# --- the assessment --------------------------------------------------------------------


@reader_required
def scores(request):
    body = _body(request)
    year = _year(request)
    rubric = selectors.rubric_of(body, year)
    form = RubricForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            services.rubric_create(
                actor=request.user, organisation=body, year=year,
                template=form.cleaned_data["template"],
            )  # fmt: skip
            return redirect(f"{request.path}?year={year}")
    context = {
        "year": year,
        "rubric": rubric,
        "form": form,
        "body": body,
        "can_edit": has_role(request.user, *OFFICE),
    }
    if rubric is not None:
        all_scores = scoring.year_scores(rubric)
        context["snapshot"] = scoring.snapshot_in_force(rubric)
        context["history"] = rubric.snapshots.filter(reopened_at__isnull=False).select_related(
            "frozen_by__staff_profile", "reopened_by__staff_profile"
        )
        context["units"] = scoring.ranked([s for s in all_scores if s.is_unit])
        context["bodies"] = scoring.ranked(
            [s for s in all_scores if not s.is_unit and s.organisation.pk != body.pk]
        )
        context["own"] = next(s for s in all_scores if s.organisation.pk == body.pk)
        context["indicators"] = list(rubric.indicators.all())
        context["total_points"] = sum(i.points for i in context["indicators"])
    return render(request, "assessment/scores.html", context)


@office_required
def score_final(request, rubric_pk: int):
    """The office makes the year's scores final (定稿), or reopens them with a reason."""
    body = _body(request)
    rubric = Rubric.objects.filter(pk=rubric_pk, organisation=body).first()
    if rubric is None or request.method != "POST":
        raise Http404
    if request.POST.get("action") == "reopen":
        reason = request.POST.get("reason", "")
        service_message(
            request,
            lambda: services.assessment_reopen(actor=request.user, rubric=rubric, reason=reason),
            _("The assessment was reopened."),
        )
    else:
        service_message(
            request,
            lambda: services.assessment_freeze(actor=request.user, rubric=rubric),
            _("The assessment is final."),
        )
    return redirect(f"{reverse('assessment:scores')}?year={rubric.year}")


@office_required
def rubric_edit(request, pk: int):
    """The office adds, changes and removes the indicators of its body's rubric."""
    body = _body(request)
    rubric = Rubric.objects.filter(pk=pk, organisation=body).first()
    if rubric is None:
        raise Http404
    indicators = list(rubric.indicators.annotate(deduction_count=Count("deductions")))
    editing: Indicator | None = None
    chosen = request.POST.get("indicator") or request.GET.get("edit", "")
    if chosen:
        editing = next((i for i in indicators if str(i.pk) == chosen), None)
        if editing is None:
            raise Http404
    initial = None
    if editing is not None:
        initial = {f: getattr(editing, f) for f in ("name", "kind", "points", "per_case", "rule")}
    action = request.POST.get("action", "")
    form = IndicatorForm(request.POST if action == "save" else None, initial=initial)
    if request.method == "POST" and action == "remove" and editing is not None:
        removed = service_message(
            request,
            lambda: services.indicator_remove(actor=request.user, indicator=editing),
            _("The indicator was removed."),
        )
        if removed:
            return redirect(request.path)
    if request.method == "POST" and action == "save" and form.is_valid():
        with service_errors(form):
            if editing is None:
                services.indicator_add(actor=request.user, rubric=rubric, **form.cleaned_data)
            else:
                services.indicator_update(
                    actor=request.user, indicator=editing, **form.cleaned_data
                )
            messages.success(request, _("The indicator was saved."))
            return redirect(request.path)
    context = {
        "rubric": rubric,
        "indicators": indicators,
        "total_points": sum(i.points for i in indicators),
        "form": form,
        "editing": editing,
    }
    status = 400 if request.method == "POST" and (form.errors or action == "remove") else 200
    return render(request, "assessment/rubric_edit.html", context, status=status)


def _subject(request, rubric_pk: int, organisation_pk: int):
    body = _body(request)
    rubric = Rubric.objects.filter(pk=rubric_pk, organisation=body).first()
    if rubric is None:
        raise Http404
    all_scores = scoring.year_scores(rubric)
    subject = next((s for s in all_scores if s.organisation.pk == organisation_pk), None)
    if subject is None:
        raise Http404
    peers = scoring.ranked(
        [s for s in all_scores if s.is_unit == subject.is_unit and s.organisation.pk != body.pk]
    )
    if subject.organisation.pk == body.pk:
        peers = [subject]
    subject = next(s for s in peers if s.organisation.pk == organisation_pk)
    return rubric, subject, peers


@reader_required
def score_detail(request, rubric_pk: int, organisation_pk: int):
    rubric, subject, peers = _subject(request, rubric_pk, organisation_pk)
    form = DeductionForm(request.POST or None, indicators=rubric.indicators.all())
    if request.method == "POST":
        with service_errors(form):
            if request.POST.get("remove"):
                deduction = Deduction.objects.filter(
                    pk=request.POST["remove"], indicator__rubric=rubric
                ).first()
                if deduction is None:
                    raise Http404
                services.deduction_remove(actor=request.user, deduction=deduction)
                messages.success(request, _("The deduction was withdrawn."))
                return redirect(request.path)
            if form.is_valid():
                data = form.cleaned_data
                services.deduction_add(
                    actor=request.user,
                    indicator=rubric.indicators.get(pk=data["indicator"]),
                    organisation=subject.organisation,
                    points=data["points"],
                    reason=data["reason"],
                    evidence_url=data["evidence_url"],
                )
                messages.success(request, _("The deduction was recorded."))
                return redirect(request.path)
    snapshot = scoring.snapshot_in_force(rubric)
    context = {
        "rubric": rubric,
        "subject": subject,
        "peers": len(peers),
        "snapshot": snapshot,
        "form": form if has_role(request.user, *OFFICE) and snapshot is None else None,
    }
    return render(request, "assessment/score.html", context)


@reader_required
def score_docx(request, rubric_pk: int, organisation_pk: int):
    from gongkai.assessment.selfreport import self_report_docx

    rubric, subject, peers = _subject(request, rubric_pk, organisation_pk)
    content = self_report_docx(rubric, subject, rank=subject.rank, of=len(peers))
    name = f"{subject.organisation.name}{rubric.year}年度政务公开自评报告.docx"
    return _attachment(content, DOCX, name)


# --- the 台账 --------------------------------------------------------------------------


def _ledger_body(request, body: Organisation) -> Organisation:
    bodies = Organisation.objects.filter(
        pk__in=body_and_descendants(body), kind=Organisation.Kind.BODY
    )
    chosen = request.GET.get("organisation", "")
    found = bodies.filter(pk=chosen).first() if chosen.isdigit() else body
    if found is None:
        raise Http404
    return found


@office_required
def ledger_home(request):
    body = _body(request)
    bodies = Organisation.objects.filter(
        pk__in=body_and_descendants(body), kind=Organisation.Kind.BODY
    ).order_by("id")
    form = LedgerForm(request.POST or request.GET or None, bodies=bodies)
    if request.method == "POST" and form.is_valid():
        target = bodies.get(pk=form.cleaned_data["organisation"])
        bundle = services.ledger_bundle_request(
            actor=request.user, organisation=target, year=form.cleaned_data["year"]
        )
        return redirect("assessment:bundle", pk=bundle.pk)
    year = _year(request)
    target = _ledger_body(request, body)
    context = {
        "form": form,
        "ledgers": ledgers.LEDGERS,
        "year": year,
        "target": target,
        "bundles": LedgerBundle.objects.filter(organisation__in=bodies).select_related(
            "organisation"
        )[:10],
    }
    return render(request, "assessment/ledgers.html", context)


@office_required
def ledger_one(request, code: str):
    ledger = ledgers.LEDGERS_BY_CODE.get(code)
    if ledger is None:
        raise Http404
    body = _ledger_body(request, _body(request))
    year = _year(request)
    if request.GET.get("format") == "xlsx":
        return _attachment(
            ledgers.ledger_xlsx(ledger, body, year), XLSX, ledgers.file_name(ledger, year)
        )
    context = {
        "ledger": ledger,
        "columns": ledger.columns(),
        "rows": list(ledger.rows(body, year)),
        "body": body,
        "year": year,
    }
    return render(request, "assessment/ledger_print.html", context)


@office_required
def bundle_detail(request, pk: int):
    body = _body(request)
    bundle = (
        LedgerBundle.objects.filter(pk=pk, organisation_id__in=body_and_descendants(body))
        .select_related("organisation")
        .first()
    )
    if bundle is None:
        raise Http404
    actions = transitions.bundle_actions(bundle, request.user)
    if request.GET.get("download") and transitions.BundleAction.DOWNLOAD in actions:
        name = f"{bundle.organisation.name}{bundle.year}年度政务公开台账.zip"
        assert bundle.content is not None  # a bundle is DONE with its zip (ledger_bundle_run)
        return _attachment(bytes(bundle.content), "application/zip", name)
    return render(
        request,
        "assessment/bundle.html",
        {
            "bundle": bundle,
            "states": transitions.BundleStatus,
            "actions": actions,
            "waiting": transitions.bundle_waiting(bundle),
        },
    )


# --- registers -------------------------------------------------------------------------


@staff_required
def enquiries(request):
    body = _body(request)
    form = EnquiryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            services.enquiry_record(
                actor=request.user,
                organisation=request.user.staff_profile.organisation,
                channel=form.cleaned_data["channel"],
                topic=form.cleaned_data["topic"],
                received_on=timezone.localdate(),
            )
            messages.success(request, _("Recorded."))
            # The same channel stays chosen for the next call.
            return redirect(f"{request.path}?channel={form.cleaned_data['channel']}")
    elif request.method != "POST" and request.GET.get("channel") in Channel.values:
        form = EnquiryForm(initial={"channel": request.GET["channel"]})
    year = _year(request)
    counts = selectors.enquiry_counts(body, year)
    context = {
        "form": form,
        "year": year,
        "counts": counts,
        "sentence": selectors.enquiry_sentence(counts, year),
        "recent": Enquiry.objects.filter(organisation_id__in=body_and_descendants(body))[:20],
    }
    return render(request, "assessment/enquiries.html", context)


@office_required
def trainings(request):
    body = _body(request)
    form = TrainingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            services.training_record(actor=request.user, organisation=body, **form.cleaned_data)
            messages.success(request, _("Recorded."))
            return redirect("assessment:trainings")
    context = {"form": form, "trainings": Training.objects.filter(organisation=body)[:50]}
    return render(request, "assessment/trainings.html", context)


# --- the overview ----------------------------------------------------------------------


@reader_required
def overview(request):
    """Headline figures first, the year before beside them, the ranking, then the charts."""
    from gongkai.reports.selectors.dashboard import dashboard

    body = _body(request)
    year = _year(request)
    this, last = selectors.headline(body, year), selectors.headline(body, year - 1)
    rubric = selectors.rubric_of(body, year)
    ranking = []
    if rubric is not None:
        all_scores = scoring.year_scores(rubric)
        ranking = scoring.ranked(
            [s for s in all_scores if not s.is_unit and s.organisation.pk != body.pk]
        ) or scoring.ranked([s for s in all_scores if s.is_unit])
    end = min(dt.date(year, 12, 31), timezone.localdate())
    charts = dashboard(body, dt.date(year, 1, 1), end)
    context = {
        "year": year,
        "this": this,
        "last": last,
        "rubric": rubric,
        "ranking": ranking[:10],
        "charts": charts,
        "chart_data": {"charts": [c.as_json() for c in charts if not c.note]},
        "enquiries": selectors.enquiry_counts(body, year),
        "body": body,
    }
    return render(request, "assessment/overview.html", context)
