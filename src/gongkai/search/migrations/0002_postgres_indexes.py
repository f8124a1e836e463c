"""Trigram and bigram GIN indexes for the PostgreSQL backend; nothing on other databases.

pg_trgm serves LIKE '%term%' for terms of three or more characters; it cannot help one-
and two-character terms (户籍, 预算), so a GIN index over the distinct bigrams and
characters in ``grams`` answers those.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS search_entry_norm_trgm "
    "ON search_searchentry USING gin (norm gin_trgm_ops)",
    # A stored column, not an expression index: a filter that the planner evaluates
    # row by row (common words, ordered by date) must not rebuild a tsvector per row.
    "ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS grams_tsv tsvector "
    "GENERATED ALWAYS AS (array_to_tsvector(string_to_array(grams, ' '))) STORED",
    "CREATE INDEX IF NOT EXISTS search_entry_grams ON search_searchentry USING gin (grams_tsv)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_grams",
    "DROP INDEX IF EXISTS search_entry_norm_trgm",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS grams_tsv",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
