"""The xlsx import of service guides (preview with per-row errors, all or nothing, round
trip of the export) and the publication clock shown to staff."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from gongkai.core.clockmath import CHINA
from gongkai.core.errors import ServiceError
from gongkai.core.models import LedgerEntry
from gongkai.core.selectors.duties import duties_for
from gongkai.core.services import clock_start
from gongkai.guides import formats, imports, services
from gongkai.guides.law import GUIDE_CHANGE_CLOCK_RULE
from gongkai.guides.models import Guide
from gongkai.guides.tests.factories import fields, make_guide

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _export(client) -> bytes:
    response = client.get(reverse("guides:guides") + "?format=xlsx")
    assert response.status_code == 200
    return response.content


def _with_rows(content: bytes, rows: list[dict]) -> bytes:
    """The exported file with more rows, given by header."""
    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook.active
    headers = [c.value for c in sheet[1]]
    for values in rows:
        sheet.append([values.get(h, "") for h in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


NEW_ROW = {
    "事项编码": "440800-GA-CR-010",
    "事项名称": "居住证签注",
    "实施主体": "湛江市公安局",
    "设定依据": "《居住证暂行条例》第十三条",
    "申请材料": "居民身份证（1份，原件）\n居住证（1份，原件）",
    "办理流程": "申请→受理→签注",
    "法定时限（工作日）": 1,
    "承诺时限（工作日）": 1,
    "是否收费": "否",
    "收费标准": "不收费",
    "到现场次数": 1,
    "网办深度": "三级：网上受理，到现场不超过一次",
}


def test_export_round_trips_through_the_import(client, office, body):
    make_guide(
        office, body, charges_fee=True, fee_standard="每本120元", fee_basis="粤价〔2019〕1号"
    )
    make_guide(office, body, "440800-GA-BS-006", name="机动车驾驶证补领", visits=0,
               online_depth=4)  # fmt: skip
    exported = _export(client)
    before = formats.table_rows(Guide.objects.order_by("code"), formats.GUIDE_COLUMNS)
    # The same file into the same register: every row understood, nothing to add.
    rows = services.guide_import_preview(organisation=body, content=exported)
    assert [(r.code, r.errors, r.exists) for r in rows] == [
        ("440800-GA-BS-002", [], True), ("440800-GA-BS-006", [], True),
    ]  # fmt: skip
    # Emptied (test setup only), the register comes back from its own export.
    Guide.objects.all().delete()
    added = services.guide_import_apply(
        actor=office, organisation=body, content=exported,
        approved_on=timezone.localdate(), reason="由导出文件导入",
    )  # fmt: skip
    assert added == 2
    after = formats.table_rows(Guide.objects.order_by("code"), formats.GUIDE_COLUMNS)
    # Same columns, but version and date are those of the new entries.
    assert [r[:-2] for r in after] == [r[:-2] for r in before]
    assert LedgerEntry.objects.filter(action="guides.import").count() == 1
    assert LedgerEntry.objects.filter(action="guides.create").count() == 4


def test_rows_with_errors_refuse_the_whole_file(client, office, body):
    content = _with_rows(_export(client), [
        NEW_ROW,
        {**NEW_ROW, "事项编码": "440800-GA-CR-011", "事项名称": ""},
        {**NEW_ROW, "事项编码": "440800-GA-CR-012", "法定时限（工作日）": "三天"},
        {**NEW_ROW, "事项编码": "440800-GA-CR-013", "实施主体": "湛江市交通运输局"},
        {**NEW_ROW, "事项编码": "440800-GA-CR-014", "承诺时限（工作日）": 5},
        {**NEW_ROW, "事项编码": "440800-GA-CR-015", "申请材料": "身份证"},
        NEW_ROW,
    ])  # fmt: skip
    rows = services.guide_import_preview(organisation=body, content=content)
    errors = {r.number: "；".join(r.errors) for r in rows}
    assert errors[2] == ""
    assert "缺少事项名称" in errors[3]
    assert "法定时限（工作日）“三天”不是非负整数" in errors[4]
    assert "实施主体“湛江市交通运输局”不是本机关" in errors[5]
    assert "承诺时限不能长于法定时限" in errors[6]
    assert "申请材料“身份证”应写作" in errors[7]
    assert "事项编码与第 2 行重复" in errors[8]
    with pytest.raises(ServiceError) as refused:
        services.guide_import_apply(actor=office, organisation=body, content=content,
                                    approved_on=timezone.localdate(), reason="导入")  # fmt: skip
    assert refused.value.code == "import_row_errors"
    assert not Guide.objects.exists()


def test_unreadable_and_oversized_files_are_refused(body):
    with pytest.raises(ServiceError) as broken:
        services.guide_import_preview(organisation=body, content=b"not a spreadsheet")
    assert broken.value.code == "import_unreadable"
    with pytest.raises(ServiceError) as large:
        services.guide_import_preview(
            organisation=body, content=b"x" * (imports.MAX_IMPORT_BYTES + 1)
        )
    assert large.value.code == "import_too_large"
    workbook = Workbook()
    workbook.active.append(["名称", "类型"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(ServiceError) as columns:
        services.guide_import_preview(organisation=body, content=buffer.getvalue())
    assert "缺少以下列：事项编码、事项名称" in columns.value.message


def test_import_page_previews_then_saves(client, office, body):
    client.force_login(office)
    url = reverse("guides:guide_import")
    bad = _with_rows(_export(client), [{**NEW_ROW, "事项名称": ""}])
    page = client.post(url, {"action": "preview",
                             "file": SimpleUploadedFile("g.xlsx", bad, XLSX)})  # fmt: skip
    text = page.content.decode()
    assert "缺少事项名称" in text and "未保存任何内容" in text
    assert "导入并发布" not in text
    good = _with_rows(_export(client), [NEW_ROW])
    page = client.post(url, {"action": "preview",
                             "file": SimpleUploadedFile("g.xlsx", good, XLSX)})  # fmt: skip
    text = page.content.decode()
    assert "居住证签注" in text and "导入并发布" in text and "待新增" in text
    token = page.context["apply_form"].initial["token"]
    assert not Guide.objects.exists()
    done = client.post(url, {"action": "apply", "apply-token": token,
                             "apply-approved_on": timezone.localdate().isoformat(),
                             "apply-reason": "新增居住证签注"})  # fmt: skip
    assert done.status_code == 302
    guide = Guide.objects.get(code="440800-GA-CR-010")
    assert guide.bases.get().law == "居住证暂行条例"
    assert guide.materials.count() == 2
    # A tampered token is refused.
    refused = client.post(url, {"action": "apply", "apply-token": token + "x",
                                "apply-approved_on": timezone.localdate().isoformat(),
                                "apply-reason": "再导入"})  # fmt: skip
    assert "预览已过期" in refused.content.decode()


def test_guide_page_shows_stopped_clocks_on_time_or_late(client, office, body):
    guide = make_guide(office, body)  # published the day of approval: on time
    services.guide_update(
        actor=office, guide=guide, approved_on=timezone.localdate() - dt.timedelta(days=20),
        fields=fields(promised_days=7),
        reason="压缩承诺时限",
    )  # fmt: skip
    client.force_login(office)
    text = client.get(reverse("guides:guide_edit", args=[guide.pk])).content.decode()
    assert "公开时限（批准后1个工作日）" in text
    assert "按时公开" in text and "超期公开" in text
    assert 'class="red"' in text


def test_running_clock_shows_time_left_and_on_the_deadlines_board(client, office, body):
    """A version whose publication clock still runs (as one approved but not yet public
    would be): hours left on the guide's page, and a row on the board linking to it."""
    guide = make_guide(office, body)
    version = guide.versions.get()
    now = timezone.now()
    started = dt.datetime.combine(now.astimezone(CHINA).date(), dt.time(), tzinfo=CHINA)
    clock = clock_start(actor=office, rule=GUIDE_CHANGE_CLOCK_RULE, label="公开“户口迁移”的变更",
                        organisation=body, started_at=started, subject=version)  # fmt: skip
    version.clock = clock
    version.save(update_fields=["clock"])
    client.force_login(office)
    text = client.get(reverse("guides:guide_edit", args=[guide.pk])).content.decode()
    assert clock.due_at.astimezone(CHINA).strftime("%Y-%m-%d") in text
    assert "小时" in text
    board = duties_for(office)
    rows = [d for d in board.today + board.soon + board.later if d.title == "公开“户口迁移”的变更"]
    assert len(rows) == 1
    assert rows[0].url == reverse("guides:version_edit", args=[version.pk])
    follow = client.get(rows[0].url)
    assert follow.status_code == 302
    assert follow["Location"] == reverse("guides:guide_edit", args=[guide.pk])
    # Overdue: red, hours late.
    clock.due_at = now - dt.timedelta(hours=3)
    clock.save(update_fields=["due_at"])
    text = client.get(reverse("guides:guide_edit", args=[guide.pk])).content.decode()
    assert '<span class="badge red">已超时 3.0 小时</span>' in text
