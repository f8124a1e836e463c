"""The open data portal (/opendata/) and its workbench pages (/workbench/opendata/).

Views parse input and call selectors or services; they never write models.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.access import organisation_ids_visible_to
from gongkai.core.clientip import client_address
from gongkai.core.errors import ServiceError
from gongkai.core.formflow import service_errors, service_message
from gongkai.core.models import Organisation
from gongkai.core.views import role_required
from gongkai.opendata import dcat, exports, selectors, services, transitions
from gongkai.opendata.forms import (
    ApiKeyForm,
    CatalogFilterForm,
    DataRequestForm,
    DatasetForm,
    DecisionForm,
    ResourceForm,
)
from gongkai.opendata.models import ApiKey, DataRequest
from gongkai.opendata.vocabulary import Condition, Format

PAGE_SIZE = 20
KEY_HEADER = "HTTP_X_API_KEY"


def key_text(request) -> str:
    """The API key of a download or API call: the ``X-API-Key`` header or ``?key=``."""
    return (request.META.get(KEY_HEADER) or request.GET.get("key") or "").strip()[:100]


# --- portal ------------------------------------------------------------------------------


def catalog(request):
    form = CatalogFilterForm(request.GET or None, publishers=selectors.publishers())
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.CatalogFilters(
        theme=data.get("theme") or "",
        publisher=data.get("publisher"),
        condition=data.get("condition") or "",
        file_format=data.get("format") or "",
        query=data.get("q") or "",
    )
    page = Paginator(selectors.datasets_public(filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    rows = [
        {
            "dataset": d,
            "formats": selectors.formats_of(d),
            "downloads": selectors.download_counts(d)["total"],
        }
        for d in page.object_list
    ]
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "query": query.urlencode(),
        "themes": selectors.theme_counts(),
        "theme": filters.theme,
    }
    return render(request, "opendata/catalog.html", context)


def dataset(request, slug: str):
    found = selectors.dataset_public(slug)
    counts = selectors.download_counts(found)
    context = {
        "dataset": found,
        "fields": selectors.fields_of(found),
        "formats": [(f, counts.get(f, 0)) for f in selectors.formats_of(found)],
        "api_reads": counts.get("api", 0),
        "total": counts["total"],
        "modified": selectors.modified_of(found),
        "conditional": found.condition == Condition.CONDITIONAL,
    }
    return render(request, "opendata/dataset.html", context)


def download(request, slug: str, file_format: str):
    if file_format not in Format.values:
        raise Http404
    found = selectors.dataset_public(slug)
    if file_format not in selectors.formats_of(found):
        raise Http404
    try:
        services.download_authorize(
            dataset=found, file_format=file_format, key_text=key_text(request),
            client=client_address(request),
        )  # fmt: skip
    except ServiceError as error:
        context = {"dataset": found, "message": error.message}
        return render(request, "opendata/refused.html", context, status=error.status)
    if found.is_builtin:
        return exports.builtin_response(
            found, selectors.fields_of(found), selectors.rows_of(found), file_format
        )
    return exports.resource_response(found.resources.get(format=file_format))


def catalogue(request):
    """The DCAT-AP catalogue (JSON-LD) harvesters read."""
    document = dcat.catalogue(
        base=f"{request.scheme}://{request.get_host()}",
        title=_("Open data catalog"),
        description=_("The datasets this body opens, with their files and licences."),
    )
    return HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=1),
        content_type="application/ld+json; charset=utf-8",
    )


def apply(request, slug: str):
    found = selectors.dataset_public(slug)
    if not found.is_conditional:
        raise Http404
    form = DataRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with service_errors(form):
            _request, token = services.request_submit(
                dataset=found, applicant=data["applicant"],
                organisation_name=data["organisation_name"], purpose=data["purpose"],
                phone=data["phone"], email=data["email"],
            )  # fmt: skip
            messages.success(
                request, _("Your request has been received. Keep this page's address to follow it.")
            )
            return redirect("opendata:follow", token=token)
    return render(request, "opendata/apply.html", {"dataset": found, "form": form})


def follow(request, token: str):
    try:
        found = services.request_by_token(token)
    except ServiceError:
        raise Http404 from None
    key = ""
    if request.method == "POST":
        try:
            key = services.request_collect(token=token)
        except ServiceError as error:
            messages.error(request, error.message)
            return redirect("opendata:follow", token=token)
        found.refresh_from_db()
    context = {
        "req": found,
        "key": key,
        "actions": transitions.applicant_actions(found),
        "statuses": transitions.Status,
    }
    response = render(request, "opendata/follow.html", context)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


# --- workbench ---------------------------------------------------------------------------

office_required = role_required(*services.EDITING_ROLES)


def _publishers(user):
    visible = organisation_ids_visible_to(user)
    bodies = Organisation.objects.filter(kind=Organisation.Kind.BODY, is_active=True)
    return bodies if visible is None else bodies.filter(pk__in=visible)


@office_required
def manage(request):
    if request.method == "POST" and request.POST.get("action") == "sync":
        added = services.builtin_datasets_sync(actor=request.user)
        messages.success(request, _("%(count)d built-in datasets added.") % {"count": added})
        return redirect("opendata:manage")
    datasets = selectors.datasets_for_office(request.user).prefetch_related("downloads")
    context = {
        "rows": [(d, selectors.download_counts(d)["total"]) for d in datasets],
        "pending": selectors.requests_for_office(request.user).filter(
            status=DataRequest.Status.PENDING
        ),
        "decided": selectors.requests_for_office(request.user).exclude(
            status=DataRequest.Status.PENDING
        )[:20],
    }
    return render(request, "opendata/workbench/manage.html", context)


def _values(data) -> services.DatasetValues:
    return services.DatasetValues(
        title=data["title"], description=data["description"], publisher=data["publisher"],
        theme=data["theme"], frequency=data["frequency"], condition=data["condition"],
        licence=data["licence"], keywords=data["keywords"], is_published=data["is_published"],
        fields=services.parse_fields(data.get("fields_text") or ""),
    )  # fmt: skip


@office_required
def dataset_new(request):
    form = DatasetForm(request.POST or None, publishers=_publishers(request.user))
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            created = services.dataset_create(
                actor=request.user, values=_values(form.cleaned_data),
                slug=form.cleaned_data["slug"],
            )  # fmt: skip
            messages.success(request, _("Dataset added."))
            return redirect("opendata:dataset_edit", pk=created.pk)
    return render(request, "opendata/workbench/dataset.html", {"form": form, "dataset": None})


def _initial(found) -> dict:
    fields = "\n".join(
        f"{f.name} | {f.type_label} | {f.meaning}" for f in selectors.fields_of(found)
    )
    names = ("title", "slug", "description", "theme", "frequency", "condition", "licence",
             "keywords", "is_published")  # fmt: skip
    return {**{n: getattr(found, n) for n in names}, "publisher": found.publisher_id,
            "fields_text": fields}  # fmt: skip


@office_required
def dataset_edit(request, pk: int):
    found = selectors.dataset_for_office(request.user, pk)
    publishers = _publishers(request.user)
    action = request.POST.get("action", "")
    form = DatasetForm(
        request.POST if action == "save" else None,
        initial=_initial(found), publishers=publishers, builtin=found.is_builtin,
    )  # fmt: skip
    upload = ResourceForm(
        request.POST if action == "upload" else None,
        request.FILES if action == "upload" else None,
    )
    with service_errors(upload if action == "upload" else form):
        if action == "save" and form.is_valid():
            services.dataset_update(
                actor=request.user, dataset=found, values=_values(form.cleaned_data)
            )
            messages.success(request, _("Dataset saved."))
            return redirect("opendata:dataset_edit", pk=found.pk)
        if action == "upload" and upload.is_valid():
            file = upload.cleaned_data["file"]
            services.resource_upload(
                actor=request.user, dataset=found, file_format=upload.cleaned_data["format"],
                name=file.name, content=file.read(services.MAX_FILE_BYTES + 1),
            )  # fmt: skip
            messages.success(request, _("File uploaded."))
            return redirect("opendata:dataset_edit", pk=found.pk)
    context = {
        "form": form,
        "upload": upload,
        "dataset": found,
        "fields": selectors.fields_of(found),
        "formats": selectors.formats_of(found),
    }
    return render(request, "opendata/workbench/dataset.html", context)


@office_required
def request_decide(request, pk: int):
    found = selectors.request_for_office(request.user, pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with service_errors(form):
            if data["decision"] == "approve":
                services.request_approve(
                    actor=request.user, request=found, reason=data["reason"],
                    per_minute=data["per_minute"], per_day=data["per_day"],
                )  # fmt: skip
                messages.success(
                    request,
                    _("Request approved; the applicant collects the key on the follow-up page."),
                )
            else:
                services.request_refuse(actor=request.user, request=found, reason=data["reason"])
                messages.success(request, _("Request refused."))
            return redirect("opendata:manage")
    context = {
        "req": found,
        "form": form,
        "actions": transitions.available_actions(found, request.user),
    }
    return render(request, "opendata/workbench/request.html", context)


@office_required
def keys(request):
    conditional = selectors.datasets_for_office(request.user).filter(
        condition=Condition.CONDITIONAL
    )
    form = ApiKeyForm(request.POST or None, datasets=conditional)
    issued = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with service_errors(form):
            _key, issued = services.api_key_issue(
                actor=request.user, holder=data["holder"], contact=data["contact"],
                per_minute=data["per_minute"], per_day=data["per_day"], datasets=data["datasets"],
            )  # fmt: skip
            form = ApiKeyForm(datasets=conditional)
    context = {"form": form, "issued": issued, "keys": selectors.keys_for_office()}
    response = render(request, "opendata/workbench/keys.html", context)
    response["Cache-Control"] = "no-store"
    return response


@office_required
@require_POST
def key_revoke(request, pk: int):
    key = ApiKey.objects.filter(pk=pk).first()
    if key is None:
        raise Http404
    service_message(
        request, lambda: services.api_key_revoke(actor=request.user, key=key), _("Key revoked.")
    )
    return redirect("opendata:keys")
