"""Workbench pages for consultations: create, open, close, moderate, decide, report."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.views import role_required
from gongkai.participation import selectors as sel
from gongkai.participation import services
from gongkai.participation.exports import comments_csv_response, comments_xlsx_response
from gongkai.participation.forms import (
    AttachmentForm,
    ConsultationForm,
    DecisionForm,
    ReasonForm,
    ReportForm,
    WordForm,
)
from gongkai.participation.models import Comment, ModerationWord
from gongkai.participation.transitions import (
    STAFF,
    comment_actions,
    consultation_actions,
)
from gongkai.participation.views.common import (
    act,
    body_of,
    create_page,
    form_error,
    found,
    list_page,
    office,
    page_of,
    staff,
)


@staff
def consultations(request):
    queryset = sel.consultations_visible_to(request.user)
    return list_page(request, queryset, "participation/workbench/consultations.html")


@role_required(*STAFF)
def consultation_new(request):
    return create_page(
        request, ConsultationForm, services.consultation_create,
        template="participation/workbench/consultation_new.html",
        then="participation:wb_consultation",
    )  # fmt: skip


@staff
def consultation_detail(request, pk: int):
    consultation = found(sel.access_consultation, request.user, pk)
    minimum, provisional = services.minimum_close(consultation.kind, consultation.opens_on)
    context = {
        "consultation": consultation,
        "provisions": sel.provisions_with_counts(consultation),
        "report": sel.adoption_report(consultation),
        "attachment_form": AttachmentForm(),
        "report_form": ReportForm(),
        "actions": consultation_actions(consultation, request.user),
        "minimum_close": minimum,
        "provisional": provisional,
    }
    return render(request, "participation/workbench/consultation.html", context)


@staff
@require_POST
def consultation_action(request, pk: int, action: str):
    consultation = found(sel.access_consultation, request.user, pk)
    user = request.user
    if action == "open":
        act(
            request,
            lambda: services.consultation_open(actor=user, consultation=consultation),
            _("The consultation is open."),
        )
    elif action == "close":
        act(
            request,
            lambda: services.consultation_close(actor=user, consultation=consultation),
            _("The consultation is closed."),
        )
    elif action == "attach":
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            act(
                request,
                lambda: services.consultation_attach(
                    actor=user, consultation=consultation, **form.cleaned_data
                ),
                _("The attachment was added."),
            )
        else:
            act(request, form_error, "")
    elif action == "report":
        report_form = ReportForm(request.POST)
        if report_form.is_valid():
            act(
                request,
                lambda: services.consultation_report_publish(
                    actor=user, consultation=consultation, **report_form.cleaned_data
                ),
                _("The adoption report is published."),
            )
        else:
            act(request, form_error, "")
    return redirect("participation:wb_consultation", pk=pk)


@staff
def consultation_comments(request, pk: int):
    consultation = found(sel.access_consultation, request.user, pk)
    status, decision = request.GET.get("status", ""), request.GET.get("decision", "")
    comments = sel.comments_for_staff(consultation, status=status, decision=decision)
    page = page_of(request, comments, sel.COMMENTS_PER_PAGE)
    for comment in page.object_list:
        comment.consultation = consultation  # already read: the actions ask its status
        comment.actions = comment_actions(comment, request.user)
    context = {
        "consultation": consultation,
        "page": page,
        "status": status,
        "decision": decision,
        "statuses": Comment.Status.choices,
        "decisions": Comment.Decision.choices,
        "decision_form": DecisionForm(),
        "reason_form": ReasonForm(),
    }
    return render(request, "participation/workbench/comments.html", context)


@staff
@require_POST
def comment_action(request, pk: int, action: str):
    comment = found(sel.access_comment, request.user, pk)
    user = request.user
    if action == "decide":
        form = DecisionForm(request.POST)
        if form.is_valid():
            act(
                request,
                lambda: services.comment_decide(actor=user, comment=comment, **form.cleaned_data),
                _("The decision is recorded."),
            )
        else:
            act(request, form_error, "")
    elif action in ("publish", "reject"):
        reason = request.POST.get("reason", "")
        act(
            request,
            lambda: services.comment_moderate(
                actor=user, comment=comment, publish=action == "publish", reason=reason
            ),
            _("The comment is moderated."),
        )
    back = request.POST.get("next", "")
    if back.startswith("/workbench/"):
        return redirect(back)
    return redirect("participation:wb_comments", pk=comment.consultation_id)


@staff
def consultation_export(request, pk: int, fmt: str):
    consultation = found(sel.access_consultation, request.user, pk)
    comments = sel.comments_for_staff(consultation)
    filename = f"comments-{consultation.pk}"
    if fmt == "xlsx":
        return comments_xlsx_response(comments, filename)
    return comments_csv_response(comments, filename)


@office
def moderation_words(request):
    body = body_of(request.user)
    form = WordForm(request.POST or None)
    if request.method == "POST":
        if "remove" in request.POST:
            word = ModerationWord.objects.filter(
                organisation=body, pk=request.POST["remove"]
            ).first()
            if word is not None:
                act(
                    request,
                    lambda: services.moderation_word_remove(actor=request.user, word=word),
                    _("The word was removed."),
                )
        elif form.is_valid():
            act(
                request,
                lambda: services.moderation_word_add(
                    actor=request.user, organisation=body, word=form.cleaned_data["word"]
                ),
                _("The word was added."),
            )
        return redirect("participation:wb_words")
    words = ModerationWord.objects.filter(organisation=body)
    return render(request, "participation/workbench/words.html", {"form": form, "words": words})
