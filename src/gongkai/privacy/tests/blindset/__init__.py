"""The blind evaluation set (see README.md): loading and scoring.

Kept apart from ``generate.py`` (which writes the files) and from the detector: the
scoring rules are the README's, written before the detector was read.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The set's type names, as the detector spells them.
TYPE_NAMES = {"id": "id_card"}
ADDRESS_COVER = 0.8


@dataclass(frozen=True)
class Span:
    type: str
    start: int
    end: int
    text: str


@dataclass
class Line:
    line: str
    genre: str
    text: str
    spans: list[Span]


def load(name: str = "dev.jsonl") -> list[Line]:
    lines = []
    with (HERE / name).open(encoding="utf-8") as rows:
        for row in map(json.loads, rows):
            spans = [
                Span(TYPE_NAMES.get(s["type"], s["type"]), s["start"], s["end"], s["text"])
                for s in row["spans"]
            ]
            lines.append(Line(row["line"], row["genre"], row["text"], spans))
    return lines


def body() -> dict[str, list[str]]:
    """The body's own published phones, addresses and leaders (never personal data)."""
    return json.loads((HERE / "body.json").read_text(encoding="utf-8"))


def _matches(want: Span, got) -> bool:
    if want.type != got.type:
        return False
    if want.type != "address":
        return (want.start, want.end) == (got.start, got.end)
    covered = min(want.end, got.end) - max(want.start, got.start)
    return covered >= ADDRESS_COVER * (want.end - want.start)


@dataclass
class Score:
    true_positive: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    expected: Counter = field(default_factory=Counter)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    false_alarms: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, line: Line, found) -> None:
        """Each expected span is matched by at most one finding and vice versa."""
        self.expected.update(s.type for s in line.spans)
        self.predicted.update(f.type for f in found)
        used: set[int] = set()
        for want in line.spans:
            hit = next(
                (i for i, f in enumerate(found) if i not in used and _matches(want, f)), None
            )
            if hit is None:
                self.misses.append((want.type, want.text, line.line))
            else:
                used.add(hit)
                self.true_positive[want.type] += 1
        for i, f in enumerate(found):
            if i not in used:
                self.false_alarms.append((f.type, f.text, line.line))

    def precision(self, kind: str) -> float:
        return self.true_positive[kind] / self.predicted[kind] if self.predicted[kind] else 1.0

    def recall(self, kind: str) -> float:
        return self.true_positive[kind] / self.expected[kind] if self.expected[kind] else 1.0
