"""The registry of built-in open datasets: every public list of the platform, as a table.

Domain apps never import the open data catalog (it sits above them): each app that has a
public list puts a ``datasets.py`` module beside its ``navigation.py`` and registers, for
each list, a ``BuiltinDataset``: its stable key, its fields (name, type, meaning) and a
callable yielding the rows, built on the app's public selectors only, so a dataset never
holds more than the public pages show. ``gongkai.opendata`` discovers these modules, keeps
one catalog record per key, and writes the CSV, JSON and XLSX downloads and the DCAT
catalogue from them (docs/opendata.md, "Adding a built-in dataset").

Pure Python apart from lazy labels: no models, so every layer may import it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

# Field types, as Frictionless Table Schema names them (https://specs.frictionlessdata.io/).
FIELD_TYPES = ("string", "integer", "number", "date", "datetime", "boolean")


@dataclass(frozen=True)
class DatasetField:
    name: str  # the column key in JSON, e.g. "decided_on"
    title: str  # the column heading in CSV and XLSX, e.g. "决定日期"
    type: str  # one of FIELD_TYPES
    meaning: object = ""  # what the column holds (a lazy translation)


@dataclass(frozen=True)
class BuiltinDataset:
    key: str  # stable slug, e.g. "enforcement-decisions"; the catalog record's slug
    title: object  # lazy translation
    description: object
    theme: str  # a theme code of gongkai.opendata.vocabulary.THEMES, e.g. "gove"
    frequency: str  # a frequency code of gongkai.opendata.vocabulary.FREQUENCIES
    fields: tuple[DatasetField, ...]
    rows: Callable[[], Iterable[dict[str, Any]]]  # one dict per row, keyed by field name
    # When the data last changed (None: not known); the catalogue's dct:modified.
    modified: Callable[[], dt.datetime | None] | None = None
    page: str = ""  # URL name of the public page of the list (the dataset's landing page)


_datasets: dict[str, BuiltinDataset] = {}


def register_dataset(dataset: BuiltinDataset) -> BuiltinDataset:
    """Register one built-in dataset; registering the same key again replaces it."""
    if any(f.type not in FIELD_TYPES for f in dataset.fields):
        raise ValueError(f"dataset {dataset.key}: unknown field type")
    _datasets[dataset.key] = dataset
    return dataset


def unregister_dataset(key: str) -> None:
    _datasets.pop(key, None)


def registered_datasets() -> list[BuiltinDataset]:
    return list(_datasets.values())


def registered_dataset(key: str) -> BuiltinDataset | None:
    return _datasets.get(key)
