"""Public pages under hdjl/ (互动交流): consultations, the mailbox, proposal replies."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.core.bounds import parse_id
from gongkai.core.formflow import service_errors
from gongkai.core.selectors import site_organisation
from gongkai.participation import selectors as sel
from gongkai.participation import services
from gongkai.participation.forms import CommentForm, FollowForm, LetterForm, RatingForm
from gongkai.participation.models import Comment, Consultation, LetterCategory
from gongkai.participation.services.consultation import comment_author_display
from gongkai.participation.transitions import consultation_has_report, letter_writer_actions
from gongkai.participation.views.common import found, page_of


def home(request):
    context = {
        "consultations": sel.consultations_public().filter(status=Consultation.Status.OPEN)[:5],
        "letters": sel.letters_public()[:5],
        "proposals": sel.proposals_published()[:5],
    }
    return render(request, "participation/portal/home.html", context)


def consultation_list(request):
    page = page_of(request, sel.consultations_public())
    return render(request, "participation/portal/consultations.html", {"page": page})


@require_http_methods(["GET", "POST"])
def consultation_detail(request, pk: int):
    consultation = found(sel.consultation_public, pk)
    provisions = sel.provisions_with_counts(consultation)
    initial = {"provision": request.GET.get("provision", "")}
    form = CommentForm(request.POST or None, provisions=provisions, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        provision = next((p for p in provisions if p.pk == data["provision"]), None)
        with service_errors(form):
            comment = services.comment_submit(
                consultation=consultation,
                provision=provision,
                body=data["body"],
                author_name=data["author_name"],
                contact=data["contact"],
            )
            if comment.status == Comment.Status.PUBLISHED:
                messages.success(request, _("Thank you: your comment is published."))
            else:
                messages.success(request, _("Thank you: your comment will appear after review."))
            return redirect(reverse("participation:consultation", args=[pk]) + "#comment-form")
    context = {
        "consultation": consultation,
        "provisions": provisions,
        "attachments": consultation.attachments.all(),
        "form": form,
        "accepting": sel.consultation_accepting(consultation),
        "has_report": consultation_has_report(consultation),
        "not_yet_open": consultation.status == Consultation.Status.OPEN
        and timezone.localdate() < consultation.opens_on,
    }
    return render(request, "participation/portal/consultation.html", context)


def consultation_comments(request, pk: int):
    consultation = found(sel.consultation_public, pk)
    provision_id = request.GET.get("provision")
    provision_id = parse_id(provision_id)
    comments = sel.comments_published(consultation, provision_id)
    page = page_of(request, comments, sel.COMMENTS_PER_PAGE)
    for comment in page.object_list:
        comment.author_display = comment_author_display(comment)
    extra = f"provision={provision_id}" if provision_id else ""
    context = {"consultation": consultation, "page": page, "extra": extra}
    return render(request, "participation/portal/comments.html", context)


def consultation_report(request, pk: int):
    consultation = found(sel.consultation_public, pk)
    if consultation.status != Consultation.Status.REPORTED:
        raise Http404
    context = {"consultation": consultation, "report": sel.adoption_report(consultation)}
    return render(request, "participation/portal/report.html", context)


def _site_categories() -> list[LetterCategory]:
    """The active categories of the portal's body (defaults created on first use)."""
    body = site_organisation()
    if body is None:
        return []
    categories = services.letter_categories_ensure(organisation=body)
    return [c for c in categories if c.is_active]


@require_http_methods(["GET", "POST"])
def letter_write(request):
    categories = _site_categories()
    form = LetterForm(request.POST or None, categories=categories)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        category = next(c for c in categories if str(c.pk) == data["category"])
        with service_errors(form):
            submission = services.letter_submit(
                category=category,
                subject=data["subject"],
                body=data["body"],
                writer_name=data["writer_name"],
                writer_phone=data["writer_phone"],
                writer_email=data["writer_email"],
                consent_to_publish=data["consent_to_publish"],
            )
            context = {"letter": submission.letter, "secret": submission.secret}
            return render(request, "participation/portal/letter_sent.html", context)
    return render(request, "participation/portal/letter_write.html", {"form": form})


@require_http_methods(["GET", "POST"])
def letter_follow(request):
    """Following by code and secret (POST, so the secret never sits in a URL)."""
    form = FollowForm(request.POST or None)
    letter = None
    if request.method == "POST" and form.is_valid():
        with service_errors(form):  # the same message for a wrong code and a wrong secret
            letter = sel.letter_follow(form.cleaned_data["code"], form.cleaned_data["secret"])
    rating_form = None
    if letter is not None:
        rating_form = RatingForm(initial=form.cleaned_data)
    context = {
        "form": form,
        "letter": letter,
        "rating_form": rating_form,
        "writer_actions": letter_writer_actions(letter) if letter else frozenset(),
    }
    return render(request, "participation/portal/letter_follow.html", context)


@require_http_methods(["POST"])
def letter_rate(request):
    form = RatingForm(request.POST)
    letter = None
    if form.is_valid():
        data = form.cleaned_data
        with service_errors(form):
            letter = sel.letter_follow(data["code"], data["secret"])
            services.letter_rate(
                letter=letter, secret=data["secret"], rating=data["rating"], comment=data["comment"]
            )
            messages.success(request, _("Thank you for your rating."))
    context = {
        "form": FollowForm(initial=request.POST),
        "letter": letter,
        "rating_form": form,
        "writer_actions": letter_writer_actions(letter) if letter else frozenset(),
    }
    return render(request, "participation/portal/letter_follow.html", context)


def letters_public(request):
    page = page_of(request, sel.letters_public())
    return render(request, "participation/portal/letters.html", {"page": page})


def letter_public(request, pk: int):
    """One published question and answer (the page the site search links to)."""
    letter = found(sel.letter_public, pk)
    return render(request, "participation/portal/letter.html", {"letter": letter})


def proposals_public(request):
    page = page_of(request, sel.proposals_published())
    for proposal in page.object_list:
        proposal.public_title = sel.proposal_public_title(proposal)
    return render(request, "participation/portal/proposals.html", {"page": page})


def proposal_public(request, pk: int):
    proposal = found(sel.proposal_published, pk)
    context = {"proposal": proposal, "public_title": sel.proposal_public_title(proposal)}
    return render(request, "participation/portal/proposal.html", context)
