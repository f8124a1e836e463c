"""Every public page pins its query count (CONVENTIONS: list pages pin their query count).

Tests keep the shared cache in memory (the root conftest), so the counts leave out the
one query a running site makes on it per request for the public generation
(``core.cache.generation``, pinned in core's tests). A page served from the page cache
costs nothing more; a page built costs its own reads. The column menu and the search
filters' vocabularies are kept in the page cache under the generation, so they cost
nothing after the first page."""

import pytest
from django.db import connection

from gongkai.portal.tests.factories import ColumnFactory, published_item
from gongkai.proactive.services.search import item_document

pytestmark = pytest.mark.django_db

# The PostgreSQL index is tables in the same database: a transaction (begin, the planner
# setting, commit), one probe of a small index (a large one probes windows, newest
# first) and the page's rows. The embedded index (SQLite installations) is files.
SEARCH_INDEX_QUERIES = 5 if connection.vendor == "postgresql" else 0


@pytest.fixture
def portal(body, search_index, client):
    ColumnFactory(slug="zcwj", title="政策文件", show_on_home=True)
    ColumnFactory(slug="zcjd", title="政策解读", source_param="interpretation", show_on_home=True)
    items = [
        published_item(title=f"关于户籍管理的通知{n}", body="户籍业务办理。", organisation=body)
        for n in range(25)
    ]
    search_index.index_documents([item_document(i) for i in items])
    client.get("/zwgk/")  # a first page fills the menu
    return items


def _get(client, path: str, cache: str):
    response = client.get(path)
    assert response.status_code == 200
    assert response["X-Portal-Cache"] == cache
    return response


@pytest.mark.usefixtures("portal")
@pytest.mark.parametrize(
    ("path", "built"),
    [
        # latest; policies; the home columns; each one's entries and their count (the
        # home page is built at most once per page-cache lifetime per process)
        ("/", 1 + 1 + 1 + 2 * 2),
        # the column; its children; its entries and their count
        ("/column/zcwj/", 1 + 1 + 2),
        ("/column/zcwj/?page=2", 1 + 1 + 2),
    ],
)
def test_portal_pages_pin_their_queries(client, django_assert_num_queries, path, built):
    with django_assert_num_queries(built):
        _get(client, path, "miss")
    with django_assert_num_queries(0):
        _get(client, path, "hit")


def test_document_page_pins_its_queries(client, portal, django_assert_num_queries):
    path = f"/xxgk/{portal[3].pk}/"
    with django_assert_num_queries(1):  # the item with its relations
        _get(client, path, "miss")
    with django_assert_num_queries(0):
        _get(client, path, "hit")


@pytest.mark.usefixtures("portal")
def test_search_page_pins_its_queries(client, django_assert_num_queries):
    _get(client, "/search/?q=户籍", "miss")  # fills the filters' vocabularies
    # the index; pending deletes; which items are public now
    with django_assert_num_queries(SEARCH_INDEX_QUERIES + 2):
        response = _get(client, "/search/?q=户籍&page=2", "miss")
    assert response.content.decode().count('class="snippet"') == 5
    with django_assert_num_queries(0):
        _get(client, "/search/?q=户籍&page=2", "hit")
