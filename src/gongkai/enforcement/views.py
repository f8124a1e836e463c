"""行政执法公示 on the portal (under xxgk/zfgs/, in the 政府信息公开 frame) and its workbench.

Views parse input and call selectors or services; they never write models.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.access import has_role
from gongkai.core.formflow import service_errors, service_message
from gongkai.core.publiclist import Export, download, paged
from gongkai.core.views import role_required
from gongkai.enforcement import selectors, services, transitions
from gongkai.enforcement.draw import python_snippet, snapshot_text
from gongkai.enforcement.flowchart import flowchart_svg
from gongkai.enforcement.formats import decisions_csv, decisions_json, decisions_xlsx
from gongkai.enforcement.forms import (
    BodyForm,
    DecisionFilterForm,
    DecisionForm,
    DrawForm,
    MatterForm,
    OfficerForm,
    ResultForm,
    TargetForm,
    WithdrawForm,
)
from gongkai.enforcement.law import PUBLICITY_LIMITS, SOURCE_118, TargetCategory
from gongkai.enforcement.models import (
    ChangeRecord,
    Decision,
    Draw,
    EnforcementBody,
    InspectionTarget,
    Matter,
    Officer,
)
from gongkai.enforcement.transitions import DecisionStatus, Move
from gongkai.proactive.law import FindingType  # the privacy types' labels

PAGE_SIZE = 30
SCANNED_LABELS = {
    "facts": gettext_lazy("Facts"),
    "content": gettext_lazy("Kind and content of the decision"),
}
EXPORTS: dict[str, Export] = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", decisions_xlsx),
    "csv": ("text/csv; charset=utf-8", decisions_csv),
    "json": ("application/json; charset=utf-8", decisions_json),
}


def index(request):
    """事前公开: bodies, officers, matters with their flowcharts, discretion standards."""
    context = {
        "bodies": selectors.bodies_public(),
        "standards": selectors.standards_public(),
        "recent": selectors.decisions_public()[:5],
    }
    return render(request, "enforcement/index.html", context)


def matter(request, pk: int):
    found = selectors.matter_public(pk)
    svg = flowchart_svg(found.steps, _("Procedure of %(name)s") % {"name": found.name})
    context = {"matter": found, "svg": mark_safe(svg)}  # noqa: S308 - built with escape()
    return render(request, "enforcement/matter.html", context)


def matter_svg(request, pk: int):
    found = selectors.matter_public(pk)
    svg = flowchart_svg(found.steps, _("Procedure of %(name)s") % {"name": found.name})
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


def standard_file(request, pk: int):
    found = selectors.standard_file(pk)
    response = HttpResponse(
        bytes(found.content), content_type=found.content_type or "application/octet-stream"
    )
    response["Content-Disposition"] = "attachment; filename*=UTF-8''" + _quote(found.file_name)
    return response


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)


def _filters(request) -> tuple[DecisionFilterForm, dict]:
    form = DecisionFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    return form, {
        "kind": data.get("kind") or "",
        "query": data.get("q") or "",
        "year": data.get("year"),
    }


def decisions(request):
    """事后公开: published decisions; ?format=xlsx|csv|json exports the filtered list."""
    form, filters = _filters(request)
    fmt = request.GET.get("format", "")
    found = selectors.decisions_public(**filters)
    if fmt in EXPORTS:
        return download(EXPORTS[fmt], found, f"decisions.{fmt}")
    context = {
        "form": form,
        **paged(request, found, PAGE_SIZE),
        "kinds": selectors.kind_counts(),
        "kind": filters["kind"],
        "limits": PUBLICITY_LIMITS,
        "source": SOURCE_118,
        "statuses": DecisionStatus,
    }
    return render(request, "enforcement/decisions.html", context)


def decision(request, pk: int):
    found = selectors.decision_public(pk)
    context = {
        "decision": found,
        "history": selectors.history(ChangeRecord.Subject.DECISION, found.pk),
        "due": selectors.publicity_due(found),
        "on_time": selectors.published_on_time(found),
        "statuses": DecisionStatus,
    }
    return render(request, "enforcement/decision.html", context)


def draws(request):
    """双随机一公开: the two lists and the draws."""
    targets = selectors.targets_public()
    officers = [o for b in selectors.bodies_public() for o in b.officers.all() if o.is_inspector]
    context = {
        "targets": targets,
        "inspectors": officers,
        "draws": selectors.draws_public()[:50],
        "categories": TargetCategory,
    }
    return render(request, "enforcement/draws.html", context)


def draw(request, pk: int):
    found = selectors.draw_public(pk)
    names = {t["code"]: t["name"] for t in found.targets}
    inspectors = {i["code"]: i["name"] for i in found.inspectors}
    picks = [
        {
            "code": c["target"],
            "name": names.get(c["target"], ""),
            "inspectors": [(code, inspectors.get(code, "")) for code in c["inspectors"]],
        }
        for c in found.chosen
    ]
    data = {
        "seed": found.seed,
        "targets": found.targets,
        "inspectors": found.inspectors,
        "k": found.target_count,
        "m": found.inspectors_per_target,
        "chosen": found.chosen,
    }
    context = {
        "draw": found,
        "picks": picks,
        "data": data,
        "snippet": python_snippet(found),
        "targets_text": snapshot_text(found.targets),
        "inspectors_text": snapshot_text(found.inspectors),
        "results": found.results.all(),
    }
    return render(request, "enforcement/draw.html", context)


FIELD_LABELS = {
    "name": gettext_lazy("Name"),
    "kind": gettext_lazy("Kind"),
    "basis": gettext_lazy("Legal basis"),
    "steps": gettext_lazy("Procedure steps"),
    "time_limit": gettext_lazy("Time limit for handling"),
    "duties": gettext_lazy("Duties and powers"),
    "remedy": gettext_lazy("Remedies"),
    "address": gettext_lazy("Address"),
    "phone": gettext_lazy("Phone"),
    "position": gettext_lazy("Position"),
    "certificate": gettext_lazy("Enforcement certificate number"),
    "area": gettext_lazy("Field of enforcement"),
    "is_inspector": gettext_lazy("In the inspector list"),
    "code": gettext_lazy("Code"),
    "category": gettext_lazy("Category"),
    "credit_code": gettext_lazy("Unified social credit code"),
}


def changes(request):
    """The register's public history; each changed field named in Chinese, old and new."""
    page = Paginator(ChangeRecord.objects.all(), 50).get_page(request.GET.get("page"))
    for change in page.object_list:
        change.labelled = [
            {**f, "label": FIELD_LABELS.get(f["field"], f["field"])} for f in change.fields_changed
        ]
    return render(request, "enforcement/changes.html", {"page": page})


# --- workbench ---------------------------------------------------------------------------

recording_required = role_required(*transitions.RECORDING_ROLES)
publishing_required = role_required(*transitions.PUBLISHING_ROLES)


def _body(request):
    return request.user.staff_profile.organisation.body


@recording_required
def manage(request):
    found = Decision.objects.filter(organisation=_body(request)).select_related(
        "body", "publish_clock"
    )
    status = request.GET.get("status", "")
    if status in DecisionStatus.values:
        found = found.filter(status=status)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "status": status,
        "statuses": DecisionStatus.choices,
        "may_keep_register": has_role(request.user, *transitions.PUBLISHING_ROLES),
    }
    return render(request, "enforcement/workbench/manage.html", context)


def _fields(data: dict) -> services.DecisionFields:
    return services.DecisionFields(**data)


@recording_required
def decision_new(request):
    body = _body(request)
    form = DecisionForm(request.POST or None, organisation=body)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            created = services.decision_create(
                actor=request.user, organisation=body, fields=_fields(form.cleaned_data)
            )
            messages.success(request, _("The decision was recorded as a draft."))
            return redirect("enforcement:decision_edit", pk=created.pk)
    return render(request, "enforcement/workbench/decision.html", {"form": form, "decision": None})


def _initial(decision: Decision) -> dict:
    names = ["body", "kind", "number", "title", "party_kind", "party_name", "party_credit_code",
             "facts", "basis", "content", "decided_on"]  # fmt: skip
    return {name: getattr(decision, name) for name in names}


@recording_required
def decision_edit(request, pk: int):
    body = _body(request)
    found = Decision.objects.filter(pk=pk, organisation=body).select_related("body").first()
    if found is None:
        raise Http404
    action = request.POST.get("action", "")
    form = DecisionForm(
        request.POST if action == Move.UPDATE else None, initial=_initial(found), organisation=body
    )
    withdraw_form = WithdrawForm(request.POST if action == Move.WITHDRAW else None, decision=found)
    # A refusal of any of the three is a message above the decision (not on a form).
    done = False
    if action == Move.UPDATE and form.is_valid():
        changed = _fields(form.cleaned_data)
        done = service_message(
            request,
            lambda: services.decision_update(actor=request.user, decision=found, fields=changed),
            _("Saved."),
        )
    elif action == Move.PUBLISH:
        keep = {int(i) for i in request.POST.getlist("keep") if i.isdigit()}
        done = service_message(
            request,
            lambda: services.decision_publish(actor=request.user, decision=found, keep=keep),
            _("The decision was published."),
        )
    elif action == Move.WITHDRAW and withdraw_form.is_valid():
        reasons = withdraw_form.cleaned_data
        done = service_message(
            request,
            lambda: services.decision_withdraw(actor=request.user, decision=found, **reasons),
            _("The withdrawal was recorded and published."),
        )
    if done:
        return redirect("enforcement:decision_edit", pk=found.pk)
    fields = {"facts": found.facts, "content": found.content}
    findings = [
        {
            **f,
            "index": i,
            "context": fields[f["field"]][max(0, f["start"] - 12) : f["end"] + 12],
            "field_label": SCANNED_LABELS[f["field"]],
            "type_label": FindingType(f["type"]).label,
        }
        for i, f in enumerate(found.findings)
    ]
    context = {
        "form": form,
        "withdraw_form": withdraw_form,
        "decision": found,
        "findings": findings,
        "due": selectors.publicity_due(found),
        "actions": transitions.decision_actions(found, request.user),
        "statuses": DecisionStatus,
    }
    return render(request, "enforcement/workbench/decision.html", context)


@recording_required
def draws_manage(request):
    body = _body(request)
    form = DrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            created = services.draw_run(actor=request.user, organisation=body, **form.cleaned_data)
            messages.success(request, _("The draw was made and published."))
            return redirect("enforcement:draw_manage", pk=created.pk)
    context = {"form": form, "draws": Draw.objects.filter(organisation=body)[:50]}
    return render(request, "enforcement/workbench/draws.html", context)


@recording_required
def draw_manage(request, pk: int):
    found = Draw.objects.filter(pk=pk, organisation=_body(request)).first()
    if found is None:
        raise Http404
    form = ResultForm(request.POST or None, draw=found)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            services.result_publish(actor=request.user, draw=found, **form.cleaned_data)
            messages.success(request, _("The result was published."))
            return redirect("enforcement:draw_manage", pk=found.pk)
    context = {"draw": found, "form": form, "results": found.results.all()}
    return render(request, "enforcement/workbench/draw.html", context)


# --- the register's lists: bodies, officers, matters, targets (the openness office) -------


@publishing_required
def register_manage(request):
    body = _body(request)
    context = {
        "bodies": EnforcementBody.objects.filter(organisation=body),
        "officers": Officer.objects.filter(body__organisation=body).select_related("body"),
        "matters": Matter.objects.filter(body__organisation=body).select_related("body"),
        "targets": InspectionTarget.objects.filter(organisation=body),
    }
    return render(request, "enforcement/workbench/register.html", context)


def _record_page(request, form, save, *, heading, record=None, fields=None):
    """Validate ``form``, call ``save(cleaned_data)`` (a service), go back to the register;
    a refused service leaves its message on the form (on ``fields[code]`` if it names one)."""
    if request.method == "POST" and form.is_valid():
        with service_errors(form, fields=fields):
            save(form.cleaned_data)
            messages.success(request, _("Saved."))
            return redirect("enforcement:register_manage")
    context = {"form": form, "heading": heading, "record": record}
    return render(request, "enforcement/workbench/record.html", context)


def _own(model, request, pk: int, **lookup):
    found = model.objects.filter(pk=pk, **lookup).first()
    if found is None:
        raise Http404
    return found


@publishing_required
def body_new(request):
    organisation = _body(request)
    form = BodyForm(request.POST or None)
    return _record_page(
        request, form,
        lambda data: services.body_create(actor=request.user, organisation=organisation, **data),
        heading=_("Add an enforcement body"),
    )  # fmt: skip


@publishing_required
def body_edit(request, pk: int):
    found = _own(EnforcementBody, request, pk, organisation=_body(request))
    initial = {name: getattr(found, name) for name in services.BODY_FIELDS}
    form = BodyForm(request.POST or None, initial=initial, editing=True)
    return _record_page(
        request, form,
        lambda data: services.body_update(actor=request.user, body=found, **data),
        heading=_("Edit the enforcement body"), record=found,
    )  # fmt: skip


@publishing_required
def officer_new(request):
    form = OfficerForm(request.POST or None, organisation=_body(request))
    return _record_page(
        request, form,
        lambda data: services.officer_create(actor=request.user, **data),
        heading=_("Add an enforcement officer"),
        fields={"duplicate_certificate": "certificate"},
    )  # fmt: skip


@publishing_required
def officer_edit(request, pk: int):
    found = _own(Officer, request, pk, body__organisation=_body(request))
    initial = {n: getattr(found, n) for n in ("name", "certificate", "area", "is_inspector")}
    form = OfficerForm(request.POST or None, initial=initial, officer=found)
    return _record_page(
        request, form,
        lambda data: services.officer_update(actor=request.user, officer=found, **data),
        heading=_("Edit the enforcement officer"), record=found,
        fields={"duplicate_certificate": "certificate"},
    )  # fmt: skip


@publishing_required
def matter_new(request):
    form = MatterForm(request.POST or None, organisation=_body(request))
    return _record_page(
        request, form,
        lambda data: services.matter_create(actor=request.user, **data),
        heading=_("Add an enforcement matter"),
    )  # fmt: skip


@publishing_required
def matter_edit(request, pk: int):
    found = _own(Matter, request, pk, body__organisation=_body(request))
    names = ("name", "kind", "basis", "time_limit", "position")
    initial = {name: getattr(found, name) for name in names} | {"steps": "\n".join(found.steps)}
    form = MatterForm(request.POST or None, initial=initial, editing=True)
    return _record_page(
        request, form,
        lambda data: services.matter_update(actor=request.user, matter=found, **data),
        heading=_("Edit the enforcement matter"), record=found,
    )  # fmt: skip


@publishing_required
def target_new(request):
    organisation = _body(request)
    form = TargetForm(request.POST or None, organisation=organisation)
    return _record_page(
        request, form,
        lambda data: services.target_create(actor=request.user, organisation=organisation, **data),
        heading=_("Add an inspection target"),
        fields={"duplicate_code": "code", "invalid_credit_code": "credit_code"},
    )  # fmt: skip


@publishing_required
def target_edit(request, pk: int):
    organisation = _body(request)
    found = _own(InspectionTarget, request, pk, organisation=organisation)
    initial = {n: getattr(found, n) for n in ("code", "name", "category", "credit_code")}
    form = TargetForm(request.POST or None, initial=initial, organisation=organisation,
                      target=found)  # fmt: skip
    return _record_page(
        request, form,
        lambda data: services.target_update(actor=request.user, target=found, **data),
        heading=_("Edit the inspection target"), record=found,
        fields={"duplicate_code": "code", "invalid_credit_code": "credit_code"},
    )  # fmt: skip
