"""Helpers shared by the portal views."""

from __future__ import annotations

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.shortcuts import render

from gongkai.portal.cache import is_elder
from gongkai.portal.selectors import columns_tree

PAGE_SIZE = 20
MAX_PAGE = 500


def wants_json(request, as_json: bool = False) -> bool:
    return as_json or request.GET.get("format") == "json"


def json_response(data: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(
        data, status=status, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False}
    )


def error_json(code: str, message: str, status: int = 400) -> JsonResponse:
    return json_response({"code": code, "message": str(message)}, status=status)


def page_number(data) -> int | None:
    """The ?page= number of a query dict (1 when absent), or None when it is not valid."""
    raw = (data.get("page") or "1").strip() or "1"
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE:
        return None
    return int(raw)


def pager(page: int, total: int, size: int = PAGE_SIZE) -> dict:
    pages = max(1, -(-total // size))
    return {
        "number": page,
        "pages": min(pages, MAX_PAGE),
        "previous": page - 1 if page > 1 else None,
        "next": page + 1 if page < min(pages, MAX_PAGE) else None,
    }


def render_portal(request, template: str, context: dict, status: int = 200):
    """Render a portal page with the column menu and the elder-friendly flag."""
    context = {"elder": is_elder(request), "column_menu": columns_tree(), **context}
    return render(request, template, context, status=status)
