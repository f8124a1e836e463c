"""Numbers that point to one person: ID, mobile, landline and bank card numbers.

People type them in many forms: full-width digits (１３８…), groups with spaces or
hyphens (ID 6-8-4, cards in fours, mobiles 3-4-4), a ``+86`` or ``(+86)`` prefix,
a lower-case ``x``, full-width brackets and hyphens in landlines (（0759）－…), and
split across a line break by a form or a PDF. A finding covers the whole written form.

Speed: one regex finds "numeric zones" (11+ characters of digits, separators and
brackets), skipping Chinese text in C. A zone that is one bare ASCII run is
classified at once by length and checksum (the common case). Any other zone is
folded to ASCII (same length, so offsets hold), cut into digit groups joined by
separators, and the groups are tried as numbers, longest first.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from .finding import Finding

# --------------------------------------------------------------------------
# Checksums
# --------------------------------------------------------------------------

# GB 11643-1999 公民身份号码: the check characters (the weights are below).
_ID_CHECK = "10X98765432"

# First two digits of the administrative division code (GB/T 2260), plus
# 81/82/83 used by the residence permits of Hong Kong, Macao and Taiwan people.
_PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)

# Nobody alive was born before this; later than today is a typo or not an ID.
_MIN_BIRTH_YEAR = 1900
_TODAY = dt.datetime.now(tz=dt.UTC).date()


# The weights are 2^(17-i) mod 11 (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, …) for digit i = 0..16,
# and 13 = 2 (mod 11): read as a number in base 13, the 17 digits give the weighted sum
# over 2 (mod 11). ``int(body, 13)`` does it in C, several times faster than a weighted sum
# in Python. Only for ASCII digits (base 13 would also read a-c).
def _id_check_index(body17: str) -> int:
    """Index in _ID_CHECK of the check character of 17 ASCII digits."""
    return 2 * int(body17, 13) % 11


def id_check_char(body17: str) -> str:
    """The GB 11643-1999 check character for the first 17 digits."""
    if len(body17) != 17 or not body17.isascii() or not body17.isdigit():
        raise ValueError("need exactly 17 digits")
    return _ID_CHECK[_id_check_index(body17)]


# Luhn doubles every second digit from the right and adds the digits of the
# product: this table maps b"0".."9" to 0,2,4,6,8,1,3,5,7,9.
_LUHN_DOUBLE = bytes.maketrans(b"0123456789", bytes([0, 2, 4, 6, 8, 1, 3, 5, 7, 9]))


def luhn_ok(digits: str) -> bool:
    """ISO/IEC 7812-1 Luhn check (mod 10, doubling every second digit from the right)."""
    raw = digits.encode()
    plain = raw[-1::-2]
    doubled = raw[-2::-2].translate(_LUHN_DOUBLE)
    return (sum(plain) - 48 * len(plain) + sum(doubled)) % 10 == 0


def _all_birth_dates() -> frozenset[str]:
    """Every YYYYMMDD from 1900-01-01 to today: a set lookup beats building dates."""
    day = dt.date(_MIN_BIRTH_YEAR, 1, 1)
    one = dt.timedelta(days=1)
    dates = []
    while day <= _TODAY:
        dates.append(day.strftime("%Y%m%d"))
        day += one
    return frozenset(dates)


_BIRTH_DATES = _all_birth_dates()


def _id_shaped(s: str) -> bool:
    """18 chars with a real province code and birth date, whatever the check digit."""
    return s[:2] in _PROVINCES and s[6:14] in _BIRTH_DATES and s[:17].isdigit()


def is_id18(s: str) -> bool:
    return len(s) == 18 and s.isascii() and _id_shaped(s) and id_check_char(s[:17]) == s[17].upper()


def is_id15(s: str) -> bool:
    """Pre-1999 15-digit number: region(6) + YYMMDD + sequence(3), no check digit.

    With no check digit to go on, years 1900-1919 are refused: nobody that old
    still shows up in records, and old 15-digit business registration numbers
    (region + "000123…") would otherwise read as births in 1900.
    """
    return (
        len(s) == 15
        and s[:2] in _PROVINCES
        and s[6:8] >= "20"
        and "19" + s[6:12] in _BIRTH_DATES
        and s.isdigit()
    )


# Issuer identification numbers seen on cards in China: UnionPay 62/60, Visa 4,
# Mastercard 51-55 and 22-27, JCB/Amex/Diners 3x, and the old 9558/9559 cards.
_CARD_PREFIXES: tuple[str, ...] = ("62", "60", "4", "51", "52", "53", "54", "55", "22", "23", "24")
_CARD_PREFIXES += ("25", "26", "27", "3", "9558", "9559")


def is_bank_card(digits: str) -> bool:
    if not 16 <= len(digits) <= 19 or not digits.startswith(_CARD_PREFIXES):
        return False
    # An ID-shaped 18-digit number with a bad check digit is a mistyped ID, not a card.
    if len(digits) == 18 and _id_shaped(digits):
        return False
    return luhn_ok(digits)


def is_mobile(digits: str) -> bool:
    """Mainland mobile numbers: 11 digits, 1 then 3-9 (工信部 numbering plan)."""
    return len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789" and digits.isdigit()


def is_area_code(digits: str) -> bool:
    """Long-distance area codes: 010, 02x, and 0 + three digits from 3 to 9."""
    n = len(digits)
    return digits[:1] == "0" and (
        (n == 3 and (digits == "010" or digits[1] == "2")) or (n == 4 and digits[1] in "3456789")
    )


def is_local_number(digits: str) -> bool:
    """A subscriber number: 7 or 8 digits, never starting with 0 or 1."""
    return len(digits) in (7, 8) and digits[0] in "23456789" and digits.isdigit()


# --------------------------------------------------------------------------
# Folding the written forms to ASCII, one character for one
# --------------------------------------------------------------------------

FULL_WIDTH = str.maketrans(
    {chr(0xFF10 + i): chr(0x30 + i) for i in range(10)}  # ０-９
    | {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}  # Ａ-Ｚ
    | {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}  # ａ-ｚ
    | {
        "（": "(",
        "）": ")",
        "＋": "+",
        "－": "-",
        "—": "-",
        "–": "-",
        "‐": "-",
        "‑": "-",
        "﹣": "-",
        "−": "-",
        "＠": "@",
        "．": ".",
        "＿": "_",
        "\u3000": " ",
        "\xa0": " ",
        "\t": " ",
    }
)


_FOLD_CHARS = {chr(k): v for k, v in FULL_WIDTH.items()}


def fold(s: str) -> str:
    """``s`` with full-width digits, letters, brackets and dashes in ASCII (same length)."""
    if s.isascii():
        return s.replace("\t", " ")
    # A join over a dict beats str.translate on the short strings this gets.
    get = _FOLD_CHARS.get
    return "".join([get(c, c) for c in s])


# --------------------------------------------------------------------------
# Finding numbers
# --------------------------------------------------------------------------

_DIGIT = "0-9０-９"
_ZONE_START = rf"[{_DIGIT}+＋(（]"
_ZONE_CHARS = rf"{_DIGIT} \u3000\xa0\t()（）+＋\-－—–‐‑﹣−XxＸｘ\r\n"
# A run of 11+ characters that could hold a number we care about. Dots are let in for
# mobiles written 138.1234.5678; any other zone with a dot is cut at its dots again
# (_UNDOTTED_ZONE_RE), so decimals, dotted dates and IP addresses stay apart as before.
_ZONE_RE = re.compile(rf"{_ZONE_START}[{_ZONE_CHARS}.．]{{10,}}")
_UNDOTTED_ZONE_RE = re.compile(rf"{_ZONE_START}[{_ZONE_CHARS}]{{10,}}")
# Read on folded text; not inside a longer dotted number (a version, an IP address).
_DOTTED_MOBILE_RE = re.compile(r"(?<![0-9.])1[3-9][0-9]\.[0-9]{4}\.[0-9]{4}(?![0-9]|\.[0-9])")
_GROUP_RE = re.compile(r"[0-9]+(?:[Xx](?![0-9A-Za-z]))?")
# A country code before a number: +86, (+86), 0086 (folded text).
# 0086 after two spaces is a new table cell, not the tail of a number group.
_COUNTRY_RE = re.compile(r"(?:\(\s?\+?\s?86\s?\)|\+\s?86|(?:(?<![0-9 \-])|(?<=  ))0086)[ \-]?")

_ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_BOUNDARY = _ASCII_ALNUM | {chr(c) for c in FULL_WIDTH if chr(c).isalnum()}

# Separators between digit groups, by kind: "-" (hyphen or space), ")" (after a
# bracketed area code), "\n" (a line break, with any spaces around it).
_SEPARATORS = {" ": "-", "  ": "-", "-": "-", " -": "-", "- ": "-", " - ": "-"}
_SEPARATORS |= {")": ")", ") ": ")", ")-": ")", ") -": ")", ")  ": ")"}

# Allowed groupings (lengths of the groups once line breaks are joined).
_MOBILE_SHAPES = frozenset([(11,), (3, 4, 4), (3, 8), (4, 4, 3), (4, 7), (3, 3, 5)])
_LOCAL_SHAPES = frozenset([(7,), (8,), (3, 4), (4, 4), (4, 3)])

# Cue words before a bare 11-12 digit run that make it a landline (07592345678).
_PHONE_CUES = ("电话", "话：", "话:", "座机", "固话", "传真", "联系方式", "Tel", "TEL", "tel")


class Group(NamedTuple):
    digits: str
    start: int  # offsets in the text
    end: int
    sep: str  # kind of separator before this group: "", "-", ")" or "\n"


def _separator_kind(sep: str) -> str | None:
    if "\n" in sep:
        return "\n" if sep.count("\n") == 1 and not sep.strip(" \r\n") else None
    return _SEPARATORS.get(sep)


def numbers(text: str, out: list[Finding]) -> None:
    """Append ``Finding(type, start, end, text[start : end])`` for each number in ``text`` to ``out``."""
    first = len(out)
    _numbers(text, out)
    # 电话：2345678 — a local number without area code, only right after a phone cue.
    # A search per cue word (one literal first: see literal.py) reads the text several times
    # faster than one regex of the three; the number is then matched right after each cue.
    # Each search only stops where the number follows (checked in C by a lookahead): most
    # of the cues (报警电话110, 联系电话：(0759)…) stand before no such number.
    for cue in _LOCAL_CUES:
        after = 0
        for found in cue.finditer(text):
            at = found.start()
            if at < after:
                continue  # inside the number read after the cue before
            m = _LOCAL_AFTER_CUE_RE.match(text, at + 2)
            if m:
                if text[m.end() : m.end() + 1] not in _BOUNDARY:
                    out.append(Finding("landline", m.start(1), m.end(), text[m.start(1) : m.end()]))
                after = m.end()
    # A landline's extension belongs to the written form: 0759-2345678转801, …-801.
    for k in range(first, len(out)):
        f = out[k]
        if f.type == "landline":
            extension = _EXTENSION_RE.match(text, f.end)
            if extension:
                out[k] = Finding(
                    "landline", f.start, extension.end(), text[f.start : extension.end()]
                )


# What follows a cue in _LOCAL_CUES: 电话：2345678.
_LOCAL_AFTER_CUE_RE = re.compile(r"(?:号码)?[：: \u3000]{0,2}([2-8][0-9]{6,7})(?![0-9０-９\-－])")
# Each cue found from its first character (one literal: see literal.py), the rest of it and
# the number after it checked by a lookahead.
_LOCAL_CUES = tuple(
    re.compile(f"{cue[0]}(?={cue[1:]}{_LOCAL_AFTER_CUE_RE.pattern})")
    for cue in ("电话", "座机", "固话")
)
_EXTENSION_RE = re.compile(r" ?(?:转|分机|[-－]|ext\.? ?)[ ]?[0-9０-９]{1,5}(?![0-9０-９])")


def _numbers(
    text: str,
    out: list[Finding],
    zones: re.Pattern[str] = _ZONE_RE,
    pos: int = 0,
    endpos: int = -1,
) -> None:
    boundary = _BOUNDARY
    for zone in zones.finditer(text, pos, len(text) if endpos < 0 else endpos):
        s = zone.group()
        start, end = zone.span()
        # The common case, a bare ASCII digit run (isascii is a flag test), is tried first;
        # the commonest of those, an ID number with its check digit right, at once.
        if s.isascii() and s.isdigit():
            if (start and text[start - 1] in boundary) or text[end : end + 1] in boundary:
                continue
            if (
                len(s) == 18
                and s[:2] in _PROVINCES
                and s[6:14] in _BIRTH_DATES
                and _ID_CHECK[2 * int(s[:17], 13) % 11] == s[17]
            ):
                out.append(Finding("id_card", start, end, s))
                continue
            kind = _classify_bare(s, text, start)
            if kind:
                out.append(Finding(kind, start, end, s))
            continue
        if "." in s or "．" in s:
            _dotted(text, start, end, out)
            continue
        if s[-1] in _TRAILING:
            s = s.rstrip(_TRAILING)
            end = start + len(s)
            if len(s) < 11:
                continue
        if not (s.isascii() and (s.isdigit() or (s[:-1].isdigit() and s[-1] in "Xx"))):
            simple = _SIMPLE_RE.fullmatch(s if s.isascii() else fold(s))
            if simple and _simple(text, start, end, simple, out):
                continue
            _zone(text, start, end, out)
            continue
        # A bare digit run once the line break after it is cut, or one ending in X.
        if (start and text[start - 1] in boundary) or text[end : end + 1] in boundary:
            continue
        kind = _classify_bare(s, text, start)
        if kind:
            out.append(Finding(kind, start, end, s))


def _dotted(text: str, start: int, end: int, out: list[Finding]) -> None:
    """A zone with a dot: a mobile written 138.1234.5678, or else the zones between the
    dots, read as if the dots were not zone characters."""
    rest = start
    for m in _DOTTED_MOBILE_RE.finditer(fold(text[start:end])):
        m_start, m_end = start + m.start(), start + m.end()
        if (m_start and text[m_start - 1] in _BOUNDARY) or text[m_end : m_end + 1] in _BOUNDARY:
            continue
        _numbers(text, out, _UNDOTTED_ZONE_RE, rest, m_start)
        out.append(Finding("mobile", m_start, m_end, text[m_start:m_end]))
        rest = m_end
    _numbers(text, out, _UNDOTTED_ZONE_RE, rest, end)


_TRAILING = " \u3000\xa0\t\r\n"
# The most common written forms, recognised by one regex before the general path.
_SIMPLE_RE = re.compile(
    r"(?P<area>0[0-9]{2,3})[- ](?P<local>[2-9][0-9]{6,7})"
    r"|\((?P<barea>0[0-9]{2,3})\)(?P<blocal>[2-9][0-9]{6,7})"
    r"|(?P<mobile>1[3-9][0-9]([- ])[0-9]{4}\6[0-9]{4})"
    r"|(?P<card>[0-9]{4}([- ])[0-9]{4}\8[0-9]{4}\8[0-9]{4}(?:\8[0-9]{1,3})?)"
    r"|(?P<service>[48]00[- ]?[0-9]{3}[- ]?[0-9]{4})"  # 400/800 service numbers: not personal
    r"|(?P<intl>\+86[ -]?1[3-9][0-9]{9})"
)


def _simple(text: str, start: int, end: int, m: re.Match[str], out: list[Finding]) -> bool:
    """Classify a zone of one common form; False sends it to the general path."""
    if (start and text[start - 1] in _BOUNDARY) or text[end : end + 1] in _BOUNDARY:
        return False
    kind = m.lastgroup
    if kind == "service":
        return True
    if kind == "intl":
        kind = "mobile"
    if kind in ("local", "blocal"):
        area = m.group("area") or m.group("barea")
        if not is_area_code(area):
            return False
        kind = "landline"
    elif kind == "card":
        if not is_bank_card(m.group().replace(m.group(8), "")):
            return False
        kind = "bank_card"
    assert kind is not None  # the zone matched one of the named forms
    out.append(Finding(kind, start, end, text[start:end]))
    return True


def _classify_bare(s: str, text: str, start: int) -> str | None:
    n = len(s)
    if n == 18:
        # The most common run (an ID number), checked inline: ``s`` is ASCII already.
        if s[:2] in _PROVINCES and s[6:14] in _BIRTH_DATES and s[:17].isdigit():
            if _ID_CHECK[_id_check_index(s[:17])] == s[17].upper() or id_cue_before(text, start):
                return "id_card"
            return None  # ID-shaped with a bad check digit: a mistyped ID, not a card
        return "bank_card" if s.isdigit() and is_bank_card(s) else None
    if n == 11:
        if is_mobile(s):
            return "mobile"
    elif n == 13:
        if s[:2] == "86" and is_mobile(s[2:]):
            return "mobile"
    elif n == 15 and s[:4] == "0086" and is_mobile(s[4:]):
        return "mobile"  # 008613812345678: the country code typed without a space
    elif n >= 15:
        kind = _classify_digits(s)
        if kind == "id_card" and n == 15 and "注册" in text[max(0, start - 8) : start]:
            return None  # a 15-digit business registration number (注册号)
        return kind
    if n in (11, 12) and _bare_landline(s) and _after_phone_cue(text, start):
        return "landline"
    return None


# Words right before a number that make it an ID number even with a bad check digit:
# a mistyped citizen's ID is still nearly all of someone's ID. Not 证件号: that may be
# any document's number (and a register's "证件号…校验位错误" is a rejected entry).
_ID_CUES = ("身份证", "身份号码")


def id_cue_before(text: str, start: int) -> bool:
    before = text[max(0, start - 8) : start]
    return any(cue in before for cue in _ID_CUES)


def _registration_number(text: str, start: int, groups: list[Group]) -> bool:
    """A 15-digit old ID look-alike right after 注册号 is a business registration number."""
    return sum(len(g.digits) for g in groups) == 15 and "注册" in text[max(0, start - 8) : start]


def _bare_landline(s: str) -> bool:
    return any(is_area_code(s[:k]) and is_local_number(s[k:]) for k in (3, 4))


def _after_phone_cue(text: str, start: int) -> bool:
    before = text[max(0, start - 8) : start]
    return any(cue in before for cue in _PHONE_CUES)


def _classify_digits(s: str) -> str | None:
    """An ID or a card number written as one run (X allowed last)."""
    n = len(s)
    if n == 18 and is_id18(s):
        return "id_card"
    if n == 15 and is_id15(s):
        return "id_card"
    if s.isdigit() and is_bank_card(s):
        return "bank_card"
    return None


def _zone(text: str, start: int, end: int, out: list[Finding]) -> None:
    folded = fold(text[start:end])
    country_spans = [m.span() for m in _COUNTRY_RE.finditer(folded)]
    countries = {c_end: c_start for c_start, c_end in country_spans}
    groups: list[Group] = []
    previous_end = None
    for m in _GROUP_RE.finditer(folded):
        g_start, g_end = m.span()
        inside = next(
            (c_end for c_start, c_end in country_spans if c_start <= g_start < c_end), None
        )
        if inside is not None:
            if g_end <= inside:
                continue
            g_start = inside  # +8613812345678: the group starts after the country code
        kind = "" if previous_end is None else _separator_kind(folded[previous_end:g_start])
        if kind is None or (groups and groups[-1].digits[-1] in "Xx") or g_start in countries:
            _chain(text, start, end, folded, groups, countries, out)
            groups = []
            kind = ""
        groups.append(Group(folded[g_start:g_end], g_start, g_end, kind))
        previous_end = g_end
    _chain(text, start, end, folded, groups, countries, out)


def _chain(
    text: str,
    zone_start: int,
    zone_end: int,
    folded: str,
    groups: list[Group],
    countries: Any,
    out: list[Finding],
) -> None:
    """Carve numbers out of groups joined by separators, longest candidate first."""
    n = len(groups)
    i = 0
    while i < n:
        if groups[i].start == 0 and zone_start and text[zone_start - 1] in _BOUNDARY:
            i += 1
            continue
        taken = _take(text, zone_start, zone_end, folded, groups, i, countries)
        if taken is None:
            i += 1
            continue
        kind, j, f_start = taken
        if kind == "id_card" and _registration_number(text, zone_start + f_start, groups[i:j]):
            i = j
            continue
        out.append(
            Finding(
                kind,
                zone_start + f_start,
                zone_start + groups[j - 1].end,
                text[zone_start + f_start : zone_start + groups[j - 1].end],
            )
        )
        i = j


def _take(
    text: str,
    zone_start: int,
    zone_end: int,
    folded: str,
    groups: list[Group],
    i: int,
    countries: Any,
) -> tuple[str, int, int] | None:
    """The longest number starting at group ``i``: (type, end group, start offset)."""
    n = len(groups)
    limit = i
    count = 0
    while limit < n and count + len(groups[limit].digits) <= 19 and limit - i < 6:
        count += len(groups[limit].digits)
        limit += 1
    # Line breaks are crossed only when nothing shorter before them is a number.
    first_break = next((k for k in range(i + 1, limit) if groups[k].sep == "\n"), limit)
    joined = [""]
    for g in groups[i:limit]:
        joined.append(joined[-1] + g.digits)
    best = None
    id_cue = groups[i].start == 0 and id_cue_before(text, zone_start)
    for stop in (first_break, limit):
        for j in range(stop, i, -1):
            digits = joined[j - i]
            if len(digits) not in _POSSIBLE_LENGTHS:
                continue
            if j == len(groups) and zone_start + groups[j - 1].end == zone_end:
                if text[zone_end : zone_end + 1] in _BOUNDARY:
                    continue
            kind = _classify_groups(folded, groups[i:j], digits, countries, id_cue)
            if kind:
                f_start = groups[i].start
                country = countries.get(f_start)
                if country is not None and kind in ("mobile", "landline"):
                    f_start = country
                elif folded[f_start - 1 : f_start] == "(" and kind == "landline":
                    f_start -= 1
                if best is None or kind == "bank_card" or (kind == "id_card" and len(digits) == 18):
                    best = (kind, j, f_start)
                break
        # Across the line break only when nothing before it is a number, or when what is
        # before it has no checksum (a mobile, an old 15-digit ID) and may be the start of
        # a checksummed 18-digit ID or card number.
        if first_break == limit or (best is not None and not _unchecked(best, joined, i)):
            break
    return best


def _unchecked(best: tuple[str, int, int], joined: list[str], i: int) -> bool:
    kind, j, _ = best
    return kind == "mobile" or (kind == "id_card" and len(joined[j - i]) == 15)


def _shapes(groups: list[Group]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The group lengths as written, and with groups split by a line break joined."""
    return tuple(len(g.digits) for g in groups), _joined_shape(groups)


def _joined_shape(groups: list[Group]) -> tuple[int, ...]:
    """Group lengths with groups split by a line break joined again."""
    shape: list[int] = []
    for g in groups:
        if g.sep == "\n" and shape:
            shape[-1] += len(g.digits)
        else:
            shape.append(len(g.digits))
    return tuple(shape)


# Landlines have 10-12 digits, mobiles 11 (13 with 86), IDs 15 or 18, cards 16-19.
_POSSIBLE_LENGTHS = frozenset([10, 11, 12, 13, 15, 16, 17, 18, 19])


def _classify_groups(
    folded: str, groups: list[Group], digits: str, countries: dict[int, int], id_cue: bool
) -> str | None:
    first = groups[0]
    if len(groups) > 1 and groups[1].sep == ")":
        # (0759)2345678: a bracketed area code makes a landline or nothing.
        bracketed = folded[first.start - 1 : first.start] == "("
        if bracketed and is_area_code(first.digits) and _is_local(groups[1:]):
            return "landline"
        return None
    if any(g.sep == ")" for g in groups):
        return None
    if digits[-1] in "Xx":
        return "id_card" if len(digits) == 18 and is_id18(digits) else None
    n = len(digits)
    written, joined = _shapes(groups)
    mobile_shaped = written in _MOBILE_SHAPES or joined in _MOBILE_SHAPES
    if first.start in countries:
        if n == 11 and is_mobile(digits) and mobile_shaped:
            return "mobile"
        # +86-759-2345678: the area code loses its 0 after the country code.
        area = "0" + first.digits
        if len(groups) > 1 and is_area_code(area) and _is_local(groups[1:]):
            return "landline"
        return None
    if n == 11 and is_mobile(digits) and mobile_shaped:
        return "mobile"
    if n == 13 and first.digits == "86" and is_mobile(digits[2:]):
        if written[1:] in _MOBILE_SHAPES or joined[1:] in _MOBILE_SHAPES:
            return "mobile"
    if n in (15, 18) and _classify_digits(digits) == "id_card":
        return "id_card"
    if n == 18 and id_cue and _id_shaped(digits):
        return "id_card"
    if 16 <= n <= 19 and (_card_shape(written) or _card_shape(joined)) and is_bank_card(digits):
        return "bank_card"
    if len(groups) > 1 and is_area_code(first.digits) and _is_local(groups[1:]):
        return "landline"
    return None


def _card_shape(shape: tuple[int, ...]) -> bool:
    """One run, groups of four (the last shorter), or 6 + the rest."""
    if len(shape) == 1:
        return True
    if all(k == 4 for k in shape[:-1]) and 1 <= shape[-1] <= 4:
        return True
    return len(shape) == 2 and shape[0] == 6


def _is_local(groups: list[Group]) -> bool:
    if any(g.sep == "\n" for g in groups[1:]):
        return False
    local = "".join(g.digits for g in groups)
    return is_local_number(local) and tuple(len(g.digits) for g in groups) in _LOCAL_SHAPES
