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
            "SELECT indexname FROM pg_indexes WHERE tablename = 'search_searchentry' "
            "AND indexname LIKE 'search_entry_%%' ORDER BY indexname"
        )
        names = [row[0] for row in cursor.fetchall()]
    assert "search_entry_grams" in names
    assert "search_entry_norm_trgm" in names
