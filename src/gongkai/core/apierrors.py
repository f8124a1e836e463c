"""Every answer under /api/v1/ that is an error is JSON: ``{"code", "message"}``.

The API's own handlers (gongkai/api.py) answer what an operation raises. What happens outside
an operation — a path that matches none, a method an operation does not take, a failure in
a middleware — is turned into the same shape by ``ApiErrorsMiddleware``, so a client never has
to parse an HTML page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

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


def error_response(status: int, code: str, message: str, **extra: Any) -> JsonResponse:
    body = {"code": code, "message": str(message), **extra}
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def _is_json(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").startswith("application/json")


class ApiErrorsMiddleware:
    """Under /api/, an error response that is not JSON (Django's 404 page, ninja's plain
    "Method not allowed", the 500 page of a failing middleware) becomes ``{"code",
    "message"}`` with the same status and headers such as ``Allow``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            not request.path_info.startswith(API_PREFIX)  # a site's path prefix removed
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


def _validation_messages() -> dict[str, str]:
    # Keyed by pydantic's error type; the placeholders are the error's context values. A
    # context of their own: Django's form messages use some of the same English sentences.
    return {
        "missing": pgettext("api input", "This field is required."),
        "extra_forbidden": pgettext("api input", "This field is not accepted."),
        "string_type": pgettext("api input", "Enter text."),
        "string_too_short": pgettext("api input", "Enter at least %(min_length)s characters."),
        "string_too_long": pgettext("api input", "Enter at most %(max_length)s characters."),
        "string_pattern_mismatch": pgettext("api input", "The text is not in the expected form."),
        "int_type": pgettext("api input", "Enter a whole number."),
        "int_parsing": pgettext("api input", "Enter a whole number."),
        "int_from_float": pgettext("api input", "Enter a whole number."),
        "float_type": pgettext("api input", "Enter a number."),
        "float_parsing": pgettext("api input", "Enter a number."),
        "decimal_parsing": pgettext("api input", "Enter a number."),
        "bool_type": pgettext("api input", "Enter true or false."),
        "bool_parsing": pgettext("api input", "Enter true or false."),
        "greater_than": pgettext("api input", "Enter a number greater than %(gt)s."),
        "greater_than_equal": pgettext("api input", "Enter a number of at least %(ge)s."),
        "less_than": pgettext("api input", "Enter a number less than %(lt)s."),
        "less_than_equal": pgettext("api input", "Enter a number of at most %(le)s."),
        "literal_error": pgettext("api input", "Choose one of: %(expected)s."),
        "enum": pgettext("api input", "Choose one of: %(expected)s."),
        "date_type": pgettext("api input", "Enter a date such as 2026-03-01."),
        "date_parsing": pgettext("api input", "Enter a date such as 2026-03-01."),
        "date_from_datetime_parsing": pgettext("api input", "Enter a date such as 2026-03-01."),
        "datetime_type": pgettext(
            "api input", "Enter a date and time such as 2026-03-01T09:00:00+08:00."
        ),
        "datetime_parsing": pgettext(
            "api input", "Enter a date and time such as 2026-03-01T09:00:00+08:00."
        ),
        "list_type": pgettext("api input", "Enter a list."),
        "too_short": pgettext("api input", "Give at least %(min_length)s entries."),
        "too_long": pgettext("api input", "Give at most %(max_length)s entries."),
        "dict_type": pgettext("api input", "Enter an object."),
        "model_type": pgettext("api input", "Enter an object."),
        "model_attributes_type": pgettext("api input", "Enter an object."),
        "json_invalid": pgettext("api input", "The request body is not valid JSON."),
        "uuid_parsing": pgettext("api input", "Enter a valid identifier."),
        "url_parsing": pgettext("api input", "Enter a valid web address."),
    }


def validation_message(error: dict[str, Any]) -> str:
    """A Chinese sentence for one pydantic validation error (its ``type`` and ``ctx``).

    Pydantic's own ``msg`` is English; clients show ``msg`` to people, so it is ours.
    An error type not in the table (a custom validator's ``value_error``) falls back to
    a general sentence rather than leaking English.
    """
    kind = str(error.get("type", ""))
    if kind == "value_error":  # our own validators raise ValueError with a Chinese sentence
        raised = str((error.get("ctx") or {}).get("error", ""))
        if any("\u4e00" <= ch <= "\u9fff" for ch in raised):
            return raised
    template = _validation_messages().get(kind)
    if template is None:
        return str(pgettext("api input", "This value is invalid."))
    context = {key: str(value) for key, value in (error.get("ctx") or {}).items()}
    if "expected" in context:  # pydantic joins the accepted values with ", " and " or "
        context["expected"] = context["expected"].replace(" or ", "、").replace(", ", "、")
    try:
        return template % context
    except (KeyError, TypeError, ValueError):
        return str(pgettext("api input", "This value is invalid."))
