"""Both backends against the seed documents: exact recall, ranking, filters, sorting."""

import pytest

from gongkai.search.analysis import parse_query

from .conftest import expected_ids

# Two-, three- and four-character words, longer names, and multi-word queries; each
# must return exactly the documents containing every term contiguously.
QUERIES = [
    "户籍",
    "预算",
    "公开",
    "舆情",
    "台账",
    "局",
    "河长制",
    "统计局",
    "去标识化",
    "政务公开",
    "负面清单",
    "新闻发言人",
    "沁源县统计局",
    "依申请公开",
    "主动公开基本目录",
    "24小时",
    "2023年",
    "预算 户籍",
    "河长制 公开",
    "新闻发言人 负面清单",
    "二维码",
    "以公开为常态、不公开为例外",
    "“放管服”",
    "(粤办发〔2016〕22号)",
]


def _all_ids(backend, query, **kwargs) -> list[str]:
    return [h.id for h in backend.search(query, limit=100, **kwargs).hits]


@pytest.mark.django_db
@pytest.mark.parametrize("query", QUERIES)
def test_recall_and_precision_equal_substring_matching(indexed, seed_documents, query):
    terms = [t.text for t in parse_query(query)]
    expected = expected_ids(seed_documents, *terms)
    results = indexed.search(query, limit=100)
    assert {h.id for h in results.hits} == expected
    assert results.total == len(expected)


@pytest.mark.django_db
def test_known_answers(indexed):
    assert set(_all_ids(indexed, "户籍")) == {"seed-003", "plant-3"}
    assert set(_all_ids(indexed, "河长制")) == {"plant-1"}
    # plant-2 has 沁源县 and 统计局 apart: not a match for the name.
    assert set(_all_ids(indexed, "沁源县统计局")) == {"plant-1"}
    assert set(_all_ids(indexed, "统计局")) == {"plant-1", "plant-2"}
    assert set(_all_ids(indexed, "去标识化")) == {"seed-001"}
    assert set(_all_ids(indexed, "新闻发言人")) == {"seed-000", "seed-002", "seed-003"}
    assert _all_ids(indexed, "二维码") == []


@pytest.mark.django_db
def test_quoted_phrase_keeps_its_space(indexed):
    assert set(_all_ids(indexed, '"沁源县 统计局"')) == {"plant-2"}
    assert set(_all_ids(indexed, "“沁源县统计局”")) == {"plant-1"}
    # Unquoted, the two words are separate terms: both documents have both.
    assert set(_all_ids(indexed, "沁源县 统计局")) == {"plant-1", "plant-2"}


@pytest.mark.django_db
def test_title_match_ranks_first(indexed):
    # 户籍 is in plant-3's title and only in seed-003's body.
    assert _all_ids(indexed, "户籍") == ["plant-3", "seed-003"]
    # 河长 is in plant-1's title and only in plant-2's body.
    assert _all_ids(indexed, "河长") == ["plant-1", "plant-2"]


@pytest.mark.django_db
def test_filters(indexed):
    assert _all_ids(indexed, "公开", filters={"organisation": "湛江市公安局"}) == ["seed-000"]
    assert set(_all_ids(indexed, "公开", filters={"section": "plans"})) == {
        "seed-000",
        "seed-001",
    }
    assert _all_ids(indexed, "公开", filters={"year": 2023}) == ["seed-002"]
    assert set(_all_ids(indexed, "", filters={"kind": "notice"})) == {
        "seed-000",
        "seed-002",
        "plant-1",
    }
    assert _all_ids(indexed, "户籍", filters={"year": 2017}) == []


@pytest.mark.django_db
def test_sort_by_date_newest_first(indexed):
    assert _all_ids(indexed, "公开", sort="date") == [
        "plant-1",
        "seed-002",
        "seed-001",
        "seed-003",
        "seed-000",
    ]
    # An empty query lists everything, newest first.
    assert _all_ids(indexed, "")[:3] == ["plant-1", "seed-002", "plant-2"]


@pytest.mark.django_db
def test_pagination(indexed):
    everything = _all_ids(indexed, "公开", sort="date")
    page = indexed.search("公开", sort="date", offset=2, limit=2)
    assert page.total == 5
    assert [h.id for h in page.hits] == everything[2:4]
    assert indexed.search("公开", offset=10, limit=2).total == 5


@pytest.mark.django_db
def test_snippets_are_escaped_and_marked(indexed):
    hit = indexed.search("户籍", filters={"kind": "guide"}).hits[0]
    assert hit.title == "户籍<b>业务</b>须知"
    assert hit.snippet == (
        "办理<mark>户籍</mark>业务请携带身份证 &amp; 户口簿,&lt;script&gt;alert(1)&lt;/script&gt;"
    )
    for h in indexed.search("政务公开").hits:
        assert "<mark>政务公开</mark>" in h.snippet
    assert hit.url == "/items/plant-3/"


@pytest.mark.django_db
def test_upsert_replaces_and_delete_removes(indexed, seed_documents):
    from dataclasses import replace

    plant1 = next(d for d in seed_documents if d.id == "plant-1")
    indexed.index_documents([replace(plant1, body="改为户籍内容", title="新标题")])
    assert indexed.count() == len(seed_documents)
    assert _all_ids(indexed, "河长制") == []
    assert "plant-1" in _all_ids(indexed, "户籍")
    indexed.delete_documents(["plant-1", "seed-003"])
    assert indexed.count() == len(seed_documents) - 2
    assert _all_ids(indexed, "户籍") == ["plant-3"]
    indexed.clear()
    assert indexed.count() == 0
