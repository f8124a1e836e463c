"""Text analysis shared by every backend (pure Python, no Django).

Chinese has no spaces, and people search for two-character words (户籍, 预算) and exact
names (沁源县统计局). Word segmentation misses many of them, so recall rests on character
pairs: any substring of two or more characters is then a phrase of consecutive pairs,
which gives exact recall (see ``backends/embedded.py`` for the index, ``gram_tokens`` for
the PostgreSQL backend's bigrams). jieba is only used for ranking (see ``words``).

**Folding** (``normalize``): one character-for-character table applied to index text and
queries alike: NFKC (full-width letters, digits, punctuation and spaces become
half-width), lower case, traditional characters to simplified ones (戶籍 → 户籍, from
OpenCC's character table) and Chinese quotation marks to ASCII ones. One ``str.translate``
costs a fraction of ``unicodedata.normalize`` plus OpenCC (OpenCC's pure-Python converter
takes milliseconds a document, far too slow for indexing), and keeps offsets, so snippets
map matches back to the original text.
"""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

# Han ideographs (with extension A and compatibility), kana and hangul: scripts written
# without spaces, indexed as bigrams.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WORD_RE = re.compile(f"[{_CJK}a-z0-9]")
# Every character of the text lands in a token: CJK runs (bigrammed), Latin words, digit
# runs, a whitespace run (one "␣" token) or any other single character (punctuation).
# Nothing is skipped, so a phrase over the token stream is an exact substring test.
_TOKEN_RE = re.compile(f"([{_CJK}]+)|([a-z]+)|([0-9]+)|(\\s+)|(\\S)")
SPACE_MARK = "\u2423"  # stands for a run of whitespace
_CJK_RE = re.compile(f"[{_CJK}]")
_QUERY_RE = re.compile(r'"([^"]*)"|(\S+)')
_QUOTES = {"\u201c": '"', "\u201d": '"', "\u300c": '"', "\u300d": '"'}
# Code points whose NFKC form may differ: the BMP and the CJK compatibility supplement.
_FOLD_RANGES = (range(0x0000, 0xD800), range(0xE000, 0x10000), range(0x2F800, 0x2FA20))


def _t2s_characters() -> dict[str, str]:
    """OpenCC's traditional → simplified character table (its first choice for each),
    read from the installed opencc-python-reimplemented package; one character to one."""
    try:
        import opencc
    except ImportError:  # the dependency is declared; without it, no folding of 繁体
        return {}
    table: dict[str, str] = {}
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(target) == 1 and source != target:
            table[source] = target
    return table


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    """The ``str.translate`` table of ``normalize`` (built once, about 0.1 s)."""
    t2s = _t2s_characters()
    table: dict[int, str] = {}
    for code_points in _FOLD_RANGES:
        for code in code_points:
            char = chr(code)
            folded = unicodedata.normalize("NFKC", char).lower()
            folded = "".join(_QUOTES.get(c, t2s.get(c, c)) for c in folded)
            if folded != char:
                table[code] = folded
    for source, target in t2s.items():  # traditional characters outside the BMP
        table.setdefault(ord(source), target)
    return table


# The folds met in nearly every simplified-Chinese document (full-width punctuation,
# quotation marks, no-break and ideographic spaces): replaced with ``str.replace``, a C
# scan of the whole text each, before the rest of the table is even looked for.
_COMMON_FOLDS = "，：；（）！？“”　\xa0"


@lru_cache(maxsize=1)
def _fold_plan() -> tuple[tuple[tuple[str, str], ...], re.Pattern[str]]:
    """The common folds as ``(character, folded)`` pairs, and a pattern finding any other
    character of ``fold_table`` (characters outside the BMP are always looked at)."""
    table = fold_table()
    common = tuple((c, table[ord(c)]) for c in _COMMON_FOLDS if ord(c) in table)
    skip = {ord(c) for c, _ in common}
    codes = sorted(c for c in table if c < 0x10000 and c not in skip)
    ranges, start, prev = [], codes[0], codes[0]
    for code in codes[1:]:
        if code != prev + 1:
            ranges.append((start, prev))
            start = code
        prev = code
    ranges.append((start, prev))
    # A character class over the BMP compiles to a bitmap lookup in ``re``: searching a
    # document for a character to fold costs about 1 µs.
    parts = "".join(f"\\u{a:04x}" + (f"-\\u{b:04x}" if b > a else "") for a, b in ranges)
    return common, re.compile(f"[{parts}\\U00010000-\\U0010ffff]")


def normalize(text: str) -> str:
    """Fold ``text`` for matching: NFKC and lower case character by character,
    traditional to simplified, Chinese quotation marks “ ” 「 」 to ``"`` (so “河长制” in a
    query is a quoted phrase too).

    The same as ``text.translate(fold_table())``, which costs ~0.1 µs a character (a dict
    lookup each): the common folds go through ``str.replace`` and the table only when a
    character of it remains (traditional text, full-width letters…)."""
    if not text:
        return ""
    common, other = _fold_plan()
    for char, folded in common:
        if char in text:
            text = text.replace(char, folded)
    if other.search(text) is None:
        return text
    return text.translate(fold_table())


def index_text(text: str) -> str:
    """What the index matches against: the folded text, whitespace runs as one space."""
    return " ".join(normalize(text).split())


def plain_text(markup: str) -> str:
    """Text of an HTML fragment for the index: tags removed, entities decoded (``&lt;``
    is ``<``), so the index and the snippets hold what a reader sees."""
    from django.utils.html import strip_tags

    return html.unescape(strip_tags(markup or ""))


def is_cjk(char: str) -> bool:
    return bool(_CJK_RE.match(char))


def _run_bigrams(run: str) -> list[str]:
    if len(run) == 1:
        # An isolated character has no neighbour: keep it alone, as Lucene does.
        return [run]
    return list(map(str.__add__, run[:-1], run[1:]))


def gram_tokens(normalized: str) -> list[str]:
    """The PostgreSQL backend's lexemes: CJK bigrams, Latin words, digit runs, separators."""
    tokens: list[str] = []
    for cjk, latin, digits, space, other in _TOKEN_RE.findall(normalized):
        if cjk:
            tokens.extend(_run_bigrams(cjk))
        else:
            tokens.append(SPACE_MARK if space else latin or digits or other)
    return tokens


def char_tokens(normalized: str) -> list[str]:
    """Every CJK character on its own, for one-character queries."""
    return _CJK_RE.findall(normalized)


_NOT_CJK_RE = re.compile(f"[^{_CJK}]")
# The tokens of ``gram_tokens`` that are not CJK: the same alternatives in the same order,
# CJK characters skipped (they never match these).
_OTHER_TOKEN_RE = re.compile(f"[a-z]+|[0-9]+|\\s+|[^\\s{_CJK}]")
_PAIR_BLANK = array("I", [32, 32, 32])


def gram_lexemes(normalized: str) -> set[str]:
    """``set(gram_tokens(normalized)) | set(char_tokens(normalized))`` (the PostgreSQL
    backend's distinct lexemes), made without a regex match or a Python loop step a
    character: CJK bigrams come from the pairs of the text with every other character
    blanked (a pair with a blank splits into one CJK character, which is a lexeme
    anyway), and only the few other tokens (Latin words, numbers, punctuation) go through
    a regex. About 4× faster than the two token lists."""
    cjk = _NOT_CJK_RE.sub(" ", normalized)
    lexemes = set(cjk)
    lexemes.discard(" ")
    if len(cjk) > 1:
        points = array("I")
        points.frombytes(cjk.encode("utf-32-le"))
        out = _PAIR_BLANK * (len(points) - 1)
        out[0::3] = points[:-1]
        out[1::3] = points[1:]
        lexemes.update(out.tobytes().decode("utf-32-le").split())
    for token in _OTHER_TOKEN_RE.findall(normalized):
        lexemes.add(SPACE_MARK if token.isspace() else token)
    return lexemes


def pairs(text: str) -> list[str]:
    """Consecutive non-overlapping pairs of characters from the start; an odd last
    character stays alone. The embedded index tokenizes its fields the same way (in
    Rust), once from the first character and once from the second."""
    return [text[i : i + 2] for i in range(0, len(text), 2)]


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def words(text: str) -> list[str]:
    """jieba words of two or more characters: used for ranking, never for recall."""
    normalized = normalize(text)
    if not normalized.strip():
        return []
    return [w for w in _jieba().lcut(normalized, HMM=False) if len(w.strip()) >= 2]


# ---------------------------------------------------------------- queries

# At most this many spellings of one term after synonyms (the term itself included).
MAX_VARIANTS = 8


@dataclass(frozen=True)
class QueryTerm:
    """One required part of a query: a word typed without spaces or a quoted phrase.

    ``variants`` are the spellings that satisfy it: the text itself and its synonyms
    from the office's table (年报 → 年度报告); a document matches the term when it contains
    any of them contiguously."""

    text: str  # normalized; must occur contiguously in title or body
    quoted: bool = False
    synonyms: tuple[str, ...] = field(default=(), compare=False)

    @property
    def variants(self) -> tuple[str, ...]:
        return (self.text, *self.synonyms)


Synonyms = Mapping[str, tuple[str, ...]]


def synonym_map(groups: Iterable[Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """Each folded word of a group → the other words of its group (groups sharing a
    word are merged: 户口 ↔ 户籍 and 户籍 ↔ 户口簿 make one group)."""
    merged: list[set[str]] = []
    for group in groups:
        words_ = {index_text(w) for w in group} - {""}
        overlapping = [g for g in merged if g & words_]
        for g in overlapping:
            words_ |= g
            merged.remove(g)
        if len(words_) > 1:
            merged.append(words_)
    return {w: tuple(sorted(g - {w}, key=lambda x: (-len(x), x))) for g in merged for w in g}


def expand(text: str, synonyms: Synonyms) -> tuple[str, ...]:
    """Other spellings of ``text``: each synonym found in it replaced by the others of
    its group, longest words first, at most MAX_VARIANTS - 1."""
    out: list[str] = []
    for word in sorted(synonyms, key=lambda w: (-len(w), w)):
        if word in text:
            for other in synonyms[word]:
                variant = text.replace(word, other)
                if variant != text and variant not in out:
                    out.append(variant)
        if len(out) >= MAX_VARIANTS - 1:
            break
    return tuple(out[: MAX_VARIANTS - 1])


def parse_query(query: str, synonyms: Synonyms | None = None) -> list[QueryTerm]:
    """Split a query into required terms: whitespace separates terms, "quoted phrases"
    (ASCII or Chinese quotes) are kept whole, spaces included. With ``synonyms``, an
    unquoted term also matches its synonyms (a quoted phrase is taken as typed)."""
    terms: list[QueryTerm] = []
    for quoted, bare in _QUERY_RE.findall(normalize(query)):
        text = " ".join((quoted or bare).split())
        if _WORD_RE.search(text):  # a term of punctuation alone finds nothing useful
            others = expand(text, synonyms) if synonyms and not quoted else ()
            terms.append(QueryTerm(text, quoted=bool(quoted), synonyms=others))
    return terms


# ---------------------------------------------------------------- snippets


def _normalized_with_map(text: str) -> tuple[str, list[int]]:
    """Normalized text and, for each of its characters, the index in ``text``."""
    normalized = normalize(text)
    if len(normalized) == len(text):
        # The common case: the fold maps character for character.
        return normalized, list(range(len(text)))
    parts, index = [], []
    for i, char in enumerate(text):
        n = normalize(char)
        parts.append(n)
        index.extend([i] * len(n))
    return "".join(parts), index


def find_spans(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans in ``text`` (original indices) of the normalized needles."""
    normalized, index = _normalized_with_map(text)
    spans: list[tuple[int, int]] = []
    for needle in sorted({n for n in needles if n}, key=len, reverse=True):
        start = normalized.find(needle)
        while start != -1:
            end = start + len(needle)
            span = (index[start], index[end - 1] + 1)
            if all(span[1] <= s or span[0] >= e for s, e in spans):
                spans.append(span)
            start = normalized.find(needle, end)
    return sorted(spans)


def highlight(text: str, needles: list[str], width: int = 120) -> str:
    """An HTML-escaped window of ``text`` around the first match, matches in <mark>.

    ``text`` is plain text; entities left in it by a source that indexed markup
    (``&lt;``) are decoded first, so the page shows ``<`` and not ``&lt;``: the text is
    escaped exactly once, here."""
    text = " ".join(html.unescape(text or "").split())
    spans = find_spans(text, needles)
    if not spans:
        cut = text[:width]
        return html.escape(cut) + ("…" if len(text) > width else "")
    first = spans[0][0]
    start = max(0, first - width // 4)
    end = min(len(text), start + width)
    out = ["…" if start > 0 else ""]
    pos = start
    for s, e in spans:
        if s < start or e > end:
            continue
        out += [html.escape(text[pos:s]), "<mark>", html.escape(text[s:e]), "</mark>"]
        pos = e
    out.append(html.escape(text[pos:end]))
    out.append("…" if end < len(text) else "")
    return "".join(out)


def matches(normalized_text: str, terms: list[QueryTerm]) -> bool:
    """The ground truth both backends implement: every term is a substring."""
    return all(t.text in normalized_text for t in terms)
