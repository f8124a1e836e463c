"""The portal's catalog, dataset pages and downloads, and the workbench pages."""

import csv
import io
import json
import re

import pytest
from openpyxl import load_workbook

from gongkai.core.models import LedgerEntry
from gongkai.listings.tests.factories import make_power
from gongkai.opendata import services
from gongkai.opendata.models import ApiKey, DataRequest, Dataset
from gongkai.opendata.tests.conftest import make_dataset

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_catalog_filters_by_theme_condition_format_and_words(client, office, body):
    services.builtin_datasets_sync()
    make_dataset(office, body)
    page = client.get("/opendata/").content.decode()
    assert "权责清单" in page and "110接处警警情分类统计" in page and "有条件开放" in page
    page = client.get("/opendata/?theme=just").content.decode()
    assert "权责清单" in page and "政府信息公开申请统计" not in page
    page = client.get("/opendata/?condition=conditional").content.decode()
    assert "110接处警警情分类统计" in page and "权责清单" not in page
    page = client.get("/opendata/?format=xlsx&q=警情").content.decode()
    assert "共 0 个数据集" in page
    page = client.get("/opendata/?q=警情").content.decode()
    assert "共 1 个数据集" in page


def test_dataset_page_shows_fields_downloads_and_counts(client, office, body):
    services.builtin_datasets_sync()
    make_power(office, body, "GA-XK-001", name="户口迁移审批")
    client.get("/opendata/powers/download.csv")
    page = client.get("/opendata/powers/").content.decode()
    assert "设定依据" in page and "法律法规名称及条款" in page and "文本" in page
    assert re.search(r"CSV</a> <span class=\"muted\">下载 1 次", page)
    assert "下载 1 次" in page


def test_downloads_have_the_same_fields_in_three_formats(client, office, body):
    services.builtin_datasets_sync()
    make_power(office, body, "GA-XK-001", name="户口迁移审批")
    make_power(office, body, "GA-XK-002", name='=HYPERLINK("x")')
    csv_rows = list(
        csv.reader(
            io.StringIO(_body(client.get("/opendata/powers/download.csv")).decode("utf-8-sig"))
        )
    )
    assert csv_rows[0][:2] == ["编码", "事项名称"] and csv_rows[1][:2] == [
        "GA-XK-001",
        "户口迁移审批",
    ]
    # A cell Excel would read as a formula is written as text.
    assert csv_rows[2][1] == '\'=HYPERLINK("x")'
    data = json.loads(client.get("/opendata/powers/download.json").content)
    assert data["fields"][0] == {"name": "code", "title": "编码", "type": "string"}
    assert [r["code"] for r in data["records"]] == ["GA-XK-001", "GA-XK-002"]
    response = client.get("/opendata/powers/download.xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="powers.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][:2] == ["编码", "事项名称"]
    assert sheet.max_row == 3
    assert client.get("/opendata/powers/download.pdf").status_code == 404


def test_conditional_dataset_refused_without_key_then_requested(client, office, body):
    dataset = make_dataset(office, body)
    response = client.get("/opendata/police-calls/download.csv")
    assert response.status_code == 403 and "有条件开放" in response.content.decode()
    response = client.post("/opendata/police-calls/apply/", {
        "applicant": "郑海峰", "organisation_name": "岭南师范学院",
        "purpose": "开展社会治安态势课题研究，仅用于学术分析。", "email": "zhenghf@example.edu.cn",
        "consent": "on",
    })  # fmt: skip
    assert response.status_code == 302
    follow = response["Location"]
    assert "待审核" in client.get(follow).content.decode()
    services.request_approve(actor=office, request=DataRequest.objects.get())
    page = client.get(follow).content.decode()
    assert "领取密钥" in page
    page = client.post(follow).content.decode()
    key = re.search(r'<code class="key">([^<]+)</code>', page).group(1)
    assert ApiKey.objects.get().prefix == key[:8]
    assert "领取密钥" not in client.get(follow).content.decode()
    response = client.get("/opendata/police-calls/download.csv", HTTP_X_API_KEY=key)
    assert response.status_code == 200 and "接警数" in _body(response).decode("utf-8-sig")
    assert dataset.downloads.get(format="csv").count == 1


def test_apply_refuses_a_request_without_contact(client, office, body):
    make_dataset(office, body)
    response = client.post("/opendata/police-calls/apply/", {
        "applicant": "郑海峰", "purpose": "开展社会治安态势课题研究，仅用于学术分析。", "consent": "on",
    })  # fmt: skip
    assert response.status_code == 200 and "请填写电话或电子邮箱" in response.content.decode()
    assert not DataRequest.objects.exists()


def test_office_adds_and_edits_a_dataset_in_the_workbench(client, office, body):
    client.force_login(office)
    response = client.post("/workbench/opendata/new/", {
        "action": "save", "title": "交通违法高发路段", "slug": "hotspots", "publisher": body.pk,
        "theme": "tran", "frequency": "monthly", "condition": "open", "licence": "CC-BY-4.0",
        "is_published": "on", "fields_text": "路段名称 | 文本 | 道路及路段\n查处起数 | 整数 | 当月起数",
    })  # fmt: skip
    dataset = Dataset.objects.get(slug="hotspots")
    assert response.status_code == 302
    assert [(f.name, f.type) for f in dataset.field_rows.all()] == [
        ("路段名称", "string"), ("查处起数", "integer"),
    ]  # fmt: skip
    upload = io.BytesIO("路段名称,查处起数\n人民大道中,412\n".encode())
    upload.name = "roads.csv"
    response = client.post(
        f"/workbench/opendata/{dataset.pk}/", {"action": "upload", "format": "csv", "file": upload}
    )
    assert response.status_code == 302
    assert client.get("/opendata/hotspots/download.csv").status_code == 200
    page = client.post(f"/workbench/opendata/{dataset.pk}/", {
        "action": "save", "title": "交通违法高发路段", "publisher": body.pk, "theme": "tran",
        "frequency": "monthly", "condition": "open", "licence": "CC-BY-4.0",
        "fields_text": "路段名称 | 颜色 | x",
    }).content.decode()  # fmt: skip
    assert "未知的字段类型" in page


def test_office_decides_a_request_in_the_workbench(client, office, body):
    dataset = make_dataset(office, body)
    request, _token = services.request_submit(
        dataset=dataset, applicant="刘思远", purpose="用于导航软件中的夜间出行安全提示。",
        phone="13802561234",
    )  # fmt: skip
    client.force_login(office)
    assert "刘思远" in client.get("/workbench/opendata/").content.decode()
    page = client.post(f"/workbench/opendata/requests/{request.pk}/", {
        "decision": "refuse", "reason": "", "per_minute": 10, "per_day": 100,
    }).content.decode()  # fmt: skip
    assert "请填写不予同意的理由" in page
    response = client.post(f"/workbench/opendata/requests/{request.pk}/", {
        "decision": "refuse", "reason": "用途与开放范围不符", "per_minute": 10, "per_day": 100,
    })  # fmt: skip
    assert response.status_code == 302
    assert DataRequest.objects.get().status == "refused"
    assert LedgerEntry.objects.filter(action="opendata.request_refuse").exists()


def test_keys_page_shows_a_new_key_once(client, office, body):
    client.force_login(office)
    page = client.post("/workbench/opendata/keys/", {
        "holder": "湛江安途出行科技有限公司", "per_minute": 60, "per_day": 5000,
    }).content.decode()  # fmt: skip
    key = ApiKey.objects.get()
    assert re.search(r'<code class="key">od_', page) and key.per_day == 5000
    page = client.get("/workbench/opendata/keys/").content.decode()
    assert '<code class="key">' not in page and key.prefix in page
    client.post(f"/workbench/opendata/keys/{key.pk}/revoke/")
    assert not ApiKey.objects.get().is_active


def test_workbench_is_for_the_office(client, handler):
    client.force_login(handler)
    assert client.get("/workbench/opendata/").status_code == 404
