"""Whether this checkout's detector finds exactly what another checkout's finds.

    python bench/privacy_same.py --against DIR [--mb 2]
    python bench/privacy_same.py --against-ref main [--mb 2]

For work on speed alone: every finding (type, start, end, text) must stay the same. Both
detectors read the old planted corpus (``--mb`` megabytes, and a 50,000-character slice of
each chunk with ``types`` narrowed), every case of the evaluation set with and without the
body's published data and with ``types=["name"]``, each part of the evaluation set as one
text, the known misses, the blind set (both parts, line by line and as one text), the
repository's docs and translations, and 3,000 random splices of two cases. Prints the texts
that differ (at most 10), the number of findings on each side, and exits 1 if any text
differs. ``--against-ref REF`` takes the other detector out of a git commit or branch of this
repository (as bench/privacy.py does).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

try:
    from gongkai.privacy.detect import PublicData, detect
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from gongkai.privacy.detect import PublicData, detect
from gongkai.privacy.tests import blindset, evalset, synth
from gongkai.privacy.tests.evalset import forms

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from privacy import _checkout_of, _other_detect  # noqa: E402  (the bench's loaders)

NARROWED = (["name"], ["address"], ["email"], ["id_card", "mobile"], ["plate", "address"])


def _key(findings):
    return [(f.type, f.start, f.end, f.text) for f in findings]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--against", type=Path, help="the other checkout")
    which.add_argument("--against-ref", help="a git commit or branch of this repository")
    parser.add_argument("--mb", type=float, default=2.0, help="megabytes of the old corpus")
    args = parser.parse_args()
    against = args.against
    if args.against_ref:
        import tempfile

        against = _checkout_of(args.against_ref, Path(tempfile.mkdtemp(prefix="gk-privacy-")))
    other = _other_detect(against)
    other_public = sys.modules["gk_privacy_other.detect"].PublicData
    differ = 0
    count = 0
    findings = [0, 0]

    def check(text, label, public=None, types=None):
        nonlocal differ, count
        count += 1
        theirs_public = None
        if public is not None:
            fields = ("names", "numbers", "addresses", "emails")
            theirs_public = other_public(**{name: getattr(public, name) for name in fields})
        ours = _key(detect(text, types, public=public))
        theirs = _key(other(text, types, public=theirs_public))
        findings[0] += len(ours)
        findings[1] += len(theirs)
        if ours != theirs:
            differ += 1
            if differ <= 10:
                only_ours = sorted(set(ours) - set(theirs))[:5]
                only_theirs = sorted(set(theirs) - set(ours))[:5]
                print(f"differs: {label}: only here {only_ours}, only there {only_theirs}")

    for text, _ in synth.chunks(random.Random(20240501), int(args.mb * 1_000_000)):
        check(text, "old corpus")
        for types in NARROWED:
            check(text[:50_000], f"old corpus, types={types}", types=types)
    hand, hand_public = evalset.handwritten()
    parts = [
        (hand, hand_public),
        (forms.cases(20240501, 3000), forms.public()),
        (evalset.seeds(), evalset.Public()),
    ]
    for cases, p in parts:
        public = PublicData.of(
            names=p.names, phones=p.phones, addresses=p.addresses, emails=p.emails
        )
        for case in cases:
            check(case.text, "evaluation case", public)
            check(case.text, "evaluation case, no public data")
            check(case.text, "evaluation case, names only", types=["name"])
        check("\n".join(case.text for case in cases), "evaluation part as one text", public)
    for case in evalset.handwritten("known_misses.txt")[0]:
        check(case.text, "known miss")
    people = blindset.body()
    public = PublicData.of(
        names=people["officials"],
        phones=people["phones"],
        addresses=people["addresses"],
        emails=people.get("emails", ()),
    )
    for part in ("dev.jsonl", "heldout.jsonl"):
        lines = blindset.load(part)
        for line in lines:
            check(line.text, part, public)
            check(line.text, f"{part}, no public data")
        check("\n".join(line.text for line in lines), f"{part} as one text", public)
    for path in sorted((ROOT / "docs").glob("*.md")) + sorted((ROOT / "src").rglob("*.po")):
        check(path.read_text(errors="ignore"), str(path.relative_to(ROOT)))
    pool = [case.text for cases, _ in parts for case in cases]
    pool += [line.text for line in blindset.load("dev.jsonl")]
    rng = random.Random(7)
    for _ in range(3000):
        a, b = rng.choice(pool), rng.choice(pool)
        glue = rng.choice(["", "\n", " ", "，", "：", "\t"])
        check(a[: rng.randrange(len(a) + 1)] + glue + b[rng.randrange(len(b) + 1) :], "splice")
    print(
        f"{count} texts, {differ} differ; findings here {findings[0]:,}, "
        f"there {findings[1]:,} (type, start, end and text compared one by one)"
    )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
