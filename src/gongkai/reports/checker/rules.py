"""The arithmetic relations of the section 三 and 四 tables (国办公开办函〔2021〕30号).

Section 三, in every column: 一 + 二 = 三（七） + 四, and （七） = the sum of the leaf lines of
（一）…（六）; in every row: 总计 = 自然人 + the five 法人或其他组织 columns. Section 四: each 总计 =
the sum of the four results before it.

Blank cells: a blank count reads as 0 (reports leave zeros blank); a blank 总计 — the 总计 column
or the （七）总计 row — is "not given": a warning, and the computed value stands in for it so one
omission does not cascade into errors elsewhere. A cell that is not a number is an error and
the relations it takes part in are skipped, for the same reason.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .. import format as fmt
from .tables import Section3, Section4

ERROR = "error"
WARNING = "warning"

_PARTS = fmt.APPLICANT_PARTS
_ALL_COLUMNS = tuple(c.code for c in fmt.APPLICANT_COLUMNS)


@dataclass(frozen=True, slots=True)
class Finding:
    """One broken relation or doubtful cell.

    `row` is a section 三 row code, "balance" (一 + 二 = 三（七） + 四) or a section 四 group code;
    `column` an applicant column code or None.
    """

    rule: str
    severity: str
    section: str
    row: str
    column: str | None = None
    expected: int | None = None
    found: int | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


class _Section3Check:
    def __init__(self, section: Section3) -> None:
        self.values = section.values
        self.invalid = section.invalid
        self.leaves = section.format.outcome_leaves
        self.findings: list[Finding] = [
            Finding("bad_number", ERROR, "三", row, col, text=text)
            for (row, col), text in section.invalid.items()
        ]
        self.findings += [
            Finding("missing_row", WARNING, "三", row) for row in section.missing_rows
        ]
        # effective[(row, col)]: the value the relations use (a blank total → computed).
        self.effective: dict[tuple[str, str], int] = {}

    def count(self, row: str, col: str) -> int:
        return self.effective.get((row, col), self.values[row][col] or 0)

    def broken(self, cells: list[tuple[str, str]]) -> bool:
        return any(cell in self.invalid for cell in cells)

    def given_total(self, rule: str, row: str, col: str, expected: int) -> None:
        """Compare a 总计 cell with its computed value, or stand the computed value in."""
        found = self.values[row][col]
        if found is None:
            self.effective[(row, col)] = expected
            if expected:
                self.findings.append(
                    Finding("total_missing", WARNING, "三", row, col, expected=expected)
                )
        elif found != expected:
            self.findings.append(Finding(rule, ERROR, "三", row, col, expected, found))

    def row_totals(self, rows: tuple[str, ...]) -> None:
        for row in rows:
            cells = [(row, col) for col in _ALL_COLUMNS]
            if self.broken(cells):
                continue
            expected = sum(self.count(row, col) for col in _PARTS)
            if row == "total" and self.values[row]["total"] is None:
                continue  # already reported by the （七） check of the 总计 column
            self.given_total("row_total", row, "total", expected)

    def outcome_total(self) -> None:
        for col in _ALL_COLUMNS:
            if self.broken([(leaf, col) for leaf in (*self.leaves, "total")]):
                continue
            expected = sum(self.count(leaf, col) for leaf in self.leaves)
            self.given_total("outcome_total", "total", col, expected)

    def balance(self) -> None:
        for col in _ALL_COLUMNS:
            rows = ("received", "carried_in", "total", "carried_out")
            if self.broken([(row, col) for row in rows]):
                continue
            expected = self.count("received", col) + self.count("carried_in", col)
            found = self.count("total", col) + self.count("carried_out", col)
            if expected != found:
                self.findings.append(
                    Finding("balance", ERROR, "三", "balance", col, expected, found)
                )


def check_section3(section: Section3) -> list[Finding]:
    check = _Section3Check(section)
    present = [r for r in section.format.data_rows if r not in section.missing_rows]
    # Order matters: row totals of the lines first, then （七） from them, then （七）'s own
    # row total, then the balance that uses all of these.
    check.row_totals(tuple(r for r in present if r != "total"))
    if "total" in present:
        check.outcome_total()
        check.row_totals(("total",))
    else:  # already a missing_row warning; the balance then uses the computed （七）
        for col in _ALL_COLUMNS:
            check.effective[("total", col)] = sum(check.count(r, col) for r in check.leaves)
    check.balance()
    return check.findings


def check_section4(section: Section4) -> list[Finding]:
    findings = [
        Finding("bad_number", ERROR, "四", group, result, text=text)
        for (group, result), text in section.invalid.items()
    ]
    for group, values in section.values.items():
        if any((group, r) in section.invalid for r in values):
            continue
        expected = sum(v or 0 for r, v in values.items() if r != "total")
        found = values["total"]
        if found is None:
            if expected:
                findings.append(Finding("total_missing", WARNING, "四", group, "total", expected))
        elif found != expected:
            findings.append(Finding("section4_total", ERROR, "四", group, "total", expected, found))
    return findings
