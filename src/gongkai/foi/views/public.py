"""The portal's pages: apply online (条例 art. 29), the receipt, and tracking by code and secret.

Nobody reads an applicant's data without the secret: the receipt is shown only to the
browser session that submitted, the secret only once, and tracking needs code and secret,
with failed attempts limited per client address and per code (``services.tracking``).
"""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from gongkai.core.clientip import client_address
from gongkai.core.errors import ServiceError
from gongkai.core.formflow import service_errors
from gongkai.core.models import Clock
from gongkai.core.selectors import site_organisation
from gongkai.foi.forms import (
    SERVICE_ERROR_FIELDS,
    ApplyForm,
    TrackForm,
    issue_form_token,
    read_form_token,
)
from gongkai.foi.models import Letter, LetterKind, Request, RequestEvent
from gongkai.foi.selectors import request_remedy_statement
from gongkai.foi.services.tracking import TooManyAttemptsError, request_track
from gongkai.foi.services.web import request_submit_online

RECEIPTS_SESSION_KEY = "foi_receipts"
# The requests this browser session proved it may follow (code and secret): their letters.
TRACKED_SESSION_KEY = "foi_tracked"
# What the applicant sees of the timeline: acts towards them, never internal assignments.
PUBLIC_EVENTS = (
    RequestEvent.Type.SUBMITTED,
    RequestEvent.Type.RECEIVED,
    RequestEvent.Type.REGISTERED,
    RequestEvent.Type.SUPPLEMENT_REQUESTED,
    RequestEvent.Type.SUPPLEMENT_RECEIVED,
    RequestEvent.Type.SUPPLEMENT_LAPSED,
    RequestEvent.Type.CONSULTED,
    RequestEvent.Type.CONSULTATION_ANSWERED,
    RequestEvent.Type.EXTENDED,
    RequestEvent.Type.FEE_NOTIFIED,
    RequestEvent.Type.FEE_PAID,
    RequestEvent.Type.FEE_LAPSED,
    RequestEvent.Type.REPLIED,
    RequestEvent.Type.CLOSED,
)


def _render_apply(http_request, form, *, status=200, error=""):
    context = {"form": form, "error": error, "organisation": site_organisation()}
    return render(http_request, "foi/apply.html", context, status=status)


def _remember_receipt(http_request, code: str, secret: str | None) -> None:
    receipts = dict(http_request.session.get(RECEIPTS_SESSION_KEY, {}))
    if code not in receipts or secret:
        receipts[code] = secret
    http_request.session[RECEIPTS_SESSION_KEY] = receipts


@never_cache
@require_http_methods(["GET", "POST"])
def apply(http_request):
    organisation = site_organisation()
    if organisation is None:
        raise Http404
    if http_request.method == "GET":
        return _render_apply(http_request, ApplyForm(initial={"token": issue_form_token()}))
    form = ApplyForm(http_request.POST, http_request.FILES)
    if form.is_trapped:
        return _render_apply(
            http_request,
            ApplyForm(initial={"token": issue_form_token()}),
            status=400,
            error=_("The application could not be accepted. Please fill in the form again."),
        )
    if not form.is_valid():
        return _render_apply(http_request, form, status=400)
    key = read_form_token(form.cleaned_data["token"], check_speed=True)
    if key is None:
        fresh = ApplyForm(http_request.POST, http_request.FILES)
        fresh.data = fresh.data.copy()
        fresh.data["token"] = issue_form_token()
        return _render_apply(
            http_request,
            fresh,
            status=400,
            error=_(
                "The form was sent too quickly or has expired. Please check it and send it again."
            ),
        )
    upload = form.cleaned_data.get("attachment")
    with service_errors(form, fields=SERVICE_ERROR_FIELDS):
        submission = request_submit_online(
            organisation=organisation,
            applicant=form.applicant(),
            idempotency_key=key,
            secret=form.cleaned_data["secret"],
            attachments=(upload,) if upload else (),
        )
        code = submission.request.code
        sent = http_request.session.get(RECEIPTS_SESSION_KEY, {})
        if not submission.created and code not in sent:
            return render(http_request, "foi/already_submitted.html", status=409)
        _remember_receipt(http_request, code, submission.secret)
        return redirect("foi:receipt", code=code)
    # refused: the form again with the refusal on it, as for any other invalid application
    return _render_apply(http_request, form, status=400)


@never_cache
def receipt(http_request, code: str):
    """The tracking code, and the secret the first time only."""
    receipts = dict(http_request.session.get(RECEIPTS_SESSION_KEY, {}))
    if code not in receipts:
        raise Http404
    secret = receipts[code]
    receipts[code] = None
    http_request.session[RECEIPTS_SESSION_KEY] = receipts
    request = Request.objects.filter(code=code).select_related("organisation").first()
    if request is None:
        raise Http404
    return render(http_request, "foi/receipt.html", {"foi": request, "secret": secret})


def tracking_context(request: Request) -> dict:
    events = [e for e in request.events.all() if e.type in PUBLIC_EVENTS]
    clock = request.reply_clock
    return {
        "foi": request,
        "events": events,
        "due_on": clock.due_on if clock and clock.state != Clock.State.STOPPED else None,
        "clock_paused": bool(clock and clock.state == Clock.State.PAUSED),
        "supplements": list(request.supplements.all()),
        "fee_notices": list(request.fee_notices.all()),
        "remedy_statement": request_remedy_statement(request) if request.replied_on else "",
        "letters": list(_applicant_letters().filter(request=request)),
        "EventType": RequestEvent.Type,
    }


def _applicant_letters():
    """Letters addressed to the applicant: all but the letter to a third party."""
    return Letter.objects.exclude(kind=LetterKind.THIRD_PARTY).order_by("issued_on", "id")


@never_cache
@require_http_methods(["GET", "POST"])
def track(http_request):
    if http_request.method == "GET":
        return render(http_request, "foi/track.html", {"form": TrackForm()})
    form = TrackForm(http_request.POST)
    if not form.is_valid():
        return render(http_request, "foi/track.html", {"form": form}, status=400)
    try:
        found = request_track(
            code=form.cleaned_data["code"],
            secret=form.cleaned_data["secret"],
            client=client_address(http_request),
        )
    except TooManyAttemptsError as error:
        context = {"form": form, "error": error.message}
        return render(http_request, "foi/track.html", context, status=429)
    except ServiceError as error:
        context = {"form": TrackForm(), "error": error.message}
        return render(http_request, "foi/track.html", context, status=404)
    tracked = set(http_request.session.get(TRACKED_SESSION_KEY, []))
    http_request.session[TRACKED_SESSION_KEY] = sorted(tracked | {found.pk})
    return render(http_request, "foi/status.html", tracking_context(found))


@never_cache
def letter(http_request, pk: int):
    """A letter of a request this session looked up with its code and secret."""
    tracked = http_request.session.get(TRACKED_SESSION_KEY, [])
    found = _applicant_letters().filter(pk=pk, request_id__in=tracked).first()
    if found is None:
        raise Http404
    document = found.pdf or found.file
    name = f"{found.number}.{document.name.rsplit('.', 1)[-1]}"
    return FileResponse(document.open("rb"), as_attachment=True, filename=name)
