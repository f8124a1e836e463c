"""The State Council holiday-notice parser, on the real notices of 2024–2026.

Each notice is 《国务院办公厅关于YYYY年部分节假日安排的通知》; its parsed
arrangement must equal what chinese-calendar 1.11.0 ships for that year.
"""

import datetime as dt
from pathlib import Path

import pytest

from gongkai.core.notice import (
    REASON_BAD_DATE,
    REASON_NO_ITEMS,
    REASON_NO_YEAR,
    REASON_TOTAL_MISMATCH,
    REASON_WORKDAY_NOT_WEEKEND,
    NoticeError,
    parse_notice,
)
from gongkai.core.workdays import package_tables

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_real_notice_matches_the_package(year):
    arrangement = parse_notice((DATA / f"notice_{year}.txt").read_text(encoding="utf-8"))
    holidays, workdays, _years = package_tables()
    assert arrangement.year == year
    assert sorted(arrangement.holidays) == sorted(d for d in holidays if d.year == year)
    assert sorted(arrangement.workdays) == sorted(d for d in workdays if d.year == year)


def test_2025_json_shape_and_names():
    arrangement = parse_notice((DATA / "notice_2025.txt").read_text(encoding="utf-8"))
    data = arrangement.as_json()
    assert data["year"] == 2025
    assert len(data["holidays"]) == 28  # 1 + 8 + 3 + 5 + 3 + 8
    assert data["workdays"] == [
        "2025-01-26",
        "2025-02-08",
        "2025-04-27",
        "2025-09-28",
        "2025-10-11",
    ]
    assert arrangement.holidays[dt.date(2025, 10, 8)] == "国庆节、中秋节"


def test_sentences_without_holiday_words_are_ignored():
    # 2024: "鼓励…安排职工在除夕（2月9日）休息" names a date that is not a holiday.
    arrangement = parse_notice((DATA / "notice_2024.txt").read_text(encoding="utf-8"))
    assert dt.date(2024, 2, 9) not in arrangement.holidays


HYPOTHETICAL_2027 = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（星期五）至3日（星期日）放假，共3天。
二、春节：2月5日（农历除夕、星期五）至12日（星期五）放假调休，共8天。2月14日（星期日）、2月20日（星期六）上班。
三、清明节：4月5日（星期一）放假，与周末连休。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日放假1天，不调休。
六、中秋节、国庆节：9月15日至9月17日放假，共3天；10月1日至7日放假调休，共7天。9月26日(星期日)、10月9日(星期六)上班。
"""


def test_wording_variants_星期_ascii_brackets_and_two_ranges():
    arrangement = parse_notice(HYPOTHETICAL_2027)
    assert arrangement.year == 2027
    data = arrangement.as_json()
    assert data["holidays"][:3] == ["2027-01-01", "2027-01-02", "2027-01-03"]
    assert "2027-04-05" in data["holidays"] and "2027-04-04" not in data["holidays"]
    assert "2027-06-09" in data["holidays"]
    assert "2027-09-17" in data["holidays"] and "2027-10-07" in data["holidays"]
    assert data["workdays"] == [
        "2027-02-14",
        "2027-02-20",
        "2027-04-25",
        "2027-05-08",
        "2027-09-26",
        "2027-10-09",
    ]
    assert len(data["holidays"]) == 3 + 8 + 1 + 5 + 1 + 3 + 7


def test_cross_year_new_year_with_explicit_years():
    text = "国务院办公厅关于2023年部分节假日安排的通知\n一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。\n"
    assert parse_notice(text).as_json()["holidays"] == ["2022-12-31", "2023-01-01", "2023-01-02"]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("一、元旦：1月1日放假。", 1, REASON_NO_YEAR),
        ("国务院办公厅关于2027年部分节假日安排的通知\n全文略。", 1, REASON_NO_ITEMS),
        (
            "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：2月30日放假1天。",
            2,
            REASON_BAD_DATE,
        ),
        (
            "国务院办公厅关于2027年部分节假日安排的通知\n\n二、春节：2月5日至12日放假调休，共9天。",
            3,
            REASON_TOTAL_MISMATCH,
        ),
        (
            "国务院办公厅关于2027年部分节假日安排的通知\n二、春节：2月5日至12日放假调休，共8天。2月15日（周一）上班。",
            2,
            REASON_WORKDAY_NOT_WEEKEND,
        ),
    ],
)
def test_unreadable_lines_are_named(text, line, reason):
    with pytest.raises(NoticeError) as caught:
        parse_notice(text)
    assert (caught.value.line_number, caught.value.reason) == (line, reason)
