"""Workbench pages of letters (告知书) and of art. 44.

On the request page: generate each applicable letter, download it (only through
``access_letter``, never a public media URL), record its delivery (送达), and, for the office,
hand a replied request to proactive disclosure. For the office, a page of the body's
templates (upload per kind, download the default) and its letter number prefix.
Every write is one service call; a refusal shows its message and changes nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.http import require_GET, require_POST

from gongkai.core.errors import ServiceError
from gongkai.core.views import role_required, staff_required
from gongkai.foi import handover, services
from gongkai.foi.letter_templates import default_template
from gongkai.foi.letters.forms import (
    BodySettingsForm,
    LetterDeliveryForm,
    LetterGenerateForm,
    LetterNumberingForm,
    LetterTemplateForm,
)
from gongkai.foi.letters.numbering import prefix_of
from gongkai.foi.letters.selectors import access_letter, converter_available, template_of
from gongkai.foi.models import LetterKind
from gongkai.foi.selectors import settings_of
from gongkai.foi.transitions import ACTING_ROLES
from gongkai.foi.views.letters_panel import OFFICE_ROLES, may_make_proactive
from gongkai.foi.views.staff import detail_context, request_or_404, staff_body

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _refused(request, foi, message: str, *, form=None):
    """The request page again, from the database, with the service's message."""
    foi = request_or_404(request.user, foi.pk)
    context = detail_context(request, foi)
    context.update({"failed": "letters", "letter_error": message})
    if form is not None:
        context["delivery_form"] = form
    return render(request, "foi/staff/detail.html", context, status=400)


def _first_error(form) -> str:
    return next(iter(form.errors.values()))[0]


@role_required(*ACTING_ROLES)
@require_POST
def letter_generate(request, pk: int):
    foi = request_or_404(request.user, pk)
    form = LetterGenerateForm(request.POST)
    if not form.is_valid():
        return _refused(request, foi, _("Choose a kind of letter."))
    try:
        letter = services.letter_generate(
            request=foi, kind=form.cleaned_data["kind"], actor=request.user
        )
    except ServiceError as error:
        return _refused(request, foi, error.message)
    messages.success(request, _("Letter %(number)s is ready.") % {"number": letter.number})
    return redirect("foi:detail", pk=foi.pk)


def _letter_of(request, pk: int, letter_pk: int):
    foi = request_or_404(request.user, pk)
    try:
        letter = access_letter(request.user, letter_pk)
    except ServiceError:
        raise Http404 from None
    if letter.request_id != foi.pk:
        raise Http404
    return foi, letter


@staff_required
@require_GET
def letter_file(request, pk: int, letter_pk: int, fmt: str):
    """The stored .docx or PDF of a letter, for staff who may see its request."""
    _foi, letter = _letter_of(request, pk, letter_pk)
    stored = letter.file if fmt == "docx" else letter.pdf if fmt == "pdf" else None
    if not stored:
        raise Http404
    return FileResponse(stored.open("rb"), as_attachment=True, filename=f"{letter.number}.{fmt}")


@role_required(*ACTING_ROLES)
@require_POST
def letter_delivery(request, pk: int, letter_pk: int):
    foi, letter = _letter_of(request, pk, letter_pk)
    form = LetterDeliveryForm(request.POST, prefix="delivery")
    if not form.is_valid():
        return _refused(request, foi, _first_error(form), form=form)
    try:
        services.letter_record_delivery(
            letter=letter,
            delivered_on=form.cleaned_data["delivered_on"],
            method=form.cleaned_data["method"],
            actor=request.user,
        )
    except ServiceError as error:
        return _refused(request, foi, error.message, form=form)
    messages.success(
        request, _("The delivery of letter %(number)s was recorded.") % {"number": letter.number}
    )
    return redirect("foi:detail", pk=foi.pk)


@role_required(*OFFICE_ROLES)
@require_POST
def make_proactive(request, pk: int):
    """条例 art. 44: a draft information item from a replied request, in proactive's flow."""
    foi = request_or_404(request.user, pk)
    receiver = handover.receiver()
    if receiver is None or not may_make_proactive(request.user, foi):
        return _refused(
            request, foi, _("Only information that was disclosed can be made proactive.")
        )
    try:
        draft = receiver.draft(request=foi, actor=request.user)
    except ServiceError as error:
        return _refused(request, foi, error.message)
    messages.success(
        request, _("A draft for proactive disclosure was made from %(code)s.") % {"code": foi.code}
    )
    return redirect(draft.url)


def _settings_context(request, **forms) -> dict:
    body = staff_body(request.user)
    templates = []
    for kind, label in LetterKind.choices:
        templates.append((kind, label, template_of(body, kind)))
    return {
        "body": body,
        "templates": templates,
        "prefix": prefix_of(body),
        "pdf_available": converter_available(),
        "template_form": forms.get("template_form") or LetterTemplateForm(prefix="template"),
        "numbering_form": forms.get("numbering_form")
        or LetterNumberingForm(prefix="numbering", initial={"prefix": prefix_of(body)}),
        "body_settings": settings_of(body),
        "settings_form": forms.get("settings_form") or _settings_form(body),
    }


def _settings_form(body) -> BodySettingsForm:
    found = settings_of(body)
    initial = (
        {
            "review_authority": found.review_authority,
            "court": found.court,
            "supplement_minimum_days": found.supplement_minimum_days,
        }
        if found
        else {}
    )
    return BodySettingsForm(prefix="settings", initial=initial)


@role_required(*OFFICE_ROLES)
@require_POST
def body_settings_set(request):
    form = BodySettingsForm(request.POST, prefix="settings")
    if not form.is_valid():
        return _settings_refused(request, _first_error(form), settings_form=form)
    try:
        services.body_settings_set(
            organisation=staff_body(request.user), actor=request.user, **form.cleaned_data
        )
    except ServiceError as error:
        return _settings_refused(request, error.message, settings_form=form)
    messages.success(request, _("The disclosure settings were saved."))
    return redirect("foi:letter_settings")


@role_required(*OFFICE_ROLES)
@require_GET
def letter_settings(request):
    return render(request, "foi/staff/letter_settings.html", _settings_context(request))


def _settings_refused(request, message: str, **forms):
    context = _settings_context(request, **forms)
    context["error"] = message
    return render(request, "foi/staff/letter_settings.html", context, status=400)


@role_required(*OFFICE_ROLES)
@require_POST
def template_upload(request):
    form = LetterTemplateForm(request.POST, request.FILES, prefix="template")
    if not form.is_valid():
        return _settings_refused(request, _first_error(form), template_form=form)
    try:
        services.letter_template_upload(
            organisation=staff_body(request.user),
            kind=form.cleaned_data["kind"],
            data=form.cleaned_data["file"].read(),
            actor=request.user,
        )
    except ServiceError as error:
        return _settings_refused(request, error.message, template_form=form)
    messages.success(request, _("The template was saved."))
    return redirect("foi:letter_settings")


@role_required(*OFFICE_ROLES)
@require_POST
def numbering_set(request):
    form = LetterNumberingForm(request.POST, prefix="numbering")
    if not form.is_valid():
        return _settings_refused(request, _first_error(form), numbering_form=form)
    try:
        services.letter_numbering_set(
            organisation=staff_body(request.user),
            prefix=form.cleaned_data["prefix"],
            actor=request.user,
        )
    except ServiceError as error:
        return _settings_refused(request, error.message, numbering_form=form)
    messages.success(request, _("The letter number prefix was saved."))
    return redirect("foi:letter_settings")


@role_required(*OFFICE_ROLES)
@require_GET
def template_download(request, kind: str, which: str):
    """The shipped default template of ``kind``, or the body's own one."""
    if kind not in LetterKind.values:
        raise Http404
    if which == "default":
        with override(settings.LANGUAGE_CODE):
            data = default_template(kind)
        response = HttpResponse(data, content_type=DOCX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="default-{kind}.docx"'
        return response
    uploaded = template_of(staff_body(request.user), kind) if which == "current" else None
    if uploaded is None:
        raise Http404
    return FileResponse(uploaded.file.open("rb"), as_attachment=True, filename=f"{kind}.docx")
