"""Fixtures: a list source whose entries a test sets, the office and its staff."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.portal.sources import Entry, Page, register_source

# param → publication dates of the entries (newest first); a test fills it.
ENTRIES: dict[str, list[dt.datetime | None]] = {}


def _fetch(param: str, offset: int, limit: int) -> Page:
    dates = ENTRIES.get(param, [])
    entries = [
        Entry(title=f"{param} {i}", url="/zwgk/", published_at=day) for i, day in enumerate(dates)
    ]
    return Page(total=len(entries), entries=entries[offset : offset + limit])


register_source("monitor_test", "monitor test source", _fetch)


@pytest.fixture
def entries():
    ENTRIES.clear()
    yield ENTRIES
    ENTRIES.clear()


@pytest.fixture(autouse=True)
def fast_monitor(settings):
    settings.GONGKAI_MONITOR_DELAY_SECONDS = 0
    settings.GONGKAI_MONITOR_BASE_URL = ""


@pytest.fixture(autouse=True)
def fresh_page_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def body(db):
    return OrganisationFactory(name="西市区人民政府办公室")


@pytest.fixture
def people(body):
    """Who may ask: a public user, staff without the role, the office."""
    public = get_user_model().objects.create_user("citizen", password="pw-for-tests-1")
    return {
        "public": public,
        "handler": make_staff(body, roles=[Role.HANDLER], username="handler"),
        "office": make_staff(body, roles=[Role.OFFICE], username="office"),
    }


def days_ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)
