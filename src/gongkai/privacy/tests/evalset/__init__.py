"""An evaluation set for the detector that the detector's own generator did not write.

Three parts, scored separately and together by ``bench/privacy.py`` and the tests:

* ``handwritten.txt``: cases typed by hand in the forms people really use;
* ``forms.py``: a generator with its own rules (its own check-digit code, region and
  issuer lists, written forms and decoys), not sharing code with ``gongkai.privacy``;
* the seed documents' real text (``shared/seeds`` and the package's seeds): real
  government prose in which nothing but the marked truth may be found.

A finding counts as correct only with the same type and exactly the same span: a
finding that covers part of a written number leaves the rest of it readable.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_SEEDS = HERE.parents[5] / "shared" / "seeds"
PACKAGE_SEEDS = HERE.parents[2] / "proactive" / "data" / "seeds"

_MARK_RE = re.compile(r"\[\[(\w+):(.*?)\]\]", re.S)


@dataclass(frozen=True)
class Truth:
    type: str
    start: int
    end: int
    text: str


@dataclass
class Case:
    text: str
    truth: list[Truth]
    source: str = ""


@dataclass
class Public:
    """What the body publishes itself, as declared by ``@public`` lines."""

    names: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)


def parse_marked(line: str, source: str = "") -> Case:
    """``[[type:text]]`` marks a truth span; ``\\n`` is a line break."""
    line = line.replace("\\n", "\n")
    parts: list[str] = []
    truth: list[Truth] = []
    position = 0
    length = 0
    for m in _MARK_RE.finditer(line):
        plain = line[position : m.start()]
        parts.append(plain)
        length += len(plain)
        kind, value = m.group(1), m.group(2)
        truth.append(Truth(kind, length, length + len(value), value))
        parts.append(value)
        length += len(value)
        position = m.end()
    parts.append(line[position:])
    return Case("".join(parts), truth, source)


def handwritten(name: str = "handwritten.txt") -> tuple[list[Case], Public]:
    """The hand-written cases (``known_misses.txt``: forms not handled yet)."""
    cases: list[Case] = []
    public = Public()
    kinds = {"name": public.names, "phone": public.phones}
    kinds |= {"address": public.addresses, "email": public.emails}
    path = HERE / name
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@public "):
            kind, _, value = line[len("@public ") :].partition(":")
            kinds[kind.strip()].append(value.strip())
            continue
        cases.append(parse_marked(line, f"{name}:{number}"))
    return cases, public


# Real personal data in the seeds (start, end, type) found by reading them: seed 004's
# footer carries a real contact address of the scraping site.
SEED_TRUTH = {"004": [("email", "645879355@qq.com")]}


def seeds() -> list[Case]:
    """The seed documents, with their few real findings as truth (de-duplicated)."""
    cases: list[Case] = []
    seen: set[str] = set()
    for folder in (REPO_SEEDS, PACKAGE_SEEDS):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.txt")):
            if path.name in seen:
                continue
            seen.add(path.name)
            text = path.read_text(encoding="utf-8")
            truth = []
            for kind, value in SEED_TRUTH.get(path.name[:3], []):
                at = text.find(value)
                while at != -1:
                    truth.append(Truth(kind, at, at + len(value), value))
                    at = text.find(value, at + 1)
            cases.append(Case(text, truth, f"seeds/{path.name}"))
    return cases


@dataclass
class Score:
    true_positive: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    expected: Counter = field(default_factory=Counter)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    false_alarms: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, case: Case, found) -> None:
        want = {(t.type, t.start, t.end) for t in case.truth}
        got = {(f.type, f.start, f.end) for f in found}
        self.expected.update(t.type for t in case.truth)
        self.predicted.update(f.type for f in found)
        self.true_positive.update(f.type for f in found if (f.type, f.start, f.end) in want)
        for t in case.truth:
            if (t.type, t.start, t.end) not in got:
                self.misses.append((t.type, t.text, case.source))
        for f in found:
            if (f.type, f.start, f.end) not in want:
                self.false_alarms.append((f.type, f.text, case.source))

    def precision(self, kind: str) -> float:
        return self.true_positive[kind] / self.predicted[kind] if self.predicted[kind] else 1.0

    def recall(self, kind: str) -> float:
        return self.true_positive[kind] / self.expected[kind] if self.expected[kind] else 1.0
