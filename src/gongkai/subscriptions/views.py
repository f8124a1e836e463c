"""Subscribing on the portal (no account) and the office's list (addresses masked).

Views parse input and call selectors or services; they never write models.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.core.clientip import client_address
from gongkai.core.errors import ServiceError
from gongkai.core.formflow import service_errors
from gongkai.core.selectors import site_organisation
from gongkai.core.views import role_required
from gongkai.foi.services.tracking import request_track
from gongkai.subscriptions import selectors, services
from gongkai.subscriptions.forms import RequestSubscribeForm, SubscribeForm
from gongkai.subscriptions.models import Kind, State, Subscription


def _body():
    body = site_organisation()
    if body is None:
        raise Http404
    return body


@require_http_methods(["GET", "POST"])
def subscribe(request):
    body = _body()
    form = SubscribeForm(request.POST or None, topics=selectors.topics())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with service_errors(form):
            subscription = services.subscription_create(
                organisation=body,
                channel=data["channel"],
                address=data["address"],
                kind=data["kind"],
                frequency=data["frequency"],
                section=data["section"],
                topic=form.topics.get(data["topic"]),
                keyword=data["keyword"],
                client=client_address(request),
            )
            return render(request, "subscriptions/sent.html", {"subscription": subscription})
    context = {"form": form, "request_form": RequestSubscribeForm(), "body": body}
    return render(request, "subscriptions/subscribe.html", context)


@require_http_methods(["GET", "POST"])
def subscribe_request(request):
    body = _body()
    form = RequestSubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with service_errors(form):
            found = request_track(
                code=data["code"], secret=data["secret"], client=client_address(request)
            )
            subscription = services.subscription_create(
                organisation=found.organisation.body,
                channel=data["channel"],
                address=data["address"],
                kind=Kind.REQUEST,
                request=found,
                client=client_address(request),
            )
            return render(request, "subscriptions/sent.html", {"subscription": subscription})
    context = {"form": SubscribeForm(topics=selectors.topics()), "request_form": form, "body": body}
    return render(request, "subscriptions/subscribe.html", context)


@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """GET shows one button (a mail scanner opening the link confirms nothing); POST confirms."""
    error = subscription = None
    if request.method == "POST":
        try:
            subscription = services.subscription_confirm(token=token)
        except ServiceError as problem:
            error = problem.message
    context = {"error": error, "subscription": subscription, "done": subscription is not None}
    return render(request, "subscriptions/confirm.html", context)


@require_http_methods(["GET", "POST"])
def end(request, token: str):
    """The unsubscribe link: one button, then the address is erased."""
    error = subscription = None
    if request.method == "POST":
        try:
            subscription = services.subscription_end(token=token)
        except ServiceError as problem:
            error = problem.message
    context = {"error": error, "done": subscription is not None}
    return render(request, "subscriptions/end.html", context)


office_required = role_required(*services.OFFICE_ROLES)


def _office_body(request):
    return request.user.staff_profile.organisation.body


@office_required
def manage(request):
    body = _office_body(request)
    page = Paginator(selectors.subscriptions_of(body), 50).get_page(request.GET.get("page"))
    rows = [
        {
            "subscription": s,
            "address": selectors.mask_address(s.address),
            "target": selectors.target_label(s),
        }
        for s in page.object_list
    ]
    context = {
        "page": page,
        "rows": rows,
        "counts": selectors.live_counts(body),
        "states": State,
    }
    return render(request, "subscriptions/workbench/manage.html", context)


@office_required
@require_POST
def manage_end(request, pk: int):
    subscription = get_object_or_404(Subscription, pk=pk, organisation=_office_body(request))
    services.subscription_end(subscription=subscription, actor=request.user)
    return redirect("subscriptions:manage")
