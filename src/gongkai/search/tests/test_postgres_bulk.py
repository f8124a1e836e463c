"""The PostgreSQL reindex: rows loaded with COPY, the GIN indexes rebuilt after a large load."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection

from gongkai.search.documents import SearchDocument

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only: COPY, GIN"),
]


def _gin_indexes() -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'search_searchentry' "
            "AND indexdef LIKE '%%USING gin%%'"
        )
        return dict(cursor.fetchall())


def _documents(n: int) -> list[SearchDocument]:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    return [
        SearchDocument(
            id=f"doc:{i}",
            title=f"关于推进河長制工作的通知（第{i}号）" if i % 100 == 0 else f"第{i}号通知",
            body="户籍办理须知。依申请公开。",
            url=f"/d/{i}/",
            organisation="市统计局",
            section="通知公告",
            year=2024,
            kind="proactive_item",
            published_at=start + timedelta(hours=i),
        )
        for i in range(n)
    ]


def test_a_large_reindex_copies_the_rows_and_rebuilds_the_gin_indexes(monkeypatch):
    from gongkai.search.backends.postgres import PostgresBackend, _Bulk

    # "Large" from 4 documents here (1,000 in use): the table's statistics, which ANALYZE
    # writes even in a transaction rolled back, stay those of a small table for the
    # planner tests that follow.
    monkeypatch.setattr(_Bulk, "DROP_INDEXES_FROM", 4)
    backend = PostgresBackend()
    backend.index_documents(_documents(3))
    before = _gin_indexes()
    assert len(before) == 2
    docs = _documents(301)
    with backend.bulk_writer() as bulk:
        bulk.clear()
        assert bulk.add_new(docs[:4]) == 4
        assert _gin_indexes() == {}  # dropped for the load
        # A document given twice replaces its first copy.
        again = SearchDocument(**{**docs[1].to_payload(), "published_at": None, "title": "复议"})
        assert bulk.add_new([docs[100], docs[200], docs[300], again]) == 4
    assert _gin_indexes() == before
    assert backend.count() == 7
    # Traditional characters folded (河長制), a three-character LIKE term and a bigram.
    assert {h.id for h in backend.search("河长制").hits} == {
        "doc:0",
        "doc:100",
        "doc:200",
        "doc:300",
    }
    assert backend.search("复议").total == 1


def test_a_small_reindex_keeps_the_gin_indexes():
    from gongkai.search.backends.postgres import PostgresBackend

    backend = PostgresBackend()
    before = _gin_indexes()
    with backend.bulk_writer() as bulk:
        bulk.clear()
        assert bulk.add_new(_documents(5)) == 5
        assert _gin_indexes() == before
    assert backend.search("河长制").total == 1
    assert backend.search("户籍").total == 5
