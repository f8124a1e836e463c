"""The office's synonym table: services, the workbench page, and what the public page shows
(kind, traditional characters, synonyms, snippets escaped once)."""

import pytest
from django.utils import translation

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.portal.tests.factories import published_item
from gongkai.proactive.services.search import item_document
from gongkai.search import synonyms
from gongkai.search.models import SearchSynonym

pytestmark = pytest.mark.django_db
URL = "/workbench/search/synonyms/"


@pytest.fixture
def body():
    return OrganisationFactory(name="湛江市公安局")


@pytest.fixture
def office(body):
    return make_staff(body, roles=[Role.OFFICE])


@pytest.fixture
def handler(body):
    return make_staff(body, roles=[Role.HANDLER])


@pytest.fixture(autouse=True)
def fresh_table():
    synonyms.forget_table()
    yield
    synonyms.forget_table()


def rows() -> list[str]:
    return list(SearchSynonym.objects.values_list("words", flat=True))


def test_migration_seeds_the_common_groups():
    assert rows() == [
        "年报 年度报告",
        "户口 户籍",
        "社保 社会保险",
        "医保 医疗保险 医疗保障",
        "公积金 住房公积金",
    ]
    assert synonyms.synonym_table()["年报"] == ("年度报告",)


def test_add_cleans_folds_and_records(office):
    synonym = synonyms.synonym_add(actor=office, words="一网通办、 一網通辦，政务服务网", note="")
    assert synonym.words == "一网通办 政务服务网"  # folded, duplicates dropped
    entry = LedgerEntry.objects.order_by("-seq").first()
    assert (entry.action, entry.summary) == ("search.synonym_add", {"words": synonym.words})
    synonyms.synonym_update(actor=office, synonym=synonym, words="一网通办 粤省事", note="平台")
    synonym.refresh_from_db()
    assert (synonym.words, synonym.note) == ("一网通办 粤省事", "平台")
    assert synonyms.synonym_table()["粤省事"] == ("一网通办",)
    synonyms.synonym_remove(actor=office, synonym=synonym)
    assert "粤省事" not in synonyms.synonym_table()


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("年报", "synonym_words"),
        ("年报 年报", "synonym_words"),
        ("年 年度", "synonym_word_length"),
        ("一 二 三 四 五 六 七 八 九", "synonym_words"),
        ("年报 年度报告", "synonym_exists"),
    ],
)
def test_bad_groups_are_refused_and_change_nothing(office, words, code):
    before = (rows(), LedgerEntry.objects.count())
    with pytest.raises(ServiceError) as error:
        synonyms.synonym_add(actor=office, words=words)
    assert error.value.code == code
    assert (rows(), LedgerEntry.objects.count()) == before


def test_only_the_office_edits(handler):
    before = (rows(), LedgerEntry.objects.count())
    with pytest.raises(PermissionDeniedError):
        synonyms.synonym_add(actor=handler, words="网格员 网格管理员")
    with pytest.raises(PermissionDeniedError):
        synonyms.synonym_add(actor=None, words="网格员 网格管理员")
    assert (rows(), LedgerEntry.objects.count()) == before


def test_page_refuses_everyone_but_the_office(client, django_user_model, handler):
    before = (rows(), LedgerEntry.objects.count())
    post = {"words": "网格员 网格管理员"}
    assert client.get(URL).status_code == 302  # to the login page
    assert client.post(URL, post).status_code == 302
    citizen = django_user_model.objects.create_user("citizen", password="pw-for-tests-1")
    client.force_login(citizen)
    assert client.get(URL).status_code in (302, 404)
    assert client.post(URL, post).status_code in (302, 404)
    client.force_login(handler)
    assert client.get(URL).status_code == 404
    assert client.post(URL, post).status_code == 404
    assert (rows(), LedgerEntry.objects.count()) == before


def test_office_uses_the_page_in_chinese(client, office):
    client.force_login(office)
    with translation.override("zh-hans"):
        page = client.get(URL).content.decode()
    assert "搜索同义词" in page and "年报 ＝ 年度报告" in page
    response = client.post(URL, {"words": "网格员 网格管理员", "note": "基层治理"})
    assert response.status_code == 302
    assert "网格员 网格管理员" in rows()
    new = SearchSynonym.objects.get(words="网格员 网格管理员")
    response = client.post(URL, {"edit": new.pk, "words": "网格员 网格管理员 网格长", "note": ""})
    assert response.status_code == 302
    new.refresh_from_db()
    assert new.words == "网格员 网格管理员 网格长"
    refused = client.post(URL, {"words": "年报"})
    assert refused.status_code == 400
    assert "一组同义词应有 2 至 8 个不同的词语。" in refused.content.decode()
    client.post(URL, {"remove": new.pk})
    assert not SearchSynonym.objects.filter(pk=new.pk).exists()


# ------------------------------------------------------------------ the public page


@pytest.fixture
def items(backend, body):
    made = [
        published_item(
            title='户籍 <迁移> & "随迁" 须知',
            body="<p>办理户籍迁移请携带户口簿 &amp; 身份证；3 &lt; 5。</p>",
            organisation=body,
        ),
        published_item(title="湛江市公安局2023年政府信息公开工作年度报告", organisation=body),
        published_item(title="关于社会保险参保登记的通知", organisation=body),
    ]
    backend.index_documents([item_document(i) for i in made])
    return made


def page(client, query: str) -> str:
    with translation.override("zh-hans"):
        response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_title_with_markup_characters_is_escaped_once(client, items):
    html = page(client, "随迁")
    assert "户籍 &lt;迁移&gt; &amp; &quot;随迁&quot; 须知" in html
    assert "&amp;lt;" not in html and "&amp;amp;" not in html
    # The body came from HTML with entities: shown as the characters, escaped once.
    assert "携带户口簿 &amp; 身份证；3 &lt; 5。" in html
    assert '<span class="badge hit-kind">政府信息</span>' in html


def test_traditional_query_and_synonyms_on_the_page(client, items):
    assert "户籍 &lt;迁移&gt;" in page(client, "戶籍遷移")
    assert "2023年政府信息公开工作年度报告" in page(client, "年报")
    assert "社会保险参保" in page(client, "社保")
    data = client.get("/search/", {"q": "年报", "format": "json"}).json()
    assert [(h["kind"], h["kind_label"]) for h in data["hits"]] == [("proactive_item", "政府信息")]
