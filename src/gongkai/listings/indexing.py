"""Keeping the site search (gongkai.search) in step with the powers list.

A power in force is a document; a removed one leaves the index. An import enqueues its
documents in one bulk insert and applies them in one batch after commit (one index write
for the whole list, not one per power).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.clockmath import CHINA
from gongkai.core.models import Organisation
from gongkai.listings.models import Leader, OrganisationProfile, Power
from gongkai.search.documents import SearchDocument, register_source
from gongkai.search.models import PendingIndexOp
from gongkai.search.services import apply_pending, enqueue_delete, enqueue_upsert

KIND = "listings_power"
PREFIX = "listings-power:"


def document_id(power: Power) -> str:
    return f"{PREFIX}{power.pk}"


def power_document(power: Power, bases: Iterable | None = None) -> SearchDocument:
    bases = power.bases.all() if bases is None else bases
    body = "\n".join(
        [
            power.code,
            str(power.get_kind_display()),
            *(str(b) for b in bases),
            power.exercised_by,
            power.responsibilities,
        ]
    )
    return SearchDocument(
        id=document_id(power),
        title=power.name,
        body=body,
        url=reverse("listings:power", args=[power.pk]),
        organisation=power.organisation.name,
        year=power.changed_on.year,
        kind=KIND,
        published_at=dt.datetime.combine(power.changed_on, dt.time(), tzinfo=CHINA),
    )


def power_index(power: Power) -> None:
    if power.is_active:
        enqueue_upsert(power_document(power))
    else:
        enqueue_delete(document_id(power))


def powers_index(powers: list[Power], bases: dict[int, list]) -> None:
    """Many powers at once (an import): one insert, one index write after commit."""
    if not powers:
        return
    documents = [power_document(p, bases.get(p.pk, [])) for p in powers]
    PendingIndexOp.objects.bulk_create(
        PendingIndexOp(doc_id=d.id, op=PendingIndexOp.Op.UPSERT, payload=d.to_payload())
        for d in documents
    )
    ids = [d.id for d in documents]
    transaction.on_commit(lambda: apply_pending(ids), robust=True)


def powers_unindex(powers: list[Power]) -> None:
    """Many powers leave the index at once (an import that removes them)."""
    if not powers:
        return
    ids = [document_id(p) for p in powers]
    PendingIndexOp.objects.bulk_create(
        PendingIndexOp(doc_id=i, op=PendingIndexOp.Op.DELETE) for i in ids
    )
    transaction.on_commit(lambda: apply_pending(ids), robust=True)


def powers_source() -> Iterator[SearchDocument]:
    """The reindex source: every power in force."""
    powers = (
        Power.objects.filter(is_active=True)
        .select_related("organisation")
        .prefetch_related("bases")
    )
    for power in powers.iterator(chunk_size=500):
        yield power_document(power)


def powers_count() -> int:
    return Power.objects.filter(is_active=True).count()


def visible_power_ids(ids: list[str]) -> Iterable[str]:
    """Search visibility: ids of other sources pass; powers must be in force now."""
    wanted = {
        int(i[len(PREFIX) :]) for i in ids if i.startswith(PREFIX) and i[len(PREFIX) :].isdigit()
    }
    if not wanted:  # no id of ours on this page: no query to build
        return ids
    active = set(Power.objects.filter(is_active=True, pk__in=wanted).values_list("pk", flat=True))
    return [i for i in ids if not i.startswith(PREFIX) or int(i[len(PREFIX) :]) in active]


# ------------------------------------------------------------------ 机构职能

PROFILE_KIND = "listings_profile"
PROFILE_PREFIX = "listings-profile:"


def _profiled_bodies():
    """Active bodies with a functions profile: each has a public 机构职能 page."""
    return Organisation.objects.filter(
        kind=Organisation.Kind.BODY, is_active=True, profile__isnull=False
    )


def profile_document(body: Organisation) -> SearchDocument:
    """A body's 机构职能 page: its functions, its units' duties, its leaders' 分工."""
    units = (
        OrganisationProfile.objects.filter(organisation__parent=body, organisation__is_active=True)
        .select_related("organisation")
        .order_by("organisation_id")
    )
    leaders = Leader.objects.filter(organisation=body, is_active=True)
    parts = [body.profile.functions]
    parts += [f"{p.organisation.name} {p.functions}" for p in units]
    parts += [f"{leader.title} {leader.name} {leader.duties}" for leader in leaders]
    updated = body.profile.updated_on
    return SearchDocument(
        id=f"{PROFILE_PREFIX}{body.pk}",
        title=_("%(name)s: organisation and functions") % {"name": body.name},
        body="\n".join(parts),
        url=reverse("listings:organisation_other", args=[body.pk]),
        organisation=body.name,
        year=updated.year,
        kind=PROFILE_KIND,
        published_at=dt.datetime.combine(updated, dt.time(), tzinfo=CHINA),
    )


def profile_index(organisation: Organisation) -> None:
    """Re-index the 机构职能 page that shows ``organisation`` (a body, or a unit's body)."""
    body = organisation if organisation.kind == Organisation.Kind.BODY else organisation.parent
    if body is None:
        return
    body = _profiled_bodies().select_related("profile").filter(pk=body.pk).first()
    if body is not None:
        enqueue_upsert(profile_document(body))


def profiles_source() -> Iterator[SearchDocument]:
    for body in _profiled_bodies().select_related("profile").iterator(chunk_size=200):
        yield profile_document(body)


def _visible_profiles(pks: list[int]) -> Iterable[int]:
    return _profiled_bodies().filter(pk__in=pks).values_list("pk", flat=True)


def register_profile_source() -> None:
    register_source(
        profiles_source,
        count=lambda: _profiled_bodies().count(),
        kind=PROFILE_KIND,
        label=gettext_lazy("Organisation and functions"),
        prefix=PROFILE_PREFIX,
        visible=_visible_profiles,
    )
