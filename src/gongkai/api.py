"""The JSON API under /api/v1/, with its OpenAPI document at /api/v1/openapi.json.

Each domain contributes a router; errors share one shape: ``{"code", "message"}``.
"""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError

from gongkai.core.api import router as core_router
from gongkai.core.errors import ServiceError
from gongkai.foi.api import router as foi_router
from gongkai.listings.api import router as listings_router
from gongkai.participation.api import router as participation_router
from gongkai.proactive.api import router as proactive_router
from gongkai.reports.api import router as reports_router

api = NinjaAPI(
    title="gongkai API",
    version="1.0.0",
    description=str(_("The platform's operations for portals and provincial platforms.")),
    urls_namespace="api",
)


@api.exception_handler(ServiceError)
def service_error(request, error: ServiceError):
    return api.create_response(
        request, {"code": error.code, "message": error.message}, status=error.status
    )


@api.exception_handler(NinjaValidationError)
def validation_error(request, error: NinjaValidationError):
    return api.create_response(
        request,
        {
            "code": "invalid_input",
            "message": str(_("The input is invalid.")),
            "details": error.errors,
        },
        status=422,
    )


api.add_router("/", core_router)
api.add_router("/foi/", foi_router)
api.add_router("/proactive/", proactive_router)
api.add_router("/participation/", participation_router)
api.add_router("/reports/", reports_router)
api.add_router("/listings/", listings_router)
