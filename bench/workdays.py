"""Benchmark: deadline computation on the official calendar.

Computes 1,000,000 deadlines ("the N-th working day after D") with gongkai's
calendar and, in the same run, a naive day-by-day loop over chinese-calendar's
``is_workday`` (on a sample, as it is much slower), and prints microseconds per
call and the ratio. Targets (issue 2): under 5 µs per call, at least 20× faster
than the naive loop. Also checks that both give the same answers.

    python bench/workdays.py [--calls 1000000] [--naive-calls 5000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import chinese_calendar  # noqa: E402

from gongkai.core.workdays import WorkdayCalendar, package_tables  # noqa: E402


def workload(count: int, seed: int = 20261122) -> list[tuple[dt.date, int]]:
    """Receipt dates across 2010–2025 and limits as the law uses them."""
    rng = random.Random(seed)
    first = dt.date(2010, 1, 1).toordinal()
    last = dt.date(2025, 12, 31).toordinal()
    limits = (1, 3, 7, 15, 20, 40)
    return [
        (dt.date.fromordinal(rng.randint(first, last)), rng.choice(limits)) for _ in range(count)
    ]


def naive_add(day: dt.date, n: int) -> dt.date:
    while n > 0:
        day += dt.timedelta(days=1)
        if chinese_calendar.is_workday(day):
            n -= 1
    return day


def timed(function, cases) -> tuple[float, list]:
    start = time.perf_counter()
    results = [function(day, n) for day, n in cases]
    return time.perf_counter() - start, results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--naive-calls", type=int, default=5_000)
    args = parser.parse_args()

    build_start = time.perf_counter()
    calendar = WorkdayCalendar(*package_tables())
    build = time.perf_counter() - build_start

    cases = workload(args.calls)

    def fast(day, n):
        return calendar.add(day, n).value

    fast_seconds, fast_results = timed(fast, cases)
    sample = cases[: args.naive_calls]
    naive_seconds, naive_results = timed(naive_add, sample)
    mismatches = sum(1 for a, b in zip(fast_results, naive_results, strict=False) if a != b)

    fast_us = fast_seconds / len(cases) * 1e6
    naive_us = naive_seconds / len(sample) * 1e6
    ratio = naive_us / fast_us
    print(f"calendar build:        {build * 1000:.1f} ms")
    print(
        f"gongkai calendar.add:  {fast_us:.2f} µs/call over {len(cases):,} calls "
        f"({fast_seconds:.2f} s)"
    )
    print(
        f"naive day-by-day loop: {naive_us:.2f} µs/call over {len(sample):,} calls "
        f"({naive_seconds:.2f} s)"
    )
    print(f"speed-up:              {ratio:.1f}x")
    print(f"answers that differ:   {mismatches} of {len(sample):,}")
    met = fast_us < 5 and ratio >= 20 and mismatches == 0
    print(f"targets (< 5 µs/call, >= 20x, identical answers): {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
