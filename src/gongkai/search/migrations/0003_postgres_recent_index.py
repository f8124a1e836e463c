"""An index in the backend's recency order, for common words on PostgreSQL.

A query matching more than ``postgres.CAP`` documents ranks the newest matches; with
this index PostgreSQL walks the entries newest first and stops after that many matches
instead of collecting and sorting every match. The ``(published_at)`` index of 0001
cannot serve ``DESC NULLS LAST``. Nothing on other databases.
"""

from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS search_entry_recent "
    "ON search_searchentry (published_at DESC NULLS LAST, id DESC)",
]
BACKWARD = ["DROP INDEX IF EXISTS search_entry_recent"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgres_indexes")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
