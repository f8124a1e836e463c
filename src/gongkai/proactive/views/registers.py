"""Office pages: import, negative list, normative register, self-check, standard catalog."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.access import organisation_ids_visible_to
from gongkai.core.formflow import service_errors, service_message
from gongkai.core.views import role_required
from gongkai.proactive import selectors, services, transitions
from gongkai.proactive.exports import (
    self_check_csv,
    self_check_summary_rows,
    self_check_table,
    self_check_xlsx,
    standard_catalog_xlsx,
)
from gongkai.proactive.forms import (
    CatalogUploadForm,
    CleanupForm,
    ImportForm,
    NegativeEditForm,
    NegativeEntryForm,
    NegativeRetireForm,
    NormativeChangeForm,
    NormativeForm,
    SelfCheckForm,
    SelfCheckSignOffForm,
)
from gongkai.proactive.models import (
    ImportJob,
    Item,
    NegativeListEntry,
    NormativeDocument,
    SelfCheck,
    StandardCatalogItem,
)
from gongkai.proactive.services.importing import opencc_available
from gongkai.proactive.transitions import DRAFTING_ROLES, PUBLISHING_ROLES

office_required = role_required(*PUBLISHING_ROLES)
# The staff page takes a few files; bulk imports use `gongkai proactive import`.
MAX_PAGE_FILES = 10


def _body(request):
    return request.user.staff_profile.organisation.body


@role_required(*DRAFTING_ROLES)
def import_files(request):
    """The files are stored and imported by a worker; the job's page shows the progress."""
    form = ImportForm(
        request.POST or None, request.FILES or None, simplify_available=opencc_available()
    )
    if request.method == "POST" and form.is_valid():
        files = form.cleaned_data["files"][:MAX_PAGE_FILES]
        with service_errors(form):
            job = services.import_queue(
                actor=request.user,
                organisation=_body(request),
                kind=ImportJob.Kind.DOCUMENTS,
                files=[(upload.name, upload.read()) for upload in files],
                options={
                    "section": form.cleaned_data["section"],
                    "simplify": form.cleaned_data["simplify"],
                },
            )
            return redirect("proactive:import_job", pk=job.pk)
    return render(request, "proactive/workbench/import.html", {"form": form})


@role_required(*DRAFTING_ROLES)
def import_job(request, pk: int):
    job = selectors.import_job_for(request.user, pk)
    context = {
        "job": job,
        "JobStatus": ImportJob.Status,
        "pending": transitions.import_pending(job),
    }
    return render(request, "proactive/workbench/import_job.html", context)


@office_required
def negative_manage(request):
    form = NegativeEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            services.negative_entry_create(
                actor=request.user, organisation=_body(request), **form.cleaned_data
            )
            messages.success(request, _("The entry was added to the negative list."))
            return redirect("proactive:negative_manage")
    body = _body(request)
    context = {
        "form": form,
        "entries": NegativeListEntry.objects.filter(organisation=body).order_by(
            "-is_active", "category", "id"
        ),
        "today": timezone.localdate(),
    }
    return render(request, "proactive/workbench/negative.html", context)


@office_required
def negative_entry(request, pk: int):
    """One entry: its history, and the forms to edit (or review) and to retire it."""
    entry = get_object_or_404(NegativeListEntry, pk=pk, organisation=_body(request))
    initial = {name: getattr(entry, name) for name in NegativeEntryForm.base_fields}
    edit_form = NegativeEditForm(
        request.POST if request.POST.get("do") == "edit" else None, initial=initial
    )
    retire_form = NegativeRetireForm(request.POST if request.POST.get("do") == "retire" else None)
    # Only the form the POST was for is bound ("do"), so at most one service runs.
    if request.method == "POST" and edit_form.is_bound and edit_form.is_valid():
        data = dict(edit_form.cleaned_data)
        reason = data.pop("reason")
        with service_errors(edit_form):
            services.negative_entry_update(
                entry=entry, actor=request.user, fields=services.NegativeFields(**data),
                reason=reason,
            )  # fmt: skip
            messages.success(request, _("The entry was changed."))
            return redirect("proactive:negative_entry", pk)
    if request.method == "POST" and retire_form.is_bound and retire_form.is_valid():
        with service_errors(retire_form):
            services.negative_entry_retire(
                entry=entry, actor=request.user, reason=retire_form.cleaned_data["reason"]
            )
            messages.success(request, _("The entry was retired."))
            return redirect("proactive:negative_entry", pk)
    context = {
        "entry": entry,
        "history": selectors.negative_entry_history(entry),
        "edit_form": edit_form,
        "retire_form": retire_form,
        "overdue": entry.is_active and entry.review_on < timezone.localdate(),
    }
    return render(request, "proactive/workbench/negative_entry.html", context)


@office_required
def normative_manage(request):
    body = _body(request)
    form = NormativeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            services.normative_document_register(
                actor=request.user,
                organisation=body,
                fields=services.NormativeFields(**form.cleaned_data),
            )
            messages.success(request, _("The document was registered."))
            return redirect("proactive:normative_manage")
    documents = selectors.normative_register(organisation=body.pk)
    year = timezone.localdate().year
    context = {
        "form": form,
        "documents": documents,
        "change_form": NormativeChangeForm(),
        "cleanup_form": CleanupForm(documents=documents),
        "counts": selectors.normative_document_counts(body, year),
        "year": year,
        "in_force": transitions.NORMATIVE_CHANGEABLE,  # the statuses a document can change from
    }
    return render(request, "proactive/workbench/normative.html", context)


@require_POST
@office_required
def normative_change(request, pk: int):
    document = get_object_or_404(NormativeDocument, pk=pk, organisation=_body(request))
    form = NormativeChangeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Fill in the new status and its date."))
        return redirect("proactive:normative_manage")
    service_message(
        request,
        lambda: services.normative_document_change(
            document=document, actor=request.user, **form.cleaned_data
        ),
        _("The status was changed."),
    )
    return redirect("proactive:normative_manage")


@require_POST
@office_required
def cleanup_publish(request):
    body = _body(request)
    form = CleanupForm(request.POST, documents=selectors.normative_register(organisation=body.pk))
    if not form.is_valid():
        messages.error(request, _("Give a title and a date."))
        return redirect("proactive:normative_manage")
    service_message(
        request,
        lambda: services.cleanup_publish(
            actor=request.user,
            organisation=body,
            title=form.cleaned_data["title"],
            decided_on=form.cleaned_data["decided_on"],
            outcomes=form.outcomes(),
        ),
        _("The clean-up result was published."),
    )
    return redirect("proactive:normative_manage")


def _year(request) -> int:
    try:
        return int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year


@office_required
def self_check(request):
    """The year's self-check (条例 art. 18): summary, decisions, items still to decide, the
    sign-off; earlier years read from the same page (?year=)."""
    body, year = _body(request), _year(request)
    signed_off = SelfCheck.objects.filter(organisation=body, year=year).first()
    summary = selectors.self_check_summary(body, year)
    context = {
        "year": year,
        "years": selectors.self_check_years(body),
        "is_current": year == timezone.localdate().year,
        "signed_off": signed_off,
        "summary": summary,
        "summary_rows": self_check_summary_rows(summary),
        "decisions": selectors.self_check_decisions(body, year),
        "undecided": selectors.self_check_undecided(body, year),
        "form": SelfCheckForm(),
        "sign_off_form": SelfCheckSignOffForm(),
        "due_entries": selectors.negative_entries_due([body.pk]),
    }
    return render(request, "proactive/workbench/self_check.html", context)


@office_required
def self_check_export(request):
    body, year = _body(request), _year(request)
    rows = self_check_table(
        selectors.self_check_decisions(body, year), selectors.self_check_undecided(body, year)
    )
    if request.GET.get("format") == "csv":
        return self_check_csv(rows, year)
    signed_off = SelfCheck.objects.filter(organisation=body, year=year).first()
    return self_check_xlsx(rows, selectors.self_check_summary(body, year), signed_off, year)


@require_POST
@office_required
def self_check_sign_off(request):
    year = timezone.localdate().year
    form = SelfCheckSignOffForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    service_message(
        request,
        lambda: services.self_check_sign_off(
            actor=request.user, organisation=_body(request), year=year, note=note
        ),
        _("The self-check of %(year)d was signed off.") % {"year": year},
    )
    return redirect("proactive:self_check")


@require_POST
@office_required
def self_check_decide(request, pk: int):
    visible = organisation_ids_visible_to(request.user)
    items = (
        Item.objects.all() if visible is None else Item.objects.filter(organisation_id__in=visible)
    )
    item = get_object_or_404(items, pk=pk)
    form = SelfCheckForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the label and give the reasons."))
        return redirect("proactive:self_check")
    service_message(
        request,
        lambda: services.self_check_decide(
            item=item, actor=request.user, year=timezone.localdate().year, **form.cleaned_data
        ),
        _("The decision was recorded."),
    )
    return redirect("proactive:self_check")


@office_required
def standard_catalog(request):
    body = _body(request)
    form = CatalogUploadForm(request.POST or None, request.FILES or None)
    if request.GET.get("format") == "xlsx":
        return standard_catalog_xlsx(StandardCatalogItem.objects.filter(organisation=body))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with service_errors(form):
            job = services.import_queue(
                actor=request.user,
                organisation=body,
                kind=ImportJob.Kind.CATALOG,
                files=[(upload.name, upload.read())],
            )
            return redirect("proactive:import_job", pk=job.pk)
    context = {
        "form": form,
        "statuses": selectors.standard_catalog_status(body),
        "states": selectors.CatalogState,
    }
    return render(request, "proactive/workbench/standard_catalog.html", context)
