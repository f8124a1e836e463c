"""The shortcuts taken for speed give the same answers as the plain forms they replace.

Why: the detector must run at 30 MB/s on one core (issue 12), and each shortcut below was
taken for that; a shortcut that answered differently would silently change what is masked.
Each is checked against the plain form on many random inputs over the characters that
matter (seeded, so a failure repeats).
"""

import random
import re
from operator import mul

import pytest

from gongkai.privacy.detect import _ASCII_ALNUM, _EMAIL_DOMAIN_RE, _email_end, id_check_char
from gongkai.privacy.literal import Literal
from gongkai.privacy.names import (
    _BARE_NAME_RE,
    _HAN_RUN_RE,
    _NAME_START,
    ADDRESS_CUES,
    NAME_CUES,
    NOT_NAMES,
    PERSON_AFTER,
    PERSON_BEFORE,
    TITLE_AFTER,
    _bare_spans,
    _find_pair,
    _literals,
    _name_after_cue,
    valid_name,
)
from gongkai.privacy.numbers import _LOCAL_AFTER_CUE_RE, _LOCAL_CUES

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def test_id_check_char_is_the_weighted_sum_of_the_standard():
    rng = random.Random(11643)
    for _ in range(20_000):
        body = "".join(rng.choice("0123456789") for _ in range(17))
        expected = "10X98765432"[sum(map(mul, map(int, body), WEIGHTS)) % 11]
        assert id_check_char(body) == expected


def _plain_trie(words, after=""):
    """The word-list regex as it was built before (a trie of the words)."""

    def trie(node):
        branches = [re.escape(c) + trie(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    tree = {}
    for word in set(words):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(f"({trie(tree)}){after}" if after else trie(tree))


WORD_LISTS = {
    "cues": (NAME_CUES + ADDRESS_CUES, r"[ \t\u3000]*([：:])?[ \t\u3000]*"),
    "before": (PERSON_BEFORE, "(?=[王李张])"),
    "after": (PERSON_AFTER + TITLE_AFTER, ""),
    "nested": (["住", "住址", "住所", "住所地", "家住", "现住", "现住址", "所"], ""),
}


@pytest.mark.parametrize("name", WORD_LISTS)
def test_word_list_regex_matches_as_a_plain_trie(name):
    words, after = WORD_LISTS[name]
    fast, plain = _literals(words, after), _plain_trie(words, after)
    chars = sorted({c for w in words for c in w} | set("王李张：: 　的"))
    rng = random.Random(name)
    for _ in range(3000):
        text = "".join(rng.choice(chars) for _ in range(rng.randrange(1, 30)))
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ], text
        pos = rng.randrange(len(text))
        a, b = fast.match(text, pos), plain.match(text, pos)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (text, pos)


@pytest.mark.parametrize(("word", "anchor"), [("电话", 0), ("：\n", 1), ("，男，", 1), ("  ", 0)])
def test_literal_finds_as_str_find(word, anchor):
    literal = Literal(word, anchor)
    rng = random.Random(word)
    chars = sorted(set(word) | set("电话男，："))
    for _ in range(2000):
        text = "".join(rng.choice(chars) for _ in range(rng.randrange(0, 20)))
        pos = rng.randrange(len(text) + 1)
        assert literal.find(text, pos) == text.find(word, pos)
        assert literal.occurs_in(text) == (word in text)
        expected = [i for i in range(len(text)) if text.startswith(word, i)]
        assert list(literal.starts(text)) == expected


def test_find_pair_finds_as_str_find():
    rng = random.Random(2)
    for _ in range(5000):
        text = "".join(rng.choice("小红陈") for _ in range(rng.randrange(0, 20)))
        start, end = rng.randrange(25), rng.randrange(25)
        assert _find_pair(text, "小红", start, end) == text.find("小红", start, end)


def test_bare_spans_are_those_of_the_plain_regex():
    # Boundary characters that are also surname or given-name characters (由 和 向) make
    # matches overlap: the case _bare_spans must drop and search past.
    rng = random.Random(3)
    chars = "，的由和向 \n王李欧阳伟明小红强国阿"
    for _ in range(20_000):
        text = "".join(rng.choice(chars) for _ in range(rng.randrange(0, 24)))
        assert _bare_spans(text) == [(m.start(1), m.end()) for m in _BARE_NAME_RE.finditer(text)], (
            text
        )


# _email_end as it was before: the local part found by a regex searched from each place up to
# 64 characters before the sign.
_EMAIL_LOCAL_RE = re.compile(r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]{1,64}\Z")


def _plain_email_end(window, at, at_size=1):
    local = _EMAIL_LOCAL_RE.search(window, max(0, at - 64), at)
    domain = _EMAIL_DOMAIN_RE.match(window, at + at_size)
    if not (local and domain):
        return None
    start = local.start()
    while start < at and window[start] == ".":
        start += 1
    end = domain.end()
    if start < at and window[at - 1] != "." and window[end : end + 1] not in _ASCII_ALNUM:
        return start, end
    return None


def test_email_local_part_is_found_as_by_the_plain_regex():
    rng = random.Random(4)
    for _ in range(20_000):
        window = "".join(rng.choice("ab9._-+%中 @q.cn") for _ in range(rng.randrange(0, 90)))
        for at in (i for i, c in enumerate(window) if c == "@" and i <= 64):
            assert _email_end(window, at) == _plain_email_end(window, at), (window, at)


def test_phone_cue_search_stops_where_the_plain_search_finds_a_number():
    rng = random.Random(5)
    for _ in range(10_000):
        text = "".join(
            rng.choice(["电话", "座机", "号码", "：", " ", "2", "3", "0", "-", "电"])
            for _ in range(rng.randrange(0, 14))
        )
        for cue, search in zip(("电话", "座机", "固话"), _LOCAL_CUES, strict=True):
            plain = [
                i
                for i in range(len(text))
                if text.startswith(cue, i) and _LOCAL_AFTER_CUE_RE.match(text, i + 2)
            ]
            assert [m.start() for m in search.finditer(text)] == plain, text


def test_cue_runs_skipped_at_once_hold_no_name():
    # _cues drops a run after a name cue at once when it cannot start a name (no surname
    # first, or a word of NOT_NAMES first) and holds no minority name's dot: nothing the
    # full reading (valid_name, _name_after_cue) would have found.
    rng = random.Random(6)
    chars = "申请公开示名单王李对男女应自·、，：的小红伟"
    for _ in range(20_000):
        after = "".join(rng.choice(chars) for _ in range(rng.randrange(1, 12)))
        run = _HAN_RUN_RE.match(after)
        if run is None:
            continue
        run = run.group()
        ahead = after[:4] if len(run) < 4 else run
        if (run[0] in _NAME_START and after[:2] not in NOT_NAMES) or "·" in ahead:
            continue
        for colon in (True, False):
            for bare in (True, False):
                assert _name_after_cue(after, 0, run, colon, bare) is None, after
        assert not valid_name(run), after
