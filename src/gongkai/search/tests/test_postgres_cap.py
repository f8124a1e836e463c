"""The PostgreSQL backend's bound for common words: above ``cap`` matches it ranks a
bounded candidate set and flags the total as a lower bound; below, everything is exact.

The cap is lowered to 3 so the seed documents (公开 is in 5 of them) cross it.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection

from gongkai.search.analysis import parse_query
from gongkai.search.backends.postgres import PostgresBackend
from gongkai.search.documents import SearchDocument

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
    # A search runs in one transaction (a savepoint here, as tests run inside one) that
    # scopes its SET LOCAL: savepoint, SET LOCAL, release = 3 queries around the rest.
    # The first search reads the newest entries' days and the table size (2 queries,
    # kept for a minute); these 7 entries are fewer than a window, so the table is the
    # only one. Under the cap: the probe, then the page.
    with django_assert_num_queries(3 + 2 + 2):
        capped.search("户籍")
    with django_assert_num_queries(3 + 2):
        capped.search("户籍")
    # Over the cap: the probe, the newest matches, the page.
    for query, sort in [("公开", "relevance"), ("公开 政务", "relevance"), ("公开", "date")]:
        with django_assert_num_queries(3 + 3):
            capped.search(query, sort=sort)
    with django_assert_num_queries(3 + 3):
        capped.search("政务公开")  # a trigram term: the table first, then the same


def _dated(n: int, every: int, term: str) -> list[SearchDocument]:
    """n documents, one a day from 2025 (after the seeds), ``term`` in every ``every``-th one."""
    start = datetime(2025, 1, 1, tzinfo=UTC)
    return [
        SearchDocument(
            id=f"dated-{i:03d}",
            title=f"第{i}号通知",
            body=f"本期{term}内容。" if i % every == 0 else "本期其他内容。",
            url=f"/dated/{i}/",
            published_at=start + timedelta(days=i),
        )
        for i in range(n)
    ]


@pytest.mark.parametrize(("term", "every"), [("公开", 2), ("统计局", 3)])
def test_windows_find_the_newest_matches_exactly(capped, monkeypatch, term, every):
    # 200 dated entries (plus the seeds); cap 5, so the first window is the 20 newest
    # entries and later windows grow from there: both the newest-first (a two-character
    # word) and the table-first (a trigram term) paths run through windows.
    monkeypatch.setattr("gongkai.search.backends.postgres.MIN_RANKED", 6)
    docs = _dated(200, every, term)
    capped.index_documents(docs)
    capped.cap = 5
    truth = sorted((d for d in docs if term in d.body), key=lambda d: d.published_at)
    newest = [d.id for d in reversed(truth)]
    for offset in (0, 3):
        results = capped.search(term, sort="date", offset=offset, limit=3)
        assert [h.id for h in results.hits] == newest[offset : offset + 3]
        assert (results.total, results.total_is_estimate) == (5, True)
    ranked = capped.search(term, limit=6)
    # Ranking works on the newest matches: true matches from the first window, which
    # holds enough of them (the 20 newest entries).
    assert {h.id for h in ranked.hits} <= set(newest[:10])
    assert len(ranked.hits) == 6


def test_a_sparse_window_grows_until_it_holds_enough_matches(capped, seed_documents):
    # cap 1: the first window is the 4 newest entries, which hold only 2 of the 5
    # documents with 公开; it grows (to the whole table here) and every match is ranked.
    capped.cap = 1
    results = capped.search("公开", limit=100)
    assert {h.id for h in results.hits} == _truth(seed_documents, "公开")
    assert (results.total, results.total_is_estimate) == (1, True)


@pytest.mark.parametrize("scope_scan", [20_000, 0])
@pytest.mark.parametrize(("query", "matches"), OVER_CAP + UNDER_CAP)
def test_inside_some_bodies_the_answer_is_the_same_by_either_path(
    capped, seed_documents, monkeypatch, scope_scan, query, matches
):
    """A body's site searches its bodies' entries directly (SCOPE_SCAN, exact whatever
    the cap) or, over SCOPE_SCAN entries, through the text indexes like the whole table:
    every hit is a match of those bodies either way, and the direct path is exact."""
    from gongkai.search.backends import postgres

    monkeypatch.setattr(postgres, "SCOPE_SCAN", scope_scan)
    bodies = ("湛江市公安局", "西市区人民政府")
    truth = {d.id for d in seed_documents if d.organisation in bodies} & _truth(
        seed_documents, query
    )
    results = capped.search(query, filters={"organisations": bodies}, limit=100)
    hits = {h.id for h in results.hits}
    assert hits <= truth
    if scope_scan:  # read by body: exact, never an estimate
        assert (results.total, results.total_is_estimate, hits) == (len(truth), False, truth)
    elif len(truth) <= 3:
        assert (results.total, hits) == (len(truth), truth)
