"""The DCAT-AP catalogue, validated against its own JSON-LD context: expanded with pyld
(no network: the context is inline), every term becomes a DCAT, DCT or FOAF IRI and none
is dropped."""

import json

import pytest
from pyld import jsonld

from gongkai.opendata import services
from gongkai.opendata.tests.conftest import make_dataset

pytestmark = pytest.mark.django_db

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"


def _no_remote(url, options=None):
    raise AssertionError(f"the catalogue must not need a remote document: {url}")


def _terms(node, found: set[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _terms(item, found)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key != "@context":
                found.add(key)
                _terms(value, found)


def _expanded_terms(node, found: set[str]) -> None:
    _terms(node, found)


def _catalogue(client) -> dict:
    response = client.get("/opendata/catalog.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    return json.loads(response.content)


def test_catalogue_expands_to_dcat_terms_without_loss(client, office, body):
    services.builtin_datasets_sync()
    make_dataset(office, body)
    document = _catalogue(client)
    expanded = jsonld.expand(document, {"documentLoader": _no_remote})
    compact_terms, iris = set(), set()
    _terms(document, compact_terms)
    _expanded_terms(expanded, iris)
    prefixes = {"dcat:": DCAT, "dct:": DCT, "foaf:": FOAF}
    expected = set()
    for term in compact_terms:
        if term.startswith("@"):
            expected.add(term)
            continue
        prefix = term.split(":")[0] + ":"
        assert prefix in prefixes, f"term {term} is not DCAT, DCT or FOAF"
        expected.add(prefixes[prefix] + term.split(":", 1)[1])
    # Every term survived expansion as its full IRI; nothing was silently dropped.
    assert iris - {"@value", "@type", "@id", "@language"} == expected - {"@type", "@id"}


def test_catalogue_describes_every_dataset_and_distribution(client, office, body):
    services.builtin_datasets_sync()
    make_dataset(office, body)
    expanded = jsonld.expand(_catalogue(client), {"documentLoader": _no_remote})
    (catalog,) = expanded
    assert catalog["@type"] == [DCAT + "Catalog"]
    datasets = catalog[DCAT + "dataset"]
    assert len(datasets) == 7
    for dataset in datasets:
        assert dataset["@type"] == [DCAT + "Dataset"]
        for prop in (
            "title",
            "publisher",
            "license",
            "modified",
            "accessRights",
            "accrualPeriodicity",
        ):
            assert DCT + prop in dataset, prop
        assert dataset[DCAT + "theme"][0]["@id"].startswith(
            "http://publications.europa.eu/resource/authority/data-theme/"
        )
        assert dataset[DCT + "modified"][0]["@type"] == "http://www.w3.org/2001/XMLSchema#dateTime"
        assert dataset[DCT + "publisher"][0][FOAF + "name"][0]["@value"] == "湛江市公安局"
        for distribution in dataset[DCAT + "distribution"]:
            assert distribution["@type"] == [DCAT + "Distribution"]
            assert distribution[DCAT + "downloadURL"][0]["@id"].startswith(
                "http://testserver/opendata/"
            )
            assert distribution[DCAT + "accessURL"][0]["@id"] == dataset["@id"]
            assert distribution[DCAT + "mediaType"][0]["@id"].startswith(
                "https://www.iana.org/assignments/media-types/"
            )
            assert distribution[DCT + "license"][0]["@id"].startswith(
                "https://creativecommons.org/"
            )
    conditional = [d for d in datasets if d[DCT + "identifier"][0]["@value"] == "police-calls"]
    assert conditional[0][DCT + "accessRights"][0]["@id"].endswith("/RESTRICTED")
    builtin = [d for d in datasets if d[DCT + "identifier"][0]["@value"] == "powers"][0]
    assert len(builtin[DCAT + "distribution"]) == 3
