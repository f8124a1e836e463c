import time
from typing import Any

from django.db import DatabaseError
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from gongkai.core.models import Organisation
from gongkai.core.sitescope import current_site_scope

# Every page's header and footer shows the site's body: read it at most this often per
# process (a query per page otherwise), and at once after a change in this process.
SITE_SECONDS = 30
_site: dict[str, Any] = {}


def site_organisation() -> Organisation | None:
    """The body the current site serves (gongkai.sites, by host name); without a site,
    the body this installation serves: the first top-level body."""
    scope = current_site_scope()
    if scope is not None:
        return scope.organisation
    try:
        return Organisation.objects.filter(parent__isnull=True, kind="body").order_by("id").first()
    except DatabaseError:
        return None


def site_organisation_for_pages() -> Organisation | None:
    """``site_organisation`` for page chrome: up to SITE_SECONDS old in other workers."""
    scope = current_site_scope()
    if scope is not None:
        return scope.organisation
    now = time.monotonic()
    if _site.get("until", 0) < now:
        _site.update(value=site_organisation(), until=now + SITE_SECONDS)
    site: Organisation | None = _site["value"]
    return site


@receiver(post_save, sender=Organisation)
@receiver(post_delete, sender=Organisation)
def forget_site_organisation(**kwargs: Any) -> None:
    _site.clear()
