"""Configuration pages under workbench/proactive/settings/ (openness office): the topic and
genre vocabularies and the body's review steps; plus deleting a draft and removing a file
from a draft on the item page. Views parse input and call services."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.formflow import service_errors, service_message
from gongkai.core.views import role_required
from gongkai.proactive import selectors, services
from gongkai.proactive.forms import PrivacyRuleForm, ReviewStepsForm, VocabularyNameForm
from gongkai.proactive.models import Attachment, PrivacyRule
from gongkai.proactive.services.settings import VOCABULARIES
from gongkai.proactive.transitions import DRAFTING_ROLES, PUBLISHING_ROLES, review_steps

office_required = role_required(*PUBLISHING_ROLES)
drafting_required = role_required(*DRAFTING_ROLES)


def _body(request):
    return request.user.staff_profile.organisation.body


def _kind_title(kind: str) -> str:
    return {"topic": _("Topic categories"), "genre": _("Genre categories")}[kind]


@office_required
def index(request):
    context = {
        "vocabularies": [(kind, _kind_title(kind)) for kind in VOCABULARIES],
        "steps": review_steps(_body(request)),
    }
    return render(request, "proactive/settings/index.html", context)


def _vocabulary_post(request, kind: str) -> tuple[VocabularyNameForm, int | None, str | None]:
    """Handle an add or rename; returns (form, pk of the row in error, success message)."""
    form = VocabularyNameForm(request.POST)
    action = request.POST.get("action")
    pk = None
    if action == "rename":
        try:
            pk = int(request.POST.get("pk", ""))
        except ValueError:
            raise Http404 from None
    elif action != "add":
        raise Http404
    if not form.is_valid():
        return form, pk, None
    name = form.cleaned_data["name"]
    with service_errors(form, "name"):
        if pk is None:
            services.vocabulary_add(actor=request.user, kind=kind, name=name)
            return form, None, _("“%(name)s” was added.") % {"name": name}
        services.vocabulary_rename(actor=request.user, kind=kind, entry_id=pk, name=name)
        return form, None, _("The entry is now called “%(name)s”.") % {"name": name}
    return form, pk, None


@office_required
def vocabulary(request, kind: str):
    if kind not in VOCABULARIES:
        raise Http404
    add_form, error_pk = VocabularyNameForm(), None
    if request.method == "POST":
        form, error_pk, success = _vocabulary_post(request, kind)
        if success:
            messages.success(request, success)
            return redirect("proactive:settings_vocabulary", kind)
        if error_pk is None:
            add_form = form
        else:
            messages.error(request, " ".join(str(e) for e in form.errors.get("name", [])))
    entries = VOCABULARIES[kind].objects.order_by("order", "id")
    context = {
        "kind": kind,
        "title": _kind_title(kind),
        "entries": entries,
        "add_form": add_form,
        "error_pk": error_pk,
    }
    return render(request, "proactive/settings/vocabulary.html", context)


@office_required
def review_steps_edit(request):
    body = _body(request)
    current = review_steps(body)
    data = request.POST if request.method == "POST" else None  # an all-blank POST is bad input
    form = ReviewStepsForm(data, initial=ReviewStepsForm.initial_for(current))
    if request.method == "POST" and form.is_valid():
        steps = form.steps()
        if steps == [(s.kind, s.role) for s in current]:
            messages.info(request, _("The review steps are unchanged."))
            return redirect("proactive:settings_review_steps")
        with service_errors(form):
            services.review_steps_configure(actor=request.user, organisation=body, steps=steps)
            messages.success(request, _("The review steps were saved."))
            return redirect("proactive:settings_review_steps")
    rows = [(form[f"kind_{i}"], form[f"role_{i}"]) for i in range(1, ReviewStepsForm.ROWS + 1)]
    context = {"form": form, "rows": rows, "steps": current}
    return render(request, "proactive/settings/review_steps.html", context)


@require_POST
@drafting_required
def item_delete(request, pk: int):
    item = selectors.access_item(request.user, pk)
    title = item.title
    deleted = service_message(
        request,
        lambda: services.item_delete(item=item, actor=request.user),
        _("The draft “%(title)s” was deleted.") % {"title": title},
    )
    return redirect("proactive:workbench") if deleted else redirect("proactive:item_detail", pk)


@require_POST
@drafting_required
def attachment_remove(request, pk: int):
    attachment = get_object_or_404(Attachment.objects.select_related("item"), pk=pk)
    selectors.access_item(request.user, attachment.item_id)
    name, item_pk = attachment.name, attachment.item_id
    service_message(
        request,
        lambda: services.item_detach(attachment=attachment, actor=request.user),
        _("“%(name)s” was removed.") % {"name": name},
    )
    return redirect("proactive:item_detail", item_pk)


@office_required
def privacy_rules(request):
    """The office's rule list (text or pattern, with reason), applied at every scan."""
    body = _body(request)
    form = PrivacyRuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            services.privacy_rule_create(actor=request.user, organisation=body, **form.cleaned_data)
            messages.success(request, _("The rule was added; it applies from the next scan."))
            return redirect("proactive:settings_privacy_rules")
    rules = PrivacyRule.objects.filter(organisation=body).select_related(
        "created_by__staff_profile"
    )
    return render(request, "proactive/settings/privacy_rules.html", {"form": form, "rules": rules})


@require_POST
@office_required
def privacy_rule_deactivate(request, pk: int):
    rule = get_object_or_404(PrivacyRule, pk=pk, organisation=_body(request))
    service_message(
        request,
        lambda: services.privacy_rule_deactivate(actor=request.user, rule=rule),
        _("The rule no longer applies."),
    )
    return redirect("proactive:settings_privacy_rules")
