"""Precision and recall on a generated planted corpus (the issue's acceptance figures).

The corpus plants ID numbers (GB 11643-1999 check character), card numbers
(ISO/IEC 7812 Luhn), mobiles, landlines, e-mails, plates, names and addresses in
government-style text, with decoys that must not be flagged. bench/privacy.py runs
the same corpus at 50 MB and also measures speed.
"""

import random

from gongkai.privacy import TYPES, detect
from gongkai.privacy.tests.synth import Score, corpus

STRICT = ("id_card", "mobile", "bank_card", "email")


def test_precision_and_recall_on_2000_records():
    text, truth = corpus(random.Random(20240501), 2000)
    score = Score()
    score.add(detect(text), truth)
    for kind in TYPES:
        print(
            f"{kind:<10} planted={score.expected[kind]:>5} found={score.predicted[kind]:>5} "
            f"precision={score.precision(kind):.4f} recall={score.recall(kind):.4f}"
        )
    # The corpus is fixed by its seed, so its counts are exact.
    planted = {
        "id_card": 2822,
        "mobile": 1466,
        "landline": 1521,
        "bank_card": 962,
        "email": 1496,
        "plate": 504,
        "name": 4288,
        "address": 2822,
    }
    assert dict(score.expected) == planted
    assert dict(score.true_positive) == planted
    assert dict(score.predicted) == planted
    for kind in STRICT:
        assert score.precision(kind) >= 0.98, kind
        assert score.recall(kind) >= 0.99, kind


def test_corpus_is_reproducible():
    first = corpus(random.Random(7), 50)
    second = corpus(random.Random(7), 50)
    assert first == second
    text, truth = first
    assert all(text[f.start : f.end] == f.text for f in truth)


def test_score_counts():
    from gongkai.privacy import Finding

    score = Score()
    truth = [Finding("mobile", 0, 11, "x"), Finding("email", 20, 30, "y")]
    found = [Finding("mobile", 0, 11, "x"), Finding("mobile", 40, 51, "z")]
    score.add(found, truth)
    assert score.precision("mobile") == 0.5
    assert score.recall("mobile") == 1.0
    assert score.recall("email") == 0.0
    assert score.precision("email") == 1.0
