"""Workbench pages for the mailbox: queue, letter, categories, statistics."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.participation import selectors as sel
from gongkai.participation import services
from gongkai.participation.forms import (
    AnswerForm,
    CategoryForm,
    PublishLetterForm,
    ReasonForm,
    UnitForm,
)
from gongkai.participation.models import Letter
from gongkai.participation.transitions import letter_actions
from gongkai.participation.views.common import (
    act,
    body_of,
    form_error,
    found,
    list_page,
    office,
    staff,
    units_of,
)
from gongkai.privacy import mask


@staff
def letters(request):
    status = request.GET.get("status", "")
    queryset = sel.letters_visible_to(request.user).order_by("due_on", "id")
    if status in Letter.Status.values:
        queryset = queryset.filter(status=status)
    return list_page(
        request, queryset, "participation/workbench/letters.html",
        status=status, statuses=Letter.Status.choices,
        status_query=f"status={status}" if status in Letter.Status.values else "",
    )  # fmt: skip


@staff
def letter_detail(request, pk: int):
    letter = found(sel.access_letter, request.user, pk)
    units = units_of(letter.organisation)
    context = {
        "letter": letter,
        "actions": letter_actions(letter, request.user),
        "events": letter.events.select_related("from_unit", "to_unit", "actor__staff_profile"),
        "assign_form": UnitForm(units=units, prefix="assign"),
        "forward_form": UnitForm(units=units, prefix="forward"),
        "answer_form": AnswerForm(),
        "invalid_form": ReasonForm(),
        "publish_form": PublishLetterForm(
            initial={"question": mask(letter.body), "answer": mask(letter.reply)}
        ),
    }
    return render(request, "participation/workbench/letter.html", context)


def _unit_form(request, letter, prefix):
    form = UnitForm(request.POST, units=units_of(letter.organisation), prefix=prefix)
    return form.cleaned_data if form.is_valid() else None


@staff
@require_POST
def letter_action(request, pk: int, action: str):
    letter = found(sel.access_letter, request.user, pk)
    user = request.user
    calls = {
        "assign": lambda: _letter_assign(request, letter),
        "forward": lambda: _letter_forward(request, letter),
        "answer": lambda: _letter_with_form(
            request, AnswerForm, lambda d: services.letter_answer(actor=user, letter=letter, **d)
        ),
        "invalid": lambda: services.letter_mark_invalid(
            actor=user, letter=letter, reason=request.POST.get("reason", "")
        ),
        "publish": lambda: _letter_with_form(
            request,
            PublishLetterForm,
            lambda d: services.letter_publish(actor=user, letter=letter, **d),
        ),
    }
    if action in calls:
        act(request, calls[action], _("Done."))
    return redirect("participation:wb_letter", pk=pk)


def _letter_with_form(request, form_class, call):
    form = form_class(request.POST)
    if not form.is_valid():
        form_error()
    return call(form.cleaned_data)


def _letter_assign(request, letter):
    data = _unit_form(request, letter, "assign") or form_error()
    return services.letter_assign(actor=request.user, letter=letter, unit=data["unit"])


def _letter_forward(request, letter):
    data = _unit_form(request, letter, "forward") or form_error()
    return services.letter_forward(
        actor=request.user, letter=letter, unit=data["unit"], note=data["note"]
    )


@office
def categories(request):
    body = body_of(request.user)
    items = services.letter_categories_ensure(organisation=body)
    if request.method == "POST":
        category = next((c for c in items if str(c.pk) == request.POST.get("category")), None)
        form = CategoryForm(request.POST)
        if category is None or not form.is_valid():
            act(request, form_error, "")
        else:
            act(
                request,
                lambda: services.letter_category_update(
                    actor=request.user, category=category, **form.cleaned_data
                ),
                _("The category was saved."),
            )
        return redirect("participation:wb_categories")
    rows = [
        (
            c,
            CategoryForm(
                initial={
                    "name": c.name,
                    "reply_working_days": c.reply_working_days,
                    "is_active": c.is_active,
                },
                prefix=f"c{c.pk}",
            ),
        )
        for c in items
    ]
    return render(request, "participation/workbench/categories.html", {"rows": rows})


@staff
def dashboard(request):
    letters = sel.letters_visible_to(request.user)
    context = {
        "stats": sel.letter_statistics(letters),
        "check": sel.site_check(letters),
    }
    return render(request, "participation/workbench/dashboard.html", context)
