"""The bounds of input every entry point shares (pages, the API, commands).

A number the database cannot hold (an id past 64 bits) or a year the calendar does not cover
is bad input, refused with a message, never passed on to a query that fails with a 500.
"""

from __future__ import annotations

# Primary keys are 64-bit (BigAutoField); a larger number overflows the database driver.
MAX_ID = 2**63 - 1
# Years the platform answers about: the span of the official calendar it counts on
# (core/workdays.py: 1990–2100). A year outside it cannot have a record here.
YEAR_MIN, YEAR_MAX = 1990, 2100


def parse_id(raw: str | None) -> int | None:
    """A primary key written in ASCII digits, or None (``"²"`` is a digit to ``isdigit``)."""
    raw = (raw or "").strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 19:
        return None
    value = int(raw)
    return value if 1 <= value <= MAX_ID else None


def parse_year(raw: str | None) -> int | None:
    """A year the calendar covers written in ASCII digits, or None."""
    raw = (raw or "").strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) != 4:
        return None
    value = int(raw)
    return value if YEAR_MIN <= value <= YEAR_MAX else None


def is_id(value: int) -> bool:
    """Whether a number can be a primary key (URL converters accept any length of digits)."""
    return 1 <= value <= MAX_ID
