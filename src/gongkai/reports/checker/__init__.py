"""The yearly-report checker: `gongkai report check FILE`.

Reads the section 三 (applications) and section 四 (review and litigation) tables of a
政府信息公开工作年度报告 from a saved HTML page or a .docx and verifies their arithmetic against
the official format (国办公开办函〔2021〕30号; the 2019 format, 国办公开办函〔2019〕60号, too).
Pure Python: no Django, so it can run on any batch of files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .extract import CheckError, Table, UnreadableFile, read_tables
from .rules import ERROR, WARNING, Finding, check_section3, check_section4
from .tables import NoTableFound, Section3, Section4, find_section3, find_section4

__all__ = [
    "ERROR",
    "WARNING",
    "CheckError",
    "Finding",
    "NoTableFound",
    "Report",
    "UnreadableFile",
    "check_file",
    "check_tables",
]


@dataclass
class Report:
    section3: Section3
    section4: Section4 | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def format(self) -> str:
        return self.section3.format.code

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def consistent(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, object]:
        section4 = self.section4.values if self.section4 else None
        return {
            "format": self.format,
            "section3": self.section3.values,
            "section4": section4,
            "findings": [f.to_dict() for f in self.findings],
        }


def check_tables(tables: list[Table]) -> Report:
    """Raises NoTableFound when there is no section 三 table."""
    section3 = find_section3(tables)
    section4 = find_section4(tables, after=section3.table_index)
    findings = check_section3(section3)
    if section4 is None:
        findings.append(Finding("section4_missing", WARNING, "四", ""))
    else:
        findings += check_section4(section4)
    return Report(section3, section4, findings)


def check_file(path: str | Path) -> Report:
    """Raises CheckError (UnreadableFile, NoTableFound) with a human-facing reason."""
    return check_tables(read_tables(path))
