"""Letter numbers: per body, kind and year, e.g. 湛公信复〔2026〕第12号.

The prefix is the body's (``LetterNumbering``), the mark the kind's (``wording.NUMBER_MARKS``);
the sequence is the next free one, and the unique constraint ``foi_letter_number_unique``
makes two concurrent letters retry rather than share a number.
"""

from __future__ import annotations

from django.db.models import Max

from gongkai.core.models import Organisation
from gongkai.foi.letters import wording
from gongkai.foi.models import Letter, LetterNumbering


def prefix_of(body: Organisation) -> str:
    numbering = LetterNumbering.objects.filter(organisation=body).first()
    return numbering.prefix if numbering else str(wording.DEFAULT_PREFIX)


def next_sequence(body: Organisation, kind: str, year: int) -> int:
    last = Letter.objects.filter(organisation=body, kind=kind, year=year).aggregate(
        last=Max("sequence")
    )["last"]
    return (last or 0) + 1


def format_number(prefix: str, kind: str, year: int, sequence: int) -> str:
    return str(wording.NUMBER_FORMAT) % {
        "prefix": prefix,
        "mark": wording.NUMBER_MARKS[kind],
        "year": year,
        "sequence": sequence,
    }
