"""Seed 000's 重点任务分解表 (湛江市公安局 2017: 23 tasks) read, previewed and applied.

Every row's units and deadline were worked out by hand from the annex: the units before the
first comma lead; 市局有关单位 names no one and is kept as text; 各县(市)公安局 is the five
county-level bureaus and 各分局 the two branch bureaus; 警校 is not in the tree and is mapped
once by the office. 月底 is the last day of the month, 年底/年年底 31 December.
"""

import datetime as dt
import io

import pytest

from gongkai.assessment import services
from gongkai.assessment.importing import preview_build
from gongkai.assessment.models import Task, UnitAlias
from gongkai.core.errors import ServiceError

from .conftest import BRANCHES, COUNTIES

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat
ALL = sorted(COUNTIES + BRANCHES)
COLLECTIVE = "市局有关单位"

# number: (lead units, co-responsible units, due on, recurrence, target, collective text)
EXPECTED = {
    1: (["法制支队"], ALL, D("2019-12-31"), "", "", COLLECTIVE),
    2: (["法制支队"], ALL, D("2017-06-30"), "", "", COLLECTIVE),
    3: (["装财科"], ALL, D("2017-12-31"), "", "", COLLECTIVE),
    4: (["政治处"], ALL, D("2017-06-30"), "", "", COLLECTIVE),
    5: (["法制支队"], ALL, D("2018-12-31"), "", "", COLLECTIVE),
    6: (["法制支队"], ALL, D("2017-12-31"), "", "", COLLECTIVE),
    7: (["政治处", "公关科"], ALL, D("2017-06-30"), "",
        "行政审批标准录入提交率和审查通过率100%", COLLECTIVE),
    8: (["一门一网办"], ALL, D("2017-06-30"), "", "", COLLECTIVE),
    9: (["政治处", "公关科"], ALL, D("2017-12-31"), "", "", COLLECTIVE),
    10: (["公关科", "装财科", "户政科"], [], D("2017-12-31"), "", "", ""),
    11: (["信通科"], ALL, D("2020-12-31"), "", "", COLLECTIVE),
    12: (["法制支队"], ALL, D("2018-12-31"), "", "", COLLECTIVE),
    13: (["指挥中心", "网警支队", "公关科"], ALL, D("2017-12-31"), "", "", COLLECTIVE),
    14: (["指挥中心"], ALL, D("2017-12-31"), "", "", COLLECTIVE),
    15: (["法制支队"], ALL, D("2018-12-31"), "", "规范性文件在规定载体上统一发布率达100%",
         COLLECTIVE),
    16: (["信通科", "公关科"], [], D("2017-12-31"), "", "", ""),
    17: (["一门一网办"], [], D("2018-12-31"), "",
         "行政审批事项网上全流程办理率达50%以上；网上办结率达40%以上；"
         "70%以上网上申办事项到现场办理次数不超过1次；20%以上实现零次跑动", COLLECTIVE),
    18: (["信通科"], ALL, D("2020-12-31"), "", "", COLLECTIVE),
    19: (["公关科", "法制支队"], [], D("2020-12-31"), "", "", ""),
    20: (["公关科"], ALL, D("2017-12-31"), "", "", COLLECTIVE),
    21: (["指挥中心", "政治处"], ALL, D("2018-12-31"), "", "", COLLECTIVE),
    22: (["公关科"], ALL, D("2017-12-31"), "", "", ""),
    23: (["政治处"], [], None, "yearly", "", ""),
}  # fmt: skip


def _upload(office, body, content, name="000.txt", year=2017):
    return services.plan_import_upload(
        actor=office, organisation=body, title="湛江市公安局2017年政务公开实施方案",
        year=year, file_name=name, content=content,
    )  # fmt: skip


def test_seed_000_preview_flags_only_the_police_school(office, body, seed_000):
    preview = preview_build(_upload(office, body, seed_000))
    assert [row.number for row in preview.rows] == list(range(1, 24))
    assert preview.unknown_names == ["警校"]
    assert [row.number for row in preview.rows if row.has_problem] == [23]
    assert not preview.ready
    abbreviation = preview.rows[12].leads[1]
    assert (abbreviation.name, [o.name for o in abbreviation.organisations]) == (
        "网警",
        ["网警支队"],
    )
    assert "网警支队" in abbreviation.reason


def test_seed_000_applied_with_every_task_right(office, body, seed_000):
    upload = _upload(office, body, seed_000)
    with pytest.raises(ServiceError) as refused:
        services.plan_import_apply(actor=office, upload=upload)
    assert refused.value.code == "not_ready"
    political = body.children.get(name="政治处")
    services.unit_alias_set(actor=office, organisation=body, name="警校", target=political)
    plan = services.plan_import_apply(actor=office, upload=upload)

    tasks = Task.objects.filter(plan=plan).prefetch_related("assignments__organisation")
    assert tasks.count() == 23
    for task in tasks:
        leads, cos, due, recurrence, target, collective = EXPECTED[task.number]
        assigned = {a.role: [] for a in task.assignments.all()}
        for a in task.assignments.all():
            assigned[a.role].append(a.organisation.name)
        assert assigned.get("lead", []) == leads, task.number
        assert sorted(assigned.get("co", [])) == cos, task.number
        assert task.due_on == due, task.number
        assert task.recurrence == recurrence, task.number
        assert task.target == target, task.number
        assert task.collective_units == collective, task.number
        # A table's rows have no part, section or item: the 序号 is their place.
        assert (task.part, task.section, task.item, task.reference) == ("", "", 0, ""), task.number
    yearly = tasks.get(number=23)
    assert yearly.starts_year == 2017
    assert yearly.deadline_text == "从2017年起每年实施"
    milestones = tasks.get(number=19).milestones
    assert milestones == [
        {"due_on": "2017-06-30", "what": "基础性制度梳理"},
        {"due_on": "2020-12-31", "what": "全面完善"},
    ]


def test_mapping_is_remembered_for_the_next_import(office, body, seed_000):
    services.unit_alias_set(actor=office, organisation=body, name="警校", target=None)
    preview = preview_build(_upload(office, body, seed_000))
    assert preview.ready
    school = preview.rows[22].leads[1]
    assert (school.name, school.collective, school.organisations) == ("警校", True, [])
    assert UnitAlias.objects.filter(organisation=body).count() == 1


def test_the_same_table_from_docx_and_xlsx(office, body, tree):
    from docx import Document
    from openpyxl import Workbook

    rows = [
        ("序号", "工作任务", "责任单位", "完成时限"),
        ("1", "建立政策解读机制", "法制支队、公关科,各分局", "2018年3月前"),
        ("2", "每季度更新主动公开目录", "公关科", "每季度"),
        ("3", "推进政务公开标准化", "政治处", "长期坚持"),
    ]
    document = Document()
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    docx = io.BytesIO()
    document.save(docx)
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    xlsx = io.BytesIO()
    workbook.save(xlsx)
    for name, content in (("plan.docx", docx.getvalue()), ("plan.xlsx", xlsx.getvalue())):
        preview = preview_build(_upload(office, body, content, name=name, year=2018))
        first, second, third = preview.rows
        assert [o.name for u in first.leads for o in u.organisations] == ["法制支队", "公关科"]
        assert [o.name for u in first.cos for o in u.organisations] == BRANCHES
        assert first.deadline.due_on == D("2018-02-28")  # before March begins
        assert (second.deadline.recurrence, second.deadline.due_on) == ("quarterly", None)
        assert (third.deadline.recurrence, third.deadline.due_on) == ("ongoing", None)
        assert preview.ready


def test_a_file_without_a_table_is_refused_and_not_kept(office, body, tree):
    with pytest.raises(ServiceError) as refused:
        _upload(office, body, "关于做好政务公开工作的通知".encode())
    assert refused.value.code == "no_table"
    from gongkai.assessment.models import PlanImport

    assert PlanImport.objects.count() == 0


def test_only_the_office_imports(handler, body, seed_000):
    with pytest.raises(ServiceError) as refused:
        _upload(handler, body, seed_000)
    assert refused.value.code == "forbidden"
