"""Reads of the open data catalog for the portal, the workbench, the API and the DCAT
catalogue. The rows of a built-in dataset come only from its registered source, which is
built on its app's public selectors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from gongkai.core.access import organisation_ids_visible_to
from gongkai.core.datasets import BuiltinDataset, registered_dataset
from gongkai.core.sitescope import scoped
from gongkai.core.types import AnyUser
from gongkai.opendata.models import ApiKey, DataRequest, Dataset
from gongkai.opendata.vocabulary import BUILTIN_FORMATS, Condition, FieldType, Theme

MAX_QUERY = 60


@dataclass(frozen=True)
class FieldInfo:
    name: str
    title: str
    type: str
    meaning: str

    @property
    def type_label(self) -> str:
        return str(FieldType(self.type).label) if self.type in FieldType.values else self.type


@dataclass(frozen=True)
class CatalogFilters:
    theme: str = ""
    publisher: int | None = None
    condition: str = ""
    file_format: str = ""
    query: str = ""


def _published() -> QuerySet[Dataset]:
    # On a body's site (gongkai.sites) only the datasets its bodies publish.
    return scoped(Dataset.objects.filter(is_published=True), "publisher_id", None)


def datasets_public(filters: CatalogFilters | None = None) -> QuerySet[Dataset]:
    """Published datasets by title; ``query`` a substring of title, description or keywords."""
    filters = filters or CatalogFilters()
    found = _published().select_related("publisher")
    if filters.theme in Theme.values:
        found = found.filter(theme=filters.theme)
    if filters.publisher:
        found = found.filter(publisher_id=filters.publisher)
    if filters.condition in Condition.values:
        found = found.filter(condition=filters.condition)
    if filters.file_format in BUILTIN_FORMATS:
        # Built-in datasets come in every format; others in the formats of their files.
        found = found.filter(Q(resources__format=filters.file_format) | ~Q(source="")).distinct()
    for term in (filters.query or "")[:MAX_QUERY].split():
        found = found.filter(
            Q(title__icontains=term) | Q(description__icontains=term) | Q(keywords__icontains=term)
        )
    return found.prefetch_related("resources", "downloads").order_by("title", "pk")


def theme_counts() -> list[tuple[str, str, int]]:
    counts = dict(
        _published().values_list("theme").annotate(n=Count("id")).values_list("theme", "n")
    )
    return [(t.value, str(t.label), counts[t.value]) for t in Theme if counts.get(t.value)]


def publishers() -> list[tuple[int, str]]:
    return list(
        _published()
        .values_list("publisher_id", "publisher__name")
        .distinct()
        .order_by("publisher__name")
    )


def dataset_public(slug: str) -> Dataset:
    found = (
        _published()
        .filter(slug=slug)
        .select_related("publisher")
        .prefetch_related("resources", "downloads", "field_rows")
        .first()
    )
    if found is None:
        raise Http404
    return found


def builtin_of(dataset: Dataset) -> BuiltinDataset | None:
    return registered_dataset(dataset.source) if dataset.source else None


def fields_of(dataset: Dataset) -> list[FieldInfo]:
    builtin = builtin_of(dataset)
    if builtin is not None:
        return [FieldInfo(f.name, f.title, f.type, str(f.meaning)) for f in builtin.fields]
    return [FieldInfo(f.name, f.name, f.type, f.meaning) for f in dataset.field_rows.all()]


def rows_of(dataset: Dataset) -> Iterator[dict[str, Any]]:
    """The rows of a built-in dataset (nothing for one whose source is gone)."""
    builtin = builtin_of(dataset)
    if builtin is not None:
        yield from builtin.rows()


def modified_of(dataset: Dataset) -> dt.datetime:
    """When the dataset last changed: its data (as its source tells) or its description."""
    builtin = builtin_of(dataset)
    data = builtin.modified() if builtin is not None and builtin.modified else None
    return max(d for d in (data, dataset.modified_at) if d is not None)


def formats_of(dataset: Dataset) -> list[str]:
    if dataset.is_builtin:
        return list(BUILTIN_FORMATS)
    return sorted(r.format for r in dataset.resources.all())


def download_counts(dataset: Dataset) -> dict[str, int]:
    """Downloads per format (and "api": rows read through the API), with their total."""
    counts = {d.format: d.count for d in dataset.downloads.all()}
    counts["total"] = sum(counts.values())
    return counts


# --- workbench ---------------------------------------------------------------------------


def datasets_for_office(user: AnyUser) -> QuerySet[Dataset]:
    found = Dataset.objects.select_related("publisher").order_by("title", "pk")
    visible = organisation_ids_visible_to(user)
    return found if visible is None else found.filter(publisher_id__in=visible)


def dataset_for_office(user: AnyUser, pk: int) -> Dataset:
    found = datasets_for_office(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def requests_for_office(user: AnyUser) -> QuerySet[DataRequest]:
    found = DataRequest.objects.select_related("dataset", "api_key").order_by(
        "status", "-submitted_at"
    )
    visible = organisation_ids_visible_to(user)
    return found if visible is None else found.filter(dataset__publisher_id__in=visible)


def request_for_office(user: AnyUser, pk: int) -> DataRequest:
    found = requests_for_office(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def keys_for_office() -> QuerySet[ApiKey]:
    return ApiKey.objects.prefetch_related("datasets").order_by("-created_at")
