"""Normalisation, tokens, query parsing and snippets (pure Python)."""

from gongkai.search.analysis import (
    QueryPiece,
    QueryTerm,
    char_tokens,
    gram_tokens,
    grams_text,
    highlight,
    normalize,
    parse_query,
    query_pieces,
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
    assert grams_text("户籍，公开 \n 办理") == "户籍 , 公开 \u2423 办理"
    assert query_pieces("常态、不公开") == [QueryPiece(t) for t in ["常态", "、", "不公", "公开"]]
    assert char_tokens("户籍a公") == ["户", "籍", "公"]


def test_parse_query_keeps_quoted_phrases_whole():
    assert parse_query('户籍  "政务 公开" 河长制') == [
        QueryTerm("户籍"),
        QueryTerm("政务 公开", quoted=True),
        QueryTerm("河长制"),
    ]
    assert parse_query("“沁源县统计局”") == [QueryTerm("沁源县统计局", quoted=True)]
    assert parse_query('  ""  ,, ') == []


def test_query_pieces_mark_lone_characters_next_to_digits():
    assert query_pieces("2023年") == [QueryPiece("2023"), QueryPiece("年", partial="start")]
    assert query_pieces("第5") == [QueryPiece("第", partial="end"), QueryPiece("5")]
    assert query_pieces("局") == [QueryPiece("局")]


def test_highlight_escapes_and_marks():
    assert highlight("户籍<b>须知</b> & 户籍", ["户籍"]) == (
        "<mark>户籍</mark>&lt;b&gt;须知&lt;/b&gt; &amp; <mark>户籍</mark>"
    )


def test_highlight_maps_full_width_text_back_to_the_original():
    assert highlight("ＡＢＣ预算表", ["abc预算"]) == "<mark>ＡＢＣ预算</mark>表"


def test_highlight_without_match_shows_the_start():
    assert highlight("一二三四五", ["户籍"], width=3) == "一二三…"
