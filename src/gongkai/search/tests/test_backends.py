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


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "simplified"),
    [
        ("戶籍", "户籍"),
        ("河長制", "河长制"),
        ("新聞發言人", "新闻发言人"),
        ("統計局 公開", "统计局 公开"),
    ],
)
def test_traditional_query_finds_exactly_what_the_simplified_one_finds(indexed, query, simplified):
    assert set(_all_ids(indexed, query)) == set(_all_ids(indexed, simplified))
    assert _all_ids(indexed, query)  # and that is something


@pytest.mark.django_db
def test_traditional_text_is_found_by_simplified_queries(backend):
    from gongkai.search.documents import SearchDocument

    backend.index_documents(
        [
            SearchDocument(
                id="hk-1", title="戶籍謄本申請須知", body="請攜帶身份證明文件。", url="/x/"
            )
        ]
    )
    assert _all_ids(backend, "户籍誊本") == ["hk-1"]
    assert _all_ids(backend, "身份证明") == ["hk-1"]


@pytest.mark.django_db
def test_synonyms_find_every_spelling_and_nothing_else(indexed, seed_documents):
    from gongkai.search.analysis import synonym_map

    table = synonym_map([["河长制", "林长制"], ["户籍", "户口"]])
    results = indexed.search("河长制", limit=100, synonyms=table)
    expected = expected_ids(seed_documents, "河长制") | expected_ids(seed_documents, "林长制")
    assert {h.id for h in results.hits} == expected
    assert results.total == len(expected)
    # plant-3 mentions 户籍 and 户口簿: found by 户口 only through the table.
    assert set(_all_ids(indexed, "户口")) == expected_ids(seed_documents, "户口")
    both = {h.id for h in indexed.search("户口", limit=100, synonyms=table).hits}
    assert both == expected_ids(seed_documents, "户口") | expected_ids(seed_documents, "户籍")


@pytest.mark.django_db
def test_one_character_and_odd_lengths_stay_exact(indexed, seed_documents):
    for query in ["局", "公", "统计局", "公开为常态", "2023年", "年报"]:
        expected = expected_ids(seed_documents, query)
        assert set(_all_ids(indexed, query)) == expected, query
