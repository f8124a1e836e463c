"""Workbench pages: queues, intake, the request page and its actions (one service each).

Every request comes through ``access_request`` (the same 404 for missing and out of scope);
every action is a POST of one form calling one service; a refusal shows the service's
message on the request page and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.core.access import sees_whole_body
from gongkai.core.errors import ServiceError
from gongkai.core.formflow import service_errors
from gongkai.core.models import Clock, Organisation, Role, StaffProfile
from gongkai.core.types import AnyUser, StaffRequest
from gongkai.core.views import role_required, staff_required
from gongkai.foi import forms as foi_forms
from gongkai.foi import services
from gongkai.foi.models import FeeNotice, IdentityView, Request, RequestEvent, Status
from gongkai.foi.selectors import (
    access_request,
    confirmation_due,
    request_remedy_statement,
    request_similar,
    request_working_days_spent,
    requests_visible_to,
    settings_of,
    unconfirmed_overdue,
    unit_queue,
    unit_queue_count,
    urgency,
)
from gongkai.foi.services.personal_data import identity_view_record
from gongkai.foi.services.web import request_attachments
from gongkai.foi.transitions import (
    ACTING_ROLES,
    OPEN_STATUSES,
    Action,
    action_possible,
    available_actions,
    may_act,
    statuses_allowing,
)
from gongkai.foi.views.letters_panel import letters_context


def staff_body(user: AnyUser) -> Organisation:
    profile = getattr(user, "staff_profile", None)
    if profile is None:
        raise Http404
    return profile.organisation


def _units_for(user: User) -> list[Organisation]:
    if sees_whole_body(user) and hasattr(user, "staff_profile"):
        body = user.staff_profile.organisation
        return list(Organisation.objects.filter(parent=body, kind=Organisation.Kind.UNIT))
    profile = getattr(user, "staff_profile", None)
    return list(profile.units.all()) if profile else []


QUEUE_PAGE_SIZE = 50


def _name(names: dict[int, str], user_id: int | None) -> str:
    return names.get(user_id, "—") if user_id is not None else "—"


ALL_UNITS = "all"


@staff_required
def queue(request: StaffRequest) -> HttpResponse:
    """Open requests, soonest due first (red/amber/green), searchable; the office may see
    one unit's or every unit's at once, and has triage lists above."""
    units = _units_for(request.user)
    is_office = sees_whole_body(request.user)
    chosen = request.GET.get("unit", "")
    all_units = is_office and chosen == ALL_UNITS
    unit = (
        None
        if all_units
        else next((u for u in units if str(u.pk) == chosen), units[0] if units else None)
    )
    search = foi_forms.QueueSearchForm(request.GET or None)
    filters = search.filters()
    visible = requests_visible_to(request.user)
    scope = {"filters": filters, "user": request.user}
    # Page over a range of the count: the rows themselves are fetched in SQL pages.
    shown = unit is not None or all_units
    pager = Paginator(range(unit_queue_count(unit, **scope) if shown else 0), QUEUE_PAGE_SIZE)
    page = pager.get_page(request.GET.get("page"))
    offset = (page.number - 1) * QUEUE_PAGE_SIZE
    items = unit_queue(unit, offset=offset, limit=QUEUE_PAGE_SIZE, **scope) if shown else []
    handler_ids = {item.request.handler_id for item in items if item.request.handler_id}
    names = dict(
        StaffProfile.objects.filter(user_id__in=handler_ids).values_list("user_id", "full_name")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context: dict[str, Any] = {
        "units": units,
        "unit": unit,
        "all_units": all_units,
        "search": search,
        "query": query.urlencode(),
        "items": items,
        "page": page,
        "rows": [(item, _name(names, item.request.handler_id)) for item in items],
        "is_office": is_office,
    }
    if is_office:
        context["pending"] = list(visible.filter(status=Status.SUBMITTED).order_by("submitted_at"))
        context["unassigned"] = list(
            visible.filter(unit__isnull=True, status__in=statuses_allowing(Action.ASSIGN)).order_by(
                "received_on"
            )
        )
    return render(request, "foi/staff/queue.html", context)


@require_POST
@role_required(Role.OFFICE, Role.ADMIN)
def assign_many(request: StaffRequest) -> HttpResponse:
    """Hand several received requests to one unit at once: each through the same service as
    a single assignment (its own transaction, event and ledger entry)."""
    units = {str(u.pk): u for u in _units_for(request.user)}
    unit = units.get(request.POST.get("unit", ""))
    ids = [pk for pk in request.POST.getlist("request") if pk.isdigit()]
    if unit is None or not ids:
        messages.error(request, _("Choose the requests and the unit to assign them to."))
        return redirect("foi:queue")
    chosen = requests_visible_to(request.user).filter(
        pk__in=ids, status__in=statuses_allowing(Action.ASSIGN)
    )
    assigned, refused = [], []
    for foi_request in chosen:
        try:
            services.request_assign(request=foi_request, actor=request.user, unit=unit)
        except ServiceError as error:
            refused.append(f"{foi_request.code}：{error.message}")
        else:
            assigned.append(foi_request.code)
    if assigned:
        messages.success(
            request,
            _("Assigned to %(unit)s: %(codes)s.")
            % {"unit": unit.name, "codes": "、".join(assigned)},
        )
    for problem in refused:
        messages.error(request, problem)
    return redirect("foi:queue")


@role_required(Role.OFFICE, Role.LEADER, Role.ADMIN)
def overdue(request: StaffRequest) -> HttpResponse:
    """Open requests whose last day to reply has passed, across the body."""
    today = timezone.localdate()
    requests = (
        requests_visible_to(request.user)
        .filter(status__in=OPEN_STATUSES, reply_clock__due_on__lt=today)
        .exclude(reply_clock__state=Clock.State.STOPPED)
        .order_by("reply_clock__due_on", "id")
    )
    unconfirmed = [
        (found, confirmation_due(found))
        for found in unconfirmed_overdue(requests_visible_to(request.user), today)
    ]
    context = {"requests": list(requests), "unconfirmed": unconfirmed, "today": today}
    return render(request, "foi/staff/overdue.html", context)


@role_required(*ACTING_ROLES)
@require_http_methods(["GET", "POST"])
def register(request: StaffRequest) -> HttpResponse:
    """Intake of a request by letter, in person, fax or e-mail, with its art. 31 receipt date."""
    body = staff_body(request.user)
    if request.method == "GET":
        form = foi_forms.RegisterForm(initial={"token": foi_forms.issue_form_token()})
        return render(request, "foi/staff/register.html", {"form": form})
    form = foi_forms.RegisterForm(request.POST)
    if form.is_valid():
        key = foi_forms.read_form_token(form.cleaned_data["token"], check_speed=False)
        existing = Request.objects.filter(idempotency_key=key).first() if key else None
        if key is None:
            form.add_error(None, _("The form has expired. Please open it again."))
        elif existing is not None:
            return redirect("foi:detail", pk=request_or_404(request.user, existing.pk).pk)
        else:
            with service_errors(form, fields=foi_forms.SERVICE_ERROR_FIELDS):
                created = services.request_register(
                    actor=request.user,
                    organisation=body,
                    channel=form.cleaned_data["channel"],
                    applicant=form.applicant(),
                    received_on=form.cleaned_data["received_on"],
                    idempotency_key=key,
                )
                messages.success(
                    request, _("Request %(code)s was registered.") % {"code": created.code}
                )
                return redirect("foi:detail", pk=created.pk)
    return render(request, "foi/staff/register.html", {"form": form}, status=400)


@dataclass(frozen=True)
class ActionForm:
    """The form on the request page for one action, and the one service it calls. Whether
    the action is offered comes from ``foi.transitions``, never from here."""

    form: type[forms.BaseForm]
    call: Callable[[Request, dict[str, Any], User], object]
    needs_request: bool = False


def _remedy_decide(foi: Request, data: dict[str, Any], user: User) -> object:
    remedy = foi.remedies.get(pk=data["remedy"])  # the form offers only this request's
    return services.remedy_decide(
        remedy=remedy, actor=user, result=data["result"], decided_on=data["decided_on"]
    )


ACTIONS: dict[Action, ActionForm] = {
    Action.CONFIRM: ActionForm(
        foi_forms.ConfirmForm,
        lambda f, d, u: services.request_confirm_receipt(
            request=f, actor=u, confirmed_on=d["confirmed_on"]
        ),
    ),
    Action.ASSIGN: ActionForm(
        foi_forms.AssignForm,
        lambda f, d, u: services.request_assign(
            request=f, actor=u, unit=d["unit"], handler=d["handler"]
        ),
        needs_request=True,
    ),
    Action.SUPPLEMENT: ActionForm(
        foi_forms.SupplementForm,
        lambda f, d, u: services.request_supplement(
            request=f,
            actor=u,
            items=d["items"],
            deadline=d["deadline"],
            notified_on=d["notified_on"],
            short_period_reason=d["short_period_reason"],
        ),
    ),
    Action.SUPPLEMENT_RECEIVED: ActionForm(
        foi_forms.OnDateForm,
        lambda f, d, u: services.request_supplement_received(
            request=f, actor=u, received_on=d["on"]
        ),
    ),
    Action.SUPPLEMENT_LAPSED: ActionForm(
        foi_forms.OnDateForm,
        lambda f, d, u: services.request_supplement_lapsed(request=f, actor=u, on=d["on"]),
    ),
    Action.CONSULT: ActionForm(
        foi_forms.ConsultForm,
        lambda f, d, u: services.request_consult(
            request=f, actor=u, kind=d["kind"], party=d["party"], sent_on=d["sent_on"]
        ),
    ),
    Action.CONSULT_ANSWERED: ActionForm(
        foi_forms.ConsultAnsweredForm,
        lambda f, d, u: services.request_consult_answered(request=f, actor=u, **d),
    ),
    Action.EXTEND: ActionForm(
        foi_forms.ExtendForm,
        lambda f, d, u: services.request_extend(request=f, actor=u, **d),
        needs_request=True,
    ),
    Action.FEE_NOTICE: ActionForm(
        foi_forms.FeeNoticeForm,
        lambda f, d, u: services.request_fee_notice(
            request=f, actor=u, basis=d["basis"], pages=d["pages"] or 0, sent_on=d["sent_on"]
        ),
    ),
    Action.FEE_PAID: ActionForm(
        foi_forms.OnDateForm,
        lambda f, d, u: services.request_fee_paid(request=f, actor=u, paid_on=d["on"]),
    ),
    Action.FEE_LAPSED: ActionForm(
        foi_forms.OnDateForm,
        lambda f, d, u: services.request_fee_lapsed(request=f, actor=u, on=d["on"]),
    ),
    Action.REASONS_ASK: ActionForm(
        foi_forms.ReasonsAskForm,
        lambda f, d, u: services.request_reasons_ask(request=f, actor=u, **d),
    ),
    Action.REASONS_DECIDE: ActionForm(
        foi_forms.ReasonsDecideForm,
        lambda f, d, u: services.request_reasons_decide(request=f, actor=u, **d),
        needs_request=True,
    ),
    Action.REPLY: ActionForm(
        foi_forms.ReplyForm,
        lambda f, d, u: services.request_reply(request=f, actor=u, **d),
        needs_request=True,
    ),
    Action.CLOSE: ActionForm(
        foi_forms.CloseForm,
        lambda f, d, u: services.request_close(request=f, actor=u, note=d["note"]),
    ),
    Action.REMEDY: ActionForm(
        foi_forms.RemedyForm,
        lambda f, d, u: services.remedy_record(
            request=f, actor=u, kind=d["kind"], filed_on=d["filed_on"]
        ),
    ),
    Action.REMEDY_DECIDE: ActionForm(
        foi_forms.RemedyDecideForm,
        _remedy_decide,
        needs_request=True,
    ),
}


def _make_form(name: Action, foi: Request, data: QueryDict | None = None) -> forms.BaseForm:
    action = ACTIONS[name]
    kwargs: dict[str, Any] = {"prefix": name.value}
    if action.needs_request:
        kwargs["foi"] = foi
    return action.form(data, **kwargs)


def _fee_quotes(foi: Request) -> dict[str, int]:
    # The quote goes with the fee notice's form, when the request's state allows one.
    if not action_possible(foi, Action.FEE_NOTICE):
        return {}
    quantity, amount = services.fee_quote(foi, FeeNotice.Basis.PER_APPLICATION)
    return {"ordinal": quantity, "amount": amount}


def detail_context(
    request: StaffRequest, foi: Request, bound: dict[Action, forms.BaseForm] | None = None
) -> dict[str, Any]:
    bound = bound or {}
    identity_view_record(request=foi, viewer=request.user, channel=IdentityView.Channel.PAGE)
    available = available_actions(foi, request.user)
    # A refused form stays on the page with its message, even if no longer available.
    actions = [
        (name, name.label, bound.get(name) or _make_form(name, foi))
        for name in Action
        if name in bound or name in available
    ]
    clock = foi.reply_clock
    due_on = clock.due_on if clock and clock.state != Clock.State.STOPPED else None
    remedy_settings = settings_of(foi.organisation)
    return {
        "foi": foi,
        "events": foi.events.select_related("actor__staff_profile"),
        "actions": actions,
        "remedies": foi.remedies.all(),
        "supplements": foi.supplements.all(),
        "consultations": foi.consultations.all(),
        "fee_notices": foi.fee_notices.all(),
        "flags": request_similar(foi),
        "attachments": list(request_attachments(foi)),
        "spent": request_working_days_spent(foi),
        "due_on": due_on,
        "urgency": urgency(due_on, timezone.localdate()) if due_on else "",
        "fee_quote": _fee_quotes(foi),
        "remedy_statement": request_remedy_statement(foi, found=remedy_settings),
        "remedy_settings": remedy_settings,
        "confirm_by": confirmation_due(foi) if foi.status == Status.SUBMITTED else None,
        "can_act": may_act(request.user),
        "Action": Action,
        "EventType": RequestEvent.Type,
        **letters_context(request.user, foi),
    }


@staff_required
def detail(request: StaffRequest, pk: int) -> HttpResponse:
    foi = request_or_404(request.user, pk)
    return render(request, "foi/staff/detail.html", detail_context(request, foi))


def request_or_404(user: AnyUser, pk: int) -> Request:
    try:
        return access_request(user, pk)
    except ServiceError:
        raise Http404 from None


@staff_required
@require_POST
def act(request: StaffRequest, pk: int, name: str) -> HttpResponse:
    """Run one action; on refusal, the page again with the message, nothing changed."""
    foi = request_or_404(request.user, pk)
    if name not in Action.values:
        raise Http404
    action = Action(name)
    form = _make_form(action, foi, request.POST)
    if form.is_valid():
        with service_errors(form):
            ACTIONS[action].call(foi, form.cleaned_data, request.user)
            messages.success(request, _("Done: %(action)s.") % {"action": action.label})
            return redirect("foi:detail", pk=foi.pk)
    foi = request_or_404(request.user, pk)  # the state before the refused call, from the database
    context = detail_context(request, foi, bound={action: form})
    context["failed"] = action
    return render(request, "foi/staff/detail.html", context, status=400)


@staff_required
def attachment(request: StaffRequest, pk: int, file_pk: int) -> FileResponse:
    """A stored file of the request, only for staff who may see the request."""
    foi = request_or_404(request.user, pk)
    found = request_attachments(foi).filter(pk=file_pk).first()
    if found is None or not found.file.storage.exists(found.file.name):
        raise Http404
    identity_view_record(request=foi, viewer=request.user, channel=IdentityView.Channel.FILE)
    return FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.original_name,
        content_type=found.content_type,
    )
