"""Service guides (办事指南) in force as an open dataset (gongkai.core.datasets), built on
``selectors.guides_export`` and the columns of the guides' own download."""

from __future__ import annotations

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from gongkai.core.datasets import BuiltinDataset, DatasetField, register_dataset
from gongkai.guides.formats import GUIDE_COLUMNS
from gongkai.guides.selectors import guides_export, guides_public

NAMES = ("code", "name", "organisation", "power_code", "bases", "conditions", "materials",
         "steps", "legal_days", "promised_days", "charges_fee", "fee_standard", "fee_basis",
         "place", "hours", "enquiry_phone", "complaint_phone", "visits", "online_depth",
         "version", "changed_on")  # fmt: skip
TYPES = {"legal_days": "integer", "promised_days": "integer", "visits": "integer",
         "version": "integer", "changed_on": "date"}  # fmt: skip


def _rows():
    for guide in guides_export():
        yield {name: value(guide) for name, (_h, value) in zip(NAMES, GUIDE_COLUMNS, strict=True)}


def _modified():
    return guides_public().aggregate(latest=Max("updated_at"))["latest"]


register_dataset(
    BuiltinDataset(
        key="service-guides",
        title=_("Service guides"),
        description=_(
            "The service items in force with their conditions, materials, steps, time "
            "limits, fees, places and phones."
        ),
        theme="soci",
        frequency="irregular",
        fields=tuple(
            DatasetField(name, header, TYPES.get(name, "string"), header)
            for name, (header, _value) in zip(NAMES, GUIDE_COLUMNS, strict=True)
        ),
        rows=_rows,
        modified=_modified,
        page="guides:guides",
    )
)
