"""The CLI contract scripts rely on (issue 2): exact output forms and exit codes."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from gongkai.core.models import CalendarYear
from gongkai.core.tests.test_notice import HYPOTHETICAL_2027

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().strip()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("workdays", "add", "2026-09-30", "5"), "2026-10-13"),
        (("workdays", "add", "2026-09-30", "0"), "2026-09-30"),
        (("workdays", "add", "2026-12-25", "10"), "2027-01-08 provisional"),
        (("workdays", "between", "2026-09-30", "2026-10-10"), "3"),
        (("workdays", "is", "2026-10-10"), "adjusted-workday"),
        (("workdays", "is", "2026-10-03"), "holiday"),
        (("workdays", "is", "2026-11-22"), "weekend"),
        (("workdays", "is", "2026-11-23"), "workday"),
    ],
)
def test_workdays(args, expected):
    assert run(*args) == expected


@pytest.mark.parametrize(
    "args",
    [
        ("workdays", "add", "2026-02-30", "1"),
        ("workdays", "add", "2026-02-03", "-1"),
        ("workdays", "add", "2026-02-03", "x"),
        ("workdays", "is", "2026-13-01"),
    ],
)
def test_bad_arguments_exit_2_with_a_chinese_message(args):
    with pytest.raises(CommandError) as caught:
        run(*args)
    assert caught.value.returncode == 2
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(caught.value))


def test_load_notice_json_without_yes_stores_nothing(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(HYPOTHETICAL_2027, encoding="utf-8")
    data = json.loads(run("calendar", "load-notice", str(path), "--json"))
    assert data["year"] == 2027
    assert data["workdays"][0] == "2027-02-14"
    assert CalendarYear.objects.count() == 0
    run("calendar", "load-notice", str(path), "--yes")
    assert CalendarYear.objects.get().year == 2027
    assert run("workdays", "add", "2026-12-31", "1") == "2027-01-04"


def test_load_notice_bad_file_fails(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text(
        "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：13月1日放假1天。", encoding="utf-8"
    )
    with pytest.raises(CommandError) as caught:
        run("calendar", "load-notice", str(path), "--yes")
    assert "2" in str(caught.value)
    assert CalendarYear.objects.count() == 0
    with pytest.raises(CommandError):
        run("calendar", "load-notice", str(tmp_path / "missing.txt"))


@pytest.mark.skipif(
    not (Path(sys.executable).parent / "gongkai").exists(),
    reason="the gongkai script is not installed in this environment",
)
def test_the_installed_gongkai_command(tmp_path):
    script = str(Path(sys.executable).parent / "gongkai")
    env = {**os.environ, "GONGKAI_HOME": str(tmp_path)}
    ok = subprocess.run(
        [script, "workdays", "add", "2026-09-30", "5"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert (ok.returncode, ok.stdout.strip()) == (0, "2026-10-13")
    bad = subprocess.run(
        [script, "workdays", "add", "2026-09-30", "-2"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert bad.returncode == 2
    assert "工作日" in bad.stderr
    parsed = subprocess.run(
        [script, "calendar", "load-notice", str(DATA / "notice_2025.txt"), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert json.loads(parsed.stdout)["workdays"][0] == "2025-01-26"


@pytest.mark.skipif(
    not (Path(sys.executable).parent / "gongkai").exists(),
    reason="the gongkai script is not installed in this environment",
)
def test_pure_clis_are_reachable_through_gongkai(tmp_path):
    script = str(Path(sys.executable).parent / "gongkai")
    env = {**os.environ, "GONGKAI_HOME": str(tmp_path)}
    text = tmp_path / "letter.txt"
    text.write_text("申请人：张三，电话13812345678。", encoding="utf-8")
    scan = subprocess.run(
        [script, "privacy", "scan", str(text), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert scan.returncode == 0
    assert [f["type"] for f in json.loads(scan.stdout)] == ["name", "mobile"]
    report = subprocess.run(
        [script, "report", "check", str(tmp_path / "missing.html")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert report.returncode == 2
