"""严重错别字: a leader's name beside a post they do not hold, a misspelt name after a
post, wrong forms of official terms; correct text, former leaders and longer posts that
contain shorter ones (国务院副总理 / 总理) pass. Table-driven over the starting lists
(migration 0003: 二十届一中全会, 十四届全国人大一次会议)."""

import pytest

from gongkai.monitor.models import NationalLeader, TermForm
from gongkai.monitor.wording import Naming, Wrong, describe, naming_from_tables, titles_of

pytestmark = pytest.mark.django_db

CASES = [
    # (page text, what must be reported)
    ("中共中央总书记、国家主席、中央军委主席习近平出席会议", []),
    ("国务院总理李强主持召开国务院常务会议", []),
    ("国务院副总理丁薛祥、何立峰出席", []),
    ("习近平总书记强调", []),
    ("2015年，国务院总理李克强签署国务院令", []),  # a former leader with his post then
    ("国家主席 李强 出席", [Wrong("wrong_title", "国家主席李强", "国务院总理李强")]),
    ("国务院总理习近平指出", [Wrong("wrong_title", "国务院总理习近平", "中共中央总书记习近平")]),
    ("李强总书记强调", [Wrong("wrong_title", "李强总书记", "李强国务院总理")]),
    ("国家主席习近萍出席", [Wrong("wrong_name", "国家主席习近萍", "国家主席习近平")]),
    ("国务院副总理张国青调研", [Wrong("wrong_name", "国务院副总理张国青", "国务院副总理张国清")]),
    (
        "根据《中华人民共和国政府信息公开条列》",
        [Wrong("wrong_term", "政府信息公开条列", "政府信息公开条例")],
    ),
    ("中华人名共和国成立", [Wrong("wrong_term", "中华人名共和国", "中华人民共和国")]),
    ("国务院办公室印发通知", [Wrong("wrong_term", "国务院办公室", "国务院办公厅")]),
    ("《中华人民共和国政府信息公开条例》第二十条", []),
    ("国务院总理主持会议", []),  # a post without a name: nothing to compare
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_national_leaders_and_terms_from_the_starting_lists(text, expected):
    assert naming_from_tables().check(text) == expected


def test_the_starting_lists_say_where_they_come_from():
    xi = NationalLeader.objects.get(name="习近平")
    assert "国家主席" in titles_of(xi.titles) and xi.is_current
    assert NationalLeader.objects.get(name="李克强").is_current is False
    assert "十四届全国人大一次会议" in xi.source and xi.checked_on.isoformat() == "2026-12-06"
    assert TermForm.objects.get(wrong="国务院办公室").correct == "国务院办公厅"


def test_the_office_edits_the_lists(body):
    from gongkai.listings.models import Leader

    TermForm.objects.filter(wrong="国务院办公室").update(is_active=False)
    Leader.objects.create(
        organisation=body, name="王建国", title="区长", duties="全面工作", updated_on="2026-01-05"
    )
    Leader.objects.create(
        organisation=body,
        name="张丽",
        title="副区长",
        duties="教育",
        updated_on="2026-01-05",
    )
    naming = naming_from_tables()
    assert naming.check("国务院办公室印发") == []
    assert naming.check("区长王建国、副区长张丽出席") == []
    assert naming.check("副区长王建国出席") == [Wrong("wrong_title", "副区长王建国", "区长王建国")]
    # A local post is held by many people elsewhere: a near miss is not guessed.
    assert naming.check("区长王建华出席") == []


def test_two_character_names_are_not_guessed_and_a_description_shows_both_forms():
    naming = Naming([("李强", "国务院总理")], [])
    assert naming.check("国务院总理李墙") == []  # one character off a 2-character name
    three = Naming([("习近平", "国家主席")], [])
    assert three.check("国家主席刁近平") == []  # another surname: not a misspelling
    wrong = Wrong("wrong_title", "国家主席李强", "国务院总理李强")
    assert describe(wrong) == "“国家主席李强”应为“国务院总理李强”"
