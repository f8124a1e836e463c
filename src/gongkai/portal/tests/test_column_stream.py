"""A list column read whole (``column_entries_all``): the same entries, in the same
order, as its pages give, whether the source streams them or only pages them."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.core.clockmath import CHINA
from gongkai.portal import sources
from gongkai.portal.models import ColumnKind
from gongkai.portal.selectors import column_entries, column_entries_all
from gongkai.portal.selectors import items as item_selectors
from gongkai.portal.sources import Source, get_source
from gongkai.portal.tests.factories import ColumnFactory, published_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def column():
    start = dt.datetime(2024, 1, 1, 9, tzinfo=CHINA)
    for n in range(12):
        # Two items share each publication moment: the order must still be total (id).
        published_item(title=f"政策{n}", published=start + dt.timedelta(days=n // 2))
    published_item(title="别的栏目", section="planning")
    withdrawn = published_item(title="已撤回", published=start)
    withdrawn.withdrawn_at = start + dt.timedelta(days=30)
    withdrawn.save(update_fields=["withdrawn_at"])
    return ColumnFactory(source_param="policy")


def paged(column, size=5):
    entries, offset = [], 0
    while True:
        page = column_entries(column, offset=offset, limit=size)
        entries += page.entries
        offset += size
        if offset >= page.total:
            return entries


def test_stream_gives_the_pages_entries_in_order(column):
    expected = paged(column)
    assert [e.title for e in expected][:2] == ["政策11", "政策10"]
    assert len(expected) == 12
    assert list(column_entries_all(column, limit=1_000)) == expected
    assert list(column_entries_all(column, limit=5)) == expected[:5]


def test_stream_counts_nothing(column, monkeypatch):
    monkeypatch.setattr(item_selectors, "STREAM_CHUNK", 4)
    with CaptureQueriesContext(connection) as queries:
        entries = list(column_entries_all(column, limit=1_000))
    assert len(entries) == 12
    assert not [q for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]


def test_a_source_without_stream_is_paged_to_the_end(column, monkeypatch):
    fetch = get_source("proactive_section").fetch
    monkeypatch.setitem(sources._SOURCES, "paged_only", Source("paged_only", "分页来源", fetch))
    monkeypatch.setattr("gongkai.portal.selectors.columns.CHUNK", 5)
    expected = paged(column)
    column.source = "paged_only"
    assert list(column_entries_all(column, limit=1_000)) == expected
    assert list(column_entries_all(column, limit=7)) == expected[:7]


def test_other_kinds_have_no_entries(column):
    column.kind = ColumnKind.PAGE
    assert list(column_entries_all(column, limit=10)) == []
