"""Drafting and review pages under workbench/proactive/.

Views parse input and call services or selectors; they never change state themselves.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.access import has_role, organisation_ids_visible_to
from gongkai.core.errors import ServiceError
from gongkai.core.formflow import service_errors, service_message
from gongkai.core.views import role_required, staff_required
from gongkai.proactive import selectors, services
from gongkai.proactive.forms import (
    AttachForm,
    FindingAddForm,
    FindingForm,
    ItemForm,
    PublishForm,
    ReasonForm,
    ReviewForm,
    ReviseForm,
)
from gongkai.proactive.highlight import highlight
from gongkai.proactive.law import PUBLISHABLE_LABELS
from gongkai.proactive.models import Attachment, PrivacyFinding
from gongkai.proactive.services.privacy import current_findings, open_findings
from gongkai.proactive.timeliness import item_timeliness
from gongkai.proactive.transitions import (
    DRAFTING_ROLES,
    ORIGINAL_ROLES,
    PUBLISHING_ROLES,
    Action,
    Status,
    available_actions,
    current_step,
    may_see_original,
    review_steps,
)

drafting_required = role_required(*DRAFTING_ROLES)


@staff_required
def dashboard(request):
    context = {
        "drafts": selectors.my_drafts(request.user)[:50],
        "queue": selectors.review_queue(request.user),
        "to_publish": selectors.publish_queue(request.user)[:50],
        "can_draft": has_role(request.user, *DRAFTING_ROLES),
        "negative_due": selectors.negative_entries_due(organisation_ids_visible_to(request.user))
        if has_role(request.user, *PUBLISHING_ROLES)
        else [],
    }
    return render(request, "proactive/workbench/dashboard.html", context)


def _fields(form: ItemForm) -> services.ItemFields:
    data = dict(form.cleaned_data)
    for name in ("unit", "note"):
        data.pop(name, None)
    return services.ItemFields(**data)


def _initial(item) -> dict:
    names = [*services.items.CONTENT_FIELDS, "unit"]
    return {name: getattr(item, name) for name in names}


@drafting_required
def item_new(request):
    organisation = request.user.staff_profile.organisation.body
    form = ItemForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            item = services.item_create(
                actor=request.user,
                organisation=organisation,
                unit=form.cleaned_data["unit"],
                fields=_fields(form),
                idempotency_key=request.POST.get("idempotency_key") or None,
            )
            messages.success(request, _("The draft was saved."))
            _warn_spam(request, item)
            return redirect("proactive:item_detail", item.pk)
    return render(
        request, "proactive/workbench/edit.html", {"form": form, "key": _new_key(request)}
    )


def _new_key(request) -> str:
    import secrets

    return request.POST.get("idempotency_key") or secrets.token_hex(16)


@drafting_required
def item_edit(request, pk: int):
    item = selectors.access_item(request.user, pk)
    form = ItemForm(request.POST or None, organisation=item.organisation, initial=_initial(item))
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            services.item_update(
                item=item, actor=request.user, fields=_fields(form), note=form.cleaned_data["note"]
            )
            messages.success(request, _("The draft was saved."))
            _warn_spam(request, item)
            return redirect("proactive:item_detail", item.pk)
    return render(request, "proactive/workbench/edit.html", {"form": form, "item": item})


@staff_required
def item_detail(request, pk: int):
    item = selectors.access_item(request.user, pk)
    findings = current_findings(item)
    context = {
        "item": item,
        "steps": review_steps(item.organisation),
        "step": current_step(item),
        "decisions": item.decisions.select_related("actor__staff_profile"),
        "revisions": item.revisions.select_related("author__staff_profile"),
        "attachments": item.attachments.all(),
        "findings": findings,
        "open_count": sum(f.state == PrivacyFinding.State.OPEN for f in findings),
        "attach_form": AttachForm(),
        "publish_form": PublishForm(),
        "revise_form": ReviseForm(),
        "timeliness": item_timeliness(item) if item.label in PUBLISHABLE_LABELS else None,
        "reason_form": ReasonForm(),
        "actions": available_actions(item, request.user),
        "Action": Action,
        "can_see_original": may_see_original(request.user),
        "spam": selectors.item_spam(item),
    }
    return render(request, "proactive/workbench/detail.html", context)


def _warn_spam(request, item) -> None:
    """The drafter sees injected spam (蜘蛛池) at once, not only the reviewer later."""
    spam = selectors.item_spam(item)
    if spam:
        messages.warning(
            request,
            _("%(count)d lines look like injected spam; check them before sending the draft on.")
            % {"count": len(spam)},
        )


def _act(request, call, success: str, pk: int):
    service_message(request, call, success)
    return redirect("proactive:item_detail", pk)


@require_POST
@drafting_required
def item_attach(request, pk: int):
    item = selectors.access_item(request.user, pk)
    form = AttachForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to attach."))
        return redirect("proactive:item_detail", pk)
    upload = form.cleaned_data["file"]
    return _act(
        request,
        lambda: services.item_attach(
            item=item, actor=request.user, name=upload.name, content=upload.read()
        ),
        _("The file was attached."),
        pk,
    )


@require_POST
@drafting_required
def item_submit(request, pk: int):
    item = selectors.access_item(request.user, pk)
    return _act(
        request,
        lambda: services.item_submit(item=item, actor=request.user),
        _("Sent to review."),
        pk,
    )


@require_POST
@drafting_required
def item_revise(request, pk: int):
    item = selectors.access_item(request.user, pk)
    form = ReviseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what is to be changed and give a valid date."))
        return redirect("proactive:item_detail", pk)
    return _act(
        request,
        lambda: services.item_revise(item=item, actor=request.user, **form.cleaned_data),
        _(
            "The item is a draft again; the public keeps the published version until the change is published."
        ),
        pk,
    )


@require_POST
@role_required(*PUBLISHING_ROLES)
def item_publish(request, pk: int):
    item = selectors.access_item(request.user, pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The publication time is not valid."))
        return redirect("proactive:item_detail", pk)
    at = form.cleaned_data["publish_at"]
    message = _("Scheduled.") if at else _("Published.")
    return _act(
        request, lambda: services.item_publish(item=item, actor=request.user, at=at), message, pk
    )


@require_POST
@role_required(*PUBLISHING_ROLES)
def item_withdraw(request, pk: int):
    item = selectors.access_item(request.user, pk)
    reason = request.POST.get("reason", "")
    return _act(
        request,
        lambda: services.item_withdraw(item=item, actor=request.user, reason=reason),
        _("Withdrawn; the page now shows the notice of withdrawal."),
        pk,
    )


@staff_required
def item_review(request, pk: int):
    item = selectors.access_item(request.user, pk)
    if item.status != Status.IN_REVIEW:
        raise Http404
    form = ReviewForm(request.POST or None, initial={"step": item.review_step})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with service_errors(form):
            services.item_review(
                item=item,
                actor=request.user,
                approve=data["decision"] == "approve",
                comment=data["comment"],
                confirm_label=data["confirm_label"],
                step=data["step"],
            )
            messages.success(request, _("Your decision was recorded."))
            return redirect("proactive:workbench")
    findings = current_findings(item)
    attachments = [
        (a, highlight(a.text, [f for f in findings if f.attachment_id == a.pk], html=False))
        for a in item.attachments.all()
    ]
    context = {
        "item": item,
        "form": form,
        "step": current_step(item),
        "findings": findings,
        "open": open_findings(item),
        "body": highlight(item.body, [f for f in findings if f.attachment_id is None], html=True),
        "attachments": attachments,
        "finding_form": FindingForm(),
        "add_form": FindingAddForm(item=item),
        "spam": selectors.item_spam(item),
        "actions": available_actions(item, request.user),
        "Action": Action,
    }
    return render(request, "proactive/workbench/review.html", context)


@require_POST
@staff_required
def finding_add(request, pk: int):
    """A reviewer marks words the detector missed."""
    item = selectors.access_item(request.user, pk)
    form = FindingAddForm(request.POST, item=item)
    if not form.is_valid():
        messages.error(request, _("Give the exact words to mask and their kind."))
    else:
        data = form.cleaned_data
        attachment = item.attachments.filter(pk=data["where"]).first() if data["where"] else None
        try:
            rows = services.finding_add(
                item=item, actor=request.user, text=data["text"], type=data["type"],
                reason=data["reason"], attachment=attachment,
            )  # fmt: skip
            messages.success(
                request,
                _("Masked at %(count)d places.") % {"count": len(rows)},
            )
        except ServiceError as error:
            messages.error(request, error.message)
    target = "proactive:item_review" if item.status == Status.IN_REVIEW else "proactive:item_detail"
    return redirect(_url(target, item.pk))


@require_POST
@staff_required
def finding_decide(request, pk: int):
    finding = get_object_or_404(PrivacyFinding.objects.select_related("item"), pk=pk)
    item = selectors.access_item(request.user, finding.item_id)
    form = FindingForm(request.POST)
    if form.is_valid():
        reason = form.cleaned_data["reason"]
        try:
            if form.cleaned_data["action"] == "mask":
                services.finding_mask(finding=finding, actor=request.user, reason=reason)
            else:
                services.finding_keep(finding=finding, actor=request.user, reason=reason)
        except ServiceError as error:
            messages.error(request, error.message)
    target = "proactive:item_review" if item.status == Status.IN_REVIEW else "proactive:item_detail"
    return redirect(f"{_url(target, item.pk)}#finding-{finding.pk}")


def _url(name: str, pk: int) -> str:
    from django.urls import reverse

    return reverse(name, args=[pk])


@staff_required
def item_diff(request, pk: int):
    item = selectors.access_item(request.user, pk)
    revisions = list(item.revisions.all())
    if len(revisions) < 2:
        return render(
            request, "proactive/workbench/diff.html", {"item": item, "revisions": revisions}
        )
    by_number = {r.number: r for r in revisions}
    try:
        older = by_number[int(request.GET.get("a", revisions[-2].number))]
        newer = by_number[int(request.GET.get("b", revisions[-1].number))]
    except (KeyError, ValueError):
        raise Http404 from None
    context = {
        "item": item,
        "revisions": revisions,
        "older": older,
        "newer": newer,
        "lines": selectors.revision_diff(older, newer),
    }
    return render(request, "proactive/workbench/diff.html", context)


@role_required(*ORIGINAL_ROLES)
def attachment_original(request, pk: int):
    """The original file, unredacted: staff with the right role only."""
    attachment = get_object_or_404(Attachment, pk=pk)
    selectors.access_item(request.user, attachment.item_id)
    content = attachment.file.read()
    response = HttpResponse(content, content_type="application/octet-stream")
    response["Content-Disposition"] = (
        f'attachment; filename="original-{attachment.pk}{_suffix(attachment)}"'
    )
    return response


def _suffix(attachment: Attachment) -> str:
    from pathlib import Path

    return Path(attachment.name).suffix.lower()


@role_required(*ORIGINAL_ROLES)
def item_original(request, pk: int):
    """The body as drafted, before masking: staff with the right role only."""
    item = selectors.access_item(request.user, pk)
    return render(request, "proactive/workbench/original.html", {"item": item})
