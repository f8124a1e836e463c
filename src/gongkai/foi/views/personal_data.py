"""The office's pages on applicants' personal data: who viewed it, and how long it is kept."""

from __future__ import annotations

import csv
import io
from typing import cast

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from gongkai.core.access import organisation_ids_visible_to
from gongkai.core.formflow import service_errors
from gongkai.core.models import Role, StaffProfile
from gongkai.core.views import role_required
from gongkai.foi.models import RetentionPolicy
from gongkai.foi.selectors import identity_views
from gongkai.foi.services.personal_data import (
    MAX_RETENTION_MONTHS,
    MIN_RETENTION_MONTHS,
    finished_before,
    retention_cutoff,
    retention_set,
)

OFFICE = (Role.OFFICE, Role.ADMIN)


class IdentityViewFilterForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Tracking code"), required=False, max_length=20)
    viewer = forms.ModelChoiceField(
        label=gettext_lazy("Viewed by"), required=False, queryset=StaffProfile.objects.none()
    )
    start = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, organisation_ids: list[int] | None, **kwargs):
        super().__init__(*args, **kwargs)
        staff = StaffProfile.objects.order_by("full_name")
        visible = organisation_ids
        if visible is not None:
            staff = staff.filter(organisation_id__in=visible)
        # Declared above as a ModelChoiceField; ``fields`` is typed as any Field.
        cast(forms.ModelChoiceField, self.fields["viewer"]).queryset = staff


class RetentionForm(forms.Form):
    months = forms.IntegerField(
        label=gettext_lazy("Retention period (months after the request is finished)"),
        min_value=MIN_RETENTION_MONTHS,
        max_value=MAX_RETENTION_MONTHS,
    )


def _filtered(request):
    visible = organisation_ids_visible_to(request.user)
    form = IdentityViewFilterForm(request.GET or None, organisation_ids=visible)
    data = form.cleaned_data if form.is_valid() else {}
    viewer = data.get("viewer")
    views = identity_views(
        organisation_ids=visible,
        code=data.get("code", ""),
        viewer_id=viewer.user_id if viewer else None,
        start=data.get("start"),
        end=data.get("end"),
    )
    return form, views


@role_required(*OFFICE)
def identity_view_list(request):
    form, views = _filtered(request)
    page = Paginator(views, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "foi/staff/identity_views.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


def _header() -> list[str]:
    return [_("Time"), _("Viewed by"), _("User name"), _("Tracking code"), _("Viewed through")]


def _rows(views):
    for view in views.iterator(chunk_size=2000):
        profile = getattr(view.viewer, "staff_profile", None)
        yield [
            timezone.localtime(view.viewed_at).strftime("%Y-%m-%d %H:%M:%S"),
            profile.full_name if profile else view.viewer.get_username(),
            view.viewer.get_username(),
            view.request.code,
            view.get_channel_display(),
        ]


class _Echo:
    def write(self, value):
        return value


def _cell(value):
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else value


@role_required(*OFFICE)
def identity_view_export(request, fmt: str):
    _form, views = _filtered(request)
    stamp = timezone.localdate().isoformat()
    response: HttpResponseBase
    if fmt == "csv":
        writer = csv.writer(_Echo())

        def lines():
            # A BOM so that Excel opens the Chinese text correctly.
            yield "\ufeff" + writer.writerow(_header())
            for row in _rows(views):
                yield writer.writerow([_cell(v) for v in row])

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        book = Workbook(write_only=True)
        sheet = book.create_sheet(_("Views of identity data")[:31])
        sheet.append(_header())
        for row in _rows(views):
            sheet.append([_cell(v) for v in row])
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="identity-views-{stamp}.{fmt}"'
    return response


@role_required(*OFFICE)
def retention(request):
    body = getattr(request.user, "staff_profile", None)
    if body is None:
        raise Http404
    body = body.organisation
    policy = RetentionPolicy.objects.filter(organisation=body).first()
    form = RetentionForm(request.POST or None, initial={"months": policy.months if policy else ""})
    if request.method == "POST" and form.is_valid():
        with service_errors(form, "months"):
            retention_set(actor=request.user, organisation=body, months=form.cleaned_data["months"])
            messages.success(request, _("The retention period was saved."))
            return redirect("foi:retention")
    due = (
        finished_before(body.pk, retention_cutoff(policy, timezone.localdate())).count()
        if policy
        else None
    )
    context = {
        "form": form,
        "policy": policy,
        "due": due,
        "body": body,
        "min_months": MIN_RETENTION_MONTHS,
    }
    return render(request, "foi/staff/retention.html", context)
