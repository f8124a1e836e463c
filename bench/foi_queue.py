"""How a unit's disclosure queue grows with the number of requests.

    python bench/foi_queue.py [--runs 200] [--seed 20261122] [--keep]

Builds 10,000 and then 100,000 requests (with their reply clocks) directly in a fresh
SQLite database (bulk_create; a realistic spread: most requests long decided, ~8 % open,
units of very different sizes), then times

- ``foi.selectors.unit_queue`` for the busiest unit, first page of 50 (the target: p95
  under 100 ms at 100,000 requests), and
- the queue page ``foi:queue`` through Django's test Client, logged in as that unit's
  handler (50 a page, paged in SQL), and
- the JSON API's staff list ``GET /api/v1/foi/staff/requests`` (first page of 20) through
  the test Client with a Bearer token (``core.services.organisation.api_token_create``),
  once for that unit's handler (the unit's requests) and once for the openness office
  (the whole body's requests),

p50/p95 over ``--runs`` runs each, both sizes side by side. The baseline, measured in the
same run, is the cheapest indexed read (one request by primary key): ratios to it show how
much work a queue is, whatever the machine's speed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET_P95_MS = 100.0
SIZES = (10_000, 100_000)
# Share of requests per status: most are long decided, a few are open (a busy bureau).
STATUS_MIX = (
    ("closed", 0.62),
    ("replied", 0.30),
    ("received", 0.04),
    ("extended", 0.01),
    ("awaiting_supplement", 0.01),
    ("in_consultation", 0.01),
    ("awaiting_fee", 0.005),
    ("submitted", 0.005),
)
# Relative sizes of the ten units (户政 and 法制 take most requests).
UNIT_WEIGHTS = (30, 22, 12, 9, 7, 6, 5, 4, 3, 2)
PAUSED = ("awaiting_supplement", "in_consultation", "awaiting_fee")
DECIDED = ("closed", "replied")


def setup_django(directory: Path) -> None:
    os.environ["GONGKAI_HOME"] = str(directory)
    os.environ["DATABASE_URL"] = f"sqlite:///{directory / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()  # lets the test Client in (ALLOWED_HOSTS, no e-mail out)
    logging.getLogger("axes").setLevel(logging.WARNING)  # one login line per page otherwise
    call_command("migrate", verbosity=0)


def make_world():
    from gongkai.core.models import Organisation, Role
    from gongkai.core.services import organisation_create, staff_create

    bureau = organisation_create(actor=None, name="湛江市公安局（基准）", code="bench")
    units = [
        organisation_create(
            actor=None,
            name=f"科室{i}",
            code=f"bench-u{i}",
            kind=Organisation.Kind.UNIT,
            parent=bureau,
        )
        for i in range(len(UNIT_WEIGHTS))
    ]
    handler = staff_create(
        actor=None,
        username="bench-handler",
        full_name="基准办理人",
        organisation=bureau,
        roles=[Role.HANDLER],
        units=[units[0]],
        password="bench-password-1",  # noqa: S106 - a throwaway database
    ).user
    office = staff_create(
        actor=None,
        username="bench-office",
        full_name="基准公开办",
        organisation=bureau,
        roles=[Role.OFFICE],
        password="bench-password-2",  # noqa: S106 - a throwaway database
    ).user
    return bureau, units, handler, office


def build(rng: random.Random, count: int, start: int, bureau, units, handler, today) -> None:
    """``count`` more requests and their reply clocks, written in bulk."""
    from gongkai.core import holidays
    from gongkai.core.clockmath import CHINA
    from gongkai.core.models import Clock
    from gongkai.foi.models import Request

    calendar = holidays.get_calendar()
    statuses, weights = zip(*STATUS_MIX, strict=True)
    batch = 5_000
    for offset in range(0, count, batch):
        clocks, requests = [], []
        for n in range(start + offset, start + min(offset + batch, count)):
            status = rng.choices(statuses, weights)[0]
            unit = rng.choices(units, UNIT_WEIGHTS)[0]
            # Decided requests spread over three years; open ones over the last 40 days.
            age = rng.randint(41, 3 * 365) if status in DECIDED else rng.randint(0, 40)
            received = calendar.next_workday_on_or_after(today - dt.timedelta(days=age))
            received = min(received, today)
            due = calendar.add(received, 20).value
            started = dt.datetime.combine(received, dt.time(12), tzinfo=CHINA)
            state = "stopped" if status in DECIDED else "paused" if status in PAUSED else "running"
            clock = Clock(
                rule="foi_reply",
                label=f"Reply to request B-{n:07d}",
                organisation=bureau,
                unit=unit,
                handler=handler if unit == units[0] and rng.random() < 0.5 else None,
                started_at=started,
                state=state,
                due_on=None if state == "paused" else due,
                due_at=None if state == "paused" else started + dt.timedelta(days=40),
            )
            clocks.append(clock)
            requests.append(
                Request(
                    code=f"B-{n:07d}",
                    secret_hash="0" * 64,
                    organisation=bureau,
                    unit=unit,
                    handler=clock.handler,
                    channel=rng.choice(("online", "letter", "letter", "in_person", "email")),
                    applicant_type=rng.choice(
                        ("natural_person",) * 6 + ("commercial", "other_org")
                    ),
                    applicant_name="申请人",
                    id_type="resident_id",
                    id_number=f"44080219800101{n % 10000:04d}",
                    description="某项政府信息",
                    form="paper",
                    delivery="post",
                    submitted_at=started,
                    received_on=None if status == "submitted" else received,
                    status=status,
                    outcome="granted" if status in DECIDED else None,
                    replied_on=calendar.add(received, 10).value if status in DECIDED else None,
                )
            )
        Clock.objects.bulk_create(clocks)
        for request, clock in zip(requests, clocks, strict=True):
            request.reply_clock_id = clock.pk
        Request.objects.bulk_create(requests)


def timed(function, runs: int) -> tuple[float, float]:
    for _ in range(5):  # warm caches: the calendar, SQLite pages, templates
        function()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def api_timings(runs: int, users: dict) -> dict[str, tuple[float, float]]:
    """The staff list of the JSON API with a Bearer token, per user."""
    from django.test import Client

    from gongkai.core.services.organisation import api_token_create

    results = {}
    for label, user in users.items():
        _record, token = api_token_create(actor=None, user=user, name=f"bench {label}")
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")

        def listing(client=client):
            response = client.get("/api/v1/foi/staff/requests", {"page": 1, "page_size": 20})
            assert response.status_code == 200, response.status_code

        results[f"API staff list ({label})"] = timed(listing, runs)
    return results


def measure(runs: int, unit, handler, office) -> dict[str, tuple[float, float]]:
    from django.test import Client
    from django.urls import reverse

    from gongkai.foi.models import Request
    from gongkai.foi.selectors import unit_queue

    some_pk = Request.objects.order_by("pk").values_list("pk", flat=True).first()
    results = {
        "baseline (one request by pk)": timed(lambda: Request.objects.get(pk=some_pk), runs),
        "unit_queue, first 50": timed(lambda: unit_queue(unit, limit=50), runs),
    }
    url = reverse("foi:queue")
    client = Client()
    client.force_login(handler)

    def page():
        response = client.get(url, {"unit": unit.pk})
        assert response.status_code == 200, response.status_code

    results["queue page (test Client)"] = timed(page, runs)
    results.update(api_timings(runs, {"handler": handler, "office": office}))
    return results


def report(table: dict[int, dict], open_counts: dict[int, int]) -> bool:
    small, large = SIZES
    print(f"open requests in the measured unit: {open_counts[small]:,} at {small:,}, "
          f"{open_counts[large]:,} at {large:,}")  # fmt: skip
    header = f"{'measure':<30} {small:>8,} p50 {small:>8,} p95 {large:>9,} p50 {large:>9,} p95"
    print(header + "   growth p95   × baseline p95")  # fmt: skip
    baseline = {size: table[size]["baseline (one request by pk)"][1] for size in SIZES}
    for name in table[large]:
        (a50, a95), (b50, b95) = table[small][name], table[large][name]
        print(
            f"{name:<30} {a50:>10.2f} ms {a95:>10.2f} ms {b50:>11.2f} ms {b95:>11.2f} ms"
            f"   {b95 / a95:>9.2f}×   {b95 / baseline[large]:>10.1f}×"
        )
    p95 = table[large]["unit_queue, first 50"][1]
    met = p95 < TARGET_P95_MS
    verdict = "MET" if met else "NOT MET"
    print(f"target: unit_queue p95 < {TARGET_P95_MS:g} ms at {large:,} requests: "
          f"{p95:.2f} ms, {verdict}")  # fmt: skip
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--keep", action="store_true", help="keep the database directory")
    args = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="gongkai-bench-foi-"))
    setup_django(directory)
    from django.utils import timezone

    from gongkai.foi.models import OPEN_STATUSES, Request

    rng = random.Random(args.seed)
    bureau, units, handler, office = make_world()
    today = timezone.localdate()
    table, open_counts, built = {}, {}, 0
    for size in SIZES:
        started = time.perf_counter()
        build(rng, size - built, built, bureau, units, handler, today)
        built = size
        print(f"built {size:,} requests in {time.perf_counter() - started:.1f} s")
        open_counts[size] = Request.objects.filter(unit=units[0], status__in=OPEN_STATUSES).count()
        table[size] = measure(args.runs, units[0], handler, office)
    met = report(table, open_counts)
    if args.keep:
        print(f"database kept in {directory}")
    else:
        import shutil

        shutil.rmtree(directory, ignore_errors=True)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
