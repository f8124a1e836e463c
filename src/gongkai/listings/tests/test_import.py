"""The xlsx import: per-row errors in Chinese, a preview that writes nothing, and an apply
that adds new powers and versions the changed ones (中办发〔2015〕21号: dynamic adjustment)."""

import datetime as dt

import pytest

from gongkai.core.errors import ServiceError
from gongkai.core.models import LedgerEntry
from gongkai.listings.formats import bases_parse, powers_read_xlsx
from gongkai.listings.models import Power, PowerBasis, PowerVersion
from gongkai.listings.services import (
    power_import_apply,
    power_import_preview,
    power_import_upload,
)
from gongkai.listings.tests.factories import HEADERS, powers_file, sheet_row, xlsx_bytes

pytestmark = pytest.mark.django_db
ADJUSTED = dt.date(2026, 11, 20)


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"事项名称": ""}, "事项名称为空。"),
        ({"编码": ""}, "编码为空。"),
        ({"行使主体": ""}, "行使主体为空。"),
        ({"类型": "行政审批"}, "类型“行政审批”不是以下之一：行政许可、行政处罚、行政强制、行政征收、"
         "行政给付、行政检查、行政确认、行政奖励、行政裁决、其他。"),
        ({"设定依据": "户口登记条例第十条"}, "设定依据“户口登记条例第十条”须写明《》内的法律法规名称"
         "及其条款，如《中华人民共和国居民身份证法》第八条。"),
        ({"设定依据": "《中华人民共和国户口登记条例》"}, "设定依据“《中华人民共和国户口登记条例》”须写明"
         "《》内的法律法规名称及其条款，如《中华人民共和国居民身份证法》第八条。"),
        ({"事项名称": "户" * 301}, "事项名称超过300个字符。"),
    ],
)  # fmt: skip
def test_each_row_error_is_named_in_chinese_with_its_row(overrides, error):
    rows = powers_read_xlsx(xlsx_bytes([sheet_row(1), sheet_row(2, **overrides)]))
    assert [(r.line, r.errors) for r in rows] == [(3, []), (4, [error])]


def test_a_code_used_twice_is_an_error_on_the_second_row():
    rows = powers_read_xlsx(xlsx_bytes([sheet_row(1), sheet_row(2, 编码="GA-0001")]))
    assert rows[1].errors == ["编码GA-0001已在第3行使用。"]


@pytest.mark.parametrize(
    ("cell", "bases"),
    [
        ("《中华人民共和国护照法》第四条", [("中华人民共和国护照法", "第四条")]),
        (
            "《中华人民共和国出境入境管理法》第九条；《中华人民共和国护照法》第四条。",
            [("中华人民共和国出境入境管理法", "第九条"), ("中华人民共和国护照法", "第四条")],
        ),
        (
            "《中华人民共和国道路交通安全法》第九十一条第一款\r\n《旅馆业治安管理办法》 第四条",
            [
                ("中华人民共和国道路交通安全法", "第九十一条第一款"),
                ("旅馆业治安管理办法", "第四条"),
            ],
        ),
    ],
)
def test_several_bases_each_with_its_article(cell, bases):
    assert bases_parse(cell) == (bases, [])


def test_the_header_is_found_below_title_lines_and_kind_names_map():
    rows = powers_read_xlsx(xlsx_bytes([sheet_row(1, 类型="行政处罚")], title_rows=3))
    assert rows[0].line == 5
    assert rows[0].fields["kind"] == "penalty"


def test_a_file_without_a_required_column_is_refused():
    headers = [h for h in HEADERS if h != "设定依据"]
    with pytest.raises(ServiceError) as error:
        powers_read_xlsx(xlsx_bytes([sheet_row(1)[:3] + sheet_row(1)[4:]], headers=headers))
    assert error.value.message == "文件缺少以下列：设定依据。"


def test_a_file_that_is_not_a_spreadsheet_is_refused():
    with pytest.raises(ServiceError) as error:
        powers_read_xlsx(b"not a zip")
    assert error.value.code == "unreadable_file"


def test_974_rows_import_then_a_changed_file_versions_only_what_changed(office, body):
    upload = power_import_upload(
        actor=office, organisation=body, file_name="清单.xlsx", content=powers_file(974)
    )
    preview = power_import_preview(upload)
    assert (preview.count("added"), preview.count("error")) == (974, 0)
    assert Power.objects.count() == 0  # the preview writes nothing

    report = power_import_apply(actor=office, upload=upload, changed_on=ADJUSTED, reason="首次公布")
    assert (report.added, report.changed, report.unchanged) == (974, 0, 0)
    assert Power.objects.filter(organisation=body, is_active=True).count() == 974
    assert PowerBasis.objects.count() == 974 * 2
    assert PowerVersion.objects.filter(number=1, change="added").count() == 974

    rows = [sheet_row(n) for n in range(1, 975)]
    rows[9] = sheet_row(10, 行使主体="湛江市公安局交通警察支队")
    rows.append(sheet_row(975))
    second = power_import_upload(
        actor=office, organisation=body, file_name="清单-调整.xlsx", content=xlsx_bytes(rows)
    )
    report = power_import_apply(
        actor=office, upload=second, changed_on=ADJUSTED, reason="交通管理事项调整"
    )
    assert (report.added, report.changed, report.unchanged) == (1, 1, 973)
    changed = Power.objects.get(code="GA-0010")
    assert (changed.version, changed.exercised_by) == (2, "湛江市公安局交通警察支队")
    assert changed.versions.get(number=2).fields_changed == [
        {"field": "exercised_by", "old": "湛江市公安局", "new": "湛江市公安局交通警察支队"}
    ]
    applied = LedgerEntry.objects.filter(action="listings.import_apply").order_by("seq")
    assert [e.summary["added"] for e in applied] == [974, 1]


def test_a_file_with_errors_cannot_be_applied_and_changes_nothing(office, body):
    content = xlsx_bytes([sheet_row(1), sheet_row(2, 类型="未知")])
    upload = power_import_upload(
        actor=office, organisation=body, file_name="a.xlsx", content=content
    )
    with pytest.raises(ServiceError) as error:
        power_import_apply(actor=office, upload=upload, changed_on=ADJUSTED, reason="调整")
    assert error.value.message == "1行有错误，请更正文件后重新上传。"
    upload.refresh_from_db()
    assert (Power.objects.count(), upload.applied_at) == (0, None)


def test_a_file_is_applied_once(office, body):
    upload = power_import_upload(
        actor=office, organisation=body, file_name="a.xlsx", content=powers_file(3)
    )
    power_import_apply(actor=office, upload=upload, changed_on=ADJUSTED, reason="首次公布")
    with pytest.raises(ServiceError) as error:
        power_import_apply(actor=office, upload=upload, changed_on=ADJUSTED, reason="首次公布")
    assert error.value.code == "already_applied"
    assert Power.objects.count() == 3


def test_a_code_added_between_preview_and_write_refuses_the_whole_import(office, body, monkeypatch):
    """Two staff at once: the file's preview was taken before another edit added one of its
    codes; the unique constraint refuses the import and nothing of it is kept."""
    from gongkai.listings import services
    from gongkai.listings.tests.factories import make_power

    upload = power_import_upload(
        actor=office, organisation=body, file_name="a.xlsx", content=powers_file(3)
    )
    stale = power_import_preview(upload)
    make_power(office, body, "GA-0002")
    monkeypatch.setattr(services, "power_import_preview", lambda _upload: stale)
    with pytest.raises(ServiceError) as error:
        power_import_apply(actor=office, upload=upload, changed_on=ADJUSTED, reason="首次公布")
    assert error.value.code == "changed_meanwhile"
    upload.refresh_from_db()
    assert (list(Power.objects.values_list("code", flat=True)), upload.applied_at) == (
        ["GA-0002"],
        None,
    )


def test_adding_a_code_already_listed_is_refused(office, body):
    from gongkai.listings.tests.factories import make_power

    make_power(office, body, "GA-0002")
    with pytest.raises(ServiceError) as error:
        make_power(office, body, "GA-0002", name="另一事项")
    assert error.value.message == "编码GA-0002已在清单中。"


def test_a_whole_new_list_removes_what_it_no_longer_lists_and_restores_what_returns(
    office, body, django_capture_on_commit_callbacks
):
    first = power_import_upload(
        actor=office, organisation=body, file_name="2025.xlsx", content=powers_file(4)
    )
    power_import_apply(actor=office, upload=first, changed_on=ADJUSTED, reason="首次公布")
    rows = [sheet_row(1), sheet_row(2), sheet_row(4)]  # 3 is no longer listed
    second = power_import_upload(
        actor=office, organisation=body, file_name="2026.xlsx", content=xlsx_bytes(rows)
    )
    preview = power_import_preview(second)
    assert [p.code for p in preview.missing] == ["GA-0003"]
    with django_capture_on_commit_callbacks(execute=True):
        report = power_import_apply(actor=office, upload=second, changed_on=ADJUSTED,
                                    reason="2026年清单调整", remove_missing=True)  # fmt: skip
    assert (report.unchanged, report.removed) == (3, 1)
    assert list(Power.objects.filter(is_active=False).values_list("code", flat=True)) == ["GA-0003"]
    third = power_import_upload(
        actor=office,
        organisation=body,
        file_name="2026-2.xlsx",
        content=xlsx_bytes([*rows, sheet_row(3, 行使主体="各公安派出所")]),
    )
    assert [r.outcome for r in power_import_preview(third).rows] == [
        "unchanged", "unchanged", "unchanged", "restored",
    ]  # fmt: skip
    report = power_import_apply(actor=office, upload=third, changed_on=ADJUSTED, reason="恢复")
    assert (report.restored, report.changed, report.removed) == (1, 0, 0)
    back = Power.objects.get(code="GA-0003")
    assert (back.is_active, back.exercised_by) == (True, "各公安派出所")
    assert list(back.versions.values_list("number", "change")) == [
        (3, "restored"),
        (2, "removed"),
        (1, "added"),
    ]


def test_without_the_option_an_import_removes_nothing(office, body):
    first = power_import_upload(
        actor=office, organisation=body, file_name="a.xlsx", content=powers_file(3)
    )
    power_import_apply(actor=office, upload=first, changed_on=ADJUSTED, reason="首次公布")
    second = power_import_upload(
        actor=office, organisation=body, file_name="b.xlsx", content=powers_file(1)
    )
    report = power_import_apply(actor=office, upload=second, changed_on=ADJUSTED, reason="调整")
    assert (report.unchanged, report.removed) == (1, 0)
    assert Power.objects.filter(is_active=True).count() == 3
