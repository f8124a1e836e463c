"""Every answer under /api/v1/ that is an error is JSON: ``{"code", "message"}``.

The API's own handlers (gongkai/api.py) answer what an operation raises. What happens outside
an operation — a path that matches none, a method an operation does not take, a failure in
a middleware — is turned into the same shape by ``ApiErrorsMiddleware``, so a client never has
to parse an HTML page.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

API_PREFIX = "/api/"


def status_error(status: int) -> tuple[str, str]:
    """The code and the message for an HTTP status that carries no more specific reason."""
    known = {
        400: ("bad_request", _("The request is invalid.")),
        401: ("not_authenticated", _("Please sign in or send a valid API token.")),
        403: ("forbidden", _("You may not do this.")),
        404: ("not_found", _("There is no such address in the API.")),
        405: ("method_not_allowed", _("This address does not accept this method.")),
        413: ("too_large", _("The request is too large.")),
        429: ("too_many_requests", _("Too many requests. Please try again later.")),
    }
    if status in known:
        return known[status]
    if status >= 500:
        return "server_error", _("The server could not answer. The problem has been recorded.")
    return "error", _("The request could not be completed.")


def error_response(status: int, code: str, message: str, **extra) -> JsonResponse:
    body = {"code": code, "message": str(message), **extra}
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def _is_json(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").startswith("application/json")


class ApiErrorsMiddleware:
    """Under /api/, an error response that is not JSON (Django's 404 page, ninja's plain
    "Method not allowed", the 500 page of a failing middleware) becomes ``{"code",
    "message"}`` with the same status and headers such as ``Allow``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            not request.path.startswith(API_PREFIX)
            or response.status_code < 400
            or _is_json(response)
        ):
            return response
        code, message = status_error(response.status_code)
        answer = error_response(response.status_code, code, message)
        for header in ("Allow", "Retry-After", "WWW-Authenticate"):
            if header in response:
                answer[header] = response[header]
        return answer
