"""The open data catalog under /api/v1/opendata/: public.

Reading a dataset's records counts against a key's limits (header ``X-API-Key`` or
``?key=``) or, without one, the anonymous limits of the caller's address; a conditionally
open dataset needs a key granted it. Errors: ``{"code", "message"}`` (429 over a limit).
"""

from __future__ import annotations

import datetime as dt
from itertools import islice
from typing import Annotated, Any

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from gongkai.core.apischema import Error, ObjectId, choice
from gongkai.core.clientip import client_address
from gongkai.core.datasets import FIELD_TYPES
from gongkai.core.errors import NotFoundError
from gongkai.opendata import selectors, services
from gongkai.opendata.models import DataRequest
from gongkai.opendata.views import key_text
from gongkai.opendata.vocabulary import MEDIA_TYPES, Condition, Format, Frequency, Licence, Theme

router = Router(tags=["opendata"])
MAX_PAGE = 1000
Offset = Annotated[int, Field(ge=0, le=10_000_000)]
Limit = Annotated[int, Field(ge=1, le=MAX_PAGE)]


class OpenDistributionOut(Schema):
    format: Annotated[str, choice(Format.values)]
    media_type: str
    download_url: str
    downloads: int


class OpenFieldOut(Schema):
    name: str
    title: str
    type: Annotated[str, choice(FIELD_TYPES)]
    meaning: str


class OpenDatasetOut(Schema):
    slug: str
    title: str
    description: str
    publisher: str
    theme: Annotated[str, choice(Theme.values)]
    theme_label: str
    frequency: Annotated[str, choice(Frequency.values)]
    condition: Annotated[str, choice(Condition.values)]
    licence: Annotated[str, choice(Licence.values)]
    builtin: bool
    modified: dt.datetime
    downloads: int
    distributions: list[OpenDistributionOut]


class OpenDatasetPageOut(Schema):
    count: int
    results: list[OpenDatasetOut]


class OpenDatasetDetailOut(OpenDatasetOut):
    fields: list[OpenFieldOut]


class OpenRecordsOut(Schema):
    dataset: str
    fields: list[OpenFieldOut]
    offset: int
    records: list[dict[str, Any]]
    more: bool


class DataRequestIn(Schema):
    applicant: str = Field(max_length=100)
    organisation_name: str = Field("", max_length=120)
    purpose: str = Field(max_length=2000)
    phone: str = Field("", max_length=30)
    email: str = Field("", max_length=254)


class DataRequestOut(Schema):
    status: Annotated[str, choice(DataRequest.Status.values)]
    follow_url: str


def _dataset_out(request, dataset) -> dict:
    counts = selectors.download_counts(dataset)
    return {
        "slug": dataset.slug,
        "title": dataset.title,
        "description": dataset.description,
        "publisher": dataset.publisher.name,
        "theme": dataset.theme,
        "theme_label": str(dataset.get_theme_display()),
        "frequency": dataset.frequency,
        "condition": dataset.condition,
        "licence": dataset.licence,
        "builtin": dataset.is_builtin,
        "modified": selectors.modified_of(dataset),
        "downloads": counts["total"],
        "distributions": [
            {
                "format": f,
                "media_type": MEDIA_TYPES[f],
                "download_url": request.build_absolute_uri(
                    reverse("opendata:download", args=[dataset.slug, f])
                ),
                "downloads": counts.get(f, 0),
            }
            for f in selectors.formats_of(dataset)
        ],
    }


def _found(slug: str):
    try:
        return selectors.dataset_public(slug)
    except Http404:
        raise NotFoundError("not_found", _("No such dataset.")) from None


@router.get("/datasets", response=OpenDatasetPageOut)
def datasets_list(
    request,
    q: str = "",
    theme: Annotated[str, choice(Theme.values)] | None = None,
    publisher: ObjectId | None = None,
    condition: Annotated[str, choice(Condition.values)] | None = None,
    format: Annotated[str, choice(Format.values)] | None = None,  # noqa: A002 - the query parameter's name
    offset: Offset = 0,
    limit: Annotated[int, Field(ge=1, le=200)] = 50,
):
    """Published datasets by title, filtered like the portal's catalog."""
    found = selectors.datasets_public(
        selectors.CatalogFilters(theme=theme or "", publisher=publisher,
                                 condition=condition or "", file_format=format or "", query=q)
    )  # fmt: skip
    return {
        "count": found.count(),
        "results": [_dataset_out(request, d) for d in found[offset : offset + limit]],
    }


@router.get("/datasets/{slug}", response={200: OpenDatasetDetailOut, 404: Error})
def dataset_detail(request, slug: str):
    """One dataset with its fields (name, column heading, type, meaning) and files."""
    dataset = _found(slug)
    fields = [f.__dict__ for f in selectors.fields_of(dataset)]
    return {**_dataset_out(request, dataset), "fields": fields}


@router.get(
    "/datasets/{slug}/records",
    response={200: OpenRecordsOut, 403: Error, 404: Error, 429: Error},
)
def dataset_records(request, slug: str, offset: Offset = 0, limit: Limit = 100):
    """A page of a built-in dataset's records, keyed by field name; ``more`` tells whether
    another page follows. Counted as one API read."""
    dataset = _found(slug)
    if not dataset.is_builtin:
        raise NotFoundError(
            "no_records", _("This dataset's records are in its files; download them.")
        )
    services.download_authorize(
        dataset=dataset, file_format="api", key_text=key_text(request),
        client=client_address(request),
    )  # fmt: skip
    fields = selectors.fields_of(dataset)
    page = list(islice(selectors.rows_of(dataset), offset, offset + limit + 1))
    return {
        "dataset": dataset.slug,
        "fields": [f.__dict__ for f in fields],
        "offset": offset,
        "records": [{f.name: row.get(f.name) for f in fields} for row in page[:limit]],
        "more": len(page) > limit,
    }


@router.post("/datasets/{slug}/requests", response={201: DataRequestOut, 404: Error})
def request_submit(request, slug: str, payload: DataRequestIn):
    """Request a conditionally open dataset; follow it (and collect the key once approved)
    at ``follow_url``, which is the only copy of its secret."""
    dataset = _found(slug)
    created, token = services.request_submit(dataset=dataset, **payload.dict())
    url = request.build_absolute_uri(reverse("opendata:follow", args=[token]))
    return 201, {"status": created.status, "follow_url": url}
