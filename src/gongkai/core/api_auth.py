"""Authentication for the JSON API: a staff session, or ``Authorization: Bearer <token>``."""

from django.utils import timezone
from ninja.security import HttpBearer, django_auth

from gongkai.core.models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
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


# Staff endpoints accept either; list order is the order ninja tries them.
staff_auth = [TokenAuth(), django_auth]
