"""预决算 and 三公经费 on the portal (under xxgk/) and in the workbench.

Views parse input and call selectors or services; they never write models.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gongkai.budgets import selectors, services, transitions
from gongkai.budgets.formats import (
    document_csv,
    document_json,
    document_xlsx,
    series_csv,
    series_json,
    series_xlsx,
)
from gongkai.budgets.forms import DocumentForm, HeaderForm, TableForm, ThreeForm
from gongkai.budgets.law import LAW_SOURCE, TABLES, THREE_AMOUNTS, THREE_COUNTS, DocumentKind
from gongkai.budgets.models import BudgetDocument
from gongkai.core.access import body_and_descendants
from gongkai.core.formflow import service_errors, service_message
from gongkai.core.models import Organisation, Role
from gongkai.core.views import role_required

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
JSON = "application/json; charset=utf-8"


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _int(value) -> int | None:
    return int(value) if value and str(value).isdigit() and len(str(value)) <= 9 else None


def budgets(request):
    """Published documents by year; the 三公 figures year by year (?format=xlsx|csv|json)."""
    year = _int(request.GET.get("year"))
    kind = request.GET.get("kind", "")
    kind = kind if kind in DocumentKind.values else ""
    series = selectors.three_series()
    fmt = request.GET.get("format", "")
    if fmt == "csv":
        return _download(series_csv(series), CSV, "three-public-expenses.csv")
    if fmt == "xlsx":
        return _download(series_xlsx(series), XLSX, "three-public-expenses.xlsx")
    if fmt == "json":
        return _download(series_json(series), JSON, "three-public-expenses.json")
    context = {
        "documents": selectors.documents_public(year=year, kind=kind),
        "years": selectors.years_public(),
        "year": year,
        "kind": kind,
        "kinds": DocumentKind.choices,
        "series": series,
        "amounts": THREE_AMOUNTS,
        "source": LAW_SOURCE,
    }
    return render(request, "budgets/budgets.html", context)


def document(request, pk: int):
    found = selectors.document_public(pk)
    fmt = request.GET.get("format", "")
    name = f"budget-{found.organisation_id}-{found.year}-{found.kind}"
    if fmt == "xlsx":
        return _download(document_xlsx(found), XLSX, f"{name}.xlsx")
    if fmt == "csv":
        return _download(document_csv(found), CSV, f"{name}.csv")
    if fmt == "json":
        return _download(
            json.dumps(document_json(found), ensure_ascii=False).encode(), JSON, f"{name}.json"
        )
    context = {
        "document": found,
        "title": services.document_title(found),
        "tables": selectors.tables_of(found),
        "three": selectors.three_lines(found),
        "counts": [(label, getattr(found, f)) for f, label in THREE_COUNTS],
        "source": LAW_SOURCE,
    }
    return render(request, "budgets/document.html", context)


# --- workbench ---------------------------------------------------------------------------

office_required = role_required(*services.EDITING_ROLES)


def _scope(request) -> list[int] | None:
    if request.user.is_superuser:
        return None
    return body_and_descendants(request.user.staff_profile.organisation.body)


def _bodies(request):
    bodies = Organisation.objects.filter(kind=Organisation.Kind.BODY, is_active=True)
    scope = _scope(request)
    if scope is not None:
        bodies = bodies.filter(pk__in=scope)
    return list(bodies.order_by("id"))


@office_required
def manage(request):
    bodies = _bodies(request)
    form = DocumentForm(request.POST or None, organisations=bodies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organisation = next(o for o in bodies if o.pk == data.pop("organisation"))
        with service_errors(form):
            created = services.budget_create(actor=request.user, organisation=organisation, **data)
            messages.success(request, _("The document was recorded; the time limit runs."))
            return redirect("budgets:edit", pk=created.pk)
    documents = BudgetDocument.objects.filter(organisation__in=bodies).select_related(
        "organisation", "clock"
    )
    context = {
        "form": form,
        "documents": documents.order_by("-year", "organisation_id", "kind"),
        "statuses": BudgetDocument.Status,
    }
    return render(request, "budgets/workbench/manage.html", context)


# Leaders follow the publication clock from their home page: they read the document here,
# the forms are the office's (the services refuse anyone else).
@role_required(*services.EDITING_ROLES, Role.LEADER)
def edit(request, pk: int):
    found = selectors.document_for_staff(pk, _scope(request))
    action = request.POST.get("action", "")
    header = HeaderForm(
        request.POST if action == "header" else None,
        initial={
            "approved_on": found.approved_on,
            "approved_by": found.approved_by,
            "explanation": found.explanation,
        },
    )
    three = ThreeForm(
        request.POST if action == "three" else None,
        initial={
            "explanation": found.three_explanation,
            **{f: getattr(found, f) for f, _label in (*THREE_AMOUNTS, *THREE_COUNTS)},
        },
        prefix="three",
    )
    tables = {t.code: t for t in selectors.tables_of(found)}
    table_forms = []
    for template in TABLES:
        view = tables.get(template.code)
        initial = {
            "rows": "\n".join(
                "\t".join([r["code"], r["name"], *(str(a) for a in r["amounts"])])
                for r in (view.rows if view else [])
            ),
            "empty_note": view.empty_note if view else "",
        }
        bound = request.POST if action == f"table:{template.code}" else None
        table_forms.append((template, TableForm(bound, initial=initial, prefix=template.code)))
    posted = {"header": header, "three": three} | {f"table:{t.code}": f for t, f in table_forms}
    form = posted.get(action)
    if action == "publish":  # a button: its refusal is a message above the forms
        published = service_message(
            request,
            lambda: services.budget_publish(actor=request.user, document=found),
            _("The document was published."),
        )
        if published:
            return redirect("budgets:edit", pk=found.pk)
    elif form is not None:
        with service_errors(form):
            if _edit_action(request, found, action, header, three, table_forms):
                messages.success(request, _("Saved."))
                return redirect("budgets:edit", pk=found.pk)
    elif action and not action.startswith("table:"):
        raise Http404
    context = {
        "document": found,
        "title": services.document_title(found),
        "header": header,
        "three": three,
        "table_forms": table_forms,
        "problems": services.publication_problems(found),
        "published": transitions.is_published(found),
        "actions": transitions.available_actions(found, request.user),
        "source": LAW_SOURCE,
        "may_edit": transitions.may_edit(request.user),
    }
    return render(request, "budgets/workbench/edit.html", context)


def _edit_action(request, found, action, header, three, table_forms) -> bool:
    """Run the posted form's action through its service; False when the form is not valid."""
    actor = request.user
    if action == "header" and header.is_valid():
        services.budget_update(actor=actor, document=found, **header.cleaned_data)
        return True
    if action == "three" and three.is_valid():
        data = dict(three.cleaned_data)
        explanation, reason = data.pop("explanation"), data.pop("reason")
        services.budget_three_set(
            actor=actor, document=found, figures=data, explanation=explanation, reason=reason
        )
        return True
    for template, form in table_forms:
        if action == f"table:{template.code}" and form.is_valid():
            services.budget_table_set(
                actor=actor, document=found, template=template.code,
                rows_text=form.cleaned_data["rows"], empty_note=form.cleaned_data["empty_note"],
                reason=form.cleaned_data["reason"],
            )  # fmt: skip
            return True
    return False
