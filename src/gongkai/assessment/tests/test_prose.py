"""Seed 001 (西市区2018年政务公开工作要点): a plan written as prose, read into tasks.

Its 一、工作任务 part has five sections （一）…（五） of numbered items (OCR-noisy numbers:
``l .``, ``2,``, ``3 ·``, ``4.``), each task ending with its units in brackets; paragraphs
without a number that end with their own units are further tasks of the same item. Counted
by hand in the file: 8 + 6 + 5 + 6 + 4 = 29 brackets of units, so 29 tasks; 二、保障措施
holds no tasks. The expected units below were read off the brackets by hand.
"""

from pathlib import Path

import pytest

from gongkai.assessment import services
from gongkai.assessment.importing import preview_build
from gongkai.assessment.prose import item_number, units_cell
from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff

SEED_001 = Path(__file__).resolve().parents[2] / "proactive/data/seeds/001_69902300cdde23ce.txt"
# The district's units the office has in its tree; 西市区土地局, 区卫计局 (the plan also
# writes 区卫计委), 区政办公室 (a slip for 区政府办公室) and others are not, so they are flagged.
DISTRICT_UNITS = ["区政府办公室", "区编委办", "区发展改革委", "区财政局", "区城建局", "区国资委",
                  "区市场局", "区行政审批局", "区信息中心", "区环保局", "区政府办"]  # fmt: skip

# number: (section, item, leads, co-responsible, collective names) — read by hand.
EXPECTED = {
    1: ("（一）履职行权公开", 1, ["区编委办"], [], []),
    2: ("（一）履职行权公开", 1, ["区发展改革委"], [], []),
    5: ("（一）履职行权公开", 2, ["区发展改革委"],
        ["区财政局", "区城建局", "西市区土地局", "区国资委"], []),
    7: ("（一）履职行权公开", 3, ["区市场局"], ["区卫计局", "区环保局", "区教文体局", "相关部门"],
        ["相关部门"]),
    9: ("（二）决策实施公开", 1, ["区政府各部门"], [], ["区政府各部门"]),
    15: ("（三）加强平台建设", 1, ["区政府办公室"], ["区编委办"], []),
    17: ("（三）加强平台建设", 3, ["区政办公室"], ["相关各部门"], ["相关各部门"]),
    20: ("（四）政务服务公开", 1, ["区政府办公室", "区行政审批局"], ["相关各部门"],
         ["相关各部门"]),
    25: ("（四）政务服务公开", 3, ["区编委办", "区行政审批局"], [], []),
    27: ("（五）推进制度化建设", 2, ["区政府办"], [], []),
}  # fmt: skip

pytestmark = pytest.mark.django_db


@pytest.fixture
def district():
    return OrganisationFactory(name="西市区人民政府")


@pytest.fixture
def district_office(district):
    units = [UnitFactory(parent=district, name=name) for name in DISTRICT_UNITS]
    return make_staff(district, roles=[Role.OFFICE], units=units[:1], username="xishi")


def _preview(office, district):
    upload = services.plan_import_upload(
        actor=office, organisation=district, title="西市区2018年政务公开工作要点", year=2018,
        file_name="001.txt", content=SEED_001.read_bytes(),
    )  # fmt: skip
    return preview_build(upload)


def test_seed_001_read_as_prose_into_29_tasks(district_office, district):
    preview = _preview(district_office, district)
    assert [row.number for row in preview.rows] == list(range(1, 30))
    per_section = [
        sum(row.section.startswith(f"（{n}）") for row in preview.rows) for n in "一二三四五"
    ]
    assert per_section == [8, 6, 5, 6, 4]
    rows = {row.number: row for row in preview.rows}
    for number, (section, item, leads, cos, collective) in EXPECTED.items():
        row = rows[number]
        assert (row.section, row.item) == (section, item), number
        assert [u.name for u in row.leads] == leads, number
        assert [u.name for u in row.cos] == cos, number
        assert [u.name for u in row.units if u.collective] == collective, number
    assert rows[1].task.startswith("加强行政权力事项公开。")
    assert "(区编委办牵头)" not in rows[1].task
    # The 8890 item runs over three lines and keeps the document number inside its text.
    assert rows[19].task.startswith("加快8890便民服务平台建设") and "〔2018〕12号" in rows[19].task
    assert [u.name for u in rows[19].leads] == ["区政府办公室"]


def test_seed_001_unknown_names_flagged_as_for_a_table(district_office, district):
    preview = _preview(district_office, district)
    assert "西市区土地局" in preview.unknown_names
    assert "区政办公室" in preview.unknown_names
    assert "区政府办公室" not in preview.unknown_names
    assert len(preview.unknown_names) == len(set(preview.unknown_names))
    assert not preview.ready


def test_seed_001_deadlines_from_the_text(district_office, district):
    rows = {row.number: row for row in _preview(district_office, district).rows}
    assert rows[15].deadline.recurrence == "monthly"  # 每月通报抽查情况
    assert rows[20].deadline.due_on.isoformat() == "2018-12-31"  # 年底前70%…实现网上办理
    assert rows[20].deadline.phrase.endswith('“一网通办"年底前70%的行政许可事项实现网上办理')
    assert rows[1].deadline.recurrence == "ongoing"  # no time named: standing work
    assert rows[1].deadline.understood


def test_seed_001_measurable_targets(district_office, district):
    """Read by hand: of the 29 tasks only (四)1 states a measure (年底前70%的行政许可事项实现
    网上办理); the others' figures are rules of the work (不少于7个工作日, 20个工作日内,
    3个工作日内, 1个工作日内) or no measure at all (再减少一半)."""
    rows = _preview(district_office, district).rows
    assert {row.number: row.deadline.target for row in rows if row.deadline.target} == {
        20: "70%的行政许可事项实现网上办理"
    }


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("l .加强行政权力事项公开。", (1, "加强行政权力事项公开。")),
        ("l.加强决策预公开。", (1, "加强决策预公开。")),
        ("2,加大重点领域信息公开力度。", (2, "加大重点领域信息公开力度。")),
        ("3 ·推进市场监管信息公开。", (3, "推进市场监管信息公开。")),
        ("4.强化社会重大关切舆情回应。", (4, "强化社会重大关切舆情回应。")),
        ("1 .强化政府网站建设管理。", (1, "强化政府网站建设管理。")),
        ("5、规范公开", (5, "规范公开")),
        ("１２．全角数字", (12, "全角数字")),
        ("2018年政务公开", None),
        ("20 个工作日内要通过政府网站公开", None),
        ("3.5%的事项", None),
        ("8890便民服务平台", None),
        ("(辽政办〔2018〕12号),按照市、县两级", None),
        ("加快建设政务服务事项库", None),
    ],
)
def test_item_number_forms(line, expected):
    assert item_number(line) == expected


@pytest.mark.parametrize(
    ("bracket", "cell"),
    [
        ("区编委办牵头", "区编委办"),
        ("区政府办公室牵头,相关各部门配合", "区政府办公室,相关各部门"),
        ("区发展改革委牵头;区财政局、区国资委等配合", "区发展改革委,区财政局、区国资委"),
        ("区市场局牵头;区卫计局、区环保局等相关部门配合", "区市场局,区卫计局、区环保局、相关部门"),
        ("区教文体局、区民政局等按职责分工分别牵头", "区教文体局、区民政局"),
        ("区政府办公室、区行政审批局按照各自职能分别牵头;相关各部门配合",
         "区政府办公室、区行政审批局,相关各部门"),
        ("区政府各部门负责", "区政府各部门"),
        ("区政府各部门", "区政府各部门"),
        ("区编委办牵头;区行政审批局参与", "区编委办,区行政审批局"),
    ],
)  # fmt: skip
def test_units_cell_forms(bracket, cell):
    assert units_cell(bracket) == cell


def test_seed_001_through_the_pages_then_mapped_and_applied(client, district_office, district):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from gongkai.assessment.models import Task

    client.force_login(district_office)
    response = client.post(
        reverse("assessment:home"),
        {
            "title": "工作要点",
            "year": 2018,
            "file": SimpleUploadedFile("001.txt", SEED_001.read_bytes()),
        },
    )
    assert response.status_code == 302
    preview_url = response["Location"]
    page = client.get(preview_url).content.decode()
    assert "（三）加强平台建设 · 3" in page and "区政办公室" in page
    assert "保存方案及任务" not in page  # unknown names wait for a mapping
    office_unit = district.children.get(name="区政府办公室")
    for name in preview_build_unknown(district_office, district):
        target = office_unit if name == "区政办公室" else None
        services.unit_alias_set(
            actor=district_office, organisation=district, name=name, target=target
        )
    page = client.get(preview_url).content.decode()
    assert "保存方案及任务" in page
    assert client.post(preview_url, {"action": "apply"}).status_code == 302
    tasks = Task.objects.filter(plan__organisation=district)
    assert tasks.count() == 29
    platform = tasks.get(number=17)
    assert [a.organisation.name for a in platform.assignments.all()] == ["区政府办公室"]
    # Where each task stands is kept: 一、工作任务 / （三）加强平台建设 / item 3.
    assert (platform.part, platform.section, platform.item) == (
        "一、工作任务",
        "（三）加强平台建设",
        3,
    )
    assert platform.reference == "一、（三）3."
    assert tasks.get(number=1).reference == "一、（一）1."
    assert tasks.get(number=2).reference == "一、（一）1."  # a further task of the same item
    assert tasks.get(number=29).reference == "一、（五）3."  # 主动公开基本目录: under item 3
    assert tasks.get(number=20).target == "70%的行政许可事项实现网上办理"
    plan_page = client.get(reverse("assessment:plan", args=[platform.plan_id])).content.decode()
    assert plan_page.count('class="muted reference"') == 29 and "一、（三）3." in plan_page
    task_page = client.get(reverse("assessment:task", args=[platform.pk])).content.decode()
    assert "所在条目" in task_page and "一、（三）3. 一、工作任务 · （三）加强平台建设" in task_page
    # The 重点任务 ledger (xlsx) has the place beside the number.
    import io

    from openpyxl import load_workbook

    from gongkai.assessment.ledgers import LEDGERS_BY_CODE, ledger_xlsx

    sheet = load_workbook(io.BytesIO(ledger_xlsx(LEDGERS_BY_CODE["rw"], district, 2018))).active
    assert [c.value for c in sheet[2]][2:5] == ["任务序号", "所在条目", "任务"]
    rows = {row[2]: row[3] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows[17] == "一、（三）3. （三）加强平台建设"
    # The API says it too.
    from gongkai.assessment.api import _task_out

    out = _task_out(platform)
    assert (out["reference"], out["plan_section"], out["item_number"]) == (
        "一、（三）3.",
        "（三）加强平台建设",
        3,
    )
    assert platform.collective_units == "相关各部门"
    assert tasks.get(number=15).recurrence == "monthly"


@pytest.mark.parametrize(
    ("part", "section", "item", "reference"),
    [
        ("一、工作任务", "（三）加强平台建设", 2, "一、（三）2."),
        ("", "（一）履职行权公开", 1, "（一）1."),  # a plan without parts
        ("一、工作任务", "（二）决策实施公开", 0, "一、（二）"),
        ("", "", 0, ""),  # a table's row
    ],
)
def test_task_reference(part, section, item, reference):
    from gongkai.assessment.models import task_reference

    assert task_reference(part, section, item) == reference


def preview_build_unknown(office, district) -> list[str]:
    return _preview(office, district).unknown_names
