"""The page a visitor sees while the database is away (restart, failover): 503, not 500.

Django's ``handler500`` (set in ``gongkai/urls.py``) runs inside the ``except`` that caught
the error, so the error is at hand. A lost database is not a defect of the page: the
visitor gets a Chinese "try again shortly" page with ``Retry-After``, the log says what
happened in one line instead of a traceback, and nothing here touches the database. The
next request after the database is back simply works: Django drops a connection that
failed at the end of its request and opens a new one.
"""

from __future__ import annotations

import logging
import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger("gongkai.outage")
RETRY_AFTER_SECONDS = 30


def database_unavailable(error: BaseException | None) -> bool:
    if isinstance(error, OperationalError | InterfaceError):
        return True
    # psycopg's own errors when Django has not wrapped them (the connection dropped
    # between two statements).
    cause = getattr(error, "__cause__", None)
    return isinstance(error, DatabaseError) and isinstance(cause, OperationalError)


@requires_csrf_token
def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    error = sys.exc_info()[1]
    if database_unavailable(error):
        logger.warning("database unavailable: %s %s answered 503", request.method, request.path)
        response = HttpResponse(
            loader.get_template("503.html").render(), status=503, content_type="text/html"
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.get_template(template_name).render())
