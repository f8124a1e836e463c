"""Text analysis shared by every backend (pure Python, no Django).

Chinese has no spaces, and people search for two-character words (户籍, 预算) and exact
names (沁源县统计局). Word segmentation misses many of them, so the index holds character
bigrams of every CJK run (as Lucene's CJK analyzer does): any CJK substring of two or more
characters is then a phrase of consecutive bigrams, which gives exact recall. Single CJK
characters are kept in a separate stream for one-character queries. Latin letters and
digit runs are whole tokens. jieba is only used for ranking (see ``words``).
"""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

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


def normalize(text: str) -> str:
    """NFKC (full-width letters, digits and spaces become half-width) and lower case.

    Chinese quotation marks are folded to ASCII ones so “河长制” in a query works as a
    quoted phrase too.
    """
    text = unicodedata.normalize("NFKC", text or "")
    return text.translate(_QUOTES).lower()


_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u300c": '"', "\u300d": '"'})


def is_cjk(char: str) -> bool:
    return bool(_CJK_RE.match(char))


def _run_bigrams(run: str) -> list[str]:
    if len(run) == 1:
        # An isolated character has no neighbour: keep it alone, as Lucene does.
        return [run]
    return list(map(str.__add__, run[:-1], run[1:]))


def gram_tokens(normalized: str) -> list[str]:
    """The positional token stream: CJK bigrams, Latin words, digit runs, separators."""
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


def grams_text(text: str) -> str:
    """Bigram stream as a space-joined string (fed to a whitespace tokenizer)."""
    return " ".join(gram_tokens(normalize(text)))


def chars_text(text: str) -> str:
    return " ".join(char_tokens(normalize(text)))


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


@dataclass(frozen=True)
class QueryTerm:
    """One required part of a query: a word typed without spaces or a quoted phrase."""

    text: str  # normalized; must occur contiguously in title or body
    quoted: bool = False

    @property
    def pieces(self) -> list[QueryPiece]:
        return query_pieces(self.text)


@dataclass(frozen=True)
class QueryPiece:
    """A token of a term's phrase; ``partial`` marks a lone CJK character at the edge of a
    CJK run, which in a document sits inside a bigram (``年`` of ``2023年`` is indexed as
    ``年预``), so it must be matched as a bigram beginning or ending with it."""

    text: str
    partial: str = ""  # "", "start" (char starts a bigram) or "end" (char ends one)


def query_pieces(term: str) -> list[QueryPiece]:
    runs = _TOKEN_RE.findall(term)
    pieces: list[QueryPiece] = []
    for i, (cjk, latin, digits, space, other) in enumerate(runs):
        if not cjk:
            pieces.append(QueryPiece(SPACE_MARK if space else latin or digits or other))
        elif len(cjk) > 1:
            pieces.extend(QueryPiece(g) for g in _run_bigrams(cjk))
        elif len(runs) == 1:
            pieces.append(QueryPiece(cjk))  # a one-character query
        else:
            # Followed by a non-CJK token in the query: the char ends a bigram in the
            # text (or stands alone); preceded by one: it starts a bigram.
            pieces.append(QueryPiece(cjk, partial="end" if i < len(runs) - 1 else "start"))
    return pieces


def parse_query(query: str) -> list[QueryTerm]:
    """Split a query into required terms: whitespace separates terms, "quoted phrases"
    (ASCII or Chinese quotes) are kept whole, spaces included."""
    terms: list[QueryTerm] = []
    for quoted, bare in _QUERY_RE.findall(normalize(query)):
        text = " ".join((quoted or bare).split())
        if _WORD_RE.search(text):  # a term of punctuation alone finds nothing useful
            terms.append(QueryTerm(text, quoted=bool(quoted)))
    return terms


# ---------------------------------------------------------------- snippets


def _normalized_with_map(text: str) -> tuple[str, list[int]]:
    """Normalized text and, for each of its characters, the index in ``text``."""
    normalized = normalize(text)
    if len(normalized) == len(text):
        # The common case: NFKC maps character for character.
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
    """An HTML-escaped window of ``text`` around the first match, matches in <mark>."""
    text = " ".join((text or "").split())
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
