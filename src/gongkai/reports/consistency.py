"""The checker's own rule functions applied to a generated snapshot (before publishing).

The same relations ``gongkai report check`` verifies on a published page
(国办公开办函〔2021〕30号: 一 + 二 = 三（七） + 四, （七） = the sum of the lines, 总计 = the sum of
the columns; section 四 总计 = the four results), run on the numbers themselves.
"""

from __future__ import annotations

from gongkai.reports import format as fmt
from gongkai.reports.checker import ERROR, Finding
from gongkai.reports.checker.rules import check_section3, check_section4
from gongkai.reports.checker.tables import Section3, Section4


def snapshot_findings(tables: dict) -> list[Finding]:
    report_format = fmt.FORMATS[tables.get("format", fmt.FORMAT_2021)]
    section3 = Section3(report_format, 0, tables["section3"])
    section4 = Section4(1, tables["section4"])
    return check_section3(section3) + check_section4(section4)


def snapshot_errors(tables: dict) -> list[Finding]:
    return [f for f in snapshot_findings(tables) if f.severity == ERROR]
