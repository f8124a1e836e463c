"""Backend choice and the PostgreSQL-only indexes."""

import pytest
from django.db import connection

from gongkai.search.backends import backend_name, get_backend, reset_backend


@pytest.mark.django_db
def test_backend_follows_the_database(settings, tmp_path):
    settings.GONGKAI_SEARCH_DIR = str(tmp_path)
    expected = "postgres" if connection.vendor == "postgresql" else "tantivy"
    assert backend_name() == expected
    assert get_backend().name == expected
    settings.GONGKAI_SEARCH_BACKEND = "tantivy"
    assert get_backend().name == "tantivy"
    assert get_backend() is get_backend()
    reset_backend()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only: GIN indexes")
def test_postgres_migration_creates_trigram_and_bigram_indexes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'search_searchentry' "
            "AND indexname LIKE 'search_entry_%%' ORDER BY indexname"
        )
        definitions = dict(cursor.fetchall())
    # The day comes first in both (migration 0004), for windows of the newest entries.
    assert "USING gin (day, grams_tsv)" in definitions["search_entry_grams"]
    assert "USING gin (day, norm gin_trgm_ops)" in definitions["search_entry_norm_trgm"]


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only: storage")
def test_the_checked_text_stays_in_the_row_and_the_body_out_of_it():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute "
            "WHERE attrelid = 'search_searchentry'::regclass AND attname IN ('norm', 'body')"
        )
        assert dict(cursor.fetchall()) == {"norm": "m", "body": "e"}


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only: GIN indexes")
def test_a_window_and_a_term_are_one_index_scan():
    from gongkai.search.analysis import parse_query
    from gongkai.search.backends.postgres import PostgresBackend
    from gongkai.search.documents import Filters

    where, params = PostgresBackend()._where(parse_query("统计局"), Filters())
    with connection.cursor() as cursor:
        # Statistics of a table with rows, as in production, not of an empty one.
        cursor.execute(
            "INSERT INTO search_searchentry (doc_id, title, body, url, organisation, section,"
            " year, kind, norm_title, norm, grams, title_words, day)"
            " SELECT 'plan-' || n, '通知' || n, '', '', '', '', 2025, 'item', '通知' || n,"
            " '关于' || n || '的通知' || (CASE WHEN mod(n, 500) = 0 THEN '统计局' ELSE '公安局' END),"
            " '关于 通知', '', 19000 + mod(n, 2000) FROM generate_series(1, 5000) AS n"
        )
        cursor.execute("ANALYZE search_searchentry")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT e.id FROM search_searchentry e WHERE {where[0]} AND e.day >= %s",  # noqa: S608
            [*params, 20000],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # One scan of one composite index narrows by the window inside the index: never two
    # index scans ANDed. Which of the two (day, …) indexes the planner takes, and whether
    # the term is an index condition or a recheck, is its cost choice, not asserted.
    assert "BitmapAnd" not in plan
    assert plan.count("Index Scan on") == 1, plan
    assert "Index Cond: (day >= 20000)" in plan or "Index Cond: ((day >= 20000) AND" in plan
