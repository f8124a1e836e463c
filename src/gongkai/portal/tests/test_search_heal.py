"""Search never empties silently: with the index gone or empty the page answers from the
database, and `search_index_heal` (run by `gongkai search sync` and the sweep) rebuilds."""

import datetime as dt
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from gongkai.core.clockmath import CHINA
from gongkai.portal.tests.factories import published_item
from gongkai.proactive.services.search import item_document
from gongkai.search import health, services
from gongkai.search.documents import Filters
from gongkai.search.periodic import sync_search_index

TITLES = [
    ("沁源县关于全面落实河长制的通知", "全面落实河长制，公开河长名单。", 2021),
    ("湛江市河长制工作简报", "河长制工作进展。", 2023),
    ("户籍业务办理须知", "办理户籍业务请携带身份证。", 2024),
]


@pytest.fixture
def items(search_index, body):
    made = [
        published_item(
            title=title,
            body=text,
            organisation=body,
            published=dt.datetime(year, 6, 1, 9, tzinfo=CHINA),
        )
        for title, text, year in TITLES
    ]
    search_index.index_documents([item_document(i) for i in made])
    return made


def lose_the_index(backend):
    """The folder removed (embedded backend), or every entry gone (PostgreSQL)."""
    if connection.vendor == "postgresql":
        backend.clear()
    else:
        shutil.rmtree(Path(settings.GONGKAI_SEARCH_DIR))


def search_json(client, query, **params):
    response = client.get("/search/", {"q": query, "format": "json", **params})
    assert response.status_code == 200
    return response.json()


def test_a_healthy_index_answers_and_says_so(client, items):
    data = search_json(client, "河长制")
    assert (data["total"], data["from_database"]) == (2, False)
    assert search_json(client, "蜘蛛池")["from_database"] is False  # no match: a true zero


def test_with_the_index_gone_the_page_answers_from_the_database(
    client, items, search_index, settings
):
    # Queued tasks wait for a worker here, so the index stays gone through the test.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    lose_the_index(search_index)
    response = client.get("/search/", {"q": "河长制"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "搜索索引正在重建" in html
    assert "湛江市河长制工作简报" in html and "沁源县关于全面落实河长制的通知" in html
    data = search_json(client, "河长制")
    # Newest first, every term as a substring, the match marked in the snippet.
    assert [h["title"] for h in data["hits"]] == [
        "湛江市河长制工作简报",
        "沁源县关于全面落实河长制的通知",
    ]
    assert (data["total"], data["total_is_estimate"], data["from_database"]) == (2, False, True)
    assert "<mark>河长制</mark>" in data["hits"][0]["snippet"]
    assert search_json(client, "户籍 身份证")["total"] == 1
    assert search_json(client, "河长制", year="2021")["total"] == 1
    assert search_json(client, "蜘蛛池")["total"] == 0
    # One rebuild queued for the worker, however many searches noticed the loss.
    queued = DBTaskResult.objects.filter(task_path="gongkai.search.tasks.index_heal_run")
    assert queued.count() == 1


def test_a_search_that_finds_the_index_gone_has_it_rebuilt_in_the_background(
    client, items, search_index
):
    lose_the_index(search_index)
    data = search_json(client, "河长制")  # tasks run at once in tests: the rebuild too
    assert (data["total"], data["from_database"]) == (2, True)
    assert health.index_health().state == "ok"
    assert search_json(client, "河长制")["from_database"] is False


def test_an_empty_index_without_documents_is_no_emergency(client, search_index, body):
    data = search_json(client, "河长制")
    assert (data["total"], data["from_database"]) == (0, False)
    assert health.index_health().state == "ok"


def test_the_database_scan_is_bounded(items, monkeypatch, search_index):
    lose_the_index(search_index)
    monkeypatch.setattr(health, "SCAN_ROWS", 2)  # look at the two newest items only
    results = health.database_search("河长制", filters=None, offset=0, limit=20)
    assert [h.title for h in results.hits] == ["湛江市河长制工作简报"]
    assert results.total_is_estimate  # older items were not looked at: "more than"
    monkeypatch.setattr(health, "SCAN_ROWS", 20_000)
    monkeypatch.setattr(health, "SCAN_CAP", 1)
    results = health.database_search("河长", filters=Filters(), offset=0, limit=20)
    assert (results.total, results.total_is_estimate, len(results.hits)) == (1, True, 2)


def test_heal_rebuilds_a_missing_index(items, search_index):
    lose_the_index(search_index)
    assert health.index_health().state in {"missing", "empty"}
    healing = services.search_index_heal()
    assert (healing.before.needs_rebuild, healing.rebuilt, healing.after.indexed) == (True, 3, 3)
    assert search_index.count() == 3
    again = services.search_index_heal()  # healthy now: only pending operations
    assert (again.rebuilt, again.applied, again.before.state) == (None, 0, "ok")


def test_search_sync_rebuilds_and_reports_it(items, search_index):
    lose_the_index(search_index)
    out = StringIO()
    call_command("search", "sync", stdout=out, stderr=StringIO())
    assert "已重建" in out.getvalue() and "3" in out.getvalue()
    assert search_index.count() == 3


def test_search_sync_never_reports_success_on_an_empty_index(items, search_index, monkeypatch):
    lose_the_index(search_index)
    monkeypatch.setattr(services, "reindex", lambda progress=None: 0)  # a rebuild that fails
    out = StringIO()
    with pytest.raises(CommandError, match="仍然缺失或为空"):
        call_command("search", "sync", stdout=out, stderr=StringIO())
    assert out.getvalue() == ""


def test_the_sweep_job_heals_and_fails_visibly_when_it_cannot(items, search_index, monkeypatch):
    lose_the_index(search_index)
    assert sync_search_index() == "搜索索引已重建：共 3 篇文档。"
    lose_the_index(search_index)
    monkeypatch.setattr(services, "reindex", lambda progress=None: 0)
    # A failed task (retried, listed for the office), never a success that says "failed".
    with pytest.raises(services.IndexUnhealthyError):
        sync_search_index()


def test_an_index_that_fails_to_read_does_not_break_the_page(
    client, items, search_index, monkeypatch
):
    def broken(*args, **kwargs):
        raise ValueError("Failed to open file for read: meta.json")

    monkeypatch.setattr(search_index, "search", broken)
    monkeypatch.setattr(search_index, "is_empty", broken)
    data = search_json(client, "户籍")
    assert (data["total"], data["from_database"]) == (1, True)
    assert [h["title"] for h in data["hits"]] == ["户籍业务办理须知"]
