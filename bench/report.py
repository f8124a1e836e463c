"""Benchmark: the yearly report's section 三 for bodies with 10,000, 100,000 and 1,000,000
disclosure requests on SQLite.

    .venv/bin/python bench/report.py [--sizes 10000,100000,1000000]

Builds a throw-away SQLite database (migrated, so the covering index of reports migration 0002
is there), bulk-inserts requests with realistic distributions (85 % natural persons; most
requests granted or partly granted; replies after 1–40 days; 3 % still open; 1 % lapsed for want
of a supplement) and times ``gongkai.reports.generate.section3`` against a baseline measured in
the same run: the same counts made in Python over the body's rows (what a naive loop does).
Target: under 2 s at 1,000,000 on SQLite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
TMP = tempfile.mkdtemp(prefix="gongkai-bench-report-")
os.environ["DATABASE_URL"] = f"sqlite:///{TMP}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, models, transaction  # noqa: E402

from gongkai.core.models import Organisation  # noqa: E402
from gongkai.foi.models import Request, Supplement  # noqa: E402
from gongkai.reports import format as fmt  # noqa: E402
from gongkai.reports.generate import section3  # noqa: E402

APPLICANTS = (fmt.APPLICANT_PARTS, (85, 8, 1, 1, 3, 2))
OUTCOMES = (
    fmt.OUTCOME_LEAVES,
    [30, 12] + [1] * 8 + [10, 3, 2] + [2, 2, 1, 1, 1] + [0, 1, 2],
)
YEAR = 2025
FIRST_DAY = dt.date(2023, 7, 1)
SPAN_DAYS = (dt.date(2025, 12, 31) - FIRST_DAY).days


def _defaults() -> dict[str, object]:
    """A value for every column of foi_request (its fields change as foi grows)."""
    values = {}
    for field in Request._meta.concrete_fields:
        if field.primary_key:
            continue
        if field.has_default():
            values[field.column] = field.get_default()
        elif field.null:
            values[field.column] = None
        elif isinstance(field, models.DateTimeField):
            values[field.column] = "2025-01-01 00:00:00"
        elif isinstance(field, models.CharField | models.TextField):
            values[field.column] = "x"
        else:
            values[field.column] = 0
    return values


def _rows(organisation_id: int, n: int, rng: random.Random, start: int):
    for i in range(n):
        received = FIRST_DAY + dt.timedelta(days=rng.randrange(SPAN_DAYS))
        roll = rng.random()
        applicant = rng.choices(*APPLICANTS)[0]
        if roll < 0.03:
            yield i, received, applicant, "received", None, None, False
        elif roll < 0.04:
            yield i, received, applicant, "closed", "other.no_supplement", None, True
        else:
            outcome = rng.choices(*OUTCOMES)[0]
            replied = received + dt.timedelta(days=rng.randint(1, 40))
            yield i, received, applicant, "replied", outcome, replied, False


def insert(organisation: Organisation, n: int, seed: int, offset: int) -> None:
    rng = random.Random(seed)
    base = _defaults()
    columns = list(base)
    sql = "INSERT INTO foi_request ({}) VALUES ({})".format(
        ", ".join(f'"{c}"' for c in columns), ", ".join(["%s"] * len(columns))
    )
    batch, lapsed = [], []
    # One transaction: in autocommit every row would be its own commit.
    with transaction.atomic(), connection.cursor() as cursor:
        for i, received, applicant, status, outcome, replied, is_lapsed in _rows(
            organisation.pk, n, rng, offset
        ):
            row = dict(base)
            row.update(
                code=f"B{offset + i:09d}",
                organisation_id=organisation.pk,
                applicant_type=applicant,
                status=status,
                outcome=outcome,
                received_on=received.isoformat(),
                replied_on=replied.isoformat() if replied else None,
                channel="letter",
                id_type="resident_id",
                form="paper",
                delivery="post",
            )
            batch.append([row[c] for c in columns])
            if is_lapsed:
                lapsed.append((f"B{offset + i:09d}", received))
            if len(batch) == 20000:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
    ids = dict(
        Request.objects.filter(organisation=organisation, status="closed").values_list("code", "pk")
    )
    Supplement.objects.bulk_create(
        [
            Supplement(
                request_id=ids[code],
                notified_on=day + dt.timedelta(days=3),
                items="补正",
                deadline=day + dt.timedelta(days=20),
                lapsed_on=day + dt.timedelta(days=25),
            )
            for code, day in lapsed
        ],
        batch_size=5000,
    )


def baseline(organisation_id: int, year: int) -> dict[str, dict[str, int]]:
    """The same table counted in Python over the body's rows."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    lapses = dict(
        Supplement.objects.filter(
            request__organisation_id=organisation_id, lapsed_on__isnull=False
        ).values_list("request_id", "lapsed_on")
    )
    values = {
        r: dict.fromkeys([c.code for c in fmt.APPLICANT_COLUMNS], 0)
        for r in fmt.FORMATS["2021"].data_rows
    }
    rows = Request.objects.filter(
        organisation_id=organisation_id, received_on__isnull=False
    ).values_list("pk", "applicant_type", "outcome", "received_on", "replied_on")
    for pk, applicant, outcome, received, replied in rows.iterator(chunk_size=20000):
        decided = replied or lapses.get(pk)
        if received > end or (decided and decided < start):
            continue
        if received >= start:
            values["received"][applicant] += 1
        else:
            values["carried_in"][applicant] += 1
        if decided and decided <= end:
            values[outcome][applicant] += 1
        else:
            values["carried_out"][applicant] += 1
    for column in fmt.APPLICANT_PARTS:
        values["total"][column] = sum(values[leaf][column] for leaf in fmt.OUTCOME_LEAVES)
    for row in values.values():
        row["total"] = sum(row[c] for c in fmt.APPLICANT_PARTS)
    return values


def timed(function, *args, repeat: int = 3):
    best, result = float("inf"), None
    for _ in range(repeat):
        began = time.perf_counter()
        result = function(*args)
        best = min(best, time.perf_counter() - began)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    call_command("migrate", verbosity=0)
    print(f"SQLite {connection.Database.sqlite_version}, database in {TMP}")
    print(
        f"{'requests':>10} {'insert s':>9} {'section 三 s':>13} {'baseline s':>11} {'ratio':>7}  (一 received, 三（七）)"
    )
    offset = 0
    for k, n in enumerate(sizes):
        body = Organisation.objects.create(name=f"基准机关{k}", code=f"bench{k}")
        began = time.perf_counter()
        insert(body, n, seed=k, offset=offset)
        offset += n
        inserted = time.perf_counter() - began
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        fast, table = timed(section3, body.pk, YEAR)
        slow, expected = timed(baseline, body.pk, YEAR, repeat=1)
        assert table == expected, "section 三 differs from the baseline count"
        print(
            f"{n:>10,} {inserted:>9.1f} {fast:>13.3f} {slow:>11.3f} {slow / fast:>6.1f}x"
            f"  ({table['received']['total']}, {table['total']['total']})"
        )
    connection.close()
    shutil.rmtree(TMP, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
