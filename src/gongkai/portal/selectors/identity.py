"""What the footer states about the website (主办单位, 网站标识码, ICP and 公安备案 numbers)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from gongkai.core.models import Organisation
from gongkai.core.selectors.organisation import (
    forget_site_organisation,
    site_organisation_for_pages,
)
from gongkai.portal.models import SiteIdentity

_MEMO = "_gongkai_site_identity"


def site_identity_for(organisation: Organisation | None) -> SiteIdentity | None:
    if organisation is None:
        return None
    return SiteIdentity.objects.filter(organisation=organisation).first()


def site_identity_for_pages() -> SiteIdentity | None:
    """The site body's identity for page footers, read once per remembered body object
    (core keeps that object for up to 30 seconds per process, so this costs no query on
    most pages)."""
    organisation = site_organisation_for_pages()
    if organisation is None:
        return None
    if not hasattr(organisation, _MEMO):
        setattr(organisation, _MEMO, site_identity_for(organisation))
    memo: SiteIdentity | None = getattr(organisation, _MEMO)
    return memo


@receiver(post_save, sender=SiteIdentity)
@receiver(post_delete, sender=SiteIdentity)
def _identity_changed(**kwargs: object) -> None:
    forget_site_organisation()
