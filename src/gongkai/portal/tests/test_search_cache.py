"""The search page in the page cache: a repeated search is served from memory, a new
publication shows at once, and a page answered while the index is rebuilt is not kept."""

import datetime as dt

import pytest

from gongkai.core.cache import public_content_changed
from gongkai.core.clockmath import CHINA
from gongkai.portal.tests.factories import published_item
from gongkai.portal.tests.test_search_heal import items, lose_the_index  # noqa: F401
from gongkai.proactive.services.search import item_document

pytestmark = pytest.mark.django_db


def _search(client, query: str):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response


@pytest.mark.usefixtures("items")
def test_a_repeated_search_is_served_from_the_page_cache(client):
    assert _search(client, "河长制")["X-Portal-Cache"] == "miss"
    again = _search(client, "河长制")
    assert again["X-Portal-Cache"] == "hit"
    assert "湛江市河长制工作简报" in again.content.decode()


@pytest.mark.usefixtures("items")
def test_a_new_publication_is_found_at_once(client, search_index, body):
    _search(client, "河长制")
    item = published_item(
        title="新发布的河长制公告",
        body="河长制。",
        organisation=body,
        published=dt.datetime(2025, 6, 1, 9, tzinfo=CHINA),
    )
    search_index.index_documents([item_document(item)])
    public_content_changed()  # what publishing does after its commit
    again = _search(client, "河长制")
    assert again["X-Portal-Cache"] == "miss"
    assert "新发布的河长制公告" in again.content.decode()


@pytest.mark.usefixtures("items")
def test_a_page_answered_while_the_index_is_rebuilt_is_not_kept(client, search_index, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    lose_the_index(search_index)  # and no worker rebuilds it during this test
    first = _search(client, "河长制")
    assert first["Cache-Control"] == "no-store"
    assert _search(client, "河长制").get("X-Portal-Cache") != "hit"
