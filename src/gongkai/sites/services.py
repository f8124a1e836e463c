"""Every change to sites and reprints, each in one transaction with its ledger entry."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gongkai.core.access import has_role, organisation_ids_visible_to
from gongkai.core.cache import public_content_changed
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Organisation, Role
from gongkai.core.services.background import messages_queue
from gongkai.core.services.ledger import ledger_append
from gongkai.core.services.organisation import organisation_create, staff_create
from gongkai.core.types import Actor
from gongkai.portal.models import OpennessGuide, SiteIdentity
from gongkai.portal.services import columns_copy
from gongkai.proactive.models import PUBLIC, Item
from gongkai.sites.models import Reprint, Site

# What a new site takes from the template site (the platform's look and shared filings).
TEMPLATE_FIELDS = ("brand_colour", "link_colour", "logo")


def _require_admin(actor: Actor) -> None:
    # The system (commands run by the operator, demo loading) is allowed.
    if actor is not None and not has_role(actor, Role.ADMIN):
        raise PermissionDeniedError(
            "not_allowed", _("Only administrators of the platform manage sites.")
        )


def _require_office_of(actor: Actor, site: Site) -> None:
    if actor is None:
        return
    if not has_role(actor, Role.OFFICE, Role.ADMIN):
        raise PermissionDeniedError("not_allowed", _("Only the openness office may do this."))
    visible = organisation_ids_visible_to(actor)
    if visible is not None and site.organisation_id not in visible:
        raise PermissionDeniedError(
            "outside_scope", _("This site is outside your area of responsibility.")
        )


def template_site() -> Site | None:
    return Site.objects.filter(is_template=True).order_by("id").first()


def _copy_defaults(*, actor: Actor, template: Site, site: Site) -> list[str]:
    """The template's colours and logo, and its body's guide and footer filings adapted to
    the new body where the new body has none yet."""
    copied = []
    for name in TEMPLATE_FIELDS:
        setattr(site, name, getattr(template, name))
    site.save(update_fields=list(TEMPLATE_FIELDS))
    body, source = site.organisation, template.organisation
    guide = OpennessGuide.objects.filter(organisation=source).first()
    if guide is not None and not OpennessGuide.objects.filter(organisation=body).exists():
        OpennessGuide.objects.create(
            organisation=body,
            classification=guide.classification,
            how_to_obtain=guide.how_to_obtain,
            office_name=_("Openness office of %(body)s") % {"body": body.name},
            address=body.address or guide.address,
            office_hours=body.office_hours or guide.office_hours,
            phone=body.phone or guide.phone,
            internet_contact=guide.internet_contact,
        )
        copied.append("guide")
    identity = SiteIdentity.objects.filter(organisation=source).first()
    if identity is not None and not SiteIdentity.objects.filter(organisation=body).exists():
        # The platform's ICP and public security filings cover every site under it; the
        # website identification code is issued per site and left for the office.
        SiteIdentity.objects.create(
            organisation=body,
            icp_number=identity.icp_number,
            police_number=identity.police_number,
        )
        copied.append("identity")
    return copied


def site_create(
    *,
    actor: Actor,
    organisation: Organisation,
    name: str,
    host: str,
    path_prefix: str = "",
    bodies: Sequence[Organisation] = (),
    is_platform: bool = False,
    is_default: bool = False,
    is_template: bool = False,
    brand_colour: str = "",
    link_colour: str = "",
    guide_url: str = "",
    template: Site | None = None,
) -> Site:
    """A site for a body (or a group of bodies); defaults from ``template`` when given."""
    _require_admin(actor)
    if organisation.kind != Organisation.Kind.BODY:
        raise ServiceError("not_a_body", _("A site belongs to a public body, not a unit."))
    site = Site(
        organisation=organisation,
        name=name.strip() or organisation.name,
        host=host.strip().lower(),
        path_prefix=path_prefix.strip().strip("/").lower(),
        is_platform=is_platform,
        is_default=is_default,
        is_template=is_template,
        guide_url=guide_url.strip(),
    )
    if brand_colour:
        site.brand_colour = brand_colour
    if link_colour:
        site.link_colour = link_colour
    try:
        site.full_clean()
    except ValidationError as error:
        raise ServiceError("invalid_site", "; ".join(error.messages)) from None
    copied: list[str] = []
    try:
        with transaction.atomic():
            site.save()
            site.bodies.set(bodies)
            if template is not None:
                copied = _copy_defaults(actor=actor, template=template, site=site)
                if columns_copy(
                    actor=actor,
                    site_id=site.pk,
                    organisation=organisation,
                    source_site_id=template.pk,
                ):
                    copied.append("columns")
                if brand_colour or link_colour:  # given colours win over the template's
                    site.brand_colour = brand_colour or site.brand_colour
                    site.link_colour = link_colour or site.link_colour
                    site.save(update_fields=["brand_colour", "link_colour"])
            ledger_append(
                actor=actor,
                action="sites.site_create",
                obj=site,
                organisation=organisation,
                summary={
                    "name": site.name,
                    "address": site.address,
                    "bodies": [b.name for b in bodies],
                    "platform": is_platform,
                    "template": template.name if template else "",
                    "copied": copied,
                },
            )
    except IntegrityError:
        raise ServiceError(
            "site_exists",
            _("Another site already has the address %(address)s.") % {"address": site.address},
        ) from None
    transaction.on_commit(public_content_changed)
    return site


@dataclass(frozen=True)
class Invitation:
    username: str
    full_name: str
    email: str = ""


@dataclass
class NewBodySite:
    site: Site
    organisation: Organisation
    passwords: dict[str, str]  # username -> first password, shown once to the creator


def site_for_new_body(
    *,
    actor: Actor,
    name: str,
    code: str,
    credit_code: str,
    host: str,
    path_prefix: str = "",
    parent: Organisation | None = None,
    invite: Sequence[Invitation] = (),
    template: Site | None = None,
    is_platform: bool = False,
    is_default: bool = False,
    is_template: bool = False,
) -> NewBodySite:
    """One step for a body joining the platform: the body (by its credit code), its site
    with the template site's defaults, and its openness office staff invited."""
    _require_admin(actor)
    template = template or template_site()
    with transaction.atomic():
        organisation = (
            Organisation.objects.filter(credit_code=credit_code).first() if (credit_code) else None
        )
        if organisation is None:
            organisation = organisation_create(
                actor=actor, name=name, code=code, credit_code=credit_code, parent=parent
            )
        site = site_create(
            actor=actor,
            organisation=organisation,
            name=name or organisation.name,
            host=host,
            path_prefix=path_prefix,
            template=template,
            is_platform=is_platform,
            is_default=is_default,
            is_template=is_template,
        )
        passwords = {}
        people = []
        for person in invite:
            password = secrets.token_urlsafe(12)
            profile = staff_create(
                actor=actor,
                username=person.username,
                full_name=person.full_name,
                organisation=organisation,
                roles=[Role.OFFICE],
                password=password,
                email=person.email,
            )
            passwords[person.username] = password
            people.append(profile.user)
        if people:
            messages_queue(
                people=people,
                subject=_("Your account on %(site)s") % {"site": site.name},
                body=_(
                    "An account for the openness office of %(body)s was opened on %(address)s. "
                    "The administrator will give you your first password; change it when you "
                    "first sign in."
                )
                % {"body": organisation.name, "address": site.address},
            )
    return NewBodySite(site=site, organisation=organisation, passwords=passwords)


def reprint_add(*, actor: Actor, site: Site, item: Item) -> Reprint:
    """转载: show a published item of another body on ``site`` by reference."""
    _require_office_of(actor, site)
    if not Item.objects.filter(PUBLIC, pk=item.pk).exists():
        raise ServiceError("not_published", _("Only published information can be reprinted."))
    if site.is_platform or item.organisation_id == site.organisation_id:
        raise ServiceError("already_shown", _("This site already shows this information."))
    with transaction.atomic():
        reprint, created = Reprint.objects.get_or_create(
            site=site, item=item, defaults={"added_by": actor}
        )
        if created:
            ledger_append(
                actor=actor,
                action="sites.reprint_add",
                obj=reprint,
                organisation=site.organisation,
                summary={"site": site.name, "item": item.pk, "from": item.organisation.name},
            )
    transaction.on_commit(public_content_changed)
    return reprint


def reprint_remove(*, actor: Actor, reprint: Reprint) -> None:
    _require_office_of(actor, reprint.site)
    with transaction.atomic():
        ledger_append(
            actor=actor,
            action="sites.reprint_remove",
            obj=reprint,
            organisation=reprint.site.organisation,
            summary={"site": reprint.site.name, "item": reprint.item_id},
        )
        reprint.delete()
    transaction.on_commit(public_content_changed)
