"""The public pages under xxgk/powers/ and the workbench import, through the test client."""

import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.core.models import Role
from gongkai.core.tests.factories import make_staff
from gongkai.listings.formats import powers_read_xlsx
from gongkai.listings.law import PowerKind
from gongkai.listings.models import Power, PowerImport
from gongkai.listings.services import power_set_active, power_update
from gongkai.listings.tests.factories import fields, make_power, powers_file, sheet_row, xlsx_bytes

pytestmark = pytest.mark.django_db
URL = "/xxgk/powers/"


@pytest.fixture
def listed(office, body):
    make_power(office, body, "GA-XK-001")
    make_power(office, body, "GA-CF-001", name="对饮酒后驾驶机动车的处罚", kind=PowerKind.PENALTY)
    make_power(office, body, "GA-XK-002", name="居民身份证核发")
    gone = make_power(office, body, "GA-JC-001", name="派出所日常消防监督检查", kind="inspection")
    power_set_active(actor=office, power=gone, active=False, changed_on=dt.date(2026, 10, 15),
                     reason="由消防救援机构列入清单")  # fmt: skip
    return body


def names(response) -> list[str]:
    return [p.name for p in response.context["page"].object_list]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["对饮酒后驾驶机动车的处罚", "户口迁移审批", "居民身份证核发"]),
        ("?kind=penalty", ["对饮酒后驾驶机动车的处罚"]),
        ("?kind=licensing", ["户口迁移审批", "居民身份证核发"]),
        ("?q=户口", ["户口迁移审批"]),
        ("?q=身份证", ["居民身份证核发"]),
        ("?q=GA-XK", ["户口迁移审批", "居民身份证核发"]),
        ("?kind=penalty&q=户口", []),
        ("?q=消防", []),  # removed from the list
        ("?kind=unknown", ["对饮酒后驾驶机动车的处罚", "户口迁移审批", "居民身份证核发"]),
    ],
)
def test_list_filters_by_kind_and_searches(client, listed, query, expected):
    response = client.get(URL + query)
    assert response.status_code == 200
    assert names(response) == expected


def test_list_shows_the_counts_per_kind_and_recent_adjustments(client, listed):
    response = client.get(URL)
    counts = {value: n for value, _label, n in response.context["kinds"]}
    assert (counts["licensing"], counts["penalty"], counts["inspection"]) == (2, 1, 0)
    assert len(counts) == 10
    text = response.content.decode()
    assert '行政许可 <span class="count">2</span>' in text
    assert "取消：<a" in text and "由消防救援机构列入清单" in text


def test_list_page_query_count_is_fixed(client, office, body, django_assert_num_queries):
    for n in range(60):
        make_power(office, body, f"GA-{n:03d}")
    # 5, the site's footer identity (read once per process, cold in a test) and the
    # 政府信息公开 tree beside the page (one query).
    with django_assert_num_queries(7):
        response = client.get(URL)
    assert len(response.context["page"].object_list) == 50


def test_item_page_shows_bases_and_history(client, office, body):
    power = make_power(office, body)
    power_update(actor=office, power=power, changed_on=dt.date(2026, 9, 1), reason="跨省通办",
                 fields=fields(kind=PowerKind.CONFIRMATION, exercised_by="各公安派出所"))  # fmt: skip
    response = client.get(reverse("listings:power", args=[power.pk]))
    text = response.content.decode()
    assert "《中华人民共和国户口登记条例》第十条" in text
    assert "第2版" in text and "2026-09-01" in text and "跨省通办" in text
    assert '<th scope="row">事项类型</th><td>行政许可</td><td>行政确认</td>' in text
    assert (
        '<th scope="row">行使主体</th><td>湛江市公安局（户政科）</td><td>各公安派出所</td>' in text
    )


def test_a_removed_power_keeps_its_page_saying_so(client, listed):
    gone = Power.objects.get(code="GA-JC-001")
    text = client.get(reverse("listings:power", args=[gone.pk])).content.decode()
    assert "该事项已于2026-10-15从清单中取消" in text


def test_missing_power_is_404(client, db):
    assert client.get(reverse("listings:power", args=[999])).status_code == 404


def test_xlsx_export_imports_back_unchanged(client, listed, office):
    response = client.get(URL + "?format=xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="powers.xlsx"'
    rows = powers_read_xlsx(response.content)
    assert [(r.fields["code"], r.fields["kind"], r.bases, r.errors) for r in rows] == [
        ("GA-CF-001", "penalty", [("中华人民共和国户口登记条例", "第十条")], []),
        ("GA-XK-001", "licensing", [("中华人民共和国户口登记条例", "第十条")], []),
        ("GA-XK-002", "licensing", [("中华人民共和国户口登记条例", "第十条")], []),
    ]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][-2:] == ["版本", "调整日期"]


def test_csv_and_json_exports_follow_the_filters(client, listed):
    response = client.get(URL + "?kind=penalty&format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["编码", "事项名称", "类型", "设定依据"]
    assert [r[:3] for r in rows[1:]] == [["GA-CF-001", "对饮酒后驾驶机动车的处罚", "行政处罚"]]
    data = json.loads(client.get(URL + "?q=身份证&format=json").content)
    assert [(d["code"], d["kind_label"], d["bases"]) for d in data] == [
        ("GA-XK-002", "行政许可", [{"law": "中华人民共和国户口登记条例", "article": "第十条"}])
    ]


def test_workbench_upload_preview_and_apply(client, office, body):
    client.force_login(office)
    content = xlsx_bytes([sheet_row(1), sheet_row(2)])
    upload = io.BytesIO(content)
    upload.name = "清单.xlsx"
    response = client.post(reverse("listings:manage"), {"file": upload})
    created = PowerImport.objects.get()
    assert response.url == reverse("listings:import_preview", args=[created.pk])
    preview = client.get(response.url)
    assert "新增2项，变更0项，未变0项，有错误0行。" in preview.content.decode()
    assert Power.objects.count() == 0
    response = client.post(response.url, {"changed_on": "2026-11-20", "reason": "首次公布"})
    assert response.url == reverse("listings:manage")
    assert list(Power.objects.values_list("code", "version")) == [("GA-0001", 1), ("GA-0002", 1)]


def test_workbench_preview_lists_row_errors_and_offers_no_apply(client, office, body):
    client.force_login(office)
    upload = io.BytesIO(xlsx_bytes([sheet_row(1), sheet_row(2, 编码="", 类型="审批")]))
    upload.name = "bad.xlsx"
    response = client.post(reverse("listings:manage"), {"file": upload}, follow=True)
    text = response.content.decode()
    assert "第4行： 编码为空。；类型“审批”不是以下之一" in text
    assert "确认导入" not in text


def test_workbench_refuses_a_file_that_is_not_xlsx(client, office, body):
    client.force_login(office)
    upload = io.BytesIO(powers_file(1))
    upload.name = "清单.xls"
    response = client.post(reverse("listings:manage"), {"file": upload})
    assert response.status_code == 200
    assert "请上传 .xlsx 电子表格。" in response.content.decode()
    assert PowerImport.objects.count() == 0


@pytest.mark.parametrize("who", ["anonymous", "handler", "office"])
def test_workbench_is_for_the_office(client, body, who):
    if who != "anonymous":
        roles = [Role.OFFICE] if who == "office" else [Role.HANDLER]
        client.force_login(make_staff(body, roles=roles, username=who))
    response = client.get(reverse("listings:manage"))
    expected = {"anonymous": 302, "handler": 404, "office": 200}[who]
    assert response.status_code == expected


def test_the_adjustments_feed(client, listed):
    text = client.get(reverse("listings:powers_feed")).content.decode()
    gone = Power.objects.get(code="GA-JC-001")
    assert "<title>取消：派出所日常消防监督检查</title>" in text
    assert f"/xxgk/powers/{gone.pk}/#v2</link>" in text
    assert "<description>由消防救援机构列入清单</description>" in text
    assert text.count("<item>") == 5


def test_workbench_preview_names_missing_powers_and_removes_them_when_asked(client, listed, office):
    client.force_login(office)
    upload = io.BytesIO(xlsx_bytes([sheet_row(1, 编码="GA-XK-001")]))
    upload.name = "新清单.xlsx"
    preview_url = client.post(reverse("listings:manage"), {"file": upload}).url
    text = client.get(preview_url).content.decode()
    assert "现有有效但本文件未列出的事项" in text
    assert "<li>GA-CF-001 对饮酒后驾驶机动车的处罚</li>" in text
    client.post(
        preview_url, {"changed_on": "2026-12-01", "reason": "2026年清单", "remove_missing": "on"}
    )
    assert list(Power.objects.filter(is_active=True).values_list("code", flat=True)) == [
        "GA-XK-001"
    ]
