"""Authentication for the JSON API: ``Authorization: Bearer <token>`` or a staff session.

A request with neither gets 401 (with ``WWW-Authenticate: Bearer``); only a request that
does carry a signed-in session must also carry its CSRF token (403 ``csrf_failed``).
"""

from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import HttpBearer
from ninja.security import SessionAuth as NinjaSessionAuth
from ninja.utils import check_csrf

from gongkai.core.errors import PermissionDeniedError
from gongkai.core.models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        record = (
            ApiToken.objects.select_related("user")
            .filter(token_hash=ApiToken.hash(token), is_active=True, user__is_active=True)
            .first()
        )
        if record is None:
            return None
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=timezone.now())
        request.user = record.user
        return record.user


class SessionAuth(NinjaSessionAuth):
    """A signed-in session; its CSRF token is checked only when there is a session to
    protect, so a client without credentials learns it must authenticate (401)."""

    def _get_key(self, request: HttpRequest) -> str | None:
        if not request.user.is_authenticated:
            return None
        if check_csrf(request) is not None:
            raise PermissionDeniedError(
                "csrf_failed", _("The form has expired. Please reload the page and try again.")
            )
        return request.COOKIES.get(self.param_name)


# Staff endpoints accept either; list order is the order ninja tries them.
staff_auth = [TokenAuth(), SessionAuth()]
