"""The preview of a task table import: one row per task, what was understood and why.

Pure reading: the file's rows, the deadline phrases and the unit names matched against the
body's tree and the office's mappings. Nothing is written until ``services.
plan_import_apply``, which builds the plan from this same preview.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from gongkai.assessment.deadlines import Deadline, deadline_parse, last_working_day
from gongkai.assessment.models import PlanImport, UnitAlias, task_reference
from gongkai.assessment.prose import targets_in
from gongkai.assessment.tables import table_read
from gongkai.assessment.units import LEAD, UnitMatch, UnitMatcher
from gongkai.core.models import Organisation


@dataclass
class PreviewRow:
    number: int
    task: str
    units_text: str
    deadline: Deadline
    units: list[UnitMatch]
    work_by: dt.date | None = None  # the last working day when due_on is a rest day
    rest_day: str = ""
    section: str = ""  # a prose plan's （一）… heading, "" for a table
    item: int = 0  # a prose plan's item number within its section
    part: str = ""  # a prose plan's part (一、工作任务), "" for a table

    @property
    def reference(self) -> str:
        return task_reference(self.part, self.section, self.item)

    @property
    def leads(self) -> list[UnitMatch]:
        return [u for u in self.units if u.role == LEAD]

    @property
    def cos(self) -> list[UnitMatch]:
        return [u for u in self.units if u.role != LEAD]

    @property
    def unknown(self) -> list[str]:
        return [u.name for u in self.units if u.unknown]

    @property
    def has_problem(self) -> bool:
        return bool(self.unknown) or not self.deadline.understood or not self.leads


@dataclass
class Preview:
    rows: list[PreviewRow]
    unknown_names: list[str] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not any(row.has_problem for row in self.rows)

    @property
    def problem_count(self) -> int:
        return sum(row.has_problem for row in self.rows)


def aliases_of(body: Organisation) -> dict[str, tuple[Organisation | None, bool]]:
    return {
        a.name: (a.target, a.target_id is None)
        for a in UnitAlias.objects.filter(organisation=body).select_related("target")
    }


def preview_build(upload: PlanImport) -> Preview:
    table = table_read(upload.file_name, bytes(upload.content), plan_year=upload.year)
    matcher = UnitMatcher(upload.organisation, aliases_of(upload.organisation))
    rows: list[PreviewRow] = []
    unknown: list[str] = []
    for row in table:
        if row.section and not row.deadline:
            # A prose item naming no time is standing work: 长期坚持, as the plan means it.
            deadline = deadline_parse("长期坚持", plan_year=upload.year)
            deadline.reasons.insert(0, _("The text names no time."))
            deadline.target = targets_in(row.task)
            if deadline.target:
                deadline.reasons.append(
                    _("A measurable target: %(target)s") % {"target": deadline.target}
                )
        else:
            deadline = deadline_parse(row.deadline, plan_year=upload.year)
        preview = PreviewRow(row.line, row.task, row.units, deadline, matcher.match_cell(row.units))
        preview.part, preview.section, preview.item = row.part, row.section, row.item
        if deadline.due_on and deadline.recurrence == "":
            work_by, rest = last_working_day(deadline.due_on)
            if work_by and work_by != deadline.due_on:
                preview.work_by, preview.rest_day = work_by, rest
        for name in preview.unknown:
            if name not in unknown:
                unknown.append(name)
        rows.append(preview)
    return Preview(rows=rows, unknown_names=unknown)
