"""对内公开 in the workbench: staff of a body read its notices; the office publishes them.

Never on the portal: there is no public URL, no API and no search entry for these notices.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gongkai.core.access import has_role
from gongkai.core.formflow import service_errors
from gongkai.core.views import role_required, staff_required
from gongkai.internal import selectors, services
from gongkai.internal.forms import NoticeForm, WithdrawForm
from gongkai.internal.law import Category


@staff_required
def notices(request):
    category = request.GET.get("category", "")
    context = {
        "notices": selectors.notices_for(request.user, category=category),
        "categories": Category.choices,
        "category": category if category in Category.values else "",
        "may_publish": has_role(request.user, *services.EDITING_ROLES),
    }
    return render(request, "internal/notices.html", context)


@staff_required
def notice(request, pk: int):
    found = selectors.notice_for(request.user, pk)
    may_withdraw = has_role(request.user, *services.EDITING_ROLES) and not found.withdrawn_at
    form = WithdrawForm(request.POST or None) if may_withdraw else None
    if form is not None and request.method == "POST" and form.is_valid():
        with service_errors(form):
            services.notice_withdraw(actor=request.user, notice=found, **form.cleaned_data)
            messages.success(request, _("The notice was withdrawn."))
            return redirect("internal:notice", pk=found.pk)
    return render(request, "internal/notice.html", {"notice": found, "form": form})


@role_required(*services.EDITING_ROLES)
def notice_new(request):
    form = NoticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            created = services.notice_publish(
                actor=request.user,
                organisation=request.user.staff_profile.organisation.body,
                **form.cleaned_data,
            )
            messages.success(request, _("The notice is now visible to the staff."))
            return redirect("internal:notice", pk=created.pk)
    return render(request, "internal/notice_new.html", {"form": form})
