"""How the powers list (权责清单) imports and answers at 974 items (seed 003's count).

    python bench/listings.py [--items 974] [--runs 40] [--seed 20261206]

In a fresh SQLite database under a temporary directory:

1. import: an .xlsx of ``--items`` rows (names drawn from the kinds of 事项 a public security
   bureau lists: 户籍, 出入境, 交通管理, 治安, 消防, 禁毒 …; one to three 设定依据 each) is
   uploaded, previewed and applied through the services, as the workbench does. Baseline:
   openpyxl reading the same file alone (the floor any import pays).
2. pages, through Django's test Client, p50/p95 over ``--runs`` runs: the list page 1,
   a middle page, a kind filter, and searches for a two-character word (户籍), a phrase
   (出入境证件), a code and a name that matches nothing; the item page. Baseline: the
   portal's normative-document register (a page whose work does not depend on the list).

Target (issue 17): the list page and its search answer in ≤ 50 ms p95 at 974 items.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from timing import page_times  # bench/timing.py (this folder is on the path)

HEADERS = [
    "编码",
    "事项名称",
    "类型",
    "设定依据",
    "行使主体",
    "责任事项",
    "追责情形",
    "监督方式",
    "救济途径",
]
AREAS = [
    ("户籍", "户口", "中华人民共和国户口登记条例", "户政科"),
    ("出入境", "出入境证件", "中华人民共和国出境入境管理法", "出入境管理支队"),
    ("交通管理", "机动车", "中华人民共和国道路交通安全法", "交通警察支队"),
    ("治安", "特种行业", "旅馆业治安管理办法", "治安管理支队"),
    ("消防", "消防安全", "中华人民共和国消防法", "各公安派出所"),
    ("禁毒", "易制毒化学品", "易制毒化学品管理条例", "禁毒支队"),
    ("枪支管理", "枪支", "中华人民共和国枪支管理法", "治安管理支队"),
    ("网络安全", "网络运营者", "中华人民共和国网络安全法", "网警支队"),
]
ACTIONS = [
    ("行政许可", "{t}许可"), ("行政处罚", "对违反{t}管理规定的处罚"), ("行政强制", "{t}强制措施"),
    ("行政检查", "{t}监督检查"), ("行政确认", "{t}登记"), ("行政奖励", "{t}举报奖励"),
    ("行政征收", "{t}相关费用征收"), ("行政给付", "{t}救助给付"), ("行政裁决", "{t}争议裁决"),
    ("其他", "{t}其他事项"),
]  # fmt: skip
NUMERALS = "一二三四五六七八九十"


def article(n: int) -> str:
    tens, ones = divmod(n, 10)
    text = (
        (NUMERALS[tens - 1] if tens > 1 else "")
        + ("十" if tens else "")
        + (NUMERALS[ones - 1] if ones else "")
    )
    return f"第{text}条"


def spreadsheet(items: int, rng: random.Random) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["湛江市公安局权力和责任清单"])
    sheet.append(HEADERS)
    for n in range(1, items + 1):
        area, thing, law, unit = AREAS[n % len(AREAS)]
        kind, pattern = ACTIONS[(n // len(AREAS)) % len(ACTIONS)]
        bases = "\n".join(
            f"《{law}》{article(rng.randint(1, 99))}" for _b in range(rng.randint(1, 3))
        )
        sheet.append([
            f"440800-GA-{n:04d}", f"{pattern.format(t=thing)}（{area}第{n}项）", kind, bases,
            f"湛江市公安局{unit}", "1. 受理责任；2. 审查责任；3. 决定责任；4. 送达责任；5. 事后监管责任。",
            "对符合法定条件的申请不予受理的；违反法定程序的；滥用职权、玩忽职守的。",
            "湛江市公安局法制支队、督察支队监督；监督电话 0759-3183110",
            "六十日内向湛江市人民政府申请行政复议，或者六个月内提起行政诉讼",
        ])  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


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
    call_command("createcachetable", verbosity=0)


def seconds(work) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=974)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--seed", type=int, default=20261206)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        setup_django(Path(directory))
        from django.test import Client
        from openpyxl import load_workbook

        from gongkai.core.models import Role
        from gongkai.core.services import organisation_create, staff_create
        from gongkai.listings.models import Power
        from gongkai.listings.services import (
            power_import_apply,
            power_import_preview,
            power_import_upload,
        )

        bureau = organisation_create(actor=None, name="湛江市公安局（基准）", code="bench")
        office = staff_create(
            actor=None,
            username="bench-office",
            full_name="基准",
            organisation=bureau,
            roles=[Role.OFFICE],
            password="bench-password-1",  # noqa: S106 - a throwaway database
        ).user
        content = spreadsheet(args.items, random.Random(args.seed))

        def read_only():
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            return sum(1 for _row in workbook.worksheets[0].iter_rows(values_only=True))

        baseline, _rows = seconds(read_only)
        upload_s, upload = seconds(
            lambda: power_import_upload(
                actor=office, organisation=bureau, file_name="清单.xlsx", content=content
            )
        )
        preview_s, preview = seconds(lambda: power_import_preview(upload))
        assert preview.count("error") == 0, preview.errors[:3]
        apply_s, report = seconds(
            lambda: power_import_apply(
                actor=office, upload=upload, changed_on=dt.date(2026, 12, 1), reason="基准"
            )
        )
        assert report.added == args.items == Power.objects.filter(is_active=True).count()
        print(f"import of {args.items} rows ({len(content) / 1024:.0f} KiB .xlsx), seconds:")
        print(f"  {'baseline: openpyxl reads the file':<40}{baseline:>8.2f}")
        for name, value in [
            ("upload (read and keep)", upload_s),
            ("preview (row checks, compare)", preview_s),
            ("apply (preview again, write)", apply_s),
            ("total", upload_s + preview_s + apply_s),
        ]:
            print(f"  {name:<40}{value:>8.2f}  ×{value / baseline:>5.1f}")

        client = Client()
        middle = args.items // 50 // 2 or 1
        one = Power.objects.order_by("code")[args.items // 2].pk
        pages = {
            "baseline: normative register": "/xxgk/normative/",
            "list page 1": "/xxgk/powers/",
            f"list page {middle}": f"/xxgk/powers/?page={middle}",
            "kind filter (行政许可)": "/xxgk/powers/?kind=licensing",
            "search 户籍": "/xxgk/powers/?q=户籍",
            "search 出入境证件": "/xxgk/powers/?q=出入境证件",
            "search code 440800-GA-0500": "/xxgk/powers/?q=440800-GA-0500",
            "search, no match": "/xxgk/powers/?q=不存在的事项名称",
            "item page": f"/xxgk/powers/{one}/",
        }
        print(f"\npages at {args.items} items, {args.runs} runs; ms p50 / p95; ×: p50 / baseline")
        base = None
        for name, url in pages.items():
            p50, p95 = page_times(client, url, args.runs)
            base = base or p50
            print(f"  {name:<40}{p50:>8.1f} / {p95:>7.1f}  ×{p50 / base:>5.2f}")


if __name__ == "__main__":
    main()
