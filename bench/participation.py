"""How a consultation's comment page and adoption report scale with its comments.

    python bench/participation.py [--runs 30] [--seed 20261122]

Builds one consultation with 1,000 comments and another with 10,000 (bulk_create in a
fresh SQLite database under a temporary directory; comments spread over the articles,
about 5 % held, decisions mixed), then times, for each, through Django's test Client:

- the public comment page ``/hdjl/yjzj/<pk>/comments/`` (page 1 and a middle page, 50 a
  page), and
- the public adoption report ``/hdjl/yjzj/<pk>/report/`` (aggregated in SQL),

p50/p95 over ``--runs`` runs, both sizes side by side. The baseline, measured in the
same run, is the portal's consultation list (a page whose work does not depend on the
number of comments): ratios to it show the extra work whatever the machine's speed. The
consultation page itself is timed too (it counts published comments per article in SQL).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path

from timing import page_times  # bench/timing.py (this folder is on the path)

SIZES = (1_000, 10_000)
DRAFT = "\n".join(f"第{n}条 第{n}条的内容，规定有关事项。" for n in range(1, 31))


def setup_django(directory: Path) -> None:
    os.environ["GONGKAI_HOME"] = str(directory)
    os.environ["DATABASE_URL"] = f"sqlite:///{directory / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)


def build(size: int, rng: random.Random, office, bureau):
    from django.utils import timezone

    from gongkai.participation.models import Comment
    from gongkai.participation.services import (
        consultation_close,
        consultation_create,
        consultation_open,
    )
    from gongkai.participation.services.common import fingerprint

    today = timezone.localdate()
    consultation = consultation_create(
        actor=office,
        organisation=bureau,
        title=f"《基准草案（{size}条意见）》",
        kind="major_decision",
        draft_text=DRAFT,
        explanation="",
        opens_on=today - dt.timedelta(days=1),
        closes_on=today + dt.timedelta(days=30),
    )
    consultation_open(actor=office, consultation=consultation)
    provisions = list(consultation.provisions.all()) + [None]
    decisions = ("adopted", "partly", "not_adopted", "pending")
    rows = []
    for n in range(size):
        decision = rng.choice(decisions)
        body = f"意见{n}：建议修改相关表述，增加可操作性规定。" * rng.randint(1, 4)
        provision = rng.choice(provisions)
        rows.append(
            Comment(
                consultation=consultation,
                provision=provision,
                body=body,
                body_public=body,
                fingerprint=fingerprint(provision.pk if provision else "-", body),
                status="held" if rng.random() < 0.05 else "published",
                decision=decision,
                decision_reason=rng.choice(("与上位法不符", "已有规定", "不具可操作性"))
                if decision == "not_adopted"
                else "",
            )
        )
    Comment.objects.bulk_create(rows, batch_size=2000)
    consultation_close(actor=office, consultation=consultation)
    consultation.status = "reported"  # the report page shows only a published report
    consultation.save(update_fields=["status"])
    return consultation


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=20261122)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        setup_django(Path(directory))
        from django.test import Client

        from gongkai.core.models import Role
        from gongkai.core.services import organisation_create, staff_create

        bureau = organisation_create(actor=None, name="湛江市公安局（基准）", code="bench")
        office = staff_create(
            actor=None,
            username="bench-office",
            full_name="基准",
            organisation=bureau,
            roles=[Role.OFFICE],
            password="bench-password-1",  # noqa: S106 - a throwaway database
        ).user
        rng = random.Random(args.seed)
        client = Client()
        results = {}
        for size in SIZES:
            consultation = build(size, rng, office, bureau)
            base = f"/hdjl/yjzj/{consultation.pk}/"
            middle = size // 50 // 2 or 1
            results[size] = {
                "baseline: consultation list": page_times(
                    client, "/hdjl/yjzj/", args.runs, warm=False
                ),
                "consultation page": page_times(client, base, args.runs, warm=False),
                "comments page 1": page_times(client, base + "comments/", args.runs, warm=False),
                "comments middle page": page_times(
                    client, base + f"comments/?page={middle}", args.runs, warm=False
                ),
                "adoption report": page_times(client, base + "report/", args.runs, warm=False),
            }
        print(f"runs per figure: {args.runs}; times in ms (p50 / p95); ratio = p50 / baseline p50")
        header = "".join(f"{f'{s:,} comments':>34}" for s in SIZES)
        print(f"{'page':<30}{header}")
        for name in results[SIZES[0]]:
            cells = ""
            for size in SIZES:
                p50, p95 = results[size][name]
                ratio = p50 / results[size]["baseline: consultation list"][0]
                cells += f"{p50:>12.1f} / {p95:>7.1f}  ×{ratio:>6.2f}  "
            print(f"{name:<30}{cells}")


if __name__ == "__main__":
    main()
