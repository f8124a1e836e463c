"""The powers list under /api/v1/listings/: public, read-only.

Errors: ``{"code", "message"}``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from gongkai.core.apischema import Error, ObjectId, choice
from gongkai.core.errors import NotFoundError
from gongkai.listings import profiles, selectors
from gongkai.listings.formats import power_json
from gongkai.listings.law import PowerKind

router = Router(tags=["listings"])
MAX_PAGE = 200


# Offsets a client may ask for (far beyond any real list; bounded so the database never
# sees an integer it cannot hold).
Offset = Annotated[int, Field(ge=0, le=1_000_000)]
Limit = Annotated[int, Field(ge=1, le=MAX_PAGE)]
Kind = Annotated[str, choice(PowerKind.values)]


class BasisOut(Schema):
    law: str
    article: str


class PowerOut(Schema):
    id: int
    code: str
    name: str
    kind: Kind
    kind_label: str
    organisation: str
    bases: list[BasisOut]
    exercised_by: str
    responsibilities: str
    accountability: str
    supervision: str
    remedy: str
    version: int
    changed_on: dt.date


class PowerPageOut(Schema):
    count: int
    results: list[PowerOut]


class ChangeOut(Schema):
    field: str
    old: str
    new: str


class VersionOut(Schema):
    number: int
    change: str
    changed_on: dt.date
    reason: str
    fields_changed: list[ChangeOut]


class PowerDetailOut(PowerOut):
    in_force: bool
    versions: list[VersionOut]


@router.get("/powers", response=PowerPageOut)
def powers_list(
    request,
    kind: Kind | None = None,
    q: str = "",
    organisation: ObjectId | None = None,
    offset: Offset = 0,
    limit: Limit = 50,
):
    """Powers in force by code; ``kind`` one of the ten kinds, ``q`` a substring search."""
    powers = selectors.powers_export(kind=kind or "", query=q, organisation=organisation)
    return {
        "count": powers.count(),
        "results": [power_json(p) for p in powers[offset : offset + limit]],
    }


@router.get("/powers/{power_id}", response={200: PowerDetailOut, 404: Error})
def power_detail(request, power_id: ObjectId):
    """One power (also a removed one) with its public history of adjustments."""
    try:
        power = selectors.power_public(power_id)
    except Http404:
        raise NotFoundError("not_found", _("No such power.")) from None
    return {
        **power_json(power),
        "in_force": power.is_active,
        "versions": [
            {
                "number": v.number,
                "change": v.change,
                "changed_on": v.changed_on,
                "reason": v.reason,
                "fields_changed": v.fields_changed,
            }
            for v in power.versions.all()
        ],
    }


class UnitOut(Schema):
    id: int
    name: str
    duties: str
    phone: str


class LeaderOut(Schema):
    name: str
    title: str
    duties: str


class BodyLinkOut(Schema):
    id: int
    name: str


class OrganisationOut(Schema):
    id: int
    name: str
    address: str
    office_hours: str
    phone: str
    functions: str
    leaders: list[LeaderOut]
    units: list[UnitOut]
    subordinates: list[BodyLinkOut]


def _profile(organisation, field: str) -> str:
    profile = getattr(organisation, "profile", None)
    return getattr(profile, field, "") if profile else ""


@router.get("/organisation/{organisation_id}", response={200: OrganisationOut, 404: Error})
def organisation(request, organisation_id: ObjectId):
    """A body's 机构职能: functions, leaders and 分工, units with duties, subordinate bodies."""
    try:
        body = profiles.organisation_public(organisation_id)
    except Http404:
        raise NotFoundError("not_found", _("No such organisation.")) from None
    return {
        "id": body.pk,
        "name": body.name,
        "address": body.address,
        "office_hours": body.office_hours,
        "phone": body.phone,
        "functions": _profile(body, "functions"),
        "leaders": [
            {"name": leader.name, "title": leader.title, "duties": leader.duties}
            # in_office, units, subordinates: lists organisation_public puts on the body
            for leader in body.in_office  # type: ignore[attr-defined]
        ],
        "units": [
            {
                "id": u.pk,
                "name": u.name,
                "duties": _profile(u, "functions"),
                "phone": _profile(u, "phone"),
            }
            for u in body.units  # type: ignore[attr-defined]
        ],
        "subordinates": [
            {"id": s.pk, "name": s.name}
            for s in body.subordinates  # type: ignore[attr-defined]
        ],
    }
