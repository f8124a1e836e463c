"""The JSON API under /api/v1/, with its OpenAPI document at /api/v1/openapi.json.

Each domain contributes a router. Every error shares one shape, ``{"code", "message"}``
(``core/apischema.Error``), whatever raised it: a service, the input schema, the
authentication, or a bug (500, logged). The document lists those answers for every operation.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from django.db import DataError, IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser

from gongkai.assessment.api import router as assessment_router
from gongkai.budgets.api import router as budgets_router
from gongkai.core.api import router as core_router
from gongkai.core.apierrors import error_response, status_error, validation_message
from gongkai.core.apischema import Error
from gongkai.core.errors import ServiceError
from gongkai.core.workdays import OutOfRange
from gongkai.enforcement.api import router as enforcement_router
from gongkai.foi.api import router as foi_router
from gongkai.guides.api import router as guides_router
from gongkai.listings.api import router as listings_router
from gongkai.opendata.api import router as opendata_router
from gongkai.outreach.api import router as outreach_router
from gongkai.participation.api import router as participation_router
from gongkai.proactive.api import router as proactive_router
from gongkai.reports.api import router as reports_router
from gongkai.subscriptions.api import router as subscriptions_router

logger = logging.getLogger("gongkai.api")


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


class InvalidCharactersError(ServiceError):
    def __init__(self) -> None:
        super().__init__(
            "invalid_characters", _("The input contains a NUL character, which is not text.")
        )


class ApiParser(Parser):
    """Request bodies are JSON objects (never an array or a bare value where an operation
    expects named fields) and no text carries a NUL character, which PostgreSQL cannot store.
    """

    def parse_body(self, request):
        data = json.loads(request.body)
        if not isinstance(data, dict):
            raise ValueError("the body is not a JSON object")
        if _has_nul(data):
            raise ValueError("the body contains a NUL character")
        return data

    def parse_querydict(self, data, list_fields, request):
        if any(_has_nul(key) or _has_nul(values) for key, values in data.lists()):
            raise InvalidCharactersError()
        return super().parse_querydict(data, list_fields, request)


class GongkaiAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        document_errors(schema)
        return schema


api = GongkaiAPI(
    title="gongkai API",
    version="1.0.0",
    description=str(
        gettext_lazy("The platform's operations for portals and provincial platforms.")
    ),
    urls_namespace="api",
    parser=ApiParser(),
)


# --- Errors: one shape for all ---------------------------------------------------------


@api.exception_handler(ServiceError)
def service_error(request, error: ServiceError):
    return error_response(error.status, error.code, error.message)


@api.exception_handler(NinjaValidationError)
def validation_error(request, error: NinjaValidationError):
    details = [
        {"loc": list(e.get("loc", ())), "type": e.get("type", ""), "msg": validation_message(e)}
        for e in error.errors
    ]
    message = _("The input is invalid.")
    return error_response(400, "invalid_input", message, details=details)


@api.exception_handler(AuthenticationError)
def authentication_error(request, error: AuthenticationError):
    code, message = status_error(401)
    response = error_response(401, code, message)
    response["WWW-Authenticate"] = 'Bearer realm="gongkai"'
    return response


@api.exception_handler(HttpError)
def http_error(request, error: HttpError):
    # ninja raises it for a body it cannot parse (ApiParser's refusals included).
    if error.status_code == 400:
        message = _("The request body must be a JSON object of UTF-8 text without NUL characters.")
        return error_response(400, "invalid_body", message)
    return error_response(error.status_code, *status_error(error.status_code))


@api.exception_handler(Http404)
def not_found(request, error: Http404):
    return error_response(404, "not_found", _("No such record."))


@api.exception_handler(OutOfRange)
def date_out_of_range(request, error: OutOfRange):
    # Any date of the input that working days are counted from or to (core/workdays.py).
    message = _("The date is outside the supported calendar (1990–2100).")
    return error_response(400, "date_out_of_range", message)


@api.exception_handler(IntegrityError)
def integrity_error(request, error: IntegrityError):
    # A rule of the database refused the change (a record made twice at once, a state the
    # service should have refused first): nothing was written; the client may re-read.
    logger.warning("API conflict: %s %s: %s", request.method, request.path, error)
    message = _("The request conflicts with the record's current state. Nothing was changed.")
    return error_response(409, "conflict", message)


def data_error(request: HttpRequest, error: object) -> HttpResponse:
    # The database cannot hold a value (text longer than its column, a number too large).
    return error_response(400, "invalid_input", _("A value is too long or out of range."))


api.add_exception_handler(DataError, data_error)
api.add_exception_handler(OverflowError, data_error)


@api.exception_handler(Exception)
def server_error(request, error: Exception):
    logger.exception("API error: %s %s", request.method, request.path)
    return error_response(500, *status_error(500))


ERRORS = {
    "409": gettext_lazy("The request conflicts with the record's current state; nothing changed."),
    "400": gettext_lazy(
        "The input is invalid (code invalid_input, invalid_body or a rule's code)."
    ),
    "401": gettext_lazy("No valid staff session or API token."),
    "403": gettext_lazy("Not allowed (code forbidden, csrf_failed or a rule's code)."),
    "500": gettext_lazy("The server could not answer; the problem has been recorded."),
}


def document_errors(schema: dict) -> None:
    """Every operation may answer 400 and 500, one that needs credentials 401, one that
    writes 409 (and 403 with credentials), all with the ``Error`` body; statuses an operation
    declares itself keep their own description."""
    ref = {"$ref": "#/components/schemas/Error"}
    schema["components"]["schemas"]["Error"] = Error.model_json_schema(
        ref_template="#/components/schemas/{model}"
    )
    for operations in schema["paths"].values():
        for operation_method, operation in operations.items():
            # ninja keys statuses as numbers; JSON keys are strings (a repeated key breaks
            # Swagger UI's YAML parser).
            responses = {str(status): answer for status, answer in operation["responses"].items()}
            operation["responses"] = responses
            statuses = ["400", "500"]
            if operation.get("security"):
                statuses.append("401")
            if operation_method != "get":
                statuses.append("409")
                if operation.get("security"):
                    statuses.append("403")
            for status in statuses:
                responses.setdefault(
                    status,
                    {
                        "description": str(ERRORS[status]),
                        "content": {"application/json": {"schema": ref}},
                    },
                )


api.add_router("/", core_router)
api.add_router("/foi/", foi_router)
api.add_router("/proactive/", proactive_router)
api.add_router("/participation/", participation_router)
api.add_router("/reports/", reports_router)
api.add_router("/listings/", listings_router)
api.add_router("/guides/", guides_router)
api.add_router("/assessment/", assessment_router)
api.add_router("/enforcement/", enforcement_router)
api.add_router("/opendata/", opendata_router)
api.add_router("/subscriptions/", subscriptions_router)
api.add_router("/outreach/", outreach_router)
api.add_router("/budgets/", budgets_router)
