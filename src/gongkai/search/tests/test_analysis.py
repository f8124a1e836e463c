"""Normalisation, tokens, query parsing, synonyms and snippets (pure Python)."""

import pytest

from gongkai.search.analysis import (
    QueryTerm,
    char_tokens,
    gram_tokens,
    highlight,
    index_text,
    normalize,
    pairs,
    parse_query,
    plain_text,
    synonym_map,
)


def test_normalize_folds_full_width_and_case():
    assert normalize("ＡＢＣ１２３　预算") == "abc123 预算"
    assert normalize("“河长制”") == '"河长制"'


def test_bigrams_of_cjk_runs_and_whole_latin_and_digit_tokens():
    assert gram_tokens(normalize("沁源县统计局2023年ABC预算")) == [
        "沁源",
        "源县",
        "县统",
        "统计",
        "计局",
        "2023",
        "年",
        "abc",
        "预算",
    ]


def test_separators_are_tokens_so_phrases_stay_exact():
    assert gram_tokens(normalize("户籍，公开 \n 办理")) == ["户籍", ",", "公开", "\u2423", "办理"]
    assert char_tokens("户籍a公") == ["户", "籍", "公"]


def test_index_text_folds_and_collapses_whitespace():
    assert index_text("  户籍，\n\n 公开\u3000办理 ") == "户籍, 公开 办理"


def test_pairs_from_the_start_with_an_odd_last_character():
    assert pairs("沁源县统计局") == ["沁源", "县统", "计局"]
    assert pairs("统计局") == ["统计", "局"]
    assert pairs("户") == ["户"]


def test_parse_query_keeps_quoted_phrases_whole():
    assert parse_query('户籍  "政务 公开" 河长制') == [
        QueryTerm("户籍"),
        QueryTerm("政务 公开", quoted=True),
        QueryTerm("河长制"),
    ]
    assert parse_query("“沁源县统计局”") == [QueryTerm("沁源县统计局", quoted=True)]
    assert parse_query('  ""  ,, ') == []


def test_highlight_escapes_and_marks():
    assert highlight("户籍<b>须知</b> & 户籍", ["户籍"]) == (
        "<mark>户籍</mark>&lt;b&gt;须知&lt;/b&gt; &amp; <mark>户籍</mark>"
    )


def test_highlight_maps_full_width_text_back_to_the_original():
    assert highlight("ＡＢＣ预算表", ["abc预算"]) == "<mark>ＡＢＣ预算</mark>表"


def test_highlight_without_match_shows_the_start():
    assert highlight("一二三四五", ["户籍"], width=3) == "一二三…"


def test_traditional_characters_fold_to_simplified_in_text_and_queries():
    assert normalize("戶籍辦理") == "户籍办理"
    assert normalize("政府資訊公開 年度報告") == "政府资讯公开 年度报告"
    # One character for one: offsets into the original text stay valid for snippets.
    assert len(normalize("戶籍")) == 2
    assert parse_query("戶籍") == [QueryTerm("户籍")]
    assert highlight("办理戶籍业务", ["户籍"]) == "办理<mark>戶籍</mark>业务"


def test_plain_text_decodes_entities_and_drops_tags():
    assert plain_text("<p>A &lt; B &amp; “C”</p>") == "A < B & “C”"


def test_snippets_unescape_before_highlighting_and_escape_once():
    # A source that indexed markup left entities in the text: shown as the characters.
    assert highlight("3 &lt; 5 &amp; 户籍", ["户籍"]) == "3 &lt; 5 &amp; <mark>户籍</mark>"
    assert (
        highlight('户籍 <b> & "x"', ["户籍"]) == "<mark>户籍</mark> &lt;b&gt; &amp; &quot;x&quot;"
    )


# Synonym groups as the office types them; the table maps each word to the others.
SYNONYMS = synonym_map([["年报", "年度报告"], ["户口", "戶籍"], ["户籍", "户口簿"]])


@pytest.mark.parametrize(
    ("query", "variants"),
    [
        ("年报", [("年报", "年度报告")]),
        ("年度报告", [("年度报告", "年报")]),
        # Groups sharing a word merge; a traditional synonym is folded like the text.
        ("户口", [("户口", "户口簿", "户籍")]),
        # A synonym inside a longer term: the term is respelled.
        ("2023年报", [("2023年报", "2023年度报告")]),
        ("预算", [("预算",)]),
        # A quoted phrase is taken as typed.
        ('"年报"', [("年报",)]),
        ("年报 预算", [("年报", "年度报告"), ("预算",)]),
    ],
)
def test_synonyms_expand_query_terms(query, variants):
    assert [t.variants for t in parse_query(query, SYNONYMS)] == variants


def test_no_synonyms_without_a_table():
    assert parse_query("年报")[0].variants == ("年报",)


def test_normalize_is_the_whole_fold_table_whatever_the_shortcut():
    # normalize replaces the common folds first and looks the table up only when a
    # character of it remains: the result must be the table's, character by character.
    from gongkai.search.analysis import fold_table

    table = fold_table()
    for code in table:
        text = "户" + chr(code) + "，籍A"
        assert normalize(text) == text.translate(table)
    mixed = "“戶籍”（ＡＢＣ）：年度報告\u3000\xa0河長制！？；" + "\U0002f800ﬁ"
    assert normalize(mixed) == mixed.translate(table)
    assert normalize("") == ""


def test_gram_lexemes_are_the_bigram_and_character_tokens():
    from gongkai.search.analysis import gram_lexemes

    for text in [
        "沁源县统计局2023年ABC预算",
        "户籍，公开 \n 办理",
        "a户b籍c 公 开é␣あアい한국",
        "户",
        "",
        "  ",
        "河长制、林长制和田长制",
    ]:
        folded = normalize(text)
        assert gram_lexemes(folded) == set(gram_tokens(folded)) | set(char_tokens(folded))
