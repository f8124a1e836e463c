"""Public pages answer odd parameters (ids past 64 bits, years out of range, digits that are
not ASCII) with 404 or a 400 message, never a server error (issue 13 point 1)."""

import pytest

from gongkai.core.tests.factories import OrganisationFactory
from gongkai.participation.tests.factories import ConsultationFactory

pytestmark = pytest.mark.django_db

HUGE = "9" * 23


@pytest.mark.parametrize(
    "url", [f"/xxgk/{HUGE}/", f"/xxgk/{HUGE}/print/", "/xxgk/9223372036854775808/"]
)
def test_an_id_the_database_cannot_hold_is_not_found(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "query",
    ["year=99999", "year=0", "year=1", "organisation=" + HUGE, "topic=²", "page=²", "page=0"],
)
def test_catalog_json_refuses_filters_out_of_range(client, query):
    OrganisationFactory()
    response = client.get(f"/catalog.json?{query}")
    assert response.status_code == 400
    assert response.json()["code"] in {"invalid_filter", "invalid_page"}


@pytest.mark.parametrize("provision", [HUGE, "²", "-1", "abc"])
def test_comments_ignore_a_provision_that_cannot_exist(client, provision):
    consultation = ConsultationFactory()
    response = client.get(f"/hdjl/yjzj/{consultation.pk}/comments/?provision={provision}")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "query", ["q=a%00b", "q=公开&organisation=%00", "q=公开&year=²²²²", "q=公开&year=0001"]
)
def test_search_refuses_nul_and_years_out_of_range(client, query):
    OrganisationFactory()
    assert client.get(f"/search/?{query}").status_code == 400
    assert client.get(f"/search/?{query}&format=json").json()["code"] == "invalid_search"
