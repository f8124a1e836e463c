"""Changes to the 便民网上地图: service points and the office's tile server, with the ledger."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.models import Organisation
from gongkai.core.services import ledger_append
from gongkai.guides.indexing import point_index
from gongkai.guides.law import LATITUDE_RANGE, LONGITUDE_RANGE, PointKind
from gongkai.guides.models import Guide, MapSettings, ServicePoint
from gongkai.guides.permissions import require_editor

TILE_PLACEHOLDERS = ("{z}", "{x}", "{y}")


@dataclasses.dataclass
class PointFields:
    name: str
    kind: str
    address: str
    latitude: Decimal
    longitude: Decimal
    hours: str
    phone: str
    guide_ids: list[int] = dataclasses.field(default_factory=list)


def _check(fields: PointFields, organisation: Organisation) -> list[Guide]:
    if not fields.name.strip() or not fields.address.strip():
        raise ServiceError("missing_name", _("A service point needs a name and an address."))
    if fields.kind not in PointKind.values:
        raise ServiceError("invalid_kind", _("Choose the kind of service point."))
    if not (LATITUDE_RANGE[0] <= fields.latitude <= LATITUDE_RANGE[1]) or not (
        LONGITUDE_RANGE[0] <= fields.longitude <= LONGITUDE_RANGE[1]
    ):
        raise ServiceError(
            "outside_china",
            _("The coordinates are outside China: check latitude and longitude (GCJ-02)."),
        )
    guides = list(
        Guide.objects.filter(pk__in=fields.guide_ids, organisation__in=_family(organisation))
    )
    if len(guides) != len(set(fields.guide_ids)):
        raise ServiceError("unknown_guide", _("A listed service is not one of this body's."))
    return guides


def _family(organisation: Organisation) -> list[int]:
    """A point of a county bureau may handle its own and the city bureau's services."""
    return [o for o in (organisation.pk, organisation.parent_id) if o]


def point_save(
    *, actor, organisation: Organisation, fields: PointFields, point: ServicePoint | None = None
) -> ServicePoint:
    """Add a service point, or change one (``point``)."""
    require_editor(actor, organisation if point is None else point.organisation)
    guides = _check(fields, organisation)
    values = {f.name: getattr(fields, f.name) for f in dataclasses.fields(fields)}
    values.pop("guide_ids")
    try:
        with transaction.atomic():
            if point is None:
                point = ServicePoint.objects.create(
                    organisation=organisation, updated_on=timezone.localdate(), **values
                )
            else:
                for name, value in values.items():
                    setattr(point, name, value)
                point.updated_on = timezone.localdate()
                point.save()
            point.guides.set(guides)
            ledger_append(
                actor=actor, action="guides.point_save", obj=point, organisation=point.organisation,
                summary={"name": point.name, "latitude": str(point.latitude),
                         "longitude": str(point.longitude), "guides": sorted(fields.guide_ids)},
            )  # fmt: skip
            point_index(point)
    except IntegrityError:  # service_point_unique
        raise ServiceError(
            "duplicate_name", _("A service point of that name already exists.")
        ) from None
    return point


def point_set_active(*, actor, point: ServicePoint, active: bool) -> ServicePoint:
    """Close a point (it leaves the map) or open it again."""
    require_editor(actor, point.organisation)
    with transaction.atomic():
        if not ServicePoint.objects.filter(pk=point.pk, is_active=not active).update(
            is_active=active, updated_on=timezone.localdate()
        ):
            raise ServiceError("nothing_changed", _("Nothing was changed."))
        point.is_active = active
        ledger_append(
            actor=actor, action="guides.point_open" if active else "guides.point_close",
            obj=point, organisation=point.organisation, summary={"name": point.name},
        )  # fmt: skip
        point_index(point)
    return point


def map_settings_set(
    *, actor, organisation: Organisation, tile_url: str, attribution: str = ""
) -> MapSettings:
    """The office's tile server (a Leaflet URL template with {z}, {x} and {y}, https); an
    empty URL means no tiles: the map page shows the list and the drawn overview."""
    require_editor(actor, organisation)
    tile_url = tile_url.strip()
    if tile_url and (
        not tile_url.startswith("https://") or not all(p in tile_url for p in TILE_PLACEHOLDERS)
    ):
        raise ServiceError(
            "invalid_tile_url",
            _("The tile URL must start with https:// and contain {z}, {x} and {y}."),
        )
    with transaction.atomic():
        settings, _created = MapSettings.objects.update_or_create(
            organisation=organisation,
            defaults={
                "tile_url": tile_url[:300],
                "attribution": attribution.strip()[:200],
                "updated_on": timezone.localdate(),
            },
        )
        ledger_append(
            actor=actor, action="guides.map_settings", obj=settings, organisation=organisation,
            summary={"tile_url": settings.tile_url},
        )  # fmt: skip
    return settings
