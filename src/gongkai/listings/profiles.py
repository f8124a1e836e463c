"""机构职能 (organisation profile): services and selectors, kept apart from the powers list.

Name, address, office hours and phone stay on ``core.Organisation`` (edited by core's
services); this adds a body's functions, each unit's duties and phone, and the leaders with
their 分工. Every change writes the ledger in its transaction.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.models import Organisation
from gongkai.core.selectors.organisation import site_organisation
from gongkai.core.services import ledger_append
from gongkai.core.types import Actor
from gongkai.listings.indexing import profile_index
from gongkai.listings.models import Leader, OrganisationProfile, ProfileChange
from gongkai.listings.services import require_editor


def _changes(*, actor: Actor, organisation: Organisation, subject: str, reason: str, pairs) -> None:
    """Append the public history of a 机构职能 page: one row per field that changed."""
    body = organisation if organisation.kind == Organisation.Kind.BODY else organisation.parent
    if body is None:
        return
    today = timezone.localdate()
    ProfileChange.objects.bulk_create(
        ProfileChange(
            body=body,
            subject=subject[:200],
            field=field,
            old=old,
            new=new,
            reason=reason.strip()[:500],
            changed_on=today,
            recorded_by=actor,
        )  # fmt: skip
        for field, old, new in pairs
        if old != new
    )


def profile_set(
    *, actor: Actor, organisation: Organisation, functions: str, phone: str = "", reason: str = ""
) -> OrganisationProfile:
    """Set a body's functions or a unit's duties (and the unit's enquiry phone); what changed
    goes into the page's public history with ``reason``."""
    require_editor(actor, organisation)
    functions = functions.strip()
    if not functions:
        raise ServiceError("missing_functions", _("Describe the functions or duties."))
    with transaction.atomic():
        before = OrganisationProfile.objects.filter(organisation=organisation).first()
        _changes(
            actor=actor, organisation=organisation, subject=organisation.name, reason=reason,
            pairs=[
                (ProfileChange.Field.FUNCTIONS, before.functions if before else "", functions),
                (ProfileChange.Field.PHONE, before.phone if before else "", phone.strip()),
            ],
        )  # fmt: skip
        profile, created = OrganisationProfile.objects.update_or_create(
            organisation=organisation,
            defaults={
                "functions": functions,
                "phone": phone.strip(),
                "updated_on": timezone.localdate(),
            },
        )
        ledger_append(
            actor=actor,
            action="listings.profile_set",
            obj=organisation,
            organisation=organisation.body,
            summary={"name": organisation.name, "created": created},
        )
        profile_index(organisation)  # the site search, through its queue
    return profile


def _leader_check(name: str, title: str, duties: str) -> None:
    if not (name.strip() and title.strip() and duties.strip()):
        raise ServiceError(
            "missing_leader_fields", _("A leader needs a name, a post and areas of responsibility.")
        )


def leader_add(
    *,
    actor: Actor,
    organisation: Organisation,
    name: str,
    title: str,
    duties: str,
    position: int = 0,
    reason: str = "",
) -> Leader:
    require_editor(actor, organisation)
    _leader_check(name, title, duties)
    with transaction.atomic():
        leader = Leader.objects.create(
            organisation=organisation.body,
            name=name.strip(),
            title=title.strip(),
            duties=duties.strip(),
            position=position,
            updated_on=timezone.localdate(),
        )
        _leader_record(leader, actor=actor, action="leader_add")
        _changes(
            actor=actor, organisation=leader.organisation, subject=leader.name, reason=reason,
            pairs=[(ProfileChange.Field.LEADER_ADDED, "", f"{leader.title}：{leader.duties}")],
        )  # fmt: skip
    return leader


def leader_update(
    *, actor: Actor, leader: Leader, title: str, duties: str, position: int, reason: str = ""
) -> Leader:
    """A new post or a new 分工 (the name stays: another person is another leader)."""
    require_editor(actor, leader.organisation)
    _leader_check(leader.name, title, duties)
    with transaction.atomic():
        _changes(
            actor=actor, organisation=leader.organisation, subject=leader.name, reason=reason,
            pairs=[
                (ProfileChange.Field.LEADER_POST, leader.title, title.strip()),
                (ProfileChange.Field.LEADER_DUTIES, leader.duties, duties.strip()),
            ],
        )  # fmt: skip
        Leader.objects.filter(pk=leader.pk).update(
            title=title.strip(),
            duties=duties.strip(),
            position=position,
            updated_on=timezone.localdate(),
        )
        leader.refresh_from_db()
        _leader_record(leader, actor=actor, action="leader_update")
    return leader


def leader_retire(*, actor: Actor, leader: Leader, reason: str = "") -> Leader:
    require_editor(actor, leader.organisation)
    with transaction.atomic():
        if not Leader.objects.filter(pk=leader.pk, is_active=True).update(
            is_active=False, updated_on=timezone.localdate()
        ):
            raise ServiceError("already_retired", _("This leader is no longer listed."))
        _changes(
            actor=actor, organisation=leader.organisation, subject=leader.name, reason=reason,
            pairs=[(ProfileChange.Field.LEADER_RETIRED, leader.title, "")],
        )  # fmt: skip
        leader.refresh_from_db()
        _leader_record(leader, actor=actor, action="leader_retire")
    return leader


def _leader_record(leader: Leader, *, actor: Actor, action: str) -> None:
    profile_index(leader.organisation)  # the 机构职能 page lists the leaders
    ledger_append(
        actor=actor,
        action=f"listings.{action}",
        obj=leader,
        organisation=leader.organisation,
        summary={"name": leader.name, "title": leader.title},
    )


# --- selectors ---------------------------------------------------------------------------


def organisation_public(pk: int | None = None) -> Organisation:
    """A body with its profile, units (and their profiles), leaders in office and
    subordinate bodies; the site's own body when ``pk`` is None."""
    if pk is None:
        found = site_organisation()
        pk = found.pk if found else 0
    children = Organisation.objects.filter(is_active=True).select_related("profile")
    body = (
        Organisation.objects.filter(pk=pk, kind=Organisation.Kind.BODY, is_active=True)
        .select_related("profile", "parent")
        .prefetch_related(
            Prefetch(
                "children", queryset=children.order_by("kind", "id"), to_attr="active_children"
            ),
            Prefetch(
                "leaders", queryset=Leader.objects.filter(is_active=True), to_attr="in_office"
            ),
        )
        .first()
    )
    if body is None:
        raise Http404
    # The page's lists ride on the instance like the prefetched ones (templates read them).
    body.units = [c for c in body.active_children if c.kind == Organisation.Kind.UNIT]  # type: ignore[attr-defined]
    body.subordinates = [c for c in body.active_children if c.kind == Organisation.Kind.BODY]  # type: ignore[attr-defined]
    return body


def profile_changes(body: Organisation, limit: int | None = None):
    """The public history of a body's 机构职能 page, newest first."""
    changes = ProfileChange.objects.filter(body=body).order_by("-recorded_at", "-id")
    return changes[:limit] if limit else changes
