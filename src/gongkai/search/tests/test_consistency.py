"""The op queue: index changes commit with the domain change and heal after a crash."""

import json
import re
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.search import selectors, services
from gongkai.search.documents import SearchDocument, register_source, unregister_source
from gongkai.search.models import PendingIndexOp

pytestmark = pytest.mark.django_db


def _doc(doc_id="item:1", title="关于户籍业务办理的公告", body="户籍窗口调整办公时间。"):
    return SearchDocument(
        id=doc_id,
        title=title,
        body=body,
        url=f"/items/{doc_id}/",
        organisation="沁源县公安局",
        section="notices",
        year=2024,
        kind="notice",
        published_at=datetime(2024, 5, 6, 9, tzinfo=UTC),
    )


def _ids(query):
    return [h.id for h in selectors.search(query).hits]


def test_upsert_applies_on_commit(backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.enqueue_upsert(_doc())
        assert backend.count() == 0  # nothing reaches the index before commit
    assert _ids("户籍") == ["item:1"]
    assert PendingIndexOp.objects.count() == 0


def test_rolled_back_change_never_reaches_the_index(backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            services.enqueue_upsert(_doc())
            raise RuntimeError("domain validation failed")
    assert backend.count() == 0
    assert PendingIndexOp.objects.count() == 0


def test_withdrawal_takes_effect_at_once(backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.enqueue_upsert(_doc())
    assert _ids("户籍") == ["item:1"]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.enqueue_delete("item:1")
    assert _ids("户籍") == []
    assert backend.count() == 0


def test_crash_between_database_and_index_heals(backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.enqueue_upsert(_doc())
    # The process dies after COMMIT, before the on_commit apply: callbacks never run.
    with django_capture_on_commit_callbacks(execute=False), transaction.atomic():
        services.enqueue_delete("item:1")
        services.enqueue_upsert(_doc("item:2", title="预算公开", body="部门预算"))
    assert PendingIndexOp.objects.count() == 2
    # The index still has the withdrawn item, but search never shows it.
    assert [h.id for h in backend.search("户籍").hits] == ["item:1"]
    assert _ids("户籍") == []
    assert _ids("预算") == []  # not indexed yet
    assert services.sync_pending() == 2
    assert PendingIndexOp.objects.count() == 0
    assert [h.id for h in backend.search("户籍").hits] == []
    assert _ids("预算") == ["item:2"]


def test_failing_index_keeps_the_op_for_sync(
    backend, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        services.enqueue_upsert(_doc())

    def broken(ids):
        raise OSError("index locked")

    monkeypatch.setattr(backend, "delete_documents", broken)
    # robust on_commit: the committed change stands, the error is only logged.
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.enqueue_delete("item:1")
    assert PendingIndexOp.objects.filter(op="delete").count() == 1
    assert _ids("户籍") == []  # hidden by the pending delete
    monkeypatch.undo()
    assert services.sync_pending() == 1
    assert backend.count() == 0


def test_latest_op_wins(backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        services.enqueue_upsert(_doc())
        services.enqueue_delete("item:1")
        services.enqueue_upsert(_doc(title="户籍新规"))
    assert services.sync_pending() == 1
    assert [h.title for h in selectors.search("户籍").hits] == ["户籍新规"]


def test_visible_ids_filter_hook(backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.enqueue_upsert(_doc("item:1"))
        services.enqueue_upsert(_doc("item:2"))
    results = selectors.search(
        "户籍", visible_ids_filter=lambda ids: [i for i in ids if i != "item:1"]
    )
    assert [h.id for h in results.hits] == ["item:2"]
    assert results.total == 1


# ------------------------------------------------------------------ the command


@pytest.fixture
def source(seed_documents):
    def documents():
        yield from seed_documents

    register_source(documents, count=lambda: len(seed_documents))
    yield documents
    unregister_source(documents)


def test_command_reindex_sync_and_json(backend, source, seed_documents):
    out, err = StringIO(), StringIO()
    call_command("search", "reindex", stdout=out, stderr=err)
    assert backend.count() == len(seed_documents)
    n = len(seed_documents)
    # "已索引 7/7" once the catalogue is compiled; the msgid otherwise.
    assert _("Indexed %(done)d of %(total)d documents") % {"done": n, "total": n} in err.getvalue()
    assert f"{len(seed_documents)}" in out.getvalue()

    out = StringIO()
    call_command("search", "河长制", "--json", stdout=out)
    assert json.loads(out.getvalue()) == [
        {
            "id": "plant-1",
            "title": "沁源县统计局关于落实河长制的通知",
            "url": "/items/plant-1/",
            "snippet": "沁源县统计局全面落实<mark>河长制</mark>,公开河长名单和预算。",
        }
    ]
    out = StringIO()
    call_command("search", "公开", "--json", "--limit", "2", stdout=out)
    hits = json.loads(out.getvalue())
    assert len(hits) == 2
    assert all(set(h) == {"id", "title", "url", "snippet"} for h in hits)

    PendingIndexOp.objects.create(doc_id="plant-1", op="delete")
    out = StringIO()
    call_command("search", "sync", stdout=out)
    assert backend.count() == len(seed_documents) - 1
    assert PendingIndexOp.objects.count() == 0


def test_command_human_output(backend, source):
    services.reindex()
    out = StringIO()
    call_command("search", "沁源县统计局", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == _("%(total)d results for “%(query)s”") % {
        "total": 1,
        "query": "沁源县统计局",
    }
    assert lines[1] == "1. 沁源县统计局关于落实河长制的通知  /items/plant-1/"


def test_every_message_has_a_chinese_translation():
    from pathlib import Path

    po = Path(services.__file__).parent / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    text = po.read_text(encoding="utf-8")
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', text, flags=re.MULTILINE)
    translated = dict(pairs)
    assert translated["Indexed %(done)d of %(total)d documents"] == "已索引 %(done)d/%(total)d"
    assert all(re.search(r"[\u4e00-\u9fff]", zh) for zh in translated.values())
    assert "Language: zh_Hans" in text


def test_reindex_refuses_without_sources(backend, monkeypatch):
    # Installed apps (proactive) register sources at start-up; this case has none.
    from gongkai.search import documents

    monkeypatch.setattr(documents, "_sources", {})
    with pytest.raises(CommandError):
        call_command("search", "reindex", stdout=StringIO(), stderr=StringIO())


def test_a_lost_index_is_rebuilt_by_the_periodic_job(backend, source, seed_documents):
    import shutil

    from gongkai.search.backends import get_backend
    from gongkai.search.periodic import sync_search_index

    services.reindex()
    assert backend.count() == len(seed_documents)
    before = _ids("户籍")
    assert sync_search_index() == "0"  # nothing lost: nothing rebuilt, nothing pending
    if backend.name == "tantivy":
        shutil.rmtree(backend.path)
    else:
        backend.clear()
    assert str(len(seed_documents)) in sync_search_index()  # "…rebuilt: N documents."
    assert get_backend().count() == len(seed_documents)
    assert _ids("户籍") == before
