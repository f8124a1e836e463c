"""Fixtures: an isolated search index per test, staff of each kind."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.search.backends import reset_backend


@pytest.fixture
def search_index(settings, tmp_path, db):
    """The backend of the database in use, empty, in a temporary place."""
    settings.GONGKAI_SEARCH_BACKEND = "postgres" if connection.vendor == "postgresql" else "tantivy"
    settings.GONGKAI_SEARCH_DIR = str(tmp_path / "search")
    reset_backend()
    from gongkai.search.backends import get_backend

    backend = get_backend()
    backend.clear()
    yield backend
    reset_backend()


@pytest.fixture(autouse=True)
def fresh_page_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def body(db):
    return OrganisationFactory(name="湛江市公安局")


@pytest.fixture
def people(body):
    """Who may ask: anonymous (None), a public user, staff without the role, the office."""
    public = get_user_model().objects.create_user("citizen", password="pw-for-tests-1")
    return {
        "public": public,
        "handler": make_staff(body, roles=[Role.HANDLER], username="handler"),
        "office": make_staff(body, roles=[Role.OFFICE], username="office"),
    }
