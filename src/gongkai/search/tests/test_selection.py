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
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT e.id FROM search_searchentry e WHERE {where[0]} AND e.day >= %s",  # noqa: S608
            [*params, 20000],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "BitmapAnd" not in plan
    assert "Index Cond: ((day >= 20000) AND (norm ~~" in plan
