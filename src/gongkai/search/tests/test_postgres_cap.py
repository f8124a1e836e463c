"""The PostgreSQL backend's bound for common words: above ``cap`` matches it ranks a
bounded candidate set and flags the total as a lower bound; below, everything is exact.

The cap is lowered to 3 so the seed documents (公开 is in 5 of them) cross it.
"""

import pytest
from django.db import connection

from gongkai.search.analysis import parse_query
from gongkai.search.backends.postgres import PostgresBackend

from .conftest import expected_ids

pytestmark = pytest.mark.django_db

# query, number of seed documents containing it (ground truth checked in each test)
OVER_CAP = [("公开", 5), ("政务公开", 4), ("公开 政务", 4)]
UNDER_CAP = [("户籍", 2), ("河长制", 1), ("统计局", 2), ("二维码", 0)]


@pytest.fixture
def capped(indexed):
    if indexed.name != "postgres":
        pytest.skip("the cap is the PostgreSQL backend's")
    indexed.cap = 3
    yield indexed
    indexed.cap = PostgresBackend.cap


def _truth(docs, query):
    return expected_ids(docs, *[t.text for t in parse_query(query)])


@pytest.mark.parametrize(("query", "matches"), OVER_CAP)
def test_over_the_cap_total_is_flagged_and_every_hit_is_a_match(
    capped, seed_documents, query, matches
):
    truth = _truth(seed_documents, query)
    assert len(truth) == matches
    results = capped.search(query, limit=100)
    assert results.total_is_estimate is True
    assert results.total == 3
    hits = [h.id for h in results.hits]
    assert set(hits) <= truth
    # The candidate set is at least the cap: a full page of real matches, no duplicates.
    assert len(hits) == len(set(hits))
    assert len(hits) >= 3


@pytest.mark.parametrize(("query", "matches"), UNDER_CAP)
def test_under_the_cap_everything_is_exact(capped, seed_documents, query, matches):
    truth = _truth(seed_documents, query)
    assert len(truth) == matches
    results = capped.search(query, limit=100)
    assert results.total_is_estimate is False
    assert results.total == matches
    assert {h.id for h in results.hits} == truth


def test_over_the_cap_the_date_order_is_still_exact(capped):
    results = capped.search("公开", sort="date", limit=100)
    assert [h.id for h in results.hits] == [
        "plant-1",
        "seed-002",
        "seed-001",
        "seed-003",
        "seed-000",
    ]
    assert (results.total, results.total_is_estimate) == (3, True)
    page = capped.search("公开", sort="date", offset=2, limit=2)
    assert [h.id for h in page.hits] == ["seed-001", "seed-003"]


def test_over_the_cap_the_newest_and_title_matches_are_ranked(capped):
    # The newest 3 matches of 公开 are plant-1, seed-002, seed-001; seed-000 and seed-003
    # are older but carry 公开 in the title, so they are candidates too and outrank the
    # body-only plant-1.
    hits = [h.id for h in capped.search("公开", limit=100).hits]
    assert set(hits) == {"plant-1", "seed-002", "seed-001", "seed-000", "seed-003"}
    assert hits[-1] == "plant-1"


def test_a_page_past_the_end_keeps_the_exact_total(capped):
    results = capped.search("户籍", offset=10, limit=5)
    assert (results.total, results.hits, results.total_is_estimate) == (2, [], False)


def test_the_default_cap_leaves_the_seed_queries_exact(indexed, seed_documents):
    if indexed.name != "postgres":
        pytest.skip("the cap is the PostgreSQL backend's")
    assert indexed.cap == 500
    results = indexed.search("公开", limit=100)
    assert (results.total, results.total_is_estimate) == (5, False)
    assert {h.id for h in results.hits} == _truth(seed_documents, "公开")


def test_the_embedded_backend_always_counts_exactly(indexed):
    if indexed.name != "tantivy":
        pytest.skip("embedded backend only")
    results = indexed.search("公开", limit=2)
    assert (results.total, results.total_is_estimate) == (5, False)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_migration_creates_the_recency_index():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_entry_recent'")
        (definition,) = cursor.fetchone()
    assert "published_at DESC NULLS LAST, id DESC" in definition


def test_query_counts_are_bounded(capped, django_assert_num_queries):
    # The probe runs in its own savepoint here (tests run inside a transaction), which
    # scopes its SET LOCAL: savepoint, SET LOCAL, probe, release = 4 queries.
    # Under the cap: the probe, then the page.
    with django_assert_num_queries(4 + 1):
        capped.search("户籍")
    # Over the cap, relevance: probe, window bound, newest matches, page (the window of
    # 4 x 3 entries is larger than these 7 documents, so it is the table).
    with django_assert_num_queries(4 + 3):
        capped.search("公开")
    with django_assert_num_queries(4 + 3):
        capped.search("公开 政务")
    # Over the cap, by date: probe and page.
    with django_assert_num_queries(4 + 1):
        capped.search("公开", sort="date")


def test_a_sparse_window_grows_until_it_holds_enough_matches(capped, seed_documents):
    # cap 1: the first window is the 4 newest entries, which hold only 2 of the 5
    # documents with 公开; it grows (to the whole table here) and every match is ranked.
    capped.cap = 1
    results = capped.search("公开", limit=100)
    assert {h.id for h in results.hits} == _truth(seed_documents, "公开")
    assert (results.total, results.total_is_estimate) == (1, True)
