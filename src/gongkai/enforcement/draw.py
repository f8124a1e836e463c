"""The 双随机 draw as a pure function, so that anyone can re-run it.

``random.Random(int(seed))`` is CPython's Mersenne Twister seeded from the integer's 32-bit
words; ``sample`` over the sorted codes picks the targets, then for each target in the
order drawn a second ``sample`` picks its inspectors. The same steps in the browser
(``static/enforcement/redraw.js``) give the same answer; the public draw page shows both.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Pick:
    target: str
    inspectors: list[str]


def snapshot_text(entries: list[dict]) -> str:
    """A list snapshot as it is hashed: JSON sorted by code, compact, non-ASCII kept."""
    ordered = sorted(({"code": e["code"], "name": e["name"]} for e in entries), key=_code)
    return json.dumps(ordered, ensure_ascii=False, separators=(",", ":"))


def snapshot_sha256(entries: list[dict]) -> str:
    """The hash of a list snapshot: SHA-256 of ``snapshot_text`` in UTF-8."""
    return hashlib.sha256(snapshot_text(entries).encode("utf-8")).hexdigest()


def _code(entry: dict) -> str:
    return entry["code"]


def run_draw(
    seed: int, target_codes: list[str], inspector_codes: list[str], k: int, m: int
) -> list[Pick]:
    """``k`` targets and ``m`` inspectors for each; the inputs' order does not matter."""
    rng = random.Random(seed)  # noqa: S311 - reproducible by design, not a secret
    targets = rng.sample(sorted(target_codes), k)
    inspectors = sorted(inspector_codes)
    return [Pick(target, rng.sample(inspectors, m)) for target in targets]


PYTHON_SNIPPET = """import random

seed = {seed}
targets = {targets}
inspectors = {inspectors}
rng = random.Random(seed)
for target in rng.sample(sorted(targets), {k}):
    print(target, rng.sample(sorted(inspectors), {m}))
"""


def python_snippet(draw) -> str:
    return PYTHON_SNIPPET.format(
        seed=draw.seed,
        targets=json.dumps([t["code"] for t in draw.targets]),
        inspectors=json.dumps([i["code"] for i in draw.inspectors]),
        k=draw.target_count,
        m=draw.inspectors_per_target,
    )
