"""Find personal information in Chinese text, in the forms people really type.

Speed comes from doing as little per character as possible: each pass is one
compiled regex whose first item is a character class or a literal, so ``re``
skips ahead in C, and Python only looks at the few places that can hold
something.

* numbers (``numbers.py``): "numeric zones" of digits, separators and brackets,
  half- or full-width; inside them digit groups are tried as numbers and checked
  by length, shape and checksum (GB 11643 for ID numbers, Luhn for cards);
* e-mail: ``str.find("@")`` (and "＠") and a look either side;
* plates: one regex starting with the province characters;
* names and addresses (``names.py``): after cue words (申请人：, 住址：…), after or
  before words that only go with people (市民李四, 王五同志), then every later
  mention of a found name.

What the body publishes itself (its leaders' names, its own phone numbers,
addresses and e-mail) is passed as ``public`` and never reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter

from .finding import Finding
from .names import (
    bare_names,
    later_mentions,
    name_before_number,
    names_in_rows,
    people,
    salutations,
    surname_length,
)
from .numbers import (
    fold,
    id_check_char,
    is_bank_card,
    is_id15,
    is_id18,
    luhn_ok,
    numbers,
)

__all__ = [
    "PRIORITY",
    "TYPES",
    "Finding",
    "PublicData",
    "detect",
    "id_check_char",
    "is_bank_card",
    "is_id15",
    "is_id18",
    "luhn_ok",
    "surname_length",
]

TYPES = ("id_card", "mobile", "landline", "bank_card", "email", "plate", "name", "address")

# Lower rank wins an overlap (the order); on a tie the longer finding wins.
PRIORITY = {
    "id_card": 0,
    "bank_card": 1,
    "mobile": 2,
    "landline": 3,
    "email": 4,
    "plate": 5,
    "address": 6,
    "name": 7,
}


_NON_DIGITS = re.compile(r"[^0-9]")


def digits_of(s: str) -> str:
    """The digits of a written number, half-width (for comparing phone numbers)."""
    return _NON_DIGITS.sub("", fold(s))


@dataclass(frozen=True)
class PublicData:
    """What the body publishes itself and is never to be flagged: its published leaders'
    names, its own phone and fax numbers, addresses and e-mail addresses."""

    names: frozenset[str] = field(default_factory=frozenset)
    numbers: frozenset[str] = field(default_factory=frozenset)  # digits only
    addresses: tuple[str, ...] = ()
    emails: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(
        cls,
        *,
        names: Iterable[str] = (),
        phones: Iterable[str] = (),
        addresses: Iterable[str] = (),
        emails: Iterable[str] = (),
    ) -> PublicData:
        numbers = {d for d in map(digits_of, phones) if len(d) >= 7}
        return cls(
            names=frozenset(n.strip() for n in names if n.strip()),
            numbers=frozenset(numbers),
            addresses=tuple(a.strip() for a in addresses if len(a.strip()) >= 4),
            emails=frozenset(e.strip().lower() for e in emails if "@" in e),
        )

    def covers(self, finding: Finding) -> bool:
        kind = finding.type
        if kind == "name":
            return finding.text in self.names
        if kind in ("mobile", "landline"):
            digits = digits_of(finding.text)
            # The body may write its number with or without area or country code.
            return any(digits.endswith(n) or n.endswith(digits) for n in self.numbers)
        if kind == "email":
            return fold(finding.text).lower() in self.emails
        if kind == "address":
            return any(finding.text in a or a in finding.text for a in self.addresses)
        return False


# --------------------------------------------------------------------------
# E-mail
# --------------------------------------------------------------------------

_EMAIL_DOMAIN_RE = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"
)
_ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_EMAIL_LOCAL_CHARS = "".join(sorted(_ASCII_ALNUM)) + "._%+-"
_EMAIL_WINDOW = 320


# What people write for "@": full-width, and the forms typed against address harvesting.
_AT_SIGNS = ("＠", "#")
_AT_WORDS = ("(at)", "[at]", "（at）", "(AT)", "[AT]")
# Two passes tell whether any "at" word is there at all: each starts with a two-letter
# literal, which ``re`` searches for in C (an alternation of the two would only get a
# character set to skip on, and "AT" stands in many credit codes: several times slower).
_AT_WORD_RES = (re.compile(r"at[)\]）]"), re.compile(r"AT[)\]]"))


def _emails(text: str, out: list[Finding]) -> None:
    """Around each "@", the local part and the domain are read on either side; a full-width
    address (ｚｈａｎｇ＠ｑｑ．ｃｏｍ) is folded to ASCII first, and zhang#qq.com or
    zhang(at)qq.com are read like zhang@qq.com."""
    if "@" in text:
        _emails_at(text, "@", out)
    for at_sign in _AT_SIGNS:
        if at_sign in text:
            _emails_at(text, at_sign, out)
    # "at" and "AT" are rare in Chinese text: two short searches rule the words out.
    if any(r.search(text) for r in _AT_WORD_RES):
        for at_sign in _AT_WORDS:
            if at_sign in text:
                _emails_at(text, at_sign, out)


def _emails_at(text: str, at_sign: str, out: list[Finding]) -> None:
    at = text.find(at_sign)
    while at != -1:
        lo = max(0, at - 64)
        window = text[lo : at + _EMAIL_WINDOW]
        if at_sign != "@" or not (window[at - lo - 1 : at - lo + 2].isascii()):
            window = fold(window)
        span = _email_end(window, at - lo, len(at_sign))
        if span:
            start, end = lo + span[0], lo + span[1]
            out.append(Finding("email", start, end, text[start:end]))
            at = text.find(at_sign, end)
        else:
            at = text.find(at_sign, at + 1)


def _email_end(window: str, at: int, at_size: int = 1) -> tuple[int, int] | None:
    # The local part is the run of local-part characters right before the sign: rstrip
    # finds its start in C (_EMAIL_LOCAL_RE searched from each of up to 64 places; the
    # callers' windows start at most 64 characters before the sign, so the limit holds).
    start = len(window[:at].rstrip(_EMAIL_LOCAL_CHARS))
    if start == at or at - start > 64:
        return None
    domain = _EMAIL_DOMAIN_RE.match(window, at + at_size)
    if not domain:
        return None
    # Local parts neither start nor end with a dot.
    while start < at and window[start] == ".":
        start += 1
    end = domain.end()
    if start < at and window[at - 1] != "." and window[end : end + 1] not in _ASCII_ALNUM:
        return start, end
    return None


# --------------------------------------------------------------------------
# Vehicle plates (GA 36-2018)
# --------------------------------------------------------------------------

_PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
# I and O are never used; full-width letters and digits are folded afterwards.
_L = "A-HJ-NP-ZＡ-ＨＪ-ＮＰ-Ｚ"
_D = "0-9０-９"
_PLATE_RE = re.compile(
    # The issuing-office letter is sometimes typed in lower case (粤g12345).
    rf"[{_PLATE_PROVINCES}][{_L}a-hj-np-z][·•・ \-]?"
    rf"(?:[DFＤＦ][{_L}{_D}][{_D}]{{4}}"  # small new-energy: D/F first, 6 chars
    rf"|[{_D}]{{5}}[DFＤＦ]"  # large new-energy: D/F last
    rf"|[{_L}{_D}]{{4}}[挂学警港澳领试超]"  # trailer, coach, police, HK/Macao, consulate
    rf"|[{_L}{_D}]{{5}})"
    r"(?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])"
)
# Embassy plates: 使 + embassy code + serial. A separate regex, because a second
# alternative would stop ``re`` from skipping ahead on the province characters.
_EMBASSY_PLATE_RE = re.compile(r"使[0-9]{3}[·• ]?[0-9]{3}(?![0-9])")
_PLATE_BOUNDARY = _ASCII_ALNUM | frozenset(
    "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ０１２３４５６７８９"
)


def _plates(text: str, out: list[Finding]) -> None:
    for m in _EMBASSY_PLATE_RE.finditer(text):
        if not (m.start() and text[m.start() - 1] in _ASCII_ALNUM):
            out.append(Finding("plate", m.start(), m.end(), m.group()))
    last_end = -1
    for m in _PLATE_RE.finditer(text):
        s = m.group()
        start = m.start()
        # Two plates written back to back (粤G·8K321粤GD03318): the first one is no boundary.
        if start and text[start - 1] in _PLATE_BOUNDARY and start != last_end:
            continue
        # Ordinary plates carry at most two letters after the issuing-office letter.
        if sum(c.isdigit() for c in s[2:]) < 3:
            continue
        out.append(Finding("plate", start, m.end(), s))
        last_end = m.end()


# --------------------------------------------------------------------------
# Putting it together
# --------------------------------------------------------------------------


def _resolve(found: list[Finding]) -> list[Finding]:
    """Keep the best of overlapping findings: by type priority, then by length.

    Findings rarely overlap, so sort by start and only rank within clusters.
    """
    found.sort(key=attrgetter("start"))
    kept: list[Finding] = []
    cluster: list[Finding] = []
    cluster_end = -1
    for f in found:
        if f.start >= cluster_end:
            if len(cluster) == 1:
                kept.append(cluster[0])
            elif cluster:
                _flush(cluster, kept)
            cluster = [f]
            cluster_end = f.end
        else:
            cluster.append(f)
            if f.end > cluster_end:
                cluster_end = f.end
    _flush(cluster, kept)
    return kept


def _flush(cluster: list[Finding], kept: list[Finding]) -> None:
    if len(cluster) == 1:
        kept.append(cluster[0])
        return
    chosen: list[Finding] = []
    for f in sorted(cluster, key=lambda f: (PRIORITY[f.type], f.start - f.end, f.start)):
        if all(f.end <= c.start or c.end <= f.start for c in chosen):
            chosen.append(f)
    kept.extend(sorted(chosen, key=lambda f: f.start))


def detect(
    text: str, types: Iterable[str] | None = None, *, public: PublicData | None = None
) -> list[Finding]:
    """All personal information in ``text``, sorted by start and non-overlapping.

    ``public``: what the body publishes itself (never reported)."""
    wanted = set(TYPES) if types is None else set(types)
    unknown = wanted - set(TYPES)
    if unknown:
        raise ValueError(f"unknown finding types: {sorted(unknown)}")
    found: list[Finding] = []
    # Names are also read from the numbers, e-mail and plates around them (a table row, a
    # line addressing the reader): those are found whenever names are wanted, and dropped
    # at the end if they were not asked for.
    if wanted & {"id_card", "mobile", "landline", "bank_card", "name"}:
        numbers(text, found)
    if wanted & {"email", "name"}:
        _emails(text, found)
    if wanted & {"plate", "name"}:
        _plates(text, found)
    if wanted & {"name", "address"}:
        people(text, found, "name" in wanted, "address" in wanted)
    if "name" in wanted:
        # A name right before an ID or mobile number (a table row, a list).
        for f in [f for f in found if f.type in ("id_card", "mobile")]:
            span = name_before_number(text, f.start)
            if span:
                found.append(Finding("name", span[0], span[1], text[span[0] : span[1]]))
        names_in_rows(text, found, found)
        salutations(text, found)
        bare_names(text, found, found)
    if public is not None:
        found = [f for f in found if not public.covers(f)]
    if "name" in wanted:
        later_mentions(text, found, found)
    if types is not None:
        found = [f for f in found if f.type in wanted]
    return _resolve(found)
