"""The catalogue for harvesters: DCAT-AP in JSON-LD at a stable URL (/opendata/catalog.jsonld).

DCAT-AP 2 (https://semiceu.github.io/DCAT-AP/releases/2.1.1/) names what a harvester (the
EU data portal, CKAN's dcat harvester, a provincial platform) reads: a ``dcat:Catalog`` of
``dcat:Dataset``s, each with ``dct:publisher``, ``dcat:theme`` (the EU data-theme table),
``dct:accrualPeriodicity``, ``dct:modified``, ``dct:accessRights`` and its
``dcat:Distribution``s (``dcat:accessURL``, ``dcat:downloadURL``, ``dcat:mediaType`` as an
IANA IRI, ``dct:license``). The context is inline, so the document expands without fetching
anything; a test expands it and checks that every term became a DCAT, DCT or FOAF IRI.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from gongkai.opendata import selectors
from gongkai.opendata.services import platform_body
from gongkai.opendata.vocabulary import (
    LICENCE_URLS,
    MEDIA_TYPE_BASE,
    MEDIA_TYPES,
    frequency_iri,
    theme_iri,
)

ACCESS_RIGHTS = "http://publications.europa.eu/resource/authority/access-right/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct:modified": {"@type": "xsd:dateTime"},
    "dct:issued": {"@type": "xsd:dateTime"},
    "dcat:accessURL": {"@type": "@id"},
    "dcat:downloadURL": {"@type": "@id"},
    "dcat:landingPage": {"@type": "@id"},
    "dcat:mediaType": {"@type": "@id"},
    "dcat:theme": {"@type": "@id"},
    "dct:license": {"@type": "@id"},
    "dct:accessRights": {"@type": "@id"},
    "dct:accrualPeriodicity": {"@type": "@id"},
    "foaf:homepage": {"@type": "@id"},
}


def _when(value) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds")


def _publisher(organisation, base: str) -> dict:
    return {
        "@id": f"{base}/opendata/?publisher={organisation.pk}",
        "@type": "foaf:Agent",
        "foaf:name": organisation.name,
    }


def _dataset(dataset, base: str) -> dict:
    page = base + reverse("opendata:dataset", args=[dataset.slug])
    licence = LICENCE_URLS[dataset.licence]
    distributions = [
        {
            "@id": f"{page}#{file_format}",
            "@type": "dcat:Distribution",
            "dct:title": f"{dataset.title}（{file_format.upper()}）",
            "dcat:accessURL": page,
            "dcat:downloadURL": base
            + reverse("opendata:download", args=[dataset.slug, file_format]),
            "dcat:mediaType": MEDIA_TYPE_BASE + MEDIA_TYPES[file_format],
            "dct:license": licence,
        }
        for file_format in selectors.formats_of(dataset)
    ]
    data = {
        "@id": page,
        "@type": "dcat:Dataset",
        "dct:identifier": dataset.slug,
        "dct:title": dataset.title,
        "dct:description": dataset.description,
        "dct:publisher": _publisher(dataset.publisher, base),
        "dcat:theme": theme_iri(dataset.theme),
        "dct:accrualPeriodicity": frequency_iri(dataset.frequency),
        "dct:issued": _when(dataset.created_at),
        "dct:modified": _when(selectors.modified_of(dataset)),
        "dct:license": licence,
        "dct:accessRights": ACCESS_RIGHTS + ("RESTRICTED" if dataset.is_conditional else "PUBLIC"),
        "dcat:landingPage": page,
        "dcat:distribution": distributions,
    }
    keywords = [k for k in dataset.keywords.replace("，", ",").split(",") if k.strip()]
    if keywords:
        data["dcat:keyword"] = [k.strip() for k in keywords]
    return data


def catalogue(*, base: str, title: str, description: str) -> dict:
    """The whole catalogue; ``base`` is the site's origin (https://gk.example.gov.cn)."""
    datasets = list(selectors.datasets_public())
    modified = max((selectors.modified_of(d) for d in datasets), default=timezone.now())
    document = {
        "@context": CONTEXT,
        "@id": base + reverse("opendata:catalogue"),
        "@type": "dcat:Catalog",
        "dct:title": title,
        "dct:description": description,
        "foaf:homepage": base + reverse("opendata:catalog"),
        "dct:modified": _when(modified),
        "dcat:dataset": [_dataset(d, base) for d in datasets],
    }
    body = platform_body()
    if body is not None:
        document["dct:publisher"] = _publisher(body, base)
    return document
