"""Workbench pages for suggestions and proposals, incidents and press conferences."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.formflow import service_errors
from gongkai.core.views import role_required
from gongkai.participation import selectors as sel
from gongkai.participation import services
from gongkai.participation.forms import (
    IncidentForm,
    PressConferenceForm,
    ProposalForm,
    ProposalReplyForm,
    ReasonForm,
    ResponseForm,
    UnitForm,
)
from gongkai.participation.replyletter import reply_letter_docx
from gongkai.participation.transitions import (
    STAFF,
    incident_actions,
    proposal_actions,
)
from gongkai.participation.views.common import (
    act,
    body_of,
    create_page,
    form_error,
    found,
    list_page,
    office,
    staff,
    units_of,
)


@staff
def proposals(request):
    queryset = sel.proposals_visible_to(request.user)
    return list_page(request, queryset, "participation/workbench/proposals.html")


@office
def proposal_new(request):
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            proposal = services.proposal_register(
                actor=request.user, organisation=body_of(request.user), **form.cleaned_data
            )
            return redirect("participation:wb_proposal", pk=proposal.pk)
    return render(request, "participation/workbench/proposal_new.html", {"form": form})


@staff
def proposal_detail(request, pk: int):
    proposal = found(sel.access_proposal, request.user, pk)
    context = {
        "proposal": proposal,
        "actions": proposal_actions(proposal, request.user),
        "public_title": sel.proposal_public_title(proposal),
        "assign_form": UnitForm(units=units_of(proposal.organisation)),
        "reply_form": ProposalReplyForm(),
        "withhold_form": ReasonForm(),
    }
    return render(request, "participation/workbench/proposal.html", context)


@staff
@require_POST
def proposal_action(request, pk: int, action: str):
    proposal = found(sel.access_proposal, request.user, pk)
    user = request.user

    def assign():
        form = UnitForm(request.POST, units=units_of(proposal.organisation))
        if not form.is_valid():
            form_error()
        return services.proposal_assign(
            actor=user, proposal=proposal, unit=form.cleaned_data["unit"]
        )

    def reply():
        form = ProposalReplyForm(request.POST)
        if not form.is_valid():
            form_error()
        return services.proposal_reply(actor=user, proposal=proposal, **form.cleaned_data)

    calls = {
        "assign": assign,
        "reply": reply,
        "publish": lambda: services.proposal_publish(actor=user, proposal=proposal),
        "withhold": lambda: services.proposal_withhold(
            actor=user, proposal=proposal, reason=request.POST.get("reason", "")
        ),
    }
    if action in calls:
        act(request, calls[action], _("Done."))
    return redirect("participation:wb_proposal", pk=pk)


@staff
def proposal_docx(request, pk: int):
    proposal = found(sel.access_proposal, request.user, pk)
    if not proposal.reply_text:
        messages.error(request, _("There is no reply yet."))
        return redirect("participation:wb_proposal", pk=pk)
    response = HttpResponse(
        reply_letter_docx(proposal),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="reply-{proposal.pk}.docx"'
    return response


@staff
def incidents(request):
    queryset, overdue = sel.incidents_visible_to(request.user), sel.incidents_overdue(request.user)
    return list_page(request, queryset, "participation/workbench/incidents.html", overdue=overdue)


@role_required(*STAFF)
def incident_new(request):
    return create_page(
        request, IncidentForm, services.incident_record,
        template="participation/workbench/incident_new.html",
        then="participation:wb_incident",
    )  # fmt: skip


@staff
def incident_detail(request, pk: int):
    incident = found(sel.access_incident, request.user, pk)
    context = {
        "incident": incident,
        "actions": incident_actions(incident, request.user),
        "clocks": sel.clocks_of(incident),
        "responses": incident.responses.all(),
        "response_form": ResponseForm(),
    }
    return render(request, "participation/workbench/incident.html", context)


@staff
@require_POST
def incident_action(request, pk: int, action: str):
    incident = found(sel.access_incident, request.user, pk)

    def respond():
        form = ResponseForm(request.POST)
        if not form.is_valid():
            form_error()
        return services.incident_respond(actor=request.user, incident=incident, **form.cleaned_data)

    calls = {
        "respond": respond,
        "close": lambda: services.incident_close(actor=request.user, incident=incident),
    }
    if action in calls:
        act(request, calls[action], _("Done."))
    return redirect("participation:wb_incident", pk=pk)


@staff
def press_conferences(request):
    form = PressConferenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            services.press_conference_record(
                actor=request.user, organisation=body_of(request.user), **form.cleaned_data
            )
            return redirect("participation:wb_press")
    queryset = sel.press_conferences_of(request.user)
    return list_page(request, queryset, "participation/workbench/press.html", form=form)
