"""Mask findings (去标识化) so a document can be published.

Each type keeps just enough to tell records apart or to route a reply (the
province of a plate, the district of an address, the area code of a phone) and
hides what points to one person. Separators and brackets are kept so the layout
of the text does not change.
"""

from __future__ import annotations

import re

from .detect import Finding, detect, surname_length

STAR = "*"

# Where an address stops being "which district" and starts being "which door".
_COUNTY_LEVEL = "区县旗"
_CITY_LEVEL = "省市州盟"
_BELOW_COUNTY = frozenset("镇乡街道路村巷号弄组栋幢楼室屯")


def _mask_digits(s: str, keep_head: int, keep_tail: int) -> str:
    """Star every digit except the first ``keep_head`` and last ``keep_tail`` digits."""
    total = sum(c.isdigit() for c in s)
    out = []
    seen = 0
    for c in s:
        if c.isdigit():
            seen += 1
            if keep_head < seen <= total - keep_tail:
                c = STAR
        out.append(c)
    return "".join(out)


def _mask_id_card(s: str) -> str:
    # Keep the region (6) and the last 4 characters; separators and line breaks stay.
    chars = [i for i, c in enumerate(s) if c.isdigit() or c in "XxＸｘ"]
    hidden = set(chars[6:-4])
    return "".join(STAR if i in hidden else c for i, c in enumerate(s))


def _mask_mobile(s: str) -> str:
    # The country code is not personal; mask within the last 11 digits only.
    digits = sum(c.isdigit() for c in s)
    national_start = _index_of_digit(s, digits - 11)
    return s[:national_start] + _mask_digits(s[national_start:], 3, 4)


def _index_of_digit(s: str, n: int) -> int:
    """Index in ``s`` of the digit that has ``n`` digits before it."""
    seen = 0
    for i, c in enumerate(s):
        if c.isdigit():
            if seen == n:
                return i
            seen += 1
    return len(s)


_COUNTRY_PREFIX = re.compile(r"[(（]?[+＋]?[8８][6６][)）]?[ \-－]?|[0０][0０][8８][6６][ \-－]?")


_EXTENSION = re.compile(r" ?(?:转|分机|[-－]|ext\.? ?)[ ]?[0-9０-９]{1,5}\Z")


def _mask_landline(s: str) -> str:
    # An extension means nothing without the number: it stays as written.
    extension = _EXTENSION.search(s)
    if extension and sum(c.isdigit() for c in s[: extension.start()]) >= 10:
        return _mask_landline(s[: extension.start()]) + extension.group()
    # A country code (+86-) is kept as written and is not the area code.
    if s[:1] in "+＋(（" or s[:4] in ("0086", "００８６"):
        prefix = _COUNTRY_PREFIX.match(s)
        if prefix:
            return prefix.group() + _mask_landline(s[prefix.end() :])
    # The area code ends at the closing bracket or the separator.
    for i, c in enumerate(s):
        if c in ")） -－":
            return s[: i + 1] + _mask_digits(s[i + 1 :], 0, 2)
    return _mask_digits(s, 4, 2)


def _mask_email(s: str) -> str:
    at = max(s.rfind(sign) for sign in ("@", "＠", "#", "(", "[", "（"))
    return f"{s[:1]}***{s[at:]}"


def _mask_plate(s: str) -> str:
    keep = 1 if s[0] == "使" else 2
    return s[:keep] + "".join(STAR if c.isalnum() else c for c in s[keep:])


def _mask_name(s: str) -> str:
    keep = surname_length(s)
    return s[:keep] + "".join(c if c in "·•" else STAR for c in s[keep:])


def address_prefix(s: str) -> str:
    """The part of an address down to the county/district level, or to the city."""
    city_end = 0
    for i, c in enumerate(s):
        if c in _BELOW_COUNTY:
            break
        if c in _COUNTY_LEVEL and not (c == "区" and s[i - 2 : i] == "自治"):
            # 自治区 is a province, not a district: keep going.
            return s[: i + 1]
        if c == "区":
            city_end = i + 1
        if c in _CITY_LEVEL:
            city_end = i + 1
    return s[:city_end]


def _mask_address(s: str) -> str:
    return address_prefix(s) + STAR * 4


_MASKERS = {
    "id_card": _mask_id_card,
    "mobile": _mask_mobile,
    "landline": _mask_landline,
    "bank_card": lambda s: _mask_digits(s, 6, 4),
    "email": _mask_email,
    "plate": _mask_plate,
    "name": _mask_name,
    "address": _mask_address,
}


def mask_finding(finding: Finding) -> str:
    """The masked replacement for one finding's text."""
    return _MASKERS[finding.type](finding.text)


def mask(text: str, findings: list[Finding] | None = None) -> str:
    """``text`` with every finding replaced by its mask."""
    if findings is None:
        findings = detect(text)
    parts = []
    pos = 0
    for f in sorted(findings, key=lambda f: f.start):
        parts.append(text[pos : f.start])
        parts.append(mask_finding(f))
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)
