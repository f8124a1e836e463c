"""Whole-page caching of public pages for anonymous visitors.

Safe to cache: pages that show only public data and nothing of the visitor (no
session, no messages, no CSRF token). Entries live ``PAGE_SECONDS`` in each worker's
own memory (the "pages" cache) and carry a generation number read from the shared
cache on every request; any service that changes what the public sees (publishing,
withdrawing, editing a column) calls ``public_content_changed`` after commit, and
every worker sees the new generation on its next request — a withdrawn item is
never served from the cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextvars import ContextVar
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.core.signals import request_finished, request_started
from django.http import HttpRequest, HttpResponse
from django.template.response import SimpleTemplateResponse

from gongkai.core.readroute import primary_reads

PAGE_SECONDS = 30
PAGES = "pages"  # settings.CACHES: per process, bounded
GENERATION_KEY = "public:generation"
ELDER_COOKIE = "gongkai_elder"


# The generation read once per request: the site table, the page cache and the column
# menu each need it, and each read was a query on the shared cache. A request that
# changes public content forgets it (``public_content_changed``); outside a request
# (commands, tasks) nothing is kept, so every read is fresh.
_request_generation: ContextVar[dict[str, int] | None] = ContextVar(
    "gongkai_request_generation", default=None
)


def _request_begins(**kwargs: Any) -> None:
    _request_generation.set({})


def _request_ends(**kwargs: Any) -> None:
    _request_generation.set(None)


request_started.connect(_request_begins, dispatch_uid="gongkai-generation-begins")
request_finished.connect(_request_ends, dispatch_uid="gongkai-generation-ends")


def public_content_changed() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)
    memo = _request_generation.get()
    if memo is not None:
        memo.clear()


def generation() -> int:
    memo = _request_generation.get()
    if memo is not None and GENERATION_KEY in memo:
        return memo[GENERATION_KEY]
    value = int(cache.get_or_set(GENERATION_KEY, 1, None) or 1)
    if memo is not None:
        memo[GENERATION_KEY] = value
    return value


def is_elder(request: HttpRequest) -> bool:
    return request.COOKIES.get(ELDER_COOKIE) == "1"


def _cacheable_request(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
    )


def _key(request: HttpRequest) -> str:
    path = hashlib.sha256(request.get_full_path().encode("utf-8")).hexdigest()[:32]
    return f"public:page:{generation()}:{int(is_elder(request))}:{request.get_host()}:{path}"


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve anonymous GETs from the cache; store 200 responses that set no cookie and
    do not say ``Cache-Control: no-store``."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key, pages = _key(request), caches[PAGES]
        stored = pages.get(key)
        if stored is not None:
            content, content_type = stored
            hit = HttpResponse(content, content_type=content_type)
            hit["X-Portal-Cache"] = "hit"
            return hit
        response: HttpResponse = view(request, *args, **kwargs)
        if (
            response.status_code == 200
            and not response.cookies
            and not getattr(response, "streaming", False)
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            # A page that is right only for now (a search answered while the index is
            # rebuilt) says so.
            and "no-store" not in response.get("Cache-Control", "")
        ):
            if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
                response.render()
            pages.set(key, (response.content, response["Content-Type"]), PAGE_SECONDS)
            response["X-Portal-Cache"] = "miss"
        return response

    return wrapper


def cache_count(key: str, seconds: int) -> int:
    """Count one more under ``key`` in the shared cache, for ``seconds``; the new count
    (the rate limits of open data and subscriptions count with it). On the primary:
    ``incr`` reads before it writes, and a read replica a moment behind would lose counts."""
    with primary_reads():
        if cache.add(key, 1, seconds):
            return 1
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, seconds)
            return 1
