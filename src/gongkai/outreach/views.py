"""Portal pages (new-media accounts, open days, the supervisors' own page) and the office's
workbench pages. Views parse input and call selectors or services; they never write models.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.core.errors import ServiceError
from gongkai.core.formflow import service_errors
from gongkai.core.selectors import site_organisation
from gongkai.core.views import role_required
from gongkai.outreach import selectors, services
from gongkai.outreach.forms import (
    AnswerForm,
    ChannelForm,
    ObservationForm,
    OpenDayForm,
    RegistrationForm,
    SummaryForm,
    SupervisorForm,
)
from gongkai.outreach.models import (
    Channel,
    Observation,
    OpenDay,
    Push,
    PushState,
    Registration,
    Supervisor,
)


def _site():
    body = site_organisation()
    if body is None:
        raise Http404
    return body


# --- portal ------------------------------------------------------------------------------


def channels_public(request):
    body = _site()
    context = {"body": body, "channels": selectors.channels_public(body)}
    return render(request, "outreach/channels.html", context)


def open_days(request):
    body = _site()
    context = {"open_days": selectors.open_days_public(body), "now": timezone.now()}
    return render(request, "outreach/open_days.html", context)


@require_http_methods(["GET", "POST"])
def open_day(request, pk: int):
    found = selectors.open_day_public(_site(), pk)
    form = RegistrationForm(request.POST or None)
    registration = None
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            registration = services.open_day_register(open_day=found, **form.cleaned_data)
    now = timezone.now()
    context = {
        "open_day": found,
        "form": form,
        "registration": registration,
        "open": now < found.registration_closes_at and found.places_left > 0,
        "closed": now >= found.registration_closes_at,
        "full_message": services.full_message(found.capacity),
    }
    return render(request, "outreach/open_day.html", context)


@require_http_methods(["GET", "POST"])
def supervisor_home(request):
    """The supervisor's own page: file an observation, read the office's answers."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    supervisor = services.supervisor_of(request.user)
    if supervisor is None:
        raise Http404
    form = ObservationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            services.observation_file(user=request.user, **form.cleaned_data)
            messages.success(request, _("Your observation was sent to the openness office."))
            return redirect("outreach:supervisor_home")
    context = {
        "supervisor": supervisor,
        "form": form,
        "observations": supervisor.observations.all(),
    }
    return render(request, "outreach/supervisor_home.html", context)


# --- workbench ---------------------------------------------------------------------------

office_required = role_required(*services.OFFICE_ROLES)


def _body(request):
    return request.user.staff_profile.organisation.body


@office_required
@require_http_methods(["GET", "POST"])
def channels(request):
    body = _body(request)
    form = ChannelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            services.channel_create(actor=request.user, organisation=body, **form.cleaned_data)
            return redirect("outreach:channels")
    pushes = Paginator(selectors.pushes_of(body), 50).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "channels": selectors.channels_of(body),
        "pushes": pushes,
        "push_states": PushState,
    }
    return render(request, "outreach/workbench/channels.html", context)


@office_required
@require_POST
def channel_action(request, pk: int, action: str):
    channel = get_object_or_404(Channel, pk=pk, organisation=_body(request))
    if action not in ("pause", "resume"):
        raise Http404
    services.channel_set_active(actor=request.user, channel=channel, active=action == "resume")
    return redirect("outreach:channels")


@office_required
@require_POST
def push_retry(request, pk: int):
    push = get_object_or_404(Push, pk=pk, channel__organisation=_body(request))
    try:
        services.push_retry(actor=request.user, push=push)
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("outreach:channels")


@office_required
@require_http_methods(["GET", "POST"])
def supervisors(request):
    body = _body(request)
    form = SupervisorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            services.supervisor_appoint(actor=request.user, organisation=body, **form.cleaned_data)
            messages.success(
                request, _("The supervisor can now sign in with the user name and password.")
            )
            return redirect("outreach:supervisors")
    context = {
        "form": form,
        "supervisors": selectors.supervisors_of(body),
        "observations": selectors.observations_of(body)[:100],
    }
    return render(request, "outreach/workbench/supervisors.html", context)


@office_required
@require_POST
def supervisor_dismiss(request, pk: int):
    supervisor = get_object_or_404(Supervisor, pk=pk, organisation=_body(request))
    services.supervisor_dismiss(actor=request.user, supervisor=supervisor)
    return redirect("outreach:supervisors")


@office_required
@require_http_methods(["GET", "POST"])
def observation(request, pk: int):
    found = get_object_or_404(
        Observation.objects.select_related("supervisor"), pk=pk, organisation=_body(request)
    )
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            services.observation_answer(actor=request.user, observation=found, **form.cleaned_data)
            return redirect("outreach:supervisors")
    return render(
        request, "outreach/workbench/observation.html", {"observation": found, "form": form}
    )


@office_required
@require_http_methods(["GET", "POST"])
def open_days_manage(request):
    body = _body(request)
    form = OpenDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            created = services.open_day_create(
                actor=request.user, organisation=body, **form.cleaned_data
            )
            return redirect("outreach:open_day_manage", pk=created.pk)
    context = {"form": form, "open_days": OpenDay.objects.filter(organisation=body)}
    return render(request, "outreach/workbench/open_days.html", context)


@office_required
@require_http_methods(["GET", "POST"])
def open_day_manage(request, pk: int):
    found = get_object_or_404(OpenDay, pk=pk, organisation=_body(request))
    form = SummaryForm(request.POST or None, initial={"summary": found.summary})
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            services.open_day_summary_publish(
                actor=request.user, open_day=found, summary=form.cleaned_data["summary"]
            )
            return redirect("outreach:open_day_manage", pk=found.pk)
    registrations = list(found.registrations.all())
    rows = [{"registration": r, "phone": selectors.mask_phone(r.phone)} for r in registrations]
    attended = sum(1 for r in registrations if r.attended)
    context = {"open_day": found, "rows": rows, "form": form, "attended": attended}
    return render(request, "outreach/workbench/open_day.html", context)


@office_required
@require_POST
def attendance(request, pk: int):
    registration = get_object_or_404(
        Registration.objects.select_related("open_day"),
        pk=pk,
        open_day__organisation=_body(request),
    )
    services.attendance_mark(
        actor=request.user, registration=registration, attended=request.POST.get("attended") == "1"
    )
    return redirect("outreach:open_day_manage", pk=registration.open_day_id)
