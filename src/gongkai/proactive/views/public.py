"""Public pages under xxgk/ (信息公开): items, the catalog, the negative list, the register.

Templates are kept plain and reusable: the portal builds its home page, feeds and search
on the same selectors (``items_published``, ``item_public``, ``proactive_catalog``).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render

from gongkai.core.cache import public_page
from gongkai.core.publiclist import paged
from gongkai.core.sitescope import scoped
from gongkai.proactive import selectors
from gongkai.proactive.exports import catalog_csv, catalog_xlsx
from gongkai.proactive.forms import CatalogFilterForm, DirectoryFilterForm
from gongkai.proactive.law import NormativeStatus
from gongkai.proactive.models import PUBLIC, Attachment, Item
from gongkai.proactive.services.privacy import attachment_public_text

PAGE_SIZE = 20
# The catalog's rows are wide (name, summary, department, carriers, link): 50 a page.
DIRECTORY_PAGE_SIZE = 50


def catalog(request):
    """The list of published items with filters (topic, genre, organisation, year, section)."""
    form = CatalogFilterForm(request.GET or None, years=selectors.publication_years())
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.ItemFilters(
        topic=data["topic"].pk if data.get("topic") else None,
        genre=data["genre"].pk if data.get("genre") else None,
        organisation=data["organisation"].pk if data.get("organisation") else None,
        year=data.get("year"),
        section=data.get("section") or "",
    )
    page = Paginator(selectors.items_published(filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "proactive/catalog.html", {"form": form, "page": page, "query": query.urlencode()}
    )


@public_page
def item(request, pk: int):
    found = selectors.item_public(pk)
    return render(request, "proactive/item.html", {"item": found})


@public_page
def item_print(request, pk: int):
    """The same page for paper (notice boards, service halls): no menus, a print button."""
    found = selectors.item_public(pk)
    return render(request, "proactive/item.html", {"item": found, "printing": True})


def attachment(request, pk: int):
    """A published item's file: the redacted text when anything was masked, else the file."""
    shown = scoped(Item.objects.filter(PUBLIC))  # on a shared platform: the sites showing it
    found = Attachment.objects.filter(pk=pk, item__in=shown).first()
    if found is None:
        raise Http404
    redacted = attachment_public_text(found)
    if redacted is not None:
        response = HttpResponse(redacted, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="redacted-{found.pk}.txt"'
        return response
    return FileResponse(found.file.open("rb"), as_attachment=True, filename=found.name)


def directory(request):
    """The 主动公开基本目录 (seed 001), derived live from the published items: a page of
    it, or the whole (filtered) catalog as a file, streamed from the database."""
    form = DirectoryFilterForm(request.GET or None)
    section = form.cleaned_data["section"] if form.is_valid() else ""  # a bad value: all
    items = selectors.catalog_items(section=section)
    base_url = request.build_absolute_uri("/")[:-1]
    fmt = request.GET.get("format")
    if fmt == "csv":
        return catalog_csv(selectors.catalog_rows(items, base_url))
    if fmt == "xlsx":
        return catalog_xlsx(selectors.catalog_rows(items, base_url))
    context = paged(request, items, DIRECTORY_PAGE_SIZE)
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    context["query"] = query.urlencode()
    context["rows"] = [selectors.catalog_row(item, base_url) for item in context["page"]]
    return render(request, "proactive/directory.html", {**context, "form": form})


def negative_list(request):
    return render(request, "proactive/negative_list.html", {"entries": selectors.negative_list()})


def normative_document(request, pk: int):
    document = selectors.normative_document_public(pk)
    item = document.item if document.item and document.item.published_revision_id else None
    entries = document.cleanup_entries.select_related("cleanup").order_by("cleanup__decided_on")
    context = {"document": document, "item": item, "entries": entries}
    return render(request, "proactive/normative_document.html", context)


def normative(request):
    status = request.GET.get("status", "")
    status = status if status in NormativeStatus.values else ""
    documents = selectors.normative_register(status=status)
    cleanups = selectors.cleanups_published()[:10]
    context = {
        "documents": documents,
        "statuses": NormativeStatus.choices,
        "status": status,
        "cleanups": cleanups,
    }
    return render(request, "proactive/normative.html", context)
