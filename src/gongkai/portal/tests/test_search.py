"""The search page on the seed documents: 2-, 3- and 4-character words and phrases find
exactly the documents that contain them (docs/search.md: recall must be exact)."""

import datetime as dt
from pathlib import Path

import pytest

from gongkai.core.clockmath import CHINA
from gongkai.portal.tests.factories import published_item
from gongkai.proactive.services.search import item_document
from gongkai.search.analysis import normalize

SEEDS = Path(__file__).resolve().parents[2] / "proactive" / "data" / "seeds"
# The four clean seed documents (proactive/data/seeds), as published items.
SEED_TITLES = {
    "000": "湛江市公安局全面推进政务公开工作实施方案",
    "001": "西市区2018年政务公开工作要点",
    "002": "长治市公安局上党分局2023年度政务公开工作考核方案",
    "003": "云南省公安厅2017年政府信息公开工作年度报告",
}
# A planted name and its near miss (split by a space and another character).
PLANTED = [
    ("沁源县关于全面落实河长制的通知", "全面落实河长制，公开河长名单。", "policy"),
    ("沁源县工作简报", "河长 制度另行公布。", "business"),
]


@pytest.fixture
def documents(search_index, body):
    docs = []
    for n, (prefix, title) in enumerate(sorted(SEED_TITLES.items())):
        text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
        published = dt.datetime(2017 + 2 * n, 6, 1, 9, tzinfo=CHINA)
        docs.append(published_item(title=title, body=text, organisation=body, published=published))
    for title, text, section in PLANTED:
        docs.append(published_item(title=title, body=text, organisation=body, section=section))
    search_index.index_documents([item_document(d) for d in docs])
    return docs


def truth(docs, query: str) -> set[str]:
    terms = [t.strip('"') for t in query.split(" ")]
    return {
        d.public_title
        for d in docs
        if all(
            normalize(t) in normalize(d.public_title) + "\n" + normalize(d.public_body)
            for t in terms
        )
    }


def found(client, query: str, **params) -> list[str]:
    response = client.get("/search/", {"q": query, "format": "json", **params})
    assert response.status_code == 200
    return [hit["title"] for hit in response.json()["hits"]]


T = SEED_TITLES
CASES = [
    # 2 characters
    ("户籍", {T["003"]}),
    ("舆情", {T["000"], T["001"], T["002"], T["003"]}),
    ("上党", {T["002"]}),
    # 3 characters
    ("公安厅", {T["003"]}),
    ("西市区", {T["001"]}),
    # 4 characters
    ("负面清单", {T["000"], T["001"], T["002"]}),
    ("权责清单", {T["000"], T["001"], T["003"]}),
    ("年度报告", {T["003"]}),
    # longer words, two words, quoted phrases
    ("决策预公开", {T["000"], T["001"], T["002"]}),
    ("新闻发言人 湛江", {T["000"]}),
    ('"先审查、后公开"', {T["000"]}),
    ('"河长制"', {PLANTED[0][0]}),
    ("蜘蛛池", set()),
]


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_words_and_phrases_find_exactly_the_documents_containing_them(
    client, documents, query, expected
):
    assert truth(documents, query) == expected  # the table agrees with the texts
    assert set(found(client, query)) == expected


def test_hits_show_highlighted_escaped_snippets(client, documents):
    html = client.get("/search/", {"q": "负面清单"}).content.decode()
    assert "<mark>负面清单</mark>" in html
    assert "共找到 3 条结果" in html


def test_title_matches_rank_first_and_date_sort(client, documents):
    assert found(client, "年度报告")[0] == T["003"]
    by_date = found(client, "舆情", sort="date")
    assert by_date == [T["003"], T["002"], T["001"], T["000"]]


def test_filters_by_section_and_year(client, documents):
    assert found(client, "河长", section="business") == [PLANTED[1][0]]
    assert found(client, "舆情", year="2019") == [T["001"]]


def test_pagination(client, documents, settings):
    from gongkai.portal.views import common

    first = client.get("/search/", {"q": "舆情", "format": "json"}).json()
    assert (first["total"], first["page"]) == (4, 1)
    second = client.get("/search/", {"q": "舆情", "format": "json", "page": "2"}).json()
    assert second["hits"] == [] and common.PAGE_SIZE == 20


def test_empty_query_and_no_results_get_clear_messages(client, documents):
    assert "请输入检索词。" in client.get("/search/").content.decode()
    html = client.get("/search/", {"q": "蜘蛛池"}).content.decode()
    assert "未找到与“蜘蛛池”相关的结果" in html


@pytest.mark.parametrize(
    "params",
    [{"year": "20x4"}, {"section": "nope"}, {"sort": "random"}, {"page": "0"}, {"kind": "x"}],
)
def test_bad_search_options_are_refused_with_a_message(client, documents, params):
    response = client.get("/search/", {"q": "舆情", **params})
    assert response.status_code == 400
    assert "检索条件无效。" in response.content.decode()
    api = client.get("/search/", {"q": "舆情", "format": "json", **params})
    assert (api.status_code, api.json()["code"]) == (400, "invalid_search")


def test_withdrawn_items_vanish_from_results_at_once(client, documents):
    from gongkai.proactive.models import Item

    Item.objects.filter(public_title=T["003"]).update(withdrawn_at=dt.datetime.now(tz=CHINA))
    assert found(client, "公安厅") == []
