"""Sign-in with a second factor, two-factor set-up and the staff member's own account page.

Sign-in has two steps when the second factor is due (``twofactor.second_factor_due``): the
password (django-axes counts failures), then a code from the authenticator app or a backup
code. Staff whose role requires the second factor and have none set it up right after the
password step, before any page of the workbench opens.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import User
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice

from gongkai.core import twofactor
from gongkai.core.account_forms import CodeForm, EnrolForm
from gongkai.core.errors import ServiceError
from gongkai.core.formflow import service_errors
from gongkai.core.middleware import EXPIRED, SECOND_FACTOR
from gongkai.core.services.accounts import (
    two_factor_backup_codes_renew,
    two_factor_device_start,
    two_factor_enrol,
)
from gongkai.core.types import StaffRequest
from gongkai.core.views import staff_required


class StaffLoginView(LoginView):
    """The password step; it signs in directly only those who need no second factor."""

    template_name = "core/login.html"
    authentication_form = AuthenticationForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["expired"] = self.request.session.pop(EXPIRED, False)
        return context

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        if not twofactor.second_factor_due(user):
            return super().form_valid(form)
        twofactor.pending_start(
            self.request.session,
            user=user,
            backend=user.backend,  # type: ignore[attr-defined]  # set by authenticate()
            next_url=self.get_redirect_url(),
        )
        if twofactor.second_factor_enrolled(user):
            return redirect("core:login_code")
        return redirect("core:two_factor_enrol")


def _finish_login(request: HttpRequest, user: User, device: Device) -> None:
    data = twofactor.pending_data(request.session)
    twofactor.pending_clear(request.session)
    # django-otp records the device in the session when the login signal fires.
    setattr(user, "otp_device", device)  # noqa: B010
    auth_login(request, user, backend=data.get("backend"))
    otp_login(request, device)


def _next_url(request: HttpRequest, data: dict[str, Any]) -> str:
    url = data.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return resolve_url("core:workbench")


@never_cache
@require_http_methods(["GET", "POST"])
def login_code(request: HttpRequest) -> HttpResponse:
    """The second step: a code from the app or a backup code."""
    user = twofactor.pending_user(request.session)
    if user is None:
        messages.info(request, _("Please sign in again."))
        return redirect("core:login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, twofactor.normalise_code(form.cleaned_data["code"]))
        if device is not None:
            target = _next_url(request, twofactor.pending_data(request.session))
            _finish_login(request, user, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    _(
                        "You signed in with a backup code; %(count)d are left. "
                        "Make new ones on your account page if you run short."
                    )
                    % {"count": twofactor.backup_codes_left(user)},
                )
            return redirect(target)
        form.add_error(
            "code",
            _(
                "The code is not right or has expired. Enter the code the app shows now; "
                "after several wrong codes you must wait a little before trying again."
            ),
        )
    return render(request, "core/login_code.html", {"form": form, "pending": user})


def _enrolling_user(request: HttpRequest) -> tuple[User | None, bool]:
    """Who is setting up: a signed-in user, or one between password and set-up at sign-in."""
    if request.user.is_authenticated:
        return request.user, False
    user = twofactor.pending_user(request.session)
    # An account that already has a second factor must give it; it cannot add a new one here.
    if user is None or twofactor.second_factor_enrolled(user):
        return None, True
    return user, True


@never_cache  # the page carries the secret key, its answer the backup codes
@require_http_methods(["GET", "POST"])
def two_factor_enrol_view(request: HttpRequest) -> HttpResponse:
    user, at_sign_in = _enrolling_user(request)
    if user is None:
        return redirect("core:login")
    device = two_factor_device_start(user=user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form, "code"):
            codes = two_factor_enrol(user=user, device=device, code=form.cleaned_data["code"])
            target = resolve_url("core:workbench")
            if at_sign_in:
                target = _next_url(request, twofactor.pending_data(request.session))
                _finish_login(request, user, device)
            else:
                otp_login(request, device)
                request.session.pop(SECOND_FACTOR, None)
            return render(
                request,
                "core/backup_codes.html",
                {"codes": codes, "target": target, "just_enrolled": True},
            )
    context = {
        "form": form,
        "qr": twofactor.totp_qr_data_uri(device),
        "key": twofactor.totp_key_text(device),
        "at_sign_in": at_sign_in,
        "required": twofactor.second_factor_required(user),
        "enrolled": twofactor.second_factor_enrolled(user),
    }
    return render(request, "core/two_factor_enrol.html", context)


@staff_required
def account(request: StaffRequest) -> HttpResponse:
    user = request.user
    device = twofactor.totp_device(user)
    context = {
        "device": device,
        "backup_left": twofactor.backup_codes_left(user),
        "required": twofactor.second_factor_required(user),
        "profile": getattr(user, "staff_profile", None),
    }
    return render(request, "core/account.html", context)


@never_cache
@staff_required
@require_http_methods(["POST"])
def backup_codes_renew(request: StaffRequest) -> HttpResponse:
    try:
        codes = two_factor_backup_codes_renew(user=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("core:account")
    return render(
        request,
        "core/backup_codes.html",
        {"codes": codes, "target": reverse("core:account"), "just_enrolled": False},
    )
