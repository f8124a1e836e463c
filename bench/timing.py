"""What the page benchmarks share: a page's response time, p50 and p95 in milliseconds."""

from __future__ import annotations

import statistics
import time


def page_times(client, url: str, runs: int, *, warm: bool = True) -> tuple[float, float]:
    """``runs`` GETs of ``url`` (after one unmeasured warm-up: templates compiled,
    translations loaded); every answer must be 200."""
    if warm:
        client.get(url)
    samples = []
    for _n in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]
