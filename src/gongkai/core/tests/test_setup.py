"""Set-up: everything the site needs at run time comes with `gongkai migrate`."""

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

TABLE = "gongkai_cache_setup_test"


@pytest.mark.django_db(transaction=True)
def test_migrate_creates_the_cache_table(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": TABLE},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    if TABLE in connection.introspection.table_names():
        with connection.schema_editor() as editor:
            editor.execute(editor.sql_delete_table % {"table": editor.quote_name(TABLE)})
    assert TABLE not in connection.introspection.table_names()

    call_command("migrate", verbosity=0)

    assert TABLE in connection.introspection.table_names()
    caches["default"].set("foi-track:203.0.113.7", 3, 60)
    assert caches["default"].get("foi-track:203.0.113.7") == 3
    call_command("migrate", verbosity=0)  # again: the table exists, nothing fails
    assert caches["default"].get("foi-track:203.0.113.7") == 3
