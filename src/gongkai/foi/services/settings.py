"""A body's disclosure settings: whom replies name for remedies, the supplement minimum."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.access import has_role
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Organisation, Role
from gongkai.core.services import ledger_append
from gongkai.core.types import Actor
from gongkai.foi import law
from gongkai.foi.models import BodySettings
from gongkai.foi.selectors import require_remedy_settings, settings_of, supplement_minimum_days

__all__ = [
    "body_settings_set",
    "require_remedy_settings",
    "settings_of",
    "supplement_minimum_days",
]


def body_settings_set(
    *,
    organisation: Organisation,
    actor: Actor,
    review_authority: str,
    court: str,
    supplement_minimum_days: int = law.SUPPLEMENT_MINIMUM_DAYS,
) -> BodySettings:
    """The office sets whom replies name and the minimum period to supplement."""
    if actor is None or not has_role(actor, Role.OFFICE, Role.ADMIN):
        raise PermissionDeniedError(
            "office_only", _("Only the openness office can change these settings.")
        )
    review_authority, court = review_authority.strip(), court.strip()
    if not review_authority or not court:
        raise ServiceError(
            "remedy_settings_missing",
            _("Name the administrative review authority and the people's court."),
        )
    if not 1 <= supplement_minimum_days <= law.SUPPLEMENT_MINIMUM_DAYS_MAX:
        raise ServiceError(
            "invalid_supplement_minimum",
            _("The minimum supplement period is 1 to %(max)d working days.")
            % {"max": law.SUPPLEMENT_MINIMUM_DAYS_MAX},
        )
    with transaction.atomic():
        found, _created = BodySettings.objects.update_or_create(
            organisation=organisation,
            defaults={
                "review_authority": review_authority,
                "court": court,
                "supplement_minimum_days": supplement_minimum_days,
            },
        )
        ledger_append(
            actor=actor,
            action="foi.settings_set",
            obj=found,
            organisation=organisation,
            summary={
                "review_authority": review_authority,
                "court": court,
                "supplement_minimum_days": supplement_minimum_days,
            },
        )
    return found
