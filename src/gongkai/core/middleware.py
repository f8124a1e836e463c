"""Requests whose form fields, JSON body or query string are not valid UTF-8 are refused
(400).

Django decodes such bytes to U+FFFD (the replacement character) and carries on, so a
citizen's letter, a name or an address would be stored silently changed. The raw bytes
are checked where they are at hand (query string, URL-encoded body); for multipart forms,
whose fields Django decodes while streaming, a replacement character in a decoded field
or file name is the sign of bytes that were not UTF-8 (nobody types U+FFFD).
"""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import JsonResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.translation import gettext as _

REPLACEMENT = "\ufffd"
FORM_URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
JSON = "application/json"


def _is_utf8(raw: bytes) -> bool:
    try:
        unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _multipart_is_text(request) -> bool:
    values = [v for key in request.POST for v in [key, *request.POST.getlist(key)]]
    names = [f.name or "" for key in request.FILES for f in request.FILES.getlist(key)]
    return not any(REPLACEMENT in text for text in [*values, *names])


def has_invalid_text(request) -> bool:
    query = request.META.get("QUERY_STRING", "")
    # WSGI hands the query string over as latin-1 text (PEP 3333): its bytes are these.
    if query and not _is_utf8(query.encode("latin-1", errors="replace")):
        return True
    if request.method not in ("POST", "PUT", "PATCH"):
        return False
    content_type = request.content_type or ""
    try:
        if content_type == FORM_URLENCODED:
            return not _is_utf8(request.body)
        if content_type == MULTIPART:
            return not _multipart_is_text(request)
        if content_type == JSON:  # JSON is UTF-8 (RFC 8259 section 8.1)
            request.body.decode("utf-8")
    except UnicodeDecodeError:
        return True
    except (RequestDataTooBig, SuspiciousOperation, MultiPartParserError, UnreadablePostError):
        return False  # Django answers these itself when the view reads the form
    return False


class RefuseInvalidTextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not has_invalid_text(request):
            return self.get_response(request)
        message = _(
            "What was sent contains characters that are not valid text (UTF-8) and was "
            "not accepted; nothing was saved. Please type the text again and send it."
        )
        if request.path.startswith("/api/"):
            return JsonResponse({"code": "invalid_text", "message": message}, status=400)
        return render(request, "core/invalid_text.html", {"message": message}, status=400)
