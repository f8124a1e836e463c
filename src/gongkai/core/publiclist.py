"""A public list page: a page of the rows with the filters to keep in its links, or the
whole filtered list as a file (``?format=xlsx|csv|json``). The enforcement decisions and the
powers list are read this way; one copy, so their paging and their downloads cannot drift."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse

# A download: its content type and the function writing the rows in that format.
Export = tuple[str, Callable[[Any], Any]]


def paged(request: HttpRequest, rows: Any, per_page: int) -> dict[str, Any]:
    """``page`` (the requested page of ``rows``) and ``query`` (the request's other
    parameters, for the links to the other pages)."""
    query = request.GET.copy()
    query.pop("page", None)
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    return {"page": page, "query": query.urlencode()}


def download(export: Export, rows: Any, filename: str) -> HttpResponse:
    """``rows`` written by ``export`` as an attachment named ``filename``."""
    content_type, write = export
    response = HttpResponse(write(rows), content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
